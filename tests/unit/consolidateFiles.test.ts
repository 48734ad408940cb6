import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { copiesOfWorkbook } from '../../src/domain/consolidate/copies';
import { distributionParts, distributionRecord, partOptions } from '../../src/domain/consolidate/distribute';
import { mergeCopies } from '../../src/domain/consolidate/merge';
import { listRows } from '../../src/domain/consolidate/model';
import { buildExport } from '../../src/domain/export/buildExport';
import { defaultOptions } from '../../src/domain/export/exportOptions';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { buildRows } from '../../src/domain/rows';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import { isZipOfFiles, xlsxFilesInZip, zipFiles } from '../../src/xlsx/zipFiles';
import { fixture } from './helpers';

const DATE = new Date(2026, 11, 2);
const root = join(__dirname, '../..');

/** The fixture with ids like the app's (hex), which the hidden column carries. */
function hexFixture() {
  const { content, directory } = fixture();
  const hex = (id: string) => id.replace(/^m/, 'e').replace(/^p/, 'f');
  content.problems = content.problems.map((p) => ({ ...p, id: hex(p.id) }));
  content.measures = content.measures.map((m) => ({ ...m, id: hex(m.id), problemId: hex(m.problemId) }));
  return { content, directory };
}

function sent(mode: 'own' | 'whole') {
  const { content, directory } = hexFixture();
  const parts = distributionParts(content, directory, mode, DATE);
  const options = defaultOptions(buildRows(content.problems, content.measures), DATE);
  const files = parts.map((p) => ({ part: p, bytes: writeXlsx(buildExport(content, directory, partOptions(options, p, mode), p.rows)) }));
  return { content, directory, parts, files, record: distributionRecord(content, directory, parts, mode, DATE.getTime()) };
}

describe('sending the list out', () => {
  it('makes one workbook per department with its own rows, its name in the title, a 填写说明 line and the ids', () => {
    const { files, content, directory } = sent('own');
    expect(files.map((f) => f.part.fileName)).toEqual([
      '党办_示例市第一中学2026年意识形态领域风险“三清单”_20261202.xlsx',
      '德育处_示例市第一中学2026年意识形态领域风险“三清单”_20261202.xlsx',
      '教务处_示例市第一中学2026年意识形态领域风险“三清单”_20261202.xlsx',
    ]);
    const read = importWorkbook(readXlsx(files[1]!.bytes));
    expect(read.rows.map((r) => r.measure)).toEqual(['专人审核留言']);
    expect(read.rows[0]!.ids).toEqual({ measureId: 'e12', problemId: 'f1' });
    expect(read.title).toMatch(/（德育处）$/);
    expect(read.listId).toBe('list1');
    // a copy comes back as 德育处's, and an untouched one changes nothing
    const base = listRows(content, directory);
    const r = mergeCopies(base, copiesOfWorkbook(files[1]!.part.fileName, read, directory, base), { directory });
    expect(r.copies[0]!.department).toBe('德育处');
    expect([r.changes, r.conflicts, r.added, r.missing]).toEqual([[], [], [], []]);
    expect(r.notReturned).toEqual(['党办', '教务处']);
  });

  it('the whole-list variant highlights the department’s rows (seen with ExcelJS) and says 填写说明', async () => {
    const { files } = sent('whole');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[1]!.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('德育处');
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts.some((t) => t.startsWith('填写说明：'))).toBe(true);
    const fillOf = (text: string) => {
      let fill: unknown;
      ws.eachRow((row) => row.eachCell((cell) => { if (cell.value === text) fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb; }));
      return fill;
    };
    expect(fillOf('专人审核留言')).toBe('FFFFF2CC');
    expect(fillOf('清理新媒体账号')).toBeUndefined();
    expect(importWorkbook(readXlsx(files[1]!.bytes)).rows).toHaveLength(3);
  });

  it('zips the workbooks under their department names and reads them back', () => {
    const { files } = sent('own');
    const zip = zipFiles(files.map((f) => ({ name: f.part.fileName, bytes: f.bytes })));
    expect(isZipOfFiles(zip)).toBe(true);
    expect(isZipOfFiles(files[0]!.bytes)).toBe(false); // a workbook is a zip too, but not of files
    const back = xlsxFilesInZip(zip);
    expect(back.map((f) => f.name)).toEqual(files.map((f) => f.part.fileName));
    expect(back[2]!.bytes).toEqual(files[2]!.bytes);
  });

  it('the record keeps what each department was sent and the values then', () => {
    const { record } = sent('own');
    expect(record.parts.map((p) => [p.department, p.keys])).toEqual([
      ['党办', ['e11', 'e12']],
      ['德育处', ['e12']],
      ['教务处', ['e21']],
    ]);
    expect(record.snapshot['e12']).toMatchObject({ status: '推进中', departments: ['党办', '德育处'] });
  });
});

/** A department's edits, made with ExcelJS as they would be in Excel. */
async function edit(bytes: Uint8Array, change: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb.worksheets[0]!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const findRow = (ws: ExcelJS.Worksheet, text: string): ExcelJS.Row => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => row.eachCell((c) => { if (c.value === text) found = row; }));
  if (!found) throw new Error(`no row ${text}`);
  return found;
};

const colOf = (ws: ExcelJS.Worksheet, header: string): number => (findRow(ws, header).values as ExcelJS.CellValue[]).indexOf(header);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('merge on the command line', () => {
  it('merges two edited copies into the base: changes, added, missing, conflicts keep the base value', async () => {
    const { content, directory } = hexFixture();
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    const baseBytes = writeXlsx(buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures), DATE)));
    writeFileSync(join(dir, 'base.xlsx'), baseBytes);
    const a = await edit(baseBytes, (ws) => {
      findRow(ws, '专人审核留言').getCell(colOf(ws, '进展情况')).value = '已完成';
      findRow(ws, '落实“一会一报”').getCell(colOf(ws, '完成时限')).value = '2026年6月底前';
      const r = ws.addRow([]);
      r.getCell(colOf(ws, '问题清单')).value = '宣传栏内容更新不及时';
      r.getCell(colOf(ws, '措施清单')).value = '每周更新一次宣传栏';
      r.getCell(colOf(ws, '责任部门')).value = '德育处';
    });
    const b = await edit(baseBytes, (ws) => {
      findRow(ws, '专人审核留言').getCell(colOf(ws, '进展情况')).value = '部分完成';
      ws.spliceRows(findRow(ws, '清理新媒体账号').number, 1); // delete a row
    });
    writeFileSync(join(dir, '甲.xlsx'), a);
    writeFileSync(join(dir, '乙.xlsx'), b);
    const out = join(dir, 'merged.xlsx');
    const r = cli(['merge', join(dir, 'base.xlsx'), join(dir, '甲.xlsx'), join(dir, '乙.xlsx'), '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.changes).toEqual([{ file: '甲.xlsx', row: 6, field: 'deadline', from: '长期坚持', to: '2026年6月底前' }]);
    expect(json.conflicts).toEqual([
      { field: 'status', row: 5, values: [{ file: '甲.xlsx', value: '已完成' }, { file: '乙.xlsx', value: '部分完成' }] },
    ]);
    expect(json.added.map((x: { file: string; measure: string; problem: string }) => [x.file, x.problem, x.measure])).toEqual([['甲.xlsx', '宣传栏内容更新不及时', '每周更新一次宣传栏']]);
    expect(json.missing.map((x: { file: string; measure: string }) => [x.file, x.measure])).toEqual([['乙.xlsx', '清理新媒体账号']]);
    const rows = json.rows as { measure: string; status?: string; deadline?: string; problem: string }[];
    expect(rows.map((x) => x.measure)).toEqual(['清理新媒体账号', '专人审核留言', '落实“一会一报”', '每周更新一次宣传栏']);
    expect(rows[1]!.status).toBe('推进中'); // the conflict keeps the base value
    expect(rows[2]!.deadline).toBe('2026年6月底前');
    // the merged workbook holds the merged rows
    const again = importWorkbook(readXlsx(readFileSync(out)));
    expect(again.rows.map((x) => x.measure)).toEqual(rows.map((x) => x.measure));
  }, 60_000);

  it('refuses a bad file with one Chinese line and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    writeFileSync(join(dir, 'bad.xlsx'), 'not a workbook');
    const { content, directory } = fixture();
    writeFileSync(join(dir, 'base.xlsx'), writeXlsx(buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures), DATE))));
    const r = cli(['merge', join(dir, 'base.xlsx'), join(dir, 'bad.xlsx')]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('“bad.xlsx”');
    expect(r.stderr).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
    const missing = cli(['merge', join(dir, 'base.xlsx'), join(dir, 'nope.xlsx')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('找不到文件');
    expect(cli(['merge', join(dir, 'base.xlsx')]).status).not.toBe(0);
  }, 60_000);
});
