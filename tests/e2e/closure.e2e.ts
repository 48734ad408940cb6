import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, until } from './grid';

const count = async (page: Page) => Number((await page.getByTestId('row-count').innerText()).match(/共 (\d+)/)![1]);
const shown = async (page: Page) => Number((await page.getByTestId('row-count').innerText()).match(/显示 (\d+)/)![1]);

describeE2e('销号 and the next period', () => {
  const { newContext } = useBrowser();

  it('closes a measure with a date and 验收意见, hides it on demand, reopens it, and 开始下一期 carries only the open work', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const measures = await columnTexts(page, 'measure');
    const total = await count(page);
    const closed = measures[1]!;

    // 销号 from the cell's menu: date, note and who, one undoable step
    await cell(page, 1, 'measure').click({ button: 'right' });
    await page.getByTestId('context-menu').getByRole('menuitem', { name: /^销号/ }).click();
    const dialog = page.getByTestId('close-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('close-date').fill('2026-09-10');
    await dialog.getByTestId('close-note').fill('已完成整改，经党办验收');
    await dialog.getByTestId('close-by').fill('党办');
    await dialog.getByTestId('close-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await until(() => page.locator('.ag-row[row-index="1"] .ag-cell[col-id="measure"].cell-closed').count(), 1);

    // the filter hides closed measures
    await page.getByTestId('filter-hide-closed').check();
    await until(() => shown(page), total - 1);
    await until(async () => (await columnTexts(page, 'measure')).includes(closed), false);
    await page.getByTestId('filter-hide-closed').uncheck();
    await until(() => shown(page), total);

    // the row's history keeps the 销号 with its note
    await page.getByTestId('tab-history').click();
    await until(async () => (await page.locator('.history-page').innerText()).includes('已完成整改，经党办验收'), true);
    await page.getByTestId('tab-list').click();
    await cell(page, 1, 'measure').waitFor();

    // reopening is possible, and undo takes it back to closed
    await cell(page, 1, 'measure').click({ button: 'right' });
    await page.getByTestId('context-menu').getByRole('menuitem', { name: /^重新打开/ }).click();
    await until(() => page.locator('.cell-closed').count(), 0);
    await page.getByTestId('undo').click();
    await until(() => page.locator('.ag-row[row-index="1"] .ag-cell[col-id="measure"].cell-closed').count(), 1);

    // 开始下一期: the closed measure stays behind, statuses start again at 未开始 (长期坚持 kept)
    await page.getByTestId('duplicate-list').click();
    const next = page.getByTestId('list-dialog');
    await next.waitFor();
    expect(await next.getByTestId('list-period').inputValue()).toBe('2026年下半年');
    await page.getByTestId('list-dialog-submit').click();
    await next.waitFor({ state: 'detached' });
    await until(async () => (await page.locator('.list-heading .period').innerText()).trim(), '2026年下半年');
    await until(() => count(page), total - 1);
    // (only the rows in view are drawn: the ones shown at first, less the closed one, lead the new list)
    const open = measures.filter((m) => m !== closed);
    await until(async () => (await columnTexts(page, 'measure')).slice(0, open.length), open);
    const statuses = await columnTexts(page, 'status');
    expect(statuses.every((s) => s === '未开始' || s === '长期坚持')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
