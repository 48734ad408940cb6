import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SCHOOL_ROWS } from '../../samples/workbookSpecs';
import { badFiles } from '../fixtures/badFiles';
import { HEADER, inlineCell, oneSheet, sheetXml, tableRows } from '../fixtures/ooxml';
import { describeE2e, openApp, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, textOf, until } from './grid';

const sample = (file: string) => join(__dirname, '../../samples', file);

const dir = mkdtempSync(join(tmpdir(), 'sqd-import-e2e-'));

/** A workbook written in the test: one sheet of rows (a title row, then the header, then the data). */
async function workbook(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('三清单').addRows(rows);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The grid's header cell of a field's column: there only while the column is shown. */
const gridHeader = (page: Page, field: string) => page.getByTestId('risk-grid').locator(`.ag-header-cell[col-id="${field}"]`);

/** The import preview's column headers, left to right. */
const previewHeaders = (page: Page): Promise<string[]> =>
  page.getByTestId('import-rows').locator('thead th').evaluateAll((ths) => ths.map((th) => (th as HTMLElement).innerText.trim()));

/** The text of one field's cell in a row of the import preview. */
const previewCell = async (page: Page, row: number, field: string): Promise<string> =>
  (await page.getByTestId('import-rows').locator('tbody tr').nth(row).locator(`td[data-field="${field}"]`).innerText()).trim();

describeE2e('importing Excel tables in Chromium', () => {
  const { newContext } = useBrowser();

  it('imports a sample through the file input, shows a preview, and keeps the rows after reload', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('import-file').setInputFiles(sample('01-学校三清单-合并单元格.xlsx'));
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toContain('共 5 个问题、10 条措施');
    expect(await page.getByTestId('import-title').inputValue()).toBe('意识形态风险“三清单”');
    expect(await page.getByTestId('import-rows').locator('tbody tr').count()).toBe(10);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });

    const measures = SCHOOL_ROWS.map((r) => r.measure);
    await until(() => columnTexts(page, 'measure'), measures);
    expect(await columnTexts(page, 'departments')).toEqual(SCHOOL_ROWS.map((r) => r.departments.join('\n')));
    await until(textOf(page.getByTestId('row-count')), '显示 10 / 共 10 条措施');
    // the problem spans its three measures, as the merged cell did
    expect(await cell(page, 0, 'problem').getAttribute('aria-rowspan')).toBe('3');

    // one undo takes the whole import back, one redo brings it again
    await page.getByTestId('undo').click();
    // the import made the list: undoing it deletes the list, which is asked first
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('redo').click();
    await until(() => columnTexts(page, 'measure'), measures);

    await page.reload();
    await until(() => columnTexts(page, 'measure'), measures);
    expect(await page.getByTestId('list-heading').innerText()).toContain('示例第五中学');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads the rows again when a column is mapped to another field in the preview, and imports them so', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('import-file').setInputFiles(sample('01-学校三清单-合并单元格.xlsx'));
    await page.getByTestId('import-summary').waitFor();
    const rows = page.getByTestId('import-rows').locator('tbody tr');
    // the preview's columns: 行 and the fields the mapping imports, in the grid's order
    expect(await previewHeaders(page)).toEqual(['行', '问题清单', '措施清单', '责任部门', '责任领导']);
    expect(await previewCell(page, 0, 'departments')).toBe(SCHOOL_ROWS[0]!.departments.join('\n'));
    const select = page.locator('[data-testid^="map-"]').filter({ has: page.locator('option:checked[value="departments"]') });
    const testId = (await select.getAttribute('data-testid'))!;
    // two changes in quick succession: the second builds on the first and is the one shown
    await page.getByTestId(testId).selectOption('');
    await page.getByTestId(testId).selectOption('note');
    // (the first change may be shown before the second is made: what counts is that the second is what stays)
    await until(() => page.getByTestId(testId).inputValue(), 'note');
    // the preview's columns follow the mapping: 责任部门 is gone, 备注 shows what the column holds, in the grid's place
    await until(() => previewHeaders(page), ['行', '问题清单', '措施清单', '责任领导', '备注']);
    expect(await previewCell(page, 0, 'note')).toBe(SCHOOL_ROWS[0]!.departments.join('\n'));
    expect(await rows.first().locator('td[data-field="departments"]').count()).toBe(0);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await until(async () => (await columnTexts(page, 'departments')).every((t) => t === ''), true);
    await page.getByRole('button', { name: '显示列' }).click();
    await page.getByRole('checkbox', { name: '备注' }).check();
    await until(async () => (await columnTexts(page, 'note'))[0], SCHOOL_ROWS[0]!.departments.join('\n'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews every field the file fills, suggests the period its title names, and shows its optional columns in the grid', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    const file = await workbook('optional.xlsx', [
      ['某某学校2025年下半年意识形态领域风险“三清单”'],
      ['序号', '风险等级', '问题清单', '措施清单', '责任部门', '责任领导', '完成时限', '类别', '备注'],
      [1, '高', '网络阵地管理不到位', '建立账号台账', '党办', '校长', '2025年12月31日', '', '每月抽查'],
      [2, '中', '讲座审核不严', '严格落实一会一报', '教务处', '', '长期坚持', '', ''],
    ]);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-summary').waitFor();
    // the file is last period's: its title says so, whatever today is
    expect(await page.getByRole('textbox', { name: '期次' }).inputValue()).toBe('2025年下半年');
    // every field the mapping imports, in the grid's order and with its names (序号 is no field of its own)
    expect(await previewHeaders(page)).toEqual(['行', '类别', '问题清单', '风险等级', '措施清单', '责任部门', '责任领导', '完成时限', '备注']);
    expect(await previewCell(page, 0, 'level')).toBe('高');
    expect(await previewCell(page, 0, 'deadline')).toBe('2025年12月31日');
    expect(await previewCell(page, 0, 'note')).toBe('每月抽查');
    expect(await previewCell(page, 1, 'level')).toBe('中');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });

    // 风险等级 is not a default column: the import shows it, with its values; 类别 came empty and stays hidden
    await until(() => columnTexts(page, 'measure'), ['建立账号台账', '严格落实一会一报']);
    await until(textOf(gridHeader(page, 'level')), '风险等级');
    await until(() => columnTexts(page, 'level'), ['高', '中']);
    expect(await columnTexts(page, 'note')).toEqual(['每月抽查', '']);
    expect(await gridHeader(page, 'category').count()).toBe(0);
    expect(await page.locator('.list-heading .period').innerText()).toContain('2025年下半年');

    // shown as 显示列 shows a column: ticked there, hidden again there, and the choice is kept
    await page.getByTestId('column-chooser').click();
    expect(await page.getByTestId('column-toggle-level').isChecked()).toBe(true);
    expect(await page.getByTestId('column-toggle-category').isChecked()).toBe(false);
    await page.getByTestId('column-toggle-level').uncheck();
    await gridHeader(page, 'level').waitFor({ state: 'detached' });
    await page.reload();
    await until(() => columnTexts(page, 'measure'), ['建立账号台账', '严格落实一会一报']);
    expect(await gridHeader(page, 'level').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows again a column the user hid when an import into the open list fills it, and only then', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('column-chooser').click();
    await page.getByTestId('column-toggle-note').uncheck();
    await page.keyboard.press('Escape');
    await gridHeader(page, 'note').waitFor({ state: 'detached' });
    const header = ['序号', '问题清单', '措施清单', '责任部门', '责任领导', '备注'];
    const append = async (file: string) => {
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-summary').waitFor();
      await page.getByTestId('import-mode-append').check();
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    };

    // the appended rows are at the end of a long list: the search brings them into view
    const search = async (text: string) => {
      await page.getByTestId('quick-search').fill(text);
      await until(() => columnTexts(page, 'measure'), [text]);
    };

    // a 备注 column with nothing in it: nothing to show, the user's choice stands
    await append(await workbook('empty-note.xlsx', [header, [1, '宣传栏错字', '宣传栏内容三级审校', '总务处', '', '']]));
    await search('宣传栏内容三级审校');
    expect(await gridHeader(page, 'note').count()).toBe(0);

    await append(await workbook('note.xlsx', [header, [1, '外籍教师授课审查', '外籍教师课堂随机听课', '教务处', '', '每学期两次']]));
    await search('外籍教师课堂随机听课');
    await until(textOf(gridHeader(page, 'note')), '备注');
    await until(() => columnTexts(page, 'note'), ['每学期两次']);
    await page.getByTestId('column-chooser').click();
    expect(await page.getByTestId('column-toggle-note').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads text written in the sheet itself (inline strings, formula results, character references) as written', async () => {
    // A web system's export writes its text into the sheet, not into shared strings; the worker decodes a sheet one
    // byte to a character and each value copied out as UTF-8 again (decodePart.ts), so these are every lead and
    // continuation byte UTF-8 has, the ones windows-1252 maps elsewhere (0x80-0x9F) among them, 4-byte characters too.
    const codes = [...Array.from({ length: 64 }, (_, i) => 0x4e00 + i), 0x5000, 0x5040, 0x5340, 0x53c0, 0x5400, 0x5740, 0x9fa5, 0x20ac, 0x152, 0xff, 0xe9, 0x3000, 0x1f600, 0x20bb7];
    const wide = `网络${String.fromCodePoint(...codes)}阵地`;
    const ref = (c: string) => `&#${c.codePointAt(0)};`;
    const xml = sheetXml([
      ...tableRows([HEADER]),
      `<row r="2">${inlineCell('A2', wide)}<c r="B2" t="str"><f>"x"</f><v>每周${ref('巡')}&#x67E5;&amp;通报€</v></c>${inlineCell('C2', '党办')}<c r="D2"><v>张国栋</v></c></row>`,
    ]);
    const file = join(dir, '系统导出-行内文字.xlsx');
    writeFileSync(file, oneSheet(xml));
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-summary').waitFor();
    expect(await previewCell(page, 0, 'problem')).toBe(wide);
    expect(await previewCell(page, 0, 'measure')).toBe('每周巡查&通报€');
    expect(await previewCell(page, 0, 'departments')).toBe('党办');
    expect(await previewCell(page, 0, 'leaders')).toBe('张国栋');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses every kind of bad file with a message naming it, and changes nothing', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const before = await columnTexts(page, 'measure');

    // as files on disk: Playwright takes in-memory buffers only up to 50 MB, and one of these is larger
    const dir = mkdtempSync(join(tmpdir(), 'sqd-bad-e2e-'));
    for (const f of await badFiles()) {
      writeFileSync(join(dir, f.name), f.bytes);
      await page.getByTestId('import-file').setInputFiles(join(dir, f.name));
      await page.getByTestId('import-error').waitFor();
      const message = await page.getByTestId('import-error').innerText();
      expect(message, f.key).toContain(`“${f.name}”`);
      expect(message, f.key).toContain(f.expect);
      expect(await page.getByTestId('import-confirm').count(), f.key).toBe(0);
      await page.getByRole('button', { name: '知道了' }).click();
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    }

    await page.reload();
    await until(() => columnTexts(page, 'measure'), before);
    expect(await page.getByTestId('list-select').locator('option').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
