import type { Locator, Page } from 'playwright-core';

/** The first column: the row's checkbox and the handle that drags one measure. */
export const ROW_HANDLE = 'rowHandle';
/** Ticked row checkboxes among the rendered rows. */
export const TICKED = '.ag-row .ag-cell[col-id="rowHandle"] input[type=checkbox]:checked';

/**
 * Finding cells as a user sees them. A problem-scoped cell spanning several rows is rendered once, outside the rows,
 * carrying the aria-rowindex of its first row (header is 1, so row 0 is 2); a one-row one is an ordinary cell.
 */
export function cell(page: Page, rowIndex: number, colId: string): Locator {
  return page
    .getByTestId('risk-grid')
    .locator(
      `.ag-spanned-cell[col-id="${colId}"][aria-rowindex="${rowIndex + 2}"], ` +
        `.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`,
    )
    .first();
}

/** Texts of the rendered cells of one column, top to bottom (a spanned cell counts once). */
export async function columnTexts(page: Page, colId: string): Promise<string[]> {
  return page.evaluate((col) => {
    const grid = document.querySelector('[data-testid="risk-grid"]')!;
    const cells: { index: number; text: string }[] = [];
    grid.querySelectorAll<HTMLElement>(`.ag-spanned-cell[col-id="${col}"]`).forEach((el) => {
      cells.push({ index: Number(el.getAttribute('aria-rowindex')) - 2, text: el.innerText.trim() });
    });
    grid.querySelectorAll<HTMLElement>(`.ag-row[row-index] .ag-cell[col-id="${col}"]`).forEach((el) => {
      const row = el.closest('.ag-row')!;
      cells.push({ index: Number(row.getAttribute('row-index')), text: el.innerText.trim() });
    });
    return cells.sort((a, b) => a.index - b.index).map((c) => c.text);
  }, colId);
}

const EDITOR = '.ag-popup-editor textarea, .ag-popup-editor .choice-editor input:not([type=date]), .ag-cell-inline-editing input';

/** Types into a cell through its editor, as a user does: focus, Enter to edit, replace the text, Enter to commit. */
export async function editText(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.press('Enter');
  const editor = page.locator(EDITOR).first();
  await editor.waitFor();
  await editor.fill(text);
  await editor.press('Enter');
  await editor.waitFor({ state: 'detached' });
}

/** Waits until `read` returns `expected` (compared as JSON); fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, expected: T, timeout = 8000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 60));
  }
  throw new Error(`expected ${JSON.stringify(expected)}, last seen ${JSON.stringify(last)}`);
}

export const textOf = (l: Locator) => async () => (await l.innerText()).trim();

/** Waits until no row of the grid is moving: rows animate to their new places after an update, or a new height. */
export async function untilRowsStill(page: Page): Promise<void> {
  await until(
    () =>
      page.evaluate(() => {
        const grid = document.querySelector('[data-testid="risk-grid"]');
        return document.getAnimations().filter((a) => {
          const target = (a.effect as KeyframeEffect | null)?.target;
          return a.playState === 'running' && !!target && !!grid?.contains(target);
        }).length;
      }),
    0,
  );
}

/** Waits for the page to draw its next frame. */
export const nextFrame = (page: Page): Promise<void> => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

/** Drags a row handle onto a target the way a hand does: press, move in small steps (one a frame), release. */
export async function dragTo(page: Page, handle: Locator, target: Locator): Promise<void> {
  await untilRowsStill(page); // read positions once rows are at their places
  const a = (await handle.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(a.x + a.width / 2 + 2, a.y + a.height / 2 + ((b.y + b.height / 2 - (a.y + a.height / 2)) * i) / 20);
    await nextFrame(page);
  }
  await page.mouse.up();
}

/** Cells whose text does not fit their box (cut off at the bottom), with the start of their text. */
export async function clippedCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="risk-grid"] .cell-multiline')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${el.getAttribute('col-id')}: ${el.innerText.slice(0, 20)}`),
  );
}

/** How far the grid's rows are scrolled down, in pixels. */
export async function gridScrollTop(page: Page): Promise<number> {
  return page.evaluate(() => {
    const viewport = [...document.querySelectorAll<HTMLElement>('[data-testid="risk-grid"] *')].find(
      (el) => el.scrollHeight > el.clientHeight && /(auto|scroll)/.test(getComputedStyle(el).overflowY),
    );
    return viewport?.scrollTop ?? 0;
  });
}

/** Scrolls the grid's rows to `fraction` of the way down (0: the top, 1: the end). */
export async function scrollGridTo(page: Page, fraction: number): Promise<void> {
  await page.evaluate((f) => {
    const viewport = [...document.querySelectorAll<HTMLElement>('[data-testid="risk-grid"] *')].find(
      (el) => el.scrollHeight > el.clientHeight + 1000 && /(auto|scroll)/.test(getComputedStyle(el).overflowY),
    )!;
    viewport.scrollTop = (viewport.scrollHeight - viewport.clientHeight) * f;
  }, fraction);
}
