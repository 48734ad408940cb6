import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, clippedCells, columnTexts, textOf, until } from './grid';

describeE2e('a filtered view', () => {
  const { newContext } = useBrowser();

  it('shows each shown problem’s 序号 and its text in full, spanning its shown measures', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const problems = await columnTexts(page, 'problem');
    // make problem 1's text long: it needs more height than any one of its measures
    await cell(page, 0, 'problem').dblclick();
    const editor = page.locator('.ag-popup-editor textarea');
    await editor.waitFor();
    const long = `${problems[0]}${'需要全面、准确地向教职工、家长和学生解读政策。'.repeat(6)}`;
    await editor.fill(long);
    await editor.press('Enter');
    await until(async () => (await columnTexts(page, 'problem'))[0], long);

    // “家校群” is only in problem 1's second measure: its first and last measures are hidden
    await page.getByTestId('quick-search').fill('家校群');
    await until(textOf(page.getByTestId('row-count')), '显示 1 / 共 22 条措施');
    await until(() => columnTexts(page, 'serial'), ['1']);
    await until(() => columnTexts(page, 'problem'), [long]);
    await until(() => clippedCells(page), []);

    // two shown measures of two problems, one of them not its problem's first: both numbered
    await page.getByTestId('quick-search').fill('家长群');
    await until(async () => (await columnTexts(page, 'serial')).filter((t) => t !== '').length, (await columnTexts(page, 'problem')).length);
    expect((await columnTexts(page, 'serial'))[0]).toMatch(/^\d+$/);

    // two of problem 1's three measures shown (its first and last hold “开展”): the problem spans the two
    await page.getByTestId('quick-search').fill('开展');
    await until(async () => (await columnTexts(page, 'problem'))[0], long);
    await until(() => cell(page, 0, 'problem').getAttribute('aria-rowspan'), '2');
    await until(() => clippedCells(page), []);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('新增措施 and 新增问题 under a filter show the new row, and say so', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('quick-search').fill('思政课');
    await until(textOf(page.getByTestId('row-count')), '显示 1 / 共 22 条措施');
    await cell(page, 0, 'measure').click();
    await page.getByTestId('add-measure').click();
    await until(textOf(page.getByTestId('row-count')), '显示 2 / 共 23 条措施');
    await until(async () => (await page.getByTestId('message').allInnerTexts()).join().includes('已在筛选结果中一并显示'), true);
    // the new row is focused: typing goes into it, and it stays shown although it does not match
    await page.keyboard.type('x');
    await page.locator('.ag-popup-editor textarea').waitFor();
    await page.keyboard.press('Enter');
    await until(async () => (await columnTexts(page, 'measure')).includes('x'), true);
    expect(await textOf(page.getByTestId('row-count'))()).toBe('显示 2 / 共 23 条措施');

    await page.getByTestId('add-problem').click();
    await until(async () => (await columnTexts(page, 'problem')).length, 2);
    await until(async () => (await columnTexts(page, 'serial')).filter((t) => t !== '').length, 2);
    // changing the filter ends the exception
    await page.getByTestId('quick-search').fill('思政');
    await until(textOf(page.getByTestId('row-count')), '显示 1 / 共 23 条措施');
    expect(errors).toEqual([]);
    await context.close();
  });
});
