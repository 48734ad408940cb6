import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { until } from './grid';
import { readXlsx } from '../../src/xlsx/readXlsx';

const findings = (page: Page) => page.getByTestId('review-finding');
const countOf = async (page: Page, rule: string) => {
  const chip = page.getByTestId(`review-count-${rule}`);
  return (await chip.count()) ? Number((await chip.locator('b').innerText()).trim()) : 0;
};
const focused = (page: Page) =>
  page.evaluate(() => {
    const c = document.activeElement?.closest?.('[data-testid="risk-grid"] [col-id]');
    return c ? `${c.closest('[row-id]')?.getAttribute('row-id') ?? ''}:${c.getAttribute('col-id')}` : null;
  });

describeE2e('the 检查 panel beside the grid', () => {
  const { newContext } = useBrowser();

  it('lists the findings, goes to a finding’s cell, fixes it in one click, and the finding goes; a reload keeps it open', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('review-toggle').click();
    await page.getByTestId('review-panel').waitFor();
    await until(async () => (await findings(page).count()) > 0, true);
    const missing = await countOf(page, 'measure-no-leader');
    expect(missing).toBeGreaterThan(0);

    // the cell a finding is about carries its mark, and a click on the finding goes there
    const first = page.locator('[data-testid="review-finding"][data-rule="measure-no-leader"]').filter({ has: page.getByTestId('review-fix') }).first();
    await first.locator('.finding__main').click();
    await until(async () => (await focused(page))?.endsWith(':leaders') ?? false, true);
    expect(await page.locator('[data-testid="risk-grid"] .cell-finding--warning[col-id="leaders"]').count()).toBeGreaterThan(0);

    // the quick fix fills the 分管领导: that finding goes, one undo brings it back
    await first.getByTestId('review-fix').click();
    await until(() => countOf(page, 'measure-no-leader'), missing - 1);
    await page.getByTestId('undo').click();
    await until(() => countOf(page, 'measure-no-leader'), missing);

    // a finding dismissed with a reason is no longer counted, and shown again on request
    await page.locator('[data-testid="review-finding"][data-rule="measure-no-leader"]').first().getByTestId('review-dismiss').click();
    await page.getByTestId('dismiss-reason').fill('由校长统一负责');
    await page.getByTestId('dismiss-confirm').click();
    await until(() => countOf(page, 'measure-no-leader'), missing - 1);

    await page.reload();
    await page.getByTestId('review-panel').waitFor();
    await until(() => countOf(page, 'measure-no-leader'), missing - 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes the 审核结果 and 研判材料 sheets into the export when asked (导出设置)', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('export-settings').click();
    await page.getByTestId('export-review').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-confirm').click();
    const sheets = readXlsx(readFileSync((await (await download).path())!));
    const names = sheets.filter((s) => !s.hidden).map((s) => s.name);
    expect(names).toContain('审核结果');
    expect(names).toContain('研判材料');
    const review = sheets.find((s) => s.name === '审核结果')!;
    expect(review.rows[1]).toEqual(['序号', '问题清单', '措施清单', '责任部门', '责任领导', '审核状态', '审核意见', '检查提醒']);
    expect(review.rows.slice(2).some((r) => (r[7] ?? '').includes('缺责任领导'))).toBe(true);
    const material = sheets.find((s) => s.name === '研判材料')!.rows.map((r) => r[0] ?? '');
    expect(material).toContain('二、主要风险点');
    expect(errors).toEqual([]);
    await context.close();
  });
});
