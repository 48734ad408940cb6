import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { textOf, until } from './grid';

/** The text of the cell the grid has focused (its focus class), or null. */
const focusedText = (page: Page) => () =>
  page.evaluate(() => (document.querySelector('[data-testid="risk-grid"] .ag-cell-focus') as HTMLElement | null)?.innerText.trim() ?? null);

describeE2e('find and replace', () => {
  const { newContext } = useBrowser();

  it('Ctrl+F focuses the search box; search matches several words and department aliases', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('risk-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="measure"]').click();
    await page.keyboard.press('Control+F');
    await until(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null), 'quick-search');

    await page.keyboard.type('家长');
    await until(async () => /^显示 \d+ \/ 共 22 条措施$/.test(await page.getByTestId('row-count').innerText()), true);
    const one = Number((await page.getByTestId('row-count').innerText()).match(/显示 (\d+)/)![1]);
    await page.getByTestId('quick-search').fill('家长 班主任');
    await until(async () => {
      const n = Number((await page.getByTestId('row-count').innerText()).match(/显示 (\d+)/)![1]);
      return n > 0 && n < one;
    }, true);
    // every shown row has both words somewhere (rows the filter hid fade out first)
    const shownTexts = () => page.evaluate(() => {
      const grid = document.querySelector('[data-testid="risk-grid"]')!;
      const byRow = new Map<number, string>();
      grid.querySelectorAll<HTMLElement>('.ag-row[row-index]:not(.ag-opacity-zero)').forEach((r) => {
        const i = Number(r.getAttribute('row-index'));
        byRow.set(i, `${byRow.get(i) ?? ''} ${r.innerText}`);
      });
      grid.querySelectorAll<HTMLElement>('.ag-spanned-cell').forEach((c) => {
        const first = Number(c.getAttribute('aria-rowindex')) - 2;
        for (let i = first; i < first + Number(c.getAttribute('aria-rowspan') ?? 1); i++) byRow.set(i, `${byRow.get(i) ?? ''} ${c.innerText}`);
      });
      return [...byRow.values()];
    });
    await until(async () => {
      const texts = await shownTexts();
      return texts.length > 0 && texts.every((t) => t.includes('家长') && t.includes('班主任'));
    }, true);

    // a department found by its alias: the sample's 德育处 is also called 政教处
    await page.getByTestId('quick-search').fill('德育处');
    await until(async () => /^显示 [1-9]\d* \/ 共 22 条措施$/.test(await page.getByTestId('row-count').innerText()), true);
    const byName = await page.getByTestId('row-count').innerText();
    await page.getByTestId('quick-search').fill('政教处');
    await until(textOf(page.getByTestId('row-count')), byName);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Ctrl+H: counts matches, goes to each, replaces one, replaces all as one undoable step', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('risk-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="measure"]').click();
    await page.keyboard.press('Control+H');
    const dialog = page.getByTestId('find-replace');
    await dialog.waitFor();
    await until(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null), 'find-text');

    await page.keyboard.type('家长');
    const count = page.getByTestId('find-count');
    await until(async () => /^共 \d+ 个单元格（\d+ 处）$/.test(await count.innerText()), true);
    const [, cells, total] = (await count.innerText()).match(/共 (\d+) 个单元格（(\d+) 处）/)!.map(Number);
    expect(cells).toBeGreaterThan(2);

    // next / previous focus the matching cells in the grid; the dialog keeps the keyboard
    await page.getByTestId('find-next').click();
    await until(async () => ((await focusedText(page)()) ?? '').includes('家长'), true);
    await until(async () => (await count.innerText()).startsWith(`第 1 个，共 ${cells} 个单元格`), true);
    const first = await focusedText(page)();
    await page.keyboard.press('Enter'); // in the find box: next
    await until(async () => (await count.innerText()).startsWith('第 2 个'), true);
    await until(async () => (await focusedText(page)()) !== first && ((await focusedText(page)()) ?? '').includes('家长'), true);
    await page.getByTestId('find-previous').click();
    await until(focusedText(page), first);

    // replace: the current cell only
    await page.getByTestId('replace-text').fill('家庭');
    await page.getByTestId('replace-one').click();
    await until(async () => (await count.innerText()).includes(`共 ${cells! - 1} 个单元格`), true);

    // replace all: one step, one undo
    await page.getByTestId('replace-all').click();
    await until(textOf(count), '未找到');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('undo').click();
    await page.keyboard.press('Control+H');
    await page.getByTestId('find-text').fill('家长');
    await until(async () => (await page.getByTestId('find-count').innerText()).includes(`共 ${cells! - 1} 个单元格`), true);
    expect(total).toBeGreaterThanOrEqual(cells!);
    expect(errors).toEqual([]);
    await context.close();
  });
});
