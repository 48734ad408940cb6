import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, textOf, until } from './grid';

const menu = (page: Page) => page.getByTestId('context-menu');
const item = (page: Page, name: string) => menu(page).getByRole('menuitem', { name: new RegExp(`^${name}`) });
const count = async (page: Page) => Number((await page.getByTestId('row-count').innerText()).match(/共 (\d+)/)![1]);
const focusedCol = (page: Page) =>
  page.evaluate(() => {
    const c = document.activeElement?.closest?.('[data-testid="risk-grid"] [col-id]');
    const row = c?.closest('.ag-row[row-index]');
    return c ? `${row?.getAttribute('row-index')}:${c.getAttribute('col-id')}` : null;
  });

describeE2e('the right-click menu of a cell', () => {
  const { newContext } = useBrowser();

  it('offers the cell’s actions, closes on Esc or an outside click, and each action works', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const measures = await columnTexts(page, 'measure');

    await cell(page, 1, 'measure').click({ button: 'right' });
    await menu(page).waitFor();
    expect((await menu(page).getByRole('menuitem').allInnerTexts()).map((t) => t.split('\n')[0]!.trim())).toEqual([
      '剪切',
      '复制',
      '粘贴',
      '上方插入措施',
      '下方插入措施',
      '新增问题',
      '删除行',
      '本行记录',
      '清除内容',
      '销号…',
    ]);
    // the keyboard is in the menu; Esc closes it and gives the cell back the focus
    await until(() => page.evaluate(() => document.activeElement?.getAttribute('role') ?? null), 'menuitem');
    await page.keyboard.press('Escape');
    await menu(page).waitFor({ state: 'detached' });
    await until(() => focusedCol(page), '1:measure');

    // an outside click closes it
    await cell(page, 1, 'measure').click({ button: 'right' });
    await menu(page).waitFor();
    await page.getByTestId('row-count').click();
    await menu(page).waitFor({ state: 'detached' });

    // 复制 then 粘贴 into another cell
    await cell(page, 0, 'measure').click({ button: 'right' });
    await item(page, '复制').click();
    await until(() => page.evaluate(() => navigator.clipboard.readText()), measures[0]);
    await cell(page, 1, 'note').click({ button: 'right' });
    await item(page, '粘贴').click();
    await until(textOf(cell(page, 1, 'note')), measures[0]!);

    // 清除内容, then 剪切 (copied and cleared)
    await cell(page, 1, 'note').click({ button: 'right' });
    await item(page, '清除内容').click();
    await until(textOf(cell(page, 1, 'note')), '');
    // 本行记录 opens the row's history, which has that change
    await cell(page, 1, 'note').click({ button: 'right' });
    await item(page, '本行记录').click();
    const history = page.getByTestId('row-history');
    await history.waitFor();
    await until(async () => (await history.innerText()).includes('清除内容'), true);
    await history.getByRole('button', { name: '关闭' }).click();
    await history.waitFor({ state: 'detached' });
    await cell(page, 2, 'measure').click({ button: 'right' });
    await item(page, '剪切').click();
    await until(textOf(cell(page, 2, 'measure')), '');
    await until(() => page.evaluate(() => navigator.clipboard.readText()), measures[2]);

    // 下方插入措施 / 上方插入措施 add a measure; 删除行 removes one
    const n = await count(page);
    await cell(page, 0, 'measure').click({ button: 'right' });
    await item(page, '下方插入措施').click();
    await until(() => count(page), n + 1);
    await until(async () => (await columnTexts(page, 'measure'))[1], '');
    await cell(page, 0, 'measure').click({ button: 'right' });
    await item(page, '上方插入措施').click();
    await until(() => count(page), n + 2);
    await until(async () => (await columnTexts(page, 'measure')).slice(0, 3), ['', measures[0], '']);
    await cell(page, 0, 'measure').click({ button: 'right' });
    await item(page, '删除行').click();
    await until(() => count(page), n + 1);
    await until(async () => (await columnTexts(page, 'measure'))[0], measures[0]);

    // 新增问题: an empty problem right after this one (the list's second problem)
    const problems = await columnTexts(page, 'problem');
    await cell(page, 0, 'measure').click({ button: 'right' });
    await item(page, '新增问题').click();
    await until(async () => (await columnTexts(page, 'problem')).slice(0, 3), [problems[0], '', problems[1]]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('粘贴 without clipboard permission says to use Ctrl+V, and changes nothing', async () => {
    const context = await newContext();
    await context.clearPermissions();
    const { page, errors } = await openWithSample(context);
    const note = await textOf(cell(page, 1, 'note'))();
    await cell(page, 1, 'note').click({ button: 'right' });
    await item(page, '粘贴').click();
    await until(async () => (await page.getByTestId('message').allInnerTexts()).join().includes('请按 Ctrl+V 粘贴'), true);
    expect(await textOf(cell(page, 1, 'note'))()).toBe(note);
    expect(errors).toEqual([]);
    await context.close();
  });
});
