import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { ID_COLUMN_HEADER } from '../../src/domain/rowIds';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { describeE2e, openApp, openWithSample, useBrowser } from './browser';
import { cell, until } from './grid';

const root = join(__dirname, '../..');
const SAMPLE = join(root, 'samples/03-整改台账-两行表头.xlsx');

/** What a reader of the workbook sees: the visible sheets' cells, without the hidden id column. */
function visibleCells(bytes: Uint8Array) {
  return readXlsx(bytes)
    .filter((s) => !s.hidden)
    .map((s) => {
      const header = s.rows.find((r) => r.includes(ID_COLUMN_HEADER));
      const idCol = header ? header.indexOf(ID_COLUMN_HEADER) : -1;
      return { name: s.name, rows: s.rows.map((r) => r.filter((_, i) => i !== idCol)), merges: s.merges };
    });
}

describeE2e('exporting and printing in Chromium', () => {
  const { newContext } = useBrowser();

  it('downloads the same workbook the CLI writes for the same list', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('import-file').setInputFiles(SAMPLE);
    await page.getByTestId('import-confirm').click();
    await cell(page, 0, 'measure').waitFor();

    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await download;
    const today = new Date();
    const ymd = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
    expect(file.suggestedFilename()).toBe(`示例实验学校意识形态工作问题整改台账_${ymd}.xlsx`);
    const browserBytes = readFileSync((await file.path())!);

    const out = join(mkdtempSync(join(tmpdir(), 'sqd-export-')), 'cli.xlsx');
    const cli = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'convert', SAMPLE, out], { cwd: root, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const cliBytes = readFileSync(out);

    const fromBrowser = visibleCells(browserBytes);
    expect(fromBrowser).toEqual(visibleCells(cliBytes));
    expect(fromBrowser[0]!.rows[0]).toEqual(['示例实验学校意识形态工作问题整改台账']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds the 统计汇总 sheet on request, with the figures `cli -- summary` prints for the same table', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('import-file').setInputFiles(SAMPLE);
    await page.getByTestId('import-confirm').click();
    await cell(page, 0, 'measure').waitFor();

    await page.getByTestId('export-settings').click();
    const summary = page.getByTestId('export-summary');
    expect(await summary.isChecked()).toBe(false);
    await summary.check();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-confirm').click();
    const bytes = readFileSync((await (await download).path())!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['意识形态工作问题整改台账', '统计汇总']);
    const ws = book.getWorksheet('统计汇总')!;
    const figure = (label: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return ws.getCell(r, 3).value;
      return undefined;
    };

    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const cli = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'summary', SAMPLE, '--today', today], { cwd: root, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const expected = JSON.parse(cli.stdout) as { problems: number; measures: number; completionRate: number; overdue: unknown[] };
    expect(figure('风险问题')).toBe(expected.problems);
    expect(figure('防控措施')).toBe(expected.measures);
    expect(figure('完成率')).toBe(`${(Math.round(expected.completionRate * 1000) / 10).toFixed(1)}%`);
    expect(figure('逾期未完成')).toBe(expected.overdue.length);
    // the setting is remembered: the next 导出 Excel writes the sheet again
    const again = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    expect(readXlsx(new Uint8Array(readFileSync((await (await again).path())!))).map((s) => s.name)).toContain('统计汇总');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports only the shown rows when the user chooses so with a filter on', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('quick-search').fill('家长');
    await until(async () => /^显示 \d+ \/ 共 22 条措施$/.test(await page.getByTestId('row-count').innerText()) && !(await page.getByTestId('row-count').innerText()).startsWith('显示 22'), true);
    const shown = Number(/^显示 (\d+)/.exec(await page.getByTestId('row-count').innerText())![1]);
    expect(shown).toBeGreaterThan(0);
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('export-scope-shown').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-confirm').click();
    const [sheet] = readXlsx(readFileSync((await (await download).path())!));
    const header = sheet!.rows.findIndex((r) => r.includes('措施清单'));
    const measureCol = sheet!.rows[header]!.indexOf('措施清单');
    const measures = sheet!.rows.slice(header + 1).map((r) => r[measureCol]).filter(Boolean);
    expect(measures).toHaveLength(shown);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the export worker cannot load, and exports once it can', async () => {
    const context = await newContext();
    let blocked = true;
    await context.route(/exportWorker[^/]*\.js/, (route) => (blocked ? route.abort() : route.continue()));
    const { page } = await openWithSample(context);
    await page.getByTestId('export-xlsx').click();
    await until(async () => (await page.locator('.messages').innerText()).includes('导出失败：导出程序未能加载或意外停止'), true);
    expect(await page.locator('.messages').innerText()).toContain('请重试');

    blocked = false;
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const [sheet] = readXlsx(readFileSync((await (await download).path())!));
    expect(sheet!.rows[0]).toEqual(['示例市第五中学2026年意识形态领域风险“三清单”']);
    await context.close();
  });

  it('tells the user when a text had to be cut to Excel\'s cell limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['示例中学意识形态风险“三清单”']);
    ws.addRow(['序号', '问题清单', '措施清单', '责任部门', '责任领导']);
    ws.addRow([1, '宣传栏内容更新不及时', '每月检查一次宣传栏。', '党办', '张建国']);
    const file = join(mkdtempSync(join(tmpdir(), 'sqd-long-')), '长文本.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-confirm').click();
    await cell(page, 0, 'measure').waitFor();
    // a text longer than an Excel cell holds: no Excel file can carry one (the reader cuts it on import too), but a
    // paste can
    await cell(page, 0, 'measure').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), '每月检查一次宣传栏。'.repeat(4000));
    await page.keyboard.press('Control+V');
    await until(async () => (await cell(page, 0, 'measure').innerText()).length > 1000, true);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const [sheet] = readXlsx(readFileSync((await (await download).path())!));
    // title, 填报单位, header, then the row
    expect(sheet!.rows[3]![2]!.endsWith('…（超出 Excel 单元格上限，已截断）')).toBe(true);
    await until(async () => (await page.locator('.messages').innerText()).includes('超过 Excel 单元格上限（32767 字），导出时已截断'), true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a print view with the same title, merged problems and header', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('print').click();
    const view = page.getByTestId('print-view');
    await view.waitFor();
    expect(await view.locator('.print-title').innerText()).toBe('示例市第五中学2026年意识形态领域风险“三清单”');
    // the sample uses 类别 and 风险等级, so they are among the default columns
    expect(await view.locator('thead th').allInnerTexts()).toEqual(['序号', '类别', '问题清单', '风险等级', '措施清单', '责任部门', '责任领导', '完成时限', '进展情况', '备注']);
    // the first problem spans its three measures
    const problemCell = view.locator('tbody tr').first().locator('td').nth(2);
    expect(await problemCell.innerText()).toContain('高考加分政策调整');
    expect(await problemCell.getAttribute('rowspan')).toBe('3');
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
