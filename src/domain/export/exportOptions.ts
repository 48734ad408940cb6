import { FIELDS, type FieldId, type NamesOf } from '../fields';
import type { Id } from '../types';
import type { RiskRow } from '../rows';
import type { StatisticsSince } from './statisticsSheet';

/** Header texts as these tables print them (and as the importer reads them back). */
export const EXPORT_LABELS: Record<FieldId, string> = Object.fromEntries(FIELDS.map((f) => [f.id, f.exportLabel])) as Record<FieldId, string>;

/** Relative widths for A4 landscape (the print setup fits the table to one page wide). */
export const EXPORT_WIDTHS: Record<FieldId, number> = Object.fromEntries(FIELDS.map((f) => [f.id, f.exportWidth])) as Record<FieldId, number>;

// the round's 进展情况 (本轮进展情况) too: exported when the rows carry it (ExportOptions.progress), beside the status
// column, which is the table's own 进展情况 and what the importer reads back
export const EXPORTABLE: readonly FieldId[] = FIELDS.map((f) => f.id);

export interface ExportOptions {
  columns: FieldId[]; // in order
  titleRow?: boolean; // false: no title row (a converted table that had none); absent: the list's unit and title
  subtitle: boolean; // 填报单位 / 日期 row under the title
  signOff: boolean; // 填表人 / 审核人 / 日期 and 单位盖章 under the table
  perDepartment: boolean; // one sheet per department: the file the office sends out
  perLeader: boolean;
  summary: boolean; // the 统计汇总 sheet (statisticsSheet.ts): the 通报's figures, tables and lists
  /** the held round the 统计汇总 counts 本轮新增 / 本轮销号 from (the latest before the list or round exported) */
  since?: StatisticsSince | null;
  /** 审核结果 and 研判材料 sheets: each measure's review and open findings, the 研判 report's paragraphs */
  review?: boolean;
  date: Date;
  /** each measure's 进展情况 in the round the grid shows (cycle/progress.ts), for the 本轮进展情况 column */
  progress?: Readonly<Record<Id, string>>;
  /** a copy sent to one department (分发): its name after the title, a 填写说明 line, and its rows highlighted */
  part?: { department: string; instructions: string; highlight?: ReadonlySet<string> };
}

// the fields exported only when used hold text on the row itself: no names are needed to see whether one is empty
const NO_NAMES: NamesOf = () => '';

/** The customary columns, plus 完成时限 / 进展 / 风险等级 / 备注 / 类别 when the list uses them. */
export function defaultColumns(rows: readonly RiskRow[]): FieldId[] {
  return FIELDS.filter((f) => EXPORTABLE.includes(f.id) && (f.exported === 'always' || rows.some((r) => f.text(r, NO_NAMES) !== ''))).map((f) => f.id);
}

export function defaultOptions(rows: readonly RiskRow[], date = new Date()): ExportOptions {
  return { columns: defaultColumns(rows), subtitle: true, signOff: false, perDepartment: false, perLeader: false, summary: false, date };
}

const ILLEGAL_FILE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** `<单位><标题>_<YYYYMMDD>.xlsx`, without characters Windows forbids in file names. */
export function exportFileName(unit: string, title: string, date: Date): string {
  const ymd = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  const base = `${unit}${title}`.replace(ILLEGAL_FILE, '').trim() || '三清单';
  return `${base}_${ymd}.xlsx`;
}

/**
 * The rows with their 进展情况 (ExportOptions.progress) where they carry none of their own: rows built from the list,
 * or from a held round's snapshot, as the grid shows them with a round's text.
 */
export function withProgress(rows: readonly RiskRow[], progress: Readonly<Record<Id, string>> | undefined): readonly RiskRow[] {
  return progress ? rows.map((r) => (r.measureId && progress[r.measureId] && !r.progress ? { ...r, progress: progress[r.measureId] } : r)) : rows;
}

/** The rows' 进展情况 by measure, for ExportOptions.progress: only the measures that have one. */
export function progressOfRows(rows: readonly RiskRow[]): Record<Id, string> {
  const out: Record<Id, string> = {};
  for (const r of rows) if (r.measureId && r.progress) out[r.measureId] = r.progress;
  return out;
}
