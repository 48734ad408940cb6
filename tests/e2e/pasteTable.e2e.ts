import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2e, openApp, useBrowser } from './browser';
import { currentPeriod } from '../../src/domain/period';
import { columnTexts, textOf, until } from './grid';

/** A table as Excel puts it on the clipboard: tab-separated, the merged problem cell empty below its first row. */
const TABLE = '问题清单\t措施清单\t责任部门\t责任领导\r\n家长群传播不实信息\t建立家长群管理制度\t德育处\t分管副校长\r\n\t班主任每周巡查\t各年级\t校长\r\n';

const pasteText = async (page: Page, text: string) => {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
};

describeE2e('Ctrl+V of a table where no cell takes it', () => {
  const { newContext } = useBrowser();

  it('on the start page opens the import preview of the pasted table, and confirming makes the list', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('empty-state').waitFor();
    await pasteText(page, TABLE);
    const dialog = page.getByTestId('import-dialog');
    await until(textOf(dialog.getByTestId('import-summary')), '识别到 1 个表格（“粘贴的表格”），共 1 个问题、2 条措施。');
    expect(await dialog.getByTestId('import-mode-new').isChecked()).toBe(true);
    // a table without a title names no period: the new list is this half-year's
    expect(await dialog.getByRole('textbox', { name: '期次' }).inputValue()).toBe(currentPeriod());
    await dialog.getByTestId('import-confirm').click();
    await until(async () => (await columnTexts(page, 'measure')).slice(0, 2), ['建立家长群管理制度', '班主任每周巡查']);
    expect(await columnTexts(page, 'problem')).toEqual(['家长群传播不实信息']);
    expect(await columnTexts(page, 'departments')).toEqual(['德育处', '各年级']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('suggests the period the pasted title line names', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('empty-state').waitFor();
    await pasteText(page, `某某学校2025年秋季学期意识形态领域风险“三清单”\r\n${TABLE}`);
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-summary').waitFor();
    expect(await dialog.getByRole('textbox', { name: '期次' }).inputValue()).toBe('2025年秋季学期');
    await dialog.getByTestId('import-confirm').click();
    await until(async () => (await page.locator('.list-heading .period').innerText()).trim(), '2025年秋季学期');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a new empty list adds the rows to it; rows copied without their header are read in the grid’s column order, and the preview says so', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('empty-new-list').click();
    await page.getByTestId('list-dialog-submit').click();
    await until(textOf(page.getByTestId('row-count')), '显示 0 / 共 0 条措施');
    await pasteText(page, '1\t教材选用存在问题\t落实教材审核\t教务处\t分管副校长\r\n');
    const dialog = page.getByTestId('import-dialog');
    await until(async () => (await dialog.innerText()).includes('粘贴的内容没有表头，已按列的顺序读作：问题清单、措施清单、责任部门、责任领导'), true);
    expect(await dialog.getByTestId('import-mode-append').isChecked()).toBe(true);
    await dialog.getByTestId('import-confirm').click();
    await until(textOf(page.getByTestId('row-count')), '显示 1 / 共 1 条措施');
    expect(await columnTexts(page, 'problem')).toEqual(['教材选用存在问题']);
    expect(await columnTexts(page, 'leaders')).toEqual(['分管副校长']);
    // one list, not a second one made beside it
    expect(await page.getByTestId('list-heading').innerText()).toContain('意识形态领域风险');
    expect(errors).toEqual([]);
    await context.close();
  });
});
