import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { baseUrl, describeE2e, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, textOf, until } from './grid';

/** The focused cell as row index and column, or null when the focus is outside the grid. */
async function focusedCell(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const c = el?.closest?.('[data-testid="risk-grid"] [col-id]');
    if (!c) return null;
    const row = c.closest('.ag-row[row-index]');
    const index = row ? row.getAttribute('row-index') : String(Number(c.getAttribute('aria-rowindex')) - 2);
    return `${index}:${c.getAttribute('col-id')}`;
  });
}

/** The selected cells as row:column, in document order of rows. */
async function rangeCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="risk-grid"] .cell-in-range')]
      .map((c) => {
        const row = c.closest('.ag-row[row-index]');
        const index = row ? Number(row.getAttribute('row-index')) : Number(c.getAttribute('aria-rowindex')) - 2;
        return { index, key: `${index}:${c.getAttribute('col-id')}` };
      })
      .sort((a, b) => a.index - b.index || a.key.localeCompare(b.key))
      .map((c) => c.key),
  );
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describeE2e('spreadsheet keys and cell ranges', () => {
  const { newContext } = useBrowser();

  it('Alt+Enter breaks a line in the editor; Ctrl+Home/End, Home/End move; Ctrl+D / Ctrl+R fill; one key leaves the grid', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const count = Number((await page.getByTestId('row-count').innerText()).match(/共 (\d+)/)![1]);

    // Alt+Enter (and Shift+Enter) add a line break while editing; Enter commits
    await cell(page, 1, 'note').click();
    await page.keyboard.press('Enter');
    const editor = page.locator('.ag-popup-editor textarea');
    await editor.waitFor();
    await editor.fill('第一行');
    await page.keyboard.press('Alt+Enter');
    await page.keyboard.type('第二行');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('第三行');
    await page.keyboard.press('Enter');
    await until(textOf(cell(page, 1, 'note')), '第一行\n第二行\n第三行');

    // Home / End: the row's first and last cell; Ctrl+Home / Ctrl+End: the list's
    await cell(page, 1, 'measure').click();
    await page.keyboard.press('End');
    await until(() => focusedCell(page), '1:note');
    await page.keyboard.press('Home');
    await until(() => focusedCell(page), '1:serial');
    await page.keyboard.press('Control+End');
    await until(() => focusedCell(page), `${count - 1}:note`);
    await page.keyboard.press('Control+Home');
    await until(() => focusedCell(page), '0:serial');

    // Ctrl+D: the cell above copied down; Ctrl+R: the cell to the left copied right
    await cell(page, 2, 'note').click();
    await page.keyboard.press('Control+D');
    await until(textOf(cell(page, 2, 'note')), '第一行\n第二行\n第三行');
    const deadline = await textOf(cell(page, 3, 'deadline'))();
    const status = await textOf(cell(page, 3, 'status'))();
    await cell(page, 3, 'status').click();
    await page.keyboard.press('Control+R');
    await until(textOf(cell(page, 3, 'status')), deadline);
    // each fill is one undoable step
    await page.keyboard.press('Control+Z');
    await until(textOf(cell(page, 3, 'status')), status);
    expect(await textOf(cell(page, 2, 'note'))()).toBe('第一行\n第二行\n第三行');

    // leaving the grid takes one key: Ctrl+Shift+↑, or Esc then Tab
    await cell(page, 5, 'measure').click();
    await page.keyboard.press('Control+Shift+ArrowUp');
    await until(() => focusedCell(page), null);
    expect(await page.evaluate(() => !!document.activeElement && document.activeElement !== document.body)).toBe(true);
    await cell(page, 5, 'measure').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await until(() => focusedCell(page), null);
    // Tab alone still moves between cells
    await cell(page, 5, 'measure').click();
    await page.keyboard.press('Tab');
    await until(() => focusedCell(page), '5:departments');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Shift+arrows and a mouse drag select a rectangle; copy, paste, Delete and fill act on it, each one step', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const measures = await columnTexts(page, 'measure');
    const departments = await columnTexts(page, 'departments');

    // Shift+↓ ↓ → from 措施清单 row 0: three rows × two columns, shown
    await cell(page, 0, 'measure').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await until(() => rangeCells(page), ['0:departments', '0:measure', '1:departments', '1:measure', '2:departments', '2:measure']);
    await page.keyboard.press('Control+C');
    const rows = [0, 1, 2].map((i) => [measures[i]!, departments[i]!]);
    const quote = (v: string) => (/[\t\n"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    expect(await clipboard(page)).toBe(rows.map((r) => r.map(quote).join('\t')).join('\r\n'));

    // a plain click starts again at one cell; Shift+click extends from it
    await cell(page, 4, 'note').click();
    await until(() => rangeCells(page), []);
    await cell(page, 5, 'status').click({ modifiers: ['Shift'] });
    await until(() => rangeCells(page), ['4:note', '4:status', '5:note', '5:status']);
    expect(await focusedCell(page)).toBe('4:note');
    await cell(page, 4, 'note').click();
    await until(() => rangeCells(page), []);

    // a mouse drag from 完成时限 row 3 to 进展/状态 row 5
    const from = (await cell(page, 3, 'deadline').boundingBox())!;
    const to = (await cell(page, 5, 'status').boundingBox())!;
    await page.mouse.move(from.x + 10, from.y + 5);
    await page.mouse.down();
    await page.mouse.move(to.x + 10, to.y + 5, { steps: 8 });
    await page.mouse.up();
    await until(() => rangeCells(page), ['3:deadline', '3:status', '4:deadline', '4:status', '5:deadline', '5:status']);
    // cells are selected, not the text in them
    expect(await page.evaluate(() => getSelection()?.toString() ?? '')).toBe('');

    // one value pasted over the range fills all of it
    await page.evaluate(() => navigator.clipboard.writeText('2026年12月底前'));
    await page.keyboard.press('Control+V');
    await until(async () => (await columnTexts(page, 'status')).slice(3, 6), ['2026年12月底前', '2026年12月底前', '2026年12月底前']);
    expect((await columnTexts(page, 'deadline')).slice(3, 6)).toEqual(['2026年12月底前', '2026年12月底前', '2026年12月底前']);

    // Delete clears the range in one step; one undo brings it back
    await page.keyboard.press('Delete');
    await until(async () => (await columnTexts(page, 'status')).slice(3, 6), ['', '', '']);
    expect((await columnTexts(page, 'deadline')).slice(3, 6)).toEqual(['', '', '']);
    await page.keyboard.press('Control+Z');
    await until(async () => (await columnTexts(page, 'status')).slice(3, 6), ['2026年12月底前', '2026年12月底前', '2026年12月底前']);

    // a block pasted at the range's top-left cell
    await cell(page, 6, 'deadline').click();
    await page.evaluate(() => navigator.clipboard.writeText('甲\t乙\r\n丙\t丁\r\n'));
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+V');
    await until(async () => (await columnTexts(page, 'deadline')).slice(6, 8), ['甲', '丙']);
    expect((await columnTexts(page, 'status')).slice(6, 8)).toEqual(['乙', '丁']);

    // Ctrl+D over a range: its first row copied over the rest, one step
    await cell(page, 6, 'deadline').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+D');
    await until(async () => (await columnTexts(page, 'deadline')).slice(6, 9), ['甲', '甲', '甲']);
    expect((await columnTexts(page, 'status')).slice(6, 9)).toEqual(['乙', '乙', '乙']);

    // cut: copied, then cleared
    await cell(page, 6, 'deadline').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+X');
    await until(async () => (await columnTexts(page, 'deadline'))[6], '');
    expect(await clipboard(page)).toBe('甲\t乙');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Ctrl+X on ticked rows copies them and clears their measures’ cells, leaving the merged problem alone', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const problems = await columnTexts(page, 'problem');
    const measures = await columnTexts(page, 'measure');
    await cell(page, 1, 'rowHandle').locator('input[type=checkbox]').click();
    await cell(page, 1, 'measure').click();
    await page.keyboard.press('Control+X');
    await until(async () => (await columnTexts(page, 'measure'))[1], '');
    expect(await textOf(cell(page, 1, 'departments'))()).toBe('');
    expect((await columnTexts(page, 'problem'))[0]).toBe(problems[0]);
    expect((await clipboard(page)).split('\t')).toContain(measures[1]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a range over the problem column covers whole problems and copies each problem once', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const problems = await columnTexts(page, 'problem');
    const measures = await columnTexts(page, 'measure');
    await cell(page, 0, 'problem').click();
    await page.keyboard.press('Shift+ArrowDown'); // into the next problem (rows 3–4)
    await page.keyboard.press('Shift+ArrowRight');
    await until(async () => (await rangeCells(page)).filter((c) => c.endsWith(':measure')).length, 5);
    await page.keyboard.press('Control+C');
    const text = await clipboard(page);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.split('\t')[0])).toEqual([problems[0], '', '', problems[1], '']);
    expect(lines.map((l) => l.split('\t')[1])).toEqual(measures.slice(0, 5));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a range stays on its rows when another tab adds a row above it', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const measures = await columnTexts(page, 'measure');
    await cell(page, 3, 'measure').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight'); // 措施 and 责任部门 of rows 4–6
    await until(async () => (await rangeCells(page)).length, 6);

    // another tab adds a measure under the first one: this tab's grid is given all its rows anew, one more above the range
    const total = async () => Number((await page.getByTestId('row-count').innerText()).match(/共 (\d+)/)![1]);
    const before = await total();
    const other = await context.newPage();
    await other.goto(baseUrl);
    await cell(other, 0, 'measure').click();
    await other.keyboard.press('Control+Enter');
    await until(total, before + 1);

    // the same rows, one further down
    await until(() => rangeCells(page), ['4:departments', '4:measure', '5:departments', '5:measure', '6:departments', '6:measure']);
    await page.keyboard.press('Control+C');
    const lines = (await clipboard(page)).split('\r\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(measures.slice(3, 6));
    expect(errors).toEqual([]);
    await context.close();
  });
});
