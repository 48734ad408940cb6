import type { FieldId } from '../fields';
import { cleanText, splitNames } from '../text';
import { parseIdCell } from '../rowIds';
import { headerKeysOf, isRepeatedHeader } from './analyzeSheet';
import type { ImportRow, ImportWarning, SheetAnalysis, SheetTable } from './types';

const OPTIONAL: readonly FieldId[] = ['level', 'deadline', 'status', 'note', 'category'];

/** Lines under a table that are not data: sign-off, notes, totals. */
const FOOTER = /^(填表人|填报人|审核人|审核|制表人|制表|填表说明|填报说明|说明[:：]|注[:：]|注\s*\d|备注[:：]|单位盖章|盖章|负责人签字|分管领导签字|校长签字|日期[:：]|填报日期|合计|总计)/;

export interface ExtractResult {
  rows: ImportRow[];
  warnings: ImportWarning[];
}

/**
 * Reads the data rows of a recognised table with the given column mapping. Vertically merged cells give their value to
 * every row they cover; a problem cell left empty under a problem continues that problem (files that repeat instead of
 * merging work the same). Blank rows, repeated header rows, full-width note/footer rows and heading-only section rows
 * are skipped; rows skipped for a reason the user may care about are reported with their Excel row number.
 */
export function extractRows(sheet: SheetTable, analysis: SheetAnalysis): ExtractResult {
  const rows: ImportRow[] = [];
  const warnings: ImportWarning[] = [];
  const first = analysis.headerRow + analysis.headerRows;
  const columnsOf = new Map<FieldId, number[]>();
  for (const c of analysis.columns) if (c.field) columnsOf.set(c.field, [...(columnsOf.get(c.field) ?? []), c.index]);
  const mappedCols = [...columnsOf.values()].flat();
  const tableLeft = Math.min(...analysis.columns.map((c) => c.index));
  const tableRight = Math.max(...analysis.columns.map((c) => c.index));
  const tableWidth = tableRight - tableLeft + 1;
  const hasMeasure = columnsOf.has('measure');
  const present = OPTIONAL.filter((f) => columnsOf.has(f));
  const headerKeys = analysis.headerKeys ?? headerKeysOf(sheet, analysis.headerRow, analysis.headerRows);

  // merged cells: the top-left cell's text for every covered cell of the same column (vertical merges), and the rows
  // that are one cell merged across (most of) the table. Kept per column, indexed by row: a map per covered row was
  // tens of thousands of small maps for a long list.
  const fill = new Map<number, string[]>();
  const fullWidth = new Set<number>();
  // (indexed loops over the merges, cells and rows: a for-of allocates an iterator result per step until the loop is
  // optimised, tens of megabytes for a long sheet)
  for (let i = 0; i < sheet.merges.length; i++) {
    const m = sheet.merges[i]!;
    if (m.bottom < first) continue;
    const text = sheet.rows[m.top]?.[m.left] ?? '';
    if (m.right - m.left + 1 >= Math.max(2, Math.ceil(tableWidth * 0.6)) && m.left <= tableLeft + 1) {
      for (let r = Math.max(m.top, first); r <= m.bottom; r++) fullWidth.add(r);
      continue;
    }
    if (m.bottom === m.top) continue;
    let column = fill.get(m.left);
    if (!column) fill.set(m.left, (column = []));
    for (let r = Math.max(m.top + 1, first); r <= m.bottom; r++) column[r] = text;
  }

  const cellAt = (r: number, c: number): string => {
    const own = sheet.rows[r]?.[c] ?? '';
    return own !== '' ? own : fill.get(c)?.[r] ?? '';
  };
  const textOf = (r: number, field: FieldId): string => {
    const cols = columnsOf.get(field);
    return cols ? cleanText(cellAt(r, cols[0]!)) : '';
  };
  const namesOf = (r: number, field: FieldId): string[] => {
    const out: string[] = [];
    const cols = columnsOf.get(field);
    if (!cols) return out;
    for (let i = 0; i < cols.length; i++) {
      const names = splitNames(cellAt(r, cols[i]!));
      for (let k = 0; k < names.length; k++) if (!out.includes(names[k]!)) out.push(names[k]!);
    }
    return out;
  };
  const anyMapped = (r: number): boolean => {
    for (let i = 0; i < mappedCols.length; i++) if (cleanText(cellAt(r, mappedCols[i]!))) return true;
    return false;
  };

  let problem = '';
  for (let r = first; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? [];
    const excelRow = r + 1;
    // the row's first non-empty cell and how many it has, without building a cleaned copy of every row
    let firstText = '';
    let filled = 0;
    for (let c = 0; c < raw.length; c++) {
      const text = cleanText(raw[c] ?? '');
      if (!text) continue;
      if (!filled) firstText = text;
      filled++;
    }
    if (filled === 0 && !anyMapped(r)) continue; // blank row (or one covered only by merges above)
    if (isRepeatedHeader(raw, headerKeys)) {
      // the header again, on a new printed page
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：与表头相同（跨页重复的表头），已跳过` });
      continue;
    }
    if (FOOTER.test(firstText)) {
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：表尾或说明行“${clip(firstText)}”，已跳过` });
      continue;
    }
    if (fullWidth.has(r)) {
      if (filled) warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：通栏标题“${clip(firstText)}”，视为分节标题，已跳过` });
      continue;
    }
    const measure = textOf(r, 'measure');
    const ownProblem = textOf(r, 'problem');
    if (hasMeasure && !measure) {
      const onlyHeading = filled === 1 && !namesOf(r, 'departments').length;
      warnings.push({
        sheet: sheet.name,
        row: excelRow,
        message: onlyHeading ? `第 ${excelRow} 行：只有标题“${clip(firstText)}”，视为分节标题，已跳过` : `第 ${excelRow} 行：措施为空，已跳过`,
      });
      if (ownProblem && !onlyHeading) problem = ownProblem;
      continue;
    }
    if (ownProblem) problem = ownProblem;
    const row: ImportRow = {
      problem,
      measure,
      departments: namesOf(r, 'departments'),
      leaders: namesOf(r, 'leaders'),
      excelRow,
    };
    for (const f of present) row[f as 'level'] = textOf(r, f);
    row.sheet = sheet.name;
    if (analysis.idColumn !== undefined) {
      const ids = parseIdCell(raw[analysis.idColumn] ?? '');
      if (ids) row.ids = ids;
    }
    rows.push(row);
    if (!problem) warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：问题为空，措施归入上一问题或一个无标题问题` });
  }
  return { rows, warnings };
}

const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s).replace(/\n/g, ' ');
