import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/domain/export/buildExport';
import { defaultOptions, exportFileName, type ExportOptions } from '../../src/domain/export/exportOptions';
import { importPatch } from '../../src/domain/import/importPlan';
import { diffUpdate } from '../../src/domain/import/importUpdate';
import { importWorkbook, publicRow, suggestedMeta } from '../../src/domain/import/importWorkbook';
import type { ImportRow } from '../../src/domain/import/types';
import type { Patch } from '../../src/domain/patch';
import { buildRows } from '../../src/domain/rows';
import type { Directory, ListContent } from '../../src/domain/types';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import { SPECS } from '../../samples/workbookSpecs';
import { applyPatchTo } from './helpers';

const DATE = new Date(2026, 10, 23);
const sample = (file: string) => readFileSync(join(__dirname, '../../samples', file));

/** A list made by importing a sample into an empty database. */
function listFrom(file: string): { content: ListContent; directory: Directory } {
  const result = importWorkbook(readXlsx(sample(file)));
  const empty: ListContent = { list: { id: 'x', unit: '', title: '', period: '', createdAt: 0, updatedAt: 0 }, problems: [], measures: [] };
  const { patch, listId } = importPatch(
    { mode: 'new', rows: result.rows, mapped: new Map(), meta: { ...suggestedMeta(result, file), period: '' } },
    { departments: [], leaders: [] },
    file,
  );
  const listOp = patch.ops.find((o) => o.type === 'create' && o.table === 'lists');
  const start = { ...empty, list: (listOp as { value: ListContent['list'] }).value };
  const { content, directory } = applyPatchTo(start, { departments: [], leaders: [] }, { ...patch, ops: patch.ops.filter((o) => o !== listOp) });
  expect(content.list.id).toBe(listId);
  return { content, directory };
}

function exported(content: ListContent, directory: Directory, options?: Partial<ExportOptions>): Uint8Array {
  return writeXlsx(buildExport(content, directory, { ...defaultOptions(buildRows(content.problems, content.measures), DATE), ...options }));
}

/** Rows compared by what a user sees: empty optional fields and the sheet name do not count. */
const seen = (rows: readonly ImportRow[]) =>
  rows.map((r) => {
    const { sheet: _sheet, ...rest } = publicRow(r);
    return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== ''));
  });

describe('export then import gives back the same rows', () => {
  for (const spec of SPECS) {
    it(spec.file, () => {
      const { content, directory } = listFrom(spec.file);
      const again = importWorkbook(readXlsx(exported(content, directory)));
      expect(seen(again.rows)).toEqual(seen(importWorkbook(readXlsx(sample(spec.file))).rows));
      expect(again.listId).toBe(content.list.id);
    });
  }
});

describe('the exported workbook, read with ExcelJS', () => {
  const { content, directory } = listFrom('01-学校三清单-合并单元格.xlsx');
  const load = async (options?: Partial<ExportOptions>) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported(content, directory, options)) as unknown as ArrayBuffer);
    return wb;
  };

  it('has the customary layout: merged title, header, problems and 序号 merged over their measures', async () => {
    const ws = (await load()).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('示例第五中学意识形态风险“三清单”');
    expect(ws.getCell('A2').value).toMatch(/^填报单位：示例第五中学\s+填报日期：2026年11月23日$/);
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(3).getCell(c).value)).toEqual(['序号', '问题清单', '措施清单', '责任部门', '责任领导']);
    const merges = ws.model.merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:E1', 'A2:E2', 'A4:A6', 'B4:B6', 'A7:A8', 'B7:B8']));
    expect(ws.getCell('D6').value).toBe('党办\n德育处\n各年级');
    expect(ws.getCell('A7').value).toBe(2);
  });

  it('uses the fonts, borders, wrapping and row heights these offices print with', async () => {
    const ws = (await load()).worksheets[0]!;
    expect(ws.getCell('A1').font).toMatchObject({ name: '方正小标宋简体', size: 20 });
    expect(ws.getCell('B3').font).toMatchObject({ name: '黑体', size: 12, bold: true });
    expect(ws.getCell('C4').font).toMatchObject({ name: '仿宋_GB2312', size: 12 });
    for (const ref of ['A3', 'C4', 'B5', 'E13']) {
      expect(ws.getCell(ref).border, ref).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    }
    expect(ws.getCell('C4').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    // three department lines need a taller row than one line of text
    expect(ws.getRow(6).height).toBeGreaterThan(ws.getRow(5).height!);
  });

  it('prints on A4 landscape, one page wide, with the header on every page and page numbers', async () => {
    const wb = await load();
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('carries ids in a hidden column and a very hidden sheet, out of the printed table', async () => {
    const wb = await load();
    const ws = wb.worksheets[0]!;
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.getCell('F3').value).toBe('数据标识（请勿修改）');
    expect(String(ws.getCell('F4').value)).toMatch(/^[0-9a-f]+\/[0-9a-f]+$/);
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      [content.list.title, 'visible'],
      ['_三清单', 'veryHidden'],
    ]);
  });

  it('chooses columns and their order, and adds the sign-off line and the variant sheets', async () => {
    const wb = await load({ columns: ['serial', 'problem', 'measure', 'leaders', 'departments'], signOff: true, perDepartment: true, perLeader: true, summary: true });
    const ws = wb.worksheets[0]!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(3).getCell(c).value)).toEqual(['序号', '问题清单', '措施清单', '责任领导', '责任部门']);
    expect(String(ws.getCell(`A${ws.rowCount}`).value)).toContain('审核人');
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['党办', '德育处', '校长', '统计汇总']));
    const dept = wb.getWorksheet('团委')!;
    expect(dept.getCell('A1').value).toContain('（团委）');
    const measures = [];
    // data rows are the ones with an id (the sign-off line below is merged across and would repeat its text)
    for (let r = 4; r <= dept.rowCount; r++) if (dept.getCell(`F${r}`).value) measures.push(dept.getCell(`C${r}`).value);
    expect(measures).toEqual(['结合主题班会开展网络素养和国家安全教育，每学期不少于1次。', '开展马克思主义宗教观和抵御宗教渗透主题教育，严禁在校内传教。']);
    const summary = wb.getWorksheet('统计汇总')!;
    // the status table's total: every measure
    let total = 1;
    while (total <= summary.rowCount && summary.getCell(total, 1).value !== '合计') total++;
    expect([summary.getCell(total, 1).value, summary.getCell(total, 3).value]).toEqual(['合计', 10]);
  });

  it('writes the round’s 进展情况 as 本轮进展情况 when the rows carry it, by default beside the other columns', async () => {
    const [first, second] = content.measures;
    const progress = { [first!.id]: '已组织集中学习 2 次', [second!.id]: '' };
    const rowsWith = buildRows(content.problems, content.measures).map((r) => (r.measureId === first!.id ? { ...r, progress: progress[first!.id] } : r));
    const columns = defaultOptions(rowsWith, DATE).columns;
    expect(columns.at(-1)).toBe('progress');
    expect(defaultOptions(buildRows(content.problems, content.measures), DATE).columns).not.toContain('progress');
    const wb = await load({ columns, progress });
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(3).values as unknown[];
    const col = header.indexOf('本轮进展情况');
    expect(col).toBeGreaterThan(0);
    const texts: unknown[] = [];
    for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, col).value) texts.push(ws.getCell(r, col).value);
    expect(texts).toEqual(['已组织集中学习 2 次']);
    // read back, 进展情况 is still the status: 本轮进展情况 is not taken for it
    const back = importWorkbook(readXlsx(exported(content, directory, { columns, progress })));
    expect(back.rows.map((r) => r.status ?? '')).toEqual(buildRows(content.problems, content.measures).filter((r) => r.measureId).map((r) => r.status));
    expect(back.rows.some((r) => r.status === '已组织集中学习 2 次')).toBe(false);
  });

  it('writes text that looks like a formula as text', async () => {
    const list = structuredClone(content);
    const [a, b, c] = buildRows(list.problems, list.measures).map((r) => list.measures.find((m) => m.id === r.measureId)!);
    a!.text = '=HYPERLINK("http://x","点我")';
    b!.text = '+cmd';
    c!.text = '@SUM(A1)';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported(list, directory)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect([ws.getCell('C4').value, ws.getCell('C5').value, ws.getCell('C6').value]).toEqual(['=HYPERLINK("http://x","点我")', '+cmd', '@SUM(A1)']);
    expect(ws.getCell('C4').type).toBe(ExcelJS.ValueType.String);
  });

  it('names the file <单位><标题>_<YYYYMMDD>.xlsx', () => {
    expect(exportFileName('示例中学', '2026年三清单/上半年', DATE)).toBe('示例中学2026年三清单上半年_20261123.xlsx');
  });
});

describe('a department edits its copy in Excel and it comes back as an update', () => {
  it('rewords a measure and inserts a row: the list is updated without duplicates', async () => {
    const { content, directory } = listFrom('01-学校三清单-合并单元格.xlsx');
    const bytes = exported(content, directory, { perDepartment: true });

    // in Excel: on 团委's sheet, reword its first measure and insert a new row under the same problem
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('团委')!;
    ws.getCell('C4').value = '每学期开展两次网络素养和国家安全教育主题班会。';
    ws.spliceRows(5, 0, [null, null, '团委组建学生网评员队伍，及时发布正面声音。', '团委', '副校长']);
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());

    const result = importWorkbook(readXlsx(edited));
    const diff = diffUpdate(result.rows, content, directory);
    expect(diff.changed).toEqual([{ sheet: content.list.title, excelRow: 8, fields: ['措施清单'] }]);
    expect(diff.added).toBe(1);
    expect(diff.unchanged).toBe(9);

    const { patch } = importPatch({ mode: 'update', rows: result.rows, mapped: new Map(), target: content }, directory, '团委.xlsx');
    const after = applyPatchTo(content, directory, patch as Patch);
    expect(after.content.measures).toHaveLength(11);
    expect(after.content.problems).toHaveLength(content.problems.length);
    const texts = after.rows.map((r) => r.measure);
    expect(texts).toContain('每学期开展两次网络素养和国家安全教育主题班会。');
    expect(texts).not.toContain('结合主题班会开展网络素养和国家安全教育，每学期不少于1次。');
    const added = after.rows.find((r) => r.measure === '团委组建学生网评员队伍，及时发布正面声音。')!;
    const reworded = after.rows.find((r) => r.measure === '每学期开展两次网络素养和国家安全教育主题班会。')!;
    expect(added.problemId).toBe(reworded.problemId);
  });
});
