import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { buildExport } from '../../src/domain/export/buildExport';
import { defaultOptions } from '../../src/domain/export/exportOptions';
import { buildRows } from '../../src/domain/rows';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import { syntheticList } from '../bench/syntheticList';
import { describeE2e, openApp, useBrowser } from './browser';
import { clippedCells, nextFrame, scrollGridTo, textOf, until, untilRowsStill } from './grid';

const ROWS = 3000;

/**
 * A workbook of `ROWS` measures in which every third measure is mostly Latin text: the quick estimate a long list
 * starts with (every character as wide as an ideograph) makes those rows too tall until they are measured.
 */
function longWorkbook(): Buffer {
  const { content, directory } = syntheticList(ROWS);
  content.measures.forEach((m, i) => {
    if (i % 3 === 0) m.text = `Check all WeChat and QQ groups, item ${i}: report to 党办 weekly`;
  });
  return Buffer.from(writeXlsx(buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures)))));
}

/**
 * Rendered rows whose height is not what their own text needs: taller (an estimate never corrected) or shorter (text
 * cut off). The last row of a problem may be taller, when the problem's merged text needs more than its measures.
 */
async function misfitRows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const grid = document.querySelector('[data-testid="risk-grid"]')!;
    const lastOfSpan = new Set<number>();
    grid.querySelectorAll('.ag-spanned-cell').forEach((el) => {
      lastOfSpan.add(Number(el.getAttribute('aria-rowindex')) + Number(el.getAttribute('aria-rowspan')) - 1);
    });
    const out: string[] = [];
    grid.querySelectorAll<HTMLElement>('.ag-row[row-index]').forEach((row) => {
      const index = Number(row.getAttribute('aria-rowindex'));
      let need = 0;
      row.querySelectorAll<HTMLElement>('.ag-cell.cell-multiline').forEach((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const s = getComputedStyle(cell);
        const text = cell.textContent ? range.getBoundingClientRect().height : parseFloat(s.lineHeight);
        need = Math.max(need, text + parseFloat(s.paddingTop) + parseFloat(s.paddingBottom));
      });
      const height = row.getBoundingClientRect().height;
      // a row may exceed its text by borders and rounding (a few pixels), and is never below the grid's own minimum (42 px)
      const tooTall = height > Math.max(need + 10, 45) && !lastOfSpan.has(index);
      if (tooTall || height < need - 1) out.push(`row ${index - 2}: ${height.toFixed(0)} px for ${need.toFixed(0)} px of text`);
    });
    return out;
  });
}

/** The rows in view, as drawn: each one's index, top and height (empty while no row is drawn across the middle of the view). */
async function rowsInView(page: Page): Promise<string> {
  return page.evaluate(() => {
    const grid = document.querySelector('[data-testid="risk-grid"]')!;
    const viewport = [...grid.querySelectorAll<HTMLElement>('*')].find(
      (el) => el.scrollHeight > el.clientHeight + 1000 && /(auto|scroll)/.test(getComputedStyle(el).overflowY),
    )!;
    const view = viewport.getBoundingClientRect();
    const middle = (view.top + view.bottom) / 2;
    const rows = [...grid.querySelectorAll<HTMLElement>('.ag-row[row-index]')]
      .map((row) => ({ index: row.getAttribute('row-index'), box: row.getBoundingClientRect() }))
      .filter((r) => r.box.bottom > view.top && r.box.top < view.bottom);
    if (!rows.some((r) => r.box.top <= middle && r.box.bottom >= middle)) return '';
    return rows.map((r) => `${r.index}:${r.box.top.toFixed(1)}:${r.box.height.toFixed(1)}`).sort().join(' ');
  });
}

/** Waits until the grid has drawn the rows where it was scrolled to, and they keep their places and heights. */
async function untilDrawnInView(page: Page): Promise<void> {
  await until(async () => {
    await untilRowsStill(page);
    const before = await rowsInView(page);
    await nextFrame(page);
    await nextFrame(page);
    return before !== '' && before === (await rowsInView(page));
  }, true);
}

describeE2e('a long list in Chromium', () => {
  const { newContext } = useBrowser();

  it('opens with exact row heights on screen, and rows anywhere fit their text once scrolled to', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('import-file').setInputFiles({
      name: '长清单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: longWorkbook(),
    });
    await page.getByTestId('import-confirm').click();
    await until(textOf(page.getByTestId('row-count')), `显示 ${ROWS} / 共 ${ROWS} 条措施`, 30_000);
    expect(await misfitRows(page)).toEqual([]);

    // straight to the middle and the end, before the rest of the list can have been measured in idle time
    await page.reload();
    await page.locator('.ag-row').first().waitFor();
    for (const at of [0.5, 1]) {
      await scrollGridTo(page, at);
      await untilDrawnInView(page);
      expect(await misfitRows(page)).toEqual([]);
      expect(await clippedCells(page)).toEqual([]);
    }
    // the whole list, not only the first rows it opens with: its last row is there at the end
    await page.locator(`.ag-row[row-index="${ROWS - 1}"]`).waitFor();
    expect(await textOf(page.getByTestId('row-count'))()).toBe(`显示 ${ROWS} / 共 ${ROWS} 条措施`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
