import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, until } from './grid';

const count = async (page: Page) => Number((await page.getByTestId('row-count').innerText()).match(/共 (\d+)/)![1]);
const legendCount = async (page: Page, status: string) =>
  Number(await page.getByTestId('status-legend').locator(`button[data-status="${status}"] .count`).innerText());
const closedRow = (page: Page, row: number) => page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="measure"].cell-closed`);

async function chooseStatus(page: Page, row: number, status: string): Promise<void> {
  await cell(page, row, 'status').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('status-editor');
  await editor.waitFor();
  await editor.getByRole('option', { name: new RegExp(status) }).click();
}

const shown = async (page: Page) => Number((await page.getByTestId('row-count').innerText()).match(/显示 (\d+)/)![1]);

describeE2e('销号 and the next period', () => {
  const { newContext } = useBrowser();

  it('closes a measure with a date and 验收意见, hides it on demand, reopens it, and 开始下一期 carries only the open work', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const measures = await columnTexts(page, 'measure');
    const total = await count(page);
    const closed = measures[1]!;
    const statusBefore = (await columnTexts(page, 'status'))[1]!;

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
    // the status cell reads 已销号, its date on hover
    await until(() => cell(page, 1, 'status').innerText(), '已销号');
    expect(await cell(page, 1, 'status').locator('.status-cell').getAttribute('title')).toContain('已销号（2026-09-10）');
    // and the exported file's 进展情况 says so, with the date
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const [sheet] = readXlsx(readFileSync((await (await download).path())!));
    const header = sheet!.rows.findIndex((r) => r.includes('进展情况'));
    const col = sheet!.rows[header]!.indexOf('进展情况');
    const measureCol = sheet!.rows[header]!.indexOf('措施清单');
    const exported = sheet!.rows.find((r) => r[measureCol] === closed);
    expect(exported?.[col]).toBe('已销号（2026-09-10）');

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
    await until(() => cell(page, 1, 'status').innerText(), statusBefore);
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

  it('counts a 销号 by record as 已销号, and offers the 销号 when 已销号 is chosen as a status', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const statuses = await columnTexts(page, 'status');
    expect(statuses[1]).toBe('推进中');
    const closedBefore = await legendCount(page, '已销号');
    const ongoingBefore = await legendCount(page, '推进中');

    // closed from the menu, its text still 推进中: the legend counts it as 已销号
    await cell(page, 1, 'measure').click({ button: 'right' });
    await page.getByTestId('context-menu').getByRole('menuitem', { name: /^销号/ }).click();
    await page.getByTestId('close-dialog').waitFor();
    // 销号 of unfinished work is allowed, with a warning
    expect(await page.getByTestId('close-warning').innerText()).toBe('该措施进展为‘推进中’，确定销号？');
    await page.getByTestId('close-submit').click();
    await until(() => closedRow(page, 1).count(), 1);
    await until(() => legendCount(page, '已销号'), closedBefore + 1);
    expect(await legendCount(page, '推进中')).toBe(ongoingBefore - 1);
    // the cell reads 已销号; the status it had is kept and named on hover
    await until(() => cell(page, 1, 'status').innerText(), '已销号');
    expect(await cell(page, 1, 'status').locator('.status-cell').getAttribute('title')).toContain('销号前进展：推进中');
    // and the status filter 已销号 shows it
    await page.getByTestId('status-legend').locator('button[data-status="已销号"]').click();
    await until(async () => (await columnTexts(page, 'measure')).length, closedBefore + 1);
    await page.getByTestId('status-legend').locator('button[data-status="已销号"]').click();
    await until(() => shown(page), await count(page));

    // 已销号 chosen in a cell: the real 销号 is offered, with its date and 验收意见
    const target = statuses.findIndex((st, i) => i > 1 && st !== '已销号');
    await chooseStatus(page, target, '已销号');
    const offer = page.getByTestId('close-dialog');
    await offer.waitFor();
    expect(await offer.innerText()).toContain('进展已改为“已销号”');
    await offer.getByTestId('close-note').fill('经党办验收');
    await offer.getByTestId('close-submit').click();
    await offer.waitFor({ state: 'detached' });
    await until(() => closedRow(page, target).count(), 1);
    await until(() => legendCount(page, '已销号'), closedBefore + 2);

    // declined: the text stays 已销号 and is counted the same, without a closure record
    const other = statuses.findIndex((st, i) => i > target && st !== '已销号');
    await chooseStatus(page, other, '已销号');
    await page.getByTestId('close-dialog').waitFor();
    await page.getByTestId('close-dialog').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('close-dialog').waitFor({ state: 'detached' });
    await until(() => legendCount(page, '已销号'), closedBefore + 3);
    expect(await closedRow(page, other).count()).toBe(0);
    expect(await cell(page, other, 'status').innerText()).toBe('已销号');
    expect(errors).toEqual([]);
    await context.close();
  });
});
