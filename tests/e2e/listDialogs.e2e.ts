import { expect, it } from 'vitest';
import { describeE2e, openApp, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, editText, textOf, until } from './grid';

describeE2e('list dialogs and rows: issues seen by a new user', () => {
  const { newContext } = useBrowser();

  it('复制为下一期 copies the list into the next period without a page error', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const measures = await columnTexts(page, 'measure');
    await cell(page, 1, 'measure').click();
    await page.getByTestId('duplicate-list').click();
    const dialog = page.getByTestId('list-dialog');
    expect(await dialog.getByTestId('list-period').inputValue()).toBe('2026年下半年');
    await page.getByTestId('list-dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await until(async () => (await page.locator('.list-heading .period').innerText()).trim(), '2026年下半年');
    await until(() => columnTexts(page, 'measure'), measures);
    // and once more from the copy, with a cell focused and moved
    await cell(page, 1, 'measure').click();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('list-select').selectOption({ index: 1 });
    await until(async () => (await page.locator('.list-heading .period').innerText()).trim(), '2026年上半年');
    await page.getByTestId('duplicate-list').click();
    await page.getByTestId('list-dialog-submit').click();
    await until(async () => (await page.locator('.list-heading .period').innerText()).trim(), '2026年下半年');
    await cell(page, 0, 'measure').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the new-list dialog does not pre-fill the last list’s unit; it offers it as a suggestion', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const unit = (await page.locator('.list-heading .unit').innerText()).trim();
    expect(unit).not.toBe('');
    await page.getByTestId('new-list').click();
    const dialog = page.getByTestId('list-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('list-unit').inputValue()).toBe('');
    const suggestion = dialog.getByTestId('list-unit-suggestion');
    expect(await suggestion.innerText()).toContain(unit);
    await suggestion.click();
    expect(await dialog.getByTestId('list-unit').inputValue()).toBe(unit);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('新增问题 then 新增措施 gives the new problem exactly one measure row, ready to type in', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('empty-new-list').click();
    await page.getByTestId('list-dialog-submit').click();
    await page.getByTestId('add-problem').click();
    await until(textOf(page.getByTestId('row-count')), '显示 0 / 共 0 条措施');
    await cell(page, 0, 'problem').waitFor();
    await page.getByTestId('add-measure').click();
    await until(textOf(page.getByTestId('row-count')), '显示 1 / 共 1 条措施');
    expect(await page.locator('[data-testid="risk-grid"] .ag-row[row-index]').evaluateAll((rows) => new Set(rows.map((r) => r.getAttribute('row-index'))).size)).toBe(1);
    await until(() => page.evaluate(() => !!document.activeElement?.closest('.ag-cell[col-id="measure"]')), true);
    await editText(page, cell(page, 0, 'measure'), '第一条措施');
    await until(textOf(cell(page, 0, 'measure')), '第一条措施');
    // a second 新增措施 adds exactly one more
    await page.getByTestId('add-measure').click();
    await until(textOf(page.getByTestId('row-count')), '显示 2 / 共 2 条措施');
    expect(errors).toEqual([]);
    await context.close();
  });
});
