import type { FieldId } from '../fields';
import { cleanText } from '../text';
import { ID_COLUMN_HEADER } from '../rowIds';
import { matchHeader, type HeaderMatch } from './headerSynonyms';
import type { ImportColumn, SheetAnalysis, SheetTable } from './types';

/** How far down a sheet the header may be: title, unit/date and 附件 lines come first in real files. */
const HEADER_SEARCH_ROWS = 30;

const ONE_COLUMN_FIELDS = new Set<FieldId>(['serial', 'problem', 'measure', 'deadline', 'level', 'status', 'note', 'category']);

interface RowScore {
  fields: Set<FieldId>;
  exact: number;
}

function scoreRow(row: readonly string[] | undefined): RowScore {
  const fields = new Set<FieldId>();
  let exact = 0;
  for (const text of row ?? []) {
    const m = matchHeader(text);
    if (!m) continue;
    fields.add(m.field);
    if (m.exact) exact++;
  }
  return { fields, exact };
}

/** A row that can be a header: names a problem or measure column and at least one other known column. */
function isHeaderLike(s: RowScore): boolean {
  return (s.fields.has('problem') || s.fields.has('measure')) && s.fields.size >= 2;
}

/**
 * Finds the table in a sheet: the header row (scored against known header texts), a second header row under a group
 * header (“责任清单” over “责任部门 | 责任领导”), the column mapping, and the title and unit above it. Null when the sheet
 * holds no recognisable table (a 填表说明 or 选项表 sheet).
 */
export function analyzeSheet(sheet: SheetTable): SheetAnalysis | null {
  let best = -1;
  let bestScore: RowScore | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const s = scoreRow(sheet.rows[r]);
    if (!isHeaderLike(s)) continue;
    if (!bestScore || s.fields.size > bestScore.fields.size || (s.fields.size === bestScore.fields.size && s.exact > bestScore.exact)) {
      best = r;
      bestScore = s;
    }
  }
  if (best < 0) return null;

  // a group header over sub-headers: take the row below into the header when it names further columns
  const below = sheet.rows[best + 1] ?? [];
  const belowMatches = below.map((t) => matchHeader(t));
  const twoRows =
    belowMatches.some((m) => m?.exact) &&
    below.every((t, i) => !t.trim() || belowMatches[i] || cleanText(t).length <= 8) &&
    !isDataLike(below);
  const headerRow = best;
  const headerRows = twoRows ? 2 : 1;

  const width = Math.max(...sheet.rows.slice(headerRow, headerRow + headerRows).map((r) => r.length), 0);
  const top = sheet.rows[headerRow] ?? [];
  const groupOf = groupHeaders(sheet, headerRow, width);
  const candidates: { index: number; header: string; match: HeaderMatch | null }[] = [];
  let idColumn: number | undefined;
  for (let c = 0; c < width; c++) {
    if (cleanText(top[c] ?? '') === ID_COLUMN_HEADER) {
      idColumn = c; // our own id column: read by the importer, never offered for mapping
      continue;
    }
    const upper = cleanText(top[c] ?? '') || groupOf[c] || '';
    const lower = twoRows ? cleanText(below[c] ?? '') : '';
    const header = lower && upper && lower !== upper ? `${upper}/${lower}` : lower || upper;
    const match = (lower ? matchHeader(lower) : null) ?? matchHeader(cleanText(top[c] ?? ''));
    candidates.push({ index: c, header: header.replace(/\n/g, ''), match });
  }
  const columns = assignFields(candidates);
  const { title, unit } = titleAndUnit(sheet.rows.slice(0, headerRow));
  return { sheet: sheet.name, headerRow, headerRows, columns, title, unit, ...(idColumn !== undefined ? { idColumn } : {}) };
}

/** The text of a header cell merged across several columns, for each column it covers (for “组/子” header names). */
function groupHeaders(sheet: SheetTable, headerRow: number, width: number): string[] {
  const out = new Array<string>(width).fill('');
  for (let i = 0; i < sheet.merges.length; i++) {
    const m = sheet.merges[i]!; // (indexed: a long sheet has as many merges as rows; see extractRows)
    if (m.top !== headerRow || m.right === m.left) continue;
    const text = cleanText(sheet.rows[headerRow]?.[m.left] ?? '');
    for (let c = m.left; c <= m.right && c < width; c++) out[c] = text;
  }
  return out;
}

/** Exact matches claim their field first; a one-column field taken twice keeps its first column only. */
function assignFields(cands: { index: number; header: string; match: HeaderMatch | null }[]): ImportColumn[] {
  const taken = new Set<FieldId>();
  const fieldOf = new Map<number, FieldId>();
  for (const pass of [true, false]) {
    for (const c of cands) {
      if (!c.match || c.match.exact !== pass) continue;
      if (ONE_COLUMN_FIELDS.has(c.match.field) && taken.has(c.match.field)) continue;
      taken.add(c.match.field);
      fieldOf.set(c.index, c.match.field);
    }
  }
  return cands
    .filter((c) => c.header !== '' || fieldOf.has(c.index))
    .map((c) => ({ index: c.index, header: c.header, field: fieldOf.get(c.index) ?? null, detected: fieldOf.get(c.index) ?? null }));
}

/** A row of data rather than sub-headers: long texts. */
function isDataLike(row: readonly string[]): boolean {
  return row.some((t) => cleanText(t).length > 16);
}

const UNIT_LINE = /(?:填报|报送|填表|责任)?单位(?:（盖章）|\(盖章\)|名称)?[:：]\s*([^\s:：]+?)(?:\s|填报|报送|日期|时间|$)/;
const UNIT_PREFIX = /^(.+?(?:学校|中学|小学|大学|学院|幼儿园|中心校|学区|教育局|局|委员会|党委|党总支|党支部|中心|公司|医院|研究所|街道|镇|乡))(?=\d{4}\s*年|年度|意识形态|党风|廉政|安全|校园|风险|“|")/;

/** The list's title (the longest line above the header, skipping 附件 labels and 填报 lines) and the unit. */
function titleAndUnit(above: string[][]): { title: string; unit: string } {
  let title = '';
  let unit = '';
  for (const row of above) {
    const line = cleanText(row.filter((t) => t.trim()).join(' '));
    if (!line || /^附件\s*\d*[:：]?$/.test(line)) continue;
    const u = UNIT_LINE.exec(line);
    if (u) {
      unit ||= u[1]!;
      continue;
    }
    if (line.length > title.length && !/^(填报|填表|填写|报送|日期|时间)/.test(line)) title = line.replace(/^附件\s*\d*[:：]?\s*/, '');
  }
  if (!unit) unit = UNIT_PREFIX.exec(title)?.[1] ?? '';
  return { title, unit };
}

/** Header cells are short; a longer text in a mapped column means a data row, which saves matching it. */
const MAX_HEADER_CELL = 30;

/** True when a row repeats the header (a table printed across pages). */
export function isRepeatedHeader(row: readonly string[], analysis: SheetAnalysis): boolean {
  let same = 0;
  let mapped = 0;
  for (const col of analysis.columns) {
    if (col.field && (row[col.index]?.length ?? 0) > MAX_HEADER_CELL) return false;
  }
  for (const col of analysis.columns) {
    if (!col.field) continue;
    mapped++;
    const m = matchHeader(row[col.index] ?? '');
    if (m && m.field === col.detected) same++;
  }
  return mapped > 0 && same >= Math.min(2, mapped);
}
