import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import type { ImportRow } from '../../src/domain/import/types';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { xlsxFilesInZip } from '../../src/xlsx/zipFiles';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { until } from './grid';

const shots = process.env.E2E_SHOTS ?? tmpdir();

/** The list as the app exports it now: what a user would get in Excel. */
async function exportedRows(page: Page): Promise<ImportRow[]> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  return importWorkbook(readXlsx(readFileSync((await (await download).path())!))).rows;
}

/** A department's edits, made with ExcelJS as they would be made in Excel. */
async function edit(bytes: Uint8Array, change: (ws: ExcelJS.Worksheet, col: (header: string) => number) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((s) => s.state === 'visible')!;
  let headerRow: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!headerRow && (row.values as ExcelJS.CellValue[]).includes('措施清单')) headerRow = row;
  });
  const col = (header: string) => (headerRow!.values as ExcelJS.CellValue[]).indexOf(header);
  change(ws, col);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const rowWith = (ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(col).value === text) found = row;
  });
  if (!found) throw new Error(`no row with ${text}`);
  return found;
};

describeE2e('collecting the departments’ copies in Chromium', () => {
  const { newContext } = useBrowser();

  it('sends out, takes two edited copies back at once, resolves a conflict, applies, undoes and redoes', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const before = await exportedRows(page);

    // send out: one workbook per department, in a zip named for the list
    await page.getByTestId('distribute-open').click();
    await page.getByTestId('distribute-own').check();
    await page.getByTestId('distribute-zip').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('distribute-download').click();
    const zip = await download;
    expect(zip.suggestedFilename()).toMatch(/_分发\.zip$/);
    const files = xlsxFilesInZip(readFileSync((await zip.path())!));
    const deyuFile = files.find((f) => f.name.startsWith('德育处_'))!;
    const dangbanFile = files.find((f) => f.name.startsWith('党办_'))!;
    expect(deyuFile && dangbanFile).toBeTruthy();

    const deyu = importWorkbook(readXlsx(deyuFile.bytes)).rows;
    const dangban = importWorkbook(readXlsx(dangbanFile.bytes)).rows;
    expect(deyu.every((r) => r.departments.includes('德育处'))).toBe(true);
    // a measure both were sent: the conflict; one only 德育处 has: changed; its last row: deleted
    const shared = deyu.find((r) => dangban.some((d) => d.measure === r.measure))!;
    const ownChange = deyu.find((r) => r !== shared && !dangban.some((d) => d.measure === r.measure))!;
    const last = deyu[deyu.length - 1]!;
    expect(new Set([shared.measure, ownChange.measure, last.measure]).size).toBe(3);

    const swapped = dangban.filter((r) => r.measure !== shared.measure).slice(0, 2);
    const dir = mkdtempSync(join(tmpdir(), 'sqd-merge-'));
    const deyuEdited = await edit(deyuFile.bytes, (ws, col) => {
      rowWith(ws, col('措施清单'), ownChange.measure).getCell(col('进展情况')).value = '已完成（德育处核实）';
      rowWith(ws, col('措施清单'), shared.measure).getCell(col('备注')).value = '德育处：每月检查一次';
      ws.spliceRows(rowWith(ws, col('措施清单'), last.measure).number, 1); // the department deleted its last row
      const added = ws.addRow([]);
      added.getCell(col('问题清单')).value = '学生社团活动内容审核不严';
      added.getCell(col('措施清单')).value = '建立学生社团活动内容事前审核制度';
      added.getCell(col('责任部门')).value = '德育处\n学生会';
    });
    const dangbanEdited = await edit(dangbanFile.bytes, (ws, col) => {
      rowWith(ws, col('措施清单'), shared.measure).getCell(col('备注')).value = '党办：每学期检查两次';
      // reorder: two rows' measure cells change places, with their hidden ids (cut and inserted in Excel)
      const measureCol = col('措施清单');
      const a = rowWith(ws, measureCol, swapped[0]!.measure);
      const b = rowWith(ws, measureCol, swapped[1]!.measure);
      const idCol = (a.values as ExcelJS.CellValue[]).length - 1;
      for (let c = measureCol; c <= idCol; c++) {
        const v = a.getCell(c).value;
        a.getCell(c).value = b.getCell(c).value;
        b.getCell(c).value = v;
      }
    });
    // what Excel would show: the deleted row is gone, the added row is there
    const deyuBack = importWorkbook(readXlsx(deyuEdited)).rows;
    expect(deyuBack.map((r) => r.measure)).not.toContain(last.measure);
    expect(deyuBack.map((r) => r.measure)).toContain('建立学生社团活动内容事前审核制度');
    writeFileSync(join(dir, deyuFile.name), deyuEdited);
    writeFileSync(join(dir, dangbanFile.name), dangbanEdited);

    // take both back at once
    await page.getByTestId('merge-files').setInputFiles([join(dir, deyuFile.name), join(dir, dangbanFile.name)]);
    const preview = page.getByTestId('merge-preview');
    await preview.waitFor();
    await until(async () => preview.getByTestId('merge-copy').count(), 2);
    await until(async () => preview.getByTestId('merge-conflict').count(), 1);
    const conflict = preview.getByTestId('merge-conflict');
    expect(await conflict.innerText()).toContain('德育处：每月检查一次');
    expect(await conflict.innerText()).toContain('党办：每学期检查两次');
    const copyText = await preview.getByTestId('merge-copy').first().innerText();
    expect(copyText).toContain('已完成（德育处核实）');
    expect(copyText).toContain('建立学生社团活动内容事前审核制度');
    expect(copyText).toContain(last.measure.slice(0, 12));
    expect(await preview.getByTestId('merge-not-returned').innerText()).toContain('教务处');
    // reordered rows are matched by their ids: no change for them
    for (const r of swapped) expect(await preview.getByTestId('merge-copy').nth(1).innerText()).not.toContain(r.measure.slice(0, 12));
    // a new department name is listed, to be created unless the user says which one it is
    expect(await preview.getByTestId('merge-new-names').innerText()).toContain('部门“学生会”');
    expect(await preview.getByTestId('merge-map').inputValue()).toBe('');
    await preview.getByTestId('merge-delete').first().check();
    const deyuIndex = (await preview.getByTestId('merge-copy').first().innerText()).includes('德育处_') ? 0 : 1;
    await conflict.getByTestId(`conflict-theirs-${deyuIndex}`).check();
    await page.screenshot({ path: join(shots, 'merge-preview.png') });
    await preview.getByTestId('merge-apply').click();
    await preview.waitFor({ state: 'detached' });

    const measure = (rows: ImportRow[], text: string) => rows.find((r) => r.measure === text);
    const merged = await exportedRows(page);
    expect(measure(merged, ownChange.measure)!.status).toBe('已完成（德育处核实）');
    expect(measure(merged, shared.measure)!.note).toBe('德育处：每月检查一次');
    expect(measure(merged, last.measure)).toBeUndefined();
    expect(measure(merged, '建立学生社团活动内容事前审核制度')).toMatchObject({ problem: '学生社团活动内容审核不严', departments: ['德育处', '学生会'] });
    expect(merged.map((r) => r.measure).filter((m) => m !== '建立学生社团活动内容事前审核制度')).toEqual(before.map((r) => r.measure).filter((m) => m !== last.measure));

    // one step back and forth
    await page.getByTestId('undo').click();
    await until(async () => JSON.stringify((await exportedRows(page)).map((r) => [r.measure, r.status, r.note])), JSON.stringify(before.map((r) => [r.measure, r.status, r.note])), 15000);
    await page.getByTestId('redo').click();
    await until(async () => JSON.stringify((await exportedRows(page)).map((r) => [r.measure, r.status, r.note])), JSON.stringify(merged.map((r) => [r.measure, r.status, r.note])), 15000);
    // the change log keeps where each merged change came from
    await page.getByTestId('tab-history').click();
    await until(async () => (await page.locator('main').innerText()).includes('合并 2 份反馈'), true);
    const log = await page.locator('main').innerText();
    expect(log).toContain('来源');
    expect(log).toContain(`“${deyuFile.name}”`);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('takes back a .zip of copies dropped on the page, one copy per department, and the one-file variant too', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('distribute-open').click();
    await page.getByTestId('distribute-whole').check();
    await page.screenshot({ path: join(shots, 'distribute-dialog.png') });
    const download = page.waitForEvent('download');
    await page.getByTestId('distribute-download').click();
    const zipBytes = readFileSync((await (await download).path())!);
    const departments = xlsxFilesInZip(zipBytes).length;
    expect(departments).toBeGreaterThan(3);

    // dropped on the page as a user drags it from the mail attachment
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], '反馈.zip', { type: 'application/zip' }));
      const target = document.querySelector('main')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, zipBytes.toString('base64'));
    const preview = page.getByTestId('merge-preview');
    await preview.waitFor();
    await until(async () => preview.getByTestId('merge-copy').count(), departments);
    expect(await preview.getByTestId('merge-summary').innerText()).toBe('修改 0 处 · 冲突 0 处 · 新增 0 行 · 删除 0 行');
    expect(await preview.getByTestId('merge-not-returned').count()).toBe(0);
    expect(await page.getByTestId('import-dialog').count()).toBe(0); // not taken for an import
    await preview.getByRole('button', { name: '取消', exact: true }).click();

    // one workbook with a sheet per department: each sheet is its department's copy
    await page.getByTestId('distribute-open').click();
    await page.getByTestId('distribute-own').check();
    await page.getByTestId('distribute-sheets').check();
    const one = page.waitForEvent('download');
    await page.getByTestId('distribute-download').click();
    const file = await one;
    expect(file.suggestedFilename()).toMatch(/_各部门\.xlsx$/);
    // with a file that is no workbook: named in the preview, the others still read
    const bad = join(mkdtempSync(join(tmpdir(), 'sqd-bad-')), '德育处反馈.xlsx');
    writeFileSync(bad, '这不是 Excel 文件');
    await page.getByTestId('merge-files').setInputFiles([(await file.path())!, bad]);
    await preview.waitFor();
    await until(async () => preview.getByTestId('merge-copy').count(), departments);
    expect(await preview.getByRole('alert').first().innerText()).toContain('“德育处反馈.xlsx”不是 Excel 工作簿');
    expect(await preview.getByTestId('merge-summary').innerText()).toBe('修改 0 处 · 冲突 0 处 · 新增 0 行 · 删除 0 行');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
