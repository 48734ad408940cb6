import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { until } from './grid';

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
});
