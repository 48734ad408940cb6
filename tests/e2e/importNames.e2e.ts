import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, openApp, useBrowser } from './browser';
import { columnTexts, textOf, until } from './grid';

const dir = mkdtempSync(join(tmpdir(), 'sqd-names-e2e-'));
const HEADER = ['序号', '问题清单', '措施清单', '责任部门', '责任领导'];

/** A workbook written in the test: sheets of rows, the first row of the first sheet a header. */
async function workbook(name: string, sheets: Record<string, (string | number)[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-summary').waitFor();
}

async function confirm(page: Page): Promise<void> {
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
}

describeE2e('names in an import: matched only when they are the same record, never by a guess', () => {
  const { newContext } = useBrowser();

  it('matches 校长 to the existing 校长 and offers it for 陈校长 without choosing it', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    // the directory gets 校长 from a first import
    await importFile(page, await workbook('first.xlsx', { 三清单: [HEADER, [1, '网络阵地管理不到位', '建立账号台账', '党办', '校长']] }));
    await confirm(page);
    await until(() => columnTexts(page, 'leaders'), ['校长']);

    const second = await workbook('second.xlsx', {
      三清单: [HEADER, [1, '讲座审核不严', '严格落实一会一报', '党办', '陈校长'], [2, '宣传栏错字', '双人校对', '党办', '校长']],
    });
    await importFile(page, second);
    const summary = await page.getByTestId('import-names-summary').innerText();
    expect(summary).toContain('2 个名称与已有记录对应'); // 党办 and 校长
    expect(summary).toContain('1 个是新名称');
    await page.getByTestId('import-matched-names').locator('summary').click();
    expect(await page.getByTestId('import-matched-names').innerText()).toContain('领导“校长”：与已有领导同名');

    const fresh = page.getByTestId('new-name-leader-陈校长');
    await fresh.waitFor();
    const select = fresh.locator('select');
    expect(await select.inputValue()).toBe(''); // 新建, not 校长
    expect(await select.locator('option:checked').innerText()).toBe('新建领导“陈校长”');
    expect(await select.locator('optgroup[label="相似的已有记录"] option').allInnerTexts()).toEqual(['对应到已有的“校长”（“陈校长”包含“校长”）']);
    expect(await fresh.getByTestId('similar-names').innerText()).toContain('“校长”');
    expect(await page.getByTestId('new-name-leader-校长').count()).toBe(0);

    await confirm(page);
    await until(() => columnTexts(page, 'leaders'), ['陈校长', '校长']);
    // two leaders in the directory, not one: 陈校长 was not merged into 校长
    await page.getByTestId('undo').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a new leader with the post written with the name (the new record's 职务)", async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await importFile(page, await workbook('posts.xlsx', { 三清单: [HEADER, [1, '讲座审核不严', '严格落实一会一报', '教务处', '周明（副校长）']] }));
    expect(await page.getByTestId('new-name-leader-周明').locator('td').first().innerText()).toBe('领导“周明”（职务：副校长）');
    await confirm(page);
    await until(() => columnTexts(page, 'leaders'), ['周明']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a headerless continuation sheet with the table before it, and lets the user leave it out', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    const file = await workbook('continued.xlsx', {
      三清单: [['某中学三清单'], HEADER, [1, '网络阵地管理不到位', '建立账号台账', '党办', ''], [2, '讲座审核不严', '严格落实一会一报', '教务处', '']],
      '三清单（续）': [[3, '宣传栏错字', '双人校对', '总务处', ''], [4, '外籍教师授课审查', '授课内容定期抽查', '教务处', '']],
    });
    await importFile(page, file);
    const rows = page.getByTestId('import-rows').locator('tbody tr');
    await until(() => rows.count(), 4);
    const toggle = page.getByTestId('import-continue-三清单（续）');
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.getByTestId('import-warnings').innerText()).toContain('视为续表');
    await toggle.uncheck();
    await until(() => rows.count(), 2);
    await until(async () => (await page.getByTestId('import-warnings').innerText()).includes('未作为续表导入'), true);
    await toggle.check();
    await until(() => rows.count(), 4);
    await toggle.uncheck();
    await until(() => rows.count(), 2);
    await confirm(page);
    await until(() => columnTexts(page, 'measure'), ['建立账号台账', '严格落实一会一报']);
    await until(textOf(page.getByTestId('row-count')), '显示 2 / 共 2 条措施');
    expect(errors).toEqual([]);
    await context.close();
  });
});
