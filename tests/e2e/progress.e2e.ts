import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { cell, editText, textOf, until } from './grid';

/** Makes a round in preparation on the 研判与通报 page. */
async function newRound(page: Page, kind: string, date: string, name: string): Promise<void> {
  await page.getByTestId('tab-rounds').click();
  await page.getByTestId('rounds-page').waitFor();
  await page.getByTestId('round-kind').selectOption(kind);
  await page.getByTestId('round-date').fill(date);
  const before = await page.getByTestId('round-row').count();
  await page.getByTestId('round-create').click();
  await until(() => page.getByTestId('round-row').count(), before + 1);
  await until(() => page.getByTestId('round-row').filter({ hasText: name }).getAttribute('data-state'), 'preparing');
}

async function hold(page: Page, name: string): Promise<void> {
  await page.getByTestId('tab-rounds').click();
  const row = page.getByTestId('round-row').filter({ hasText: name });
  await row.getByTestId('round-hold').click();
  await page.getByTestId('confirm-dialog').waitFor();
  await page.getByTestId('confirm-ok').click();
  await until(() => row.getAttribute('data-state'), 'held');
}

async function toList(page: Page): Promise<void> {
  await page.getByTestId('tab-list').click();
  await cell(page, 0, 'progress').waitFor();
}

/** The row history's 各轮进展情况 table, one text per round (cells joined by tabs). */
async function progressRows(page: Page): Promise<string[]> {
  await cell(page, 0, 'measure').click();
  await page.getByTestId('row-history-button').click();
  const rows = page.getByTestId('row-history').getByTestId('row-progress-round');
  await rows.first().waitFor();
  const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s*\t\s*/g, '\t').trim());
  await page.keyboard.press('Escape');
  await page.getByTestId('row-history').waitFor({ state: 'detached' });
  return texts;
}

const SHOTS = process.env.SQD_SHOTS;
const MARCH = '三月：已建立网络账号台账';
const SEPTEMBER = '九月：账号每月核查，未发现问题';

describeE2e('进展情况 per round in Chromium', () => {
  const { newContext } = useBrowser();

  it('March progress stays when September is entered: the grid shows the current round, the row history both, after a reload too', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.setViewportSize({ width: 1920, height: 1000 }); // every column shown in view, 进展情况 the last
    // the column is shown on demand, and stays shown (after a reload too)
    await page.getByTestId('column-chooser').click();
    await page.getByTestId('column-toggle-progress').check();
    await page.keyboard.press('Escape');
    await cell(page, 0, 'progress').waitFor();
    const status = (await cell(page, 0, 'status').innerText()).trim();

    // no round yet: the cell says to make the meeting first, and nothing is written
    await editText(page, cell(page, 0, 'progress'), '无轮次时的进展');
    await until(async () => (await page.locator('body').innerText()).includes('请先在“研判轮次”页新建本次研判会'), true);
    expect((await cell(page, 0, 'progress').innerText()).trim()).toBe('');

    await newRound(page, 'first-half', '2026-03-15', '2026年上半年研判会');
    await toList(page);
    await editText(page, cell(page, 0, 'progress'), MARCH);
    await until(textOf(cell(page, 0, 'progress')), MARCH);

    await hold(page, '2026年上半年研判会');
    // the held round prints and exports with the progress reported for it, as the grid showed it then
    await page.getByTestId('round-row').filter({ hasText: '2026年上半年研判会' }).getByTestId('round-view').click();
    const print = page.getByTestId('print-view');
    await print.waitFor();
    expect(await print.locator('thead').innerText()).toContain('本轮进展情况');
    expect(await print.locator('tbody tr').filter({ hasText: MARCH }).count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('snapshot-export').click();
    const [frozen] = readXlsx(new Uint8Array(readFileSync((await (await download).path())!)));
    const header = frozen!.rows.find((r) => r.includes('本轮进展情况'))!;
    expect(frozen!.rows.find((r) => r.includes(MARCH))?.indexOf(MARCH)).toBe(header.indexOf('本轮进展情况'));
    await page.keyboard.press('Escape');
    await print.waitFor({ state: 'detached' });
    await toList(page);
    // held, the round's text stays in view, frozen: an edit is refused with the way forward
    expect((await cell(page, 0, 'progress').innerText()).trim()).toBe(MARCH);
    await editText(page, cell(page, 0, 'progress'), '改写三月');
    await until(async () => (await page.locator('body').innerText()).includes('请先在“研判轮次”页新建下一次研判会'), true);
    expect((await cell(page, 0, 'progress').innerText()).trim()).toBe(MARCH);

    await newRound(page, 'second-half', '2026-09-15', '2026年下半年研判会');
    await toList(page);
    await until(textOf(cell(page, 0, 'progress')), ''); // September has nothing yet
    await editText(page, cell(page, 0, 'progress'), SEPTEMBER);
    await until(textOf(cell(page, 0, 'progress')), SEPTEMBER);

    // a column of texts copied from a spreadsheet pastes into the round's entries, as one undoable step
    await cell(page, 1, 'progress').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), '九月：第二条已落实\r\n九月：第三条推进中\r\n');
    await page.keyboard.press('Control+V');
    await until(textOf(cell(page, 1, 'progress')), '九月：第二条已落实');
    await until(textOf(cell(page, 2, 'progress')), '九月：第三条推进中');
    await until(async () => (await page.locator('body').innerText()).includes('写入“2026年下半年研判会”进展 2 条'), true);
    // Delete clears an entry as it clears any cell
    await cell(page, 1, 'progress').click();
    await page.keyboard.press('Delete');
    await until(textOf(cell(page, 1, 'progress')), '');
    await page.getByTestId('undo').click();
    await until(textOf(cell(page, 1, 'progress')), '九月：第二条已落实');
    await page.getByTestId('undo').click();
    await until(textOf(cell(page, 1, 'progress')), '');
    await until(textOf(cell(page, 2, 'progress')), '');
    expect((await cell(page, 0, 'progress').innerText()).trim()).toBe(SEPTEMBER);

    const expected = [
      expect.stringMatching(new RegExp(`^2026年上半年研判会（已召开）\\t\\d{4}-\\d{2}-\\d{2}\\t${status}\\t${MARCH}$`)),
      expect.stringMatching(new RegExp(`^2026年下半年研判会（准备中）\\t\\d{4}-\\d{2}-\\d{2}\\t${status}\\t${SEPTEMBER}$`)),
    ];
    expect(await progressRows(page)).toEqual(expected);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/progress-grid.png` });
      await cell(page, 0, 'measure').click();
      await page.getByTestId('row-history-button').click();
      await page.getByTestId('row-progress-round').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/progress-history.png` });
      await page.keyboard.press('Escape');
    }

    await page.reload();
    await until(textOf(cell(page, 0, 'progress')), SEPTEMBER);
    expect(await progressRows(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await context.close();
  });
});
