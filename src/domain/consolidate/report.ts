import { pageFor } from '../export/pageLayout';
import type { SheetSpec, SpecRow, WorkbookSpec } from '../export/workbookSpec';
import type { Directory } from '../types';
import { deletedKeys, resolvedValue, type Decisions } from './decisions';
import { FIELD_TEXT, ValueKeys, valueText, type BaseRow } from './model';
import type { MergeResult } from './merge';

/**
 * The merge report: what came from whom, what was left for a decision, and who has not answered. One line per item,
 * so that it reads the same as a sheet, a print page or a test's expectation.
 */
export interface ReportLine {
  file: string;
  department: string;
  /** Excel row in the copy (0: not a row) */
  row: number;
  kind: '修改' | '新增' | '拆分' | '缺少' | '删除' | '冲突';
  what: string; // the measure (or problem) it concerns
  field: string;
  from: string;
  to: string;
}

export interface MergeReport {
  copies: { file: string; department: string; rows: number; unchanged: number; changed: number; added: number; missing: number }[];
  lines: ReportLine[];
  notReturned: string[];
}

export function mergeReport(result: MergeResult, decisions: Decisions, directory: Directory): MergeReport {
  const keys = new ValueKeys(directory);
  const base = new Map(result.base.map((r) => [r.key, r] as const));
  const who = (c: number) => ({ file: result.copies[c]!.file, department: result.copies[c]!.department ?? '' });
  const about = (r: BaseRow | undefined, problemLevel = false) => (r ? (problemLevel || !r.measure ? r.problem : r.measure) : '');
  const lines: ReportLine[] = [];
  for (const [c, copy] of result.copies.entries()) {
    for (const p of copy.proposals) {
      const conflict = result.conflicts.find((x) => x.target === p.target && x.field === p.field);
      if (conflict) continue;
      lines.push({ ...who(c), row: p.excelRow, kind: '修改', what: about(base.get(p.baseKey), p.target.startsWith('problem:')), field: FIELD_TEXT[p.field], from: valueText(p.from), to: valueText(p.to) });
    }
  }
  for (const a of result.added) {
    if (decisions.skipped?.has(a.id)) continue;
    for (const c of [a.copy, ...a.alsoIn]) {
      lines.push({ ...who(c), row: c === a.copy ? a.excelRow : 0, kind: a.splitOf ? '拆分' : '新增', what: a.values.measure || a.values.problem, field: '', from: a.splitOf ? about(base.get(a.splitOf)) : '', to: a.values.measure });
    }
  }
  const deleted = deletedKeys(result, decisions);
  for (const m of result.missing) {
    const r = base.get(m.baseKey);
    lines.push({ ...who(m.copy), row: 0, kind: deleted.has(m.baseKey) && decisions.deletions?.has(m.id) ? '删除' : '缺少', what: about(r), field: '', from: '', to: '' });
  }
  for (const c of result.conflicts) {
    const resolution = decisions.resolutions?.get(c.id);
    const edit = resolvedValue(c, resolution, keys);
    const outcome = !edit ? '保留本清单' : resolution?.choice === 'both' ? `两者都保留：${valueText(edit.value)}` : `采用 ${result.copies[edit.copies[0]!]?.file ?? ''}`;
    for (const v of c.values) {
      lines.push({
        ...who(v.copy),
        row: v.excelRow,
        kind: '冲突',
        what: about(base.get(c.baseKey), c.target.startsWith('problem:')),
        field: FIELD_TEXT[c.field],
        from: valueText(c.mine),
        to: `${valueText(v.value)}（${outcome}）`,
      });
    }
  }
  const copies = result.copies.map((c) => ({
    file: c.file,
    department: c.department ?? '',
    rows: c.rows,
    unchanged: c.unchanged,
    changed: new Set(c.proposals.map((p) => p.excelRow)).size,
    added: c.added.length,
    missing: c.missing.length,
  }));
  return { copies, lines, notReturned: result.notReturned };
}

/** The report as a workbook (one sheet), in the export's styles. */
export function reportWorkbook(report: MergeReport, title: string): WorkbookSpec {
  const rows: SpecRow[] = [{ cells: [{ value: `${title}合并报告`, style: 'title' }], height: 36 }];
  const header = (labels: string[]) => rows.push({ cells: labels.map((value) => ({ value, style: 'header' as const })), height: 26 });
  const body = (values: (string | number)[]) => rows.push({ cells: values.map((value) => ({ value: typeof value === 'number' ? value : value, style: typeof value === 'number' ? ('bodyCenter' as const) : ('body' as const) })) });
  header(['文件', '部门', '行数', '未改', '修改', '新增', '缺少']);
  for (const c of report.copies) body([c.file, c.department || '（未识别）', c.rows, c.unchanged, c.changed, c.added, c.missing]);
  rows.push({ cells: [], height: 10 });
  rows.push({ cells: [{ value: report.notReturned.length ? `未交回的部门：${report.notReturned.join('、')}` : '各部门均已交回', style: 'subtitle' }], height: 24 });
  rows.push({ cells: [], height: 10 });
  header(['文件', '部门', '行', '类型', '内容', '字段', '原值', '新值']);
  for (const l of report.lines) body([l.file, l.department, l.row || '', l.kind, l.what, l.field, l.from, l.to]);
  const columnWidths = [24, 12, 6, 8, 40, 10, 24, 30];
  const sheet: SheetSpec = {
    name: '合并报告',
    columnWidths,
    rows,
    merges: [{ top: 0, left: 0, bottom: 0, right: 7, style: 'title' }],
    print: { landscape: true, scale: pageFor(columnWidths, true).scale, footer: '&C第 &P 页 共 &N 页' },
  };
  return { sheets: [sheet], title: `${title}合并报告` };
}
