import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, until } from './grid';

const focusIn = (page: Page, testId: string) =>
  page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describeE2e('dialogs and the keyboard', () => {
  const { newContext } = useBrowser();

  it('a dialog takes focus, keeps Tab inside, closes on Esc and gives focus back', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('edit-list').click();
    const dialog = page.getByTestId('list-dialog');
    await dialog.waitFor();
    expect(await focusedTestId(page)).toBe('list-title');
    const stops = await dialog.evaluate((el) => el.querySelectorAll('input, select, button').length);
    for (let i = 0; i < stops + 3; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIn(page, 'list-dialog')).toBe(true);
    }
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusIn(page, 'list-dialog')).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('edit-list');

    // the same for a confirmation
    await page.getByTestId('delete-list').click();
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await focusIn(page, 'confirm-dialog')).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('delete-list');
    await cell(page, 0, 'measure').waitFor(); // nothing was deleted
    expect(errors).toEqual([]);
    await context.close();
  });

  it('F1 on a cell, or ? off the grid, shows every key; Esc goes back to the cell', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await cell(page, 1, 'measure').click();
    await page.keyboard.press('F1');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const key of ['Alt+Enter', 'Ctrl+Home', 'Home / End', 'Ctrl+D / Ctrl+R', 'Shift+方向键', 'Ctrl+F', 'Ctrl+H', 'Ctrl+Z', 'F1']) {
      expect(text).toContain(key);
    }
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await until(() => page.evaluate(() => !!document.activeElement?.closest('.ag-cell[col-id="measure"]')), true);

    await page.getByTestId('list-heading').click();
    await page.keyboard.press('?');
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    // ? typed into a field is a character
    await page.getByTestId('quick-search').fill('');
    await page.getByTestId('quick-search').press('?');
    expect(await page.getByTestId('shortcut-sheet').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the print preview takes focus on 打印…, keeps Tab in its bar, and Esc gives focus back', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('print').click();
    await page.getByTestId('print-view').waitFor();
    expect(await focusedTestId(page)).toBe('print-now');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIn(page, 'print-view')).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('print-view').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('print');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a box ticked or cleared in the column chooser changes at once, and its column with it', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('column-chooser').click();
    // read right after the click's own render (React's microtask), before any later task: the grid tells its
    // listeners of a column shown or hidden a task later, and a box waiting for that sprang back until then
    const afterClick = (testId: string) =>
      page.getByTestId(testId).evaluate(async (box: HTMLInputElement) => {
        box.click();
        await new Promise<void>((resolve) => queueMicrotask(resolve));
        return box.checked;
      });
    expect(await afterClick('column-toggle-note')).toBe(false);
    await page.getByTestId('risk-grid').locator('.ag-header-cell[col-id="note"]').waitFor({ state: 'detached' });
    expect(await afterClick('column-toggle-note')).toBe(true);
    await page.getByTestId('risk-grid').locator('.ag-header-cell[col-id="note"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a problem-scoped column shown from the chooser spans the rows of its problem, as it did before it was hidden', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const spanned = (col: string) => page.getByTestId('risk-grid').locator(`.ag-spanned-cell[col-id="${col}"]`).count();
    const header = (col: string) => page.getByTestId('risk-grid').locator(`.ag-header-cell[col-id="${col}"]`);
    await page.getByTestId('column-chooser').click();
    // 类别, hidden at first (it spans nothing then), spans its problems' rows once shown, and again once hidden and shown
    // (how many spanned cells are drawn depends on what the grid has rendered yet: that some are is the point)
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('column-toggle-category').check();
      await header('category').waitFor();
      await until(async () => (await spanned('category')) > 0, true);
      await page.getByTestId('column-toggle-category').uncheck();
      await header('category').waitFor({ state: 'detached' });
      await until(() => spanned('category'), 0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the column chooser closes on Esc, focus back on its button', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('column-chooser').click();
    await page.getByTestId('column-toggle-note').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('column-toggle-note').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('column-chooser');
    expect(errors).toEqual([]);
    await context.close();
  });
});
