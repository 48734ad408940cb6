import { byId, namesText, type Person } from '../directory';
import type { FieldId } from '../fields';
import { buildRows, type RiskRow } from '../rows';
import type { Directory, Id, ListContent } from '../types';
import { EXPORT_LABELS, EXPORT_WIDTHS, type ExportOptions } from './exportOptions';
import { ID_COLUMN_HEADER, ID_SHEET, ID_SHEET_FORMAT, idCell } from '../rowIds';
import { heightFor, wrappedLines } from './textWidth';
import type { CellStyle, SheetSpec, SpecCell, SpecMerge, SpecRow, WorkbookSpec } from './workbookSpec';

const PROBLEM_SCOPED = new Set<FieldId>(['serial', 'problem', 'level', 'category']);
const CENTERED = new Set<FieldId>(['serial', 'level', 'deadline', 'status']);

/**
 * The meeting-ready workbook: a title row merged across the table, an optional 填报单位/日期 row, the header, one row
 * per measure with each problem (and its 序号) merged down over its measures, several departments or leaders on
 * separate lines, thin borders, wrapped text, row heights that fit, A4 landscape fitted to one page wide with the
 * header repeated on every page. Variants add a sheet per department or leader and a summary.
 */
export function buildExport(content: ListContent, directory: Directory, options: ExportOptions, only?: readonly RiskRow[]): WorkbookSpec {
  const people = byId<Person>([...directory.departments, ...directory.leaders]);
  const all = only ?? buildRows(content.problems, content.measures);
  const title = `${content.list.unit}${content.list.title}`;
  const sheets: SheetSpec[] = [];
  const used = new Set<string>();
  const add = (name: string, rows: readonly RiskRow[], heading: string) => {
    const sheetName = uniqueSheetName(name, used);
    sheets.push(listSheet(sheetName, heading, rows, content, options, people));
  };

  add(options.part?.department || content.list.title || '三清单', all, options.part ? `${title}（${options.part.department}）` : title);
  if (options.perDepartment) {
    for (const d of directory.departments) {
      const rows = all.filter((r) => r.departmentIds.includes(d.id));
      if (rows.length) add(d.name, rows, `${title}（${d.name}）`);
    }
  }
  if (options.perLeader) {
    for (const l of directory.leaders) {
      const rows = all.filter((r) => r.leaderIds.includes(l.id));
      if (rows.length) add(l.name, rows, `${title}（${l.name}）`);
    }
  }
  if (options.summary) sheets.push(summarySheet(uniqueSheetName('汇总', used), title, all, directory));
  sheets.push(idSheet(content.list.id, options.date));
  return { sheets, title };
}

function listSheet(
  name: string,
  heading: string,
  rows: readonly RiskRow[],
  content: ListContent,
  options: ExportOptions,
  people: ReadonlyMap<Id, Person>,
): SheetSpec {
  const cols = options.columns;
  const widths = cols.map((c) => EXPORT_WIDTHS[c]);
  const idCol = cols.length;
  const out: SpecRow[] = [];
  const merges: SpecMerge[] = [];
  const lastCol = cols.length - 1;

  out.push({ cells: [{ value: heading, style: 'title' }], height: 40 });
  merges.push({ top: 0, left: 0, bottom: 0, right: lastCol, style: 'title' });
  if (options.subtitle) {
    const d = options.date;
    const text = `填报单位：${content.list.unit || '　　　　　　'}${'　'.repeat(6)}填报日期：${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
    out.push({ cells: [{ value: text, style: 'subtitle' }], height: 24 });
    merges.push({ top: out.length - 1, left: 0, bottom: out.length - 1, right: lastCol, style: 'subtitle' });
  }
  if (options.part) {
    out.push({ cells: [{ value: options.part.instructions, style: 'subtitle' }], height: 24 });
    merges.push({ top: out.length - 1, left: 0, bottom: out.length - 1, right: lastCol, style: 'subtitle' });
  }
  const headerRow = out.length;
  out.push({
    cells: [...cols.map((c) => ({ value: EXPORT_LABELS[c], style: 'header' as CellStyle })), { value: ID_COLUMN_HEADER, style: 'plain' }],
    height: 30,
  });

  // rows grouped by problem, numbered within this sheet
  let serial = 0;
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j]!.problemId === rows[i]!.problemId) j++;
    serial++;
    const start = out.length;
    const marked = options.part?.highlight;
    const problemMarked = !!marked && rows.slice(i, j).some((x) => marked.has(x.rowId));
    for (let k = i; k < j; k++) {
      const r = rows[k]!;
      const cells: (SpecCell | null)[] = cols.map((c) => {
        if (PROBLEM_SCOPED.has(c) && k > i) return null; // covered by the merge from the problem's first row
        const value = c === 'serial' ? serial : cellText(r, c, people);
        return { value, style: styleOf(c, PROBLEM_SCOPED.has(c) ? problemMarked : !!marked?.has(r.rowId)) };
      });
      cells[idCol] = { value: idCell(r.measureId, r.problemId), style: 'plain' };
      const lines = Math.max(1, ...cols.map((c, ci) => (PROBLEM_SCOPED.has(c) ? 1 : wrappedLines(cellText(r, c, people), widths[ci]!))));
      out.push({ cells, height: heightFor(lines) });
    }
    const end = out.length - 1;
    // a problem needs at least the height of its own text: what its rows lack goes to them evenly
    const first = rows[i]!;
    const need = Math.max(...cols.map((c, ci) => (PROBLEM_SCOPED.has(c) ? heightFor(wrappedLines(cellText(first, c, people), widths[ci]!)) : 0)));
    const have = out.slice(start, end + 1).reduce((s, r) => s + (r.height ?? 0), 0);
    if (need > have) for (let k = start; k <= end; k++) out[k]!.height = Math.round(((out[k]!.height ?? 0) + (need - have) / (end - start + 1)) * 10) / 10;
    if (end > start) {
      cols.forEach((c, ci) => {
        if (PROBLEM_SCOPED.has(c)) merges.push({ top: start, left: ci, bottom: end, right: ci, style: styleOf(c, problemMarked) });
      });
    }
    i = j;
  }

  if (options.signOff) {
    out.push({ cells: [], height: 12 });
    const text = `填表人：${'　'.repeat(8)}审核人：${'　'.repeat(8)}日期：${'　'.repeat(8)}（单位盖章）`;
    out.push({ cells: [{ value: text, style: 'signoff' }], height: 30 });
    merges.push({ top: out.length - 1, left: 0, bottom: out.length - 1, right: lastCol, style: 'signoff' });
  }

  return {
    name,
    columnWidths: [...widths, 20],
    hiddenColumns: [idCol],
    rows: out,
    merges,
    print: { landscape: true, titleRows: [headerRow, headerRow], footer: '&C第 &P 页 共 &N 页', frozenRows: headerRow + 1 },
  };
}

const styleOf = (c: FieldId, marked: boolean): CellStyle => (CENTERED.has(c) ? (marked ? 'bodyCenterMark' : 'bodyCenter') : marked ? 'bodyMark' : 'body');

export function cellText(r: RiskRow, field: FieldId, people: ReadonlyMap<Id, Person>): string {
  switch (field) {
    case 'serial':
      return String(r.serial);
    case 'departments':
      return namesText(people, r.departmentIds);
    case 'leaders':
      return namesText(people, r.leaderIds);
    default:
      return r[field];
  }
}

function summarySheet(name: string, title: string, rows: readonly RiskRow[], directory: Directory): SheetSpec {
  const measures = rows.filter((r) => r.measureId);
  const out: SpecRow[] = [{ cells: [{ value: `${title}汇总`, style: 'title' }], height: 36 }];
  const merges: SpecMerge[] = [{ top: 0, left: 0, bottom: 0, right: 1, style: 'title' }];
  const table = (heading: string, counts: [string, number][]) => {
    out.push({ cells: [], height: 10 });
    out.push({ cells: [{ value: heading, style: 'header' }, { value: '措施数', style: 'header' }], height: 26 });
    for (const [label, n] of counts) out.push({ cells: [{ value: label, style: 'body' }, { value: n, style: 'bodyCenter' }], height: 22 });
  };
  const count = (key: (r: RiskRow) => string[]) => {
    const m = new Map<string, number>();
    for (const r of measures) for (const k of key(r)) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.entries()];
  };
  const dept = byId(directory.departments);
  const lead = byId(directory.leaders);
  table('责任部门', count((r) => (r.departmentIds.length ? r.departmentIds.map((id) => dept.get(id)?.name ?? '') : ['（未填写）'])));
  table('责任领导', count((r) => (r.leaderIds.length ? r.leaderIds.map((id) => lead.get(id)?.name ?? '') : ['（未填写）'])));
  table('进展情况', count((r) => [r.status || '（未填写）']));
  table('风险等级', count((r) => [r.level || '（未填写）']));
  out.push({ cells: [{ value: '合计', style: 'header' }, { value: measures.length, style: 'bodyCenter' }], height: 24 });
  return { name, columnWidths: [30, 12], rows: out, merges, print: { landscape: false, footer: '&C第 &P 页 共 &N 页' } };
}

function idSheet(listId: Id, date: Date): SheetSpec {
  const plain = (v: string | number): SpecCell => ({ value: v, style: 'plain' });
  return {
    name: ID_SHEET,
    state: 'veryHidden',
    columnWidths: [12, 40],
    rows: [
      { cells: [plain('格式'), plain(ID_SHEET_FORMAT)] },
      { cells: [plain('清单ID'), plain(listId)] },
      { cells: [plain('导出时间'), plain(date.toISOString())] },
    ],
    merges: [],
  };
}

const ILLEGAL_SHEET = /[\\/?*[\]:]/g;

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, unique regardless of case. */
export function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = (wanted.replace(ILLEGAL_SHEET, '').replace(/^'+|'+$/g, '').trim() || '工作表').slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 2)}（${n}）`;
  used.add(name.toLowerCase());
  return name;
}
