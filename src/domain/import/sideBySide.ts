import { cleanText } from '../text';
import { columnLetters } from './cellRefs';
import { matchHeader } from './headerSynonyms';
import type { ImportWarning, SheetTable } from './types';

/** How far down a sheet a second table's header beside the first is looked for (the header search's own bound) */
const LOOK_ROWS = 200;

/** The header's parts, split at empty cells: each part a header of its own when it names a problem or measure and more */
function headerParts(row: readonly string[]): { from: number; to: number }[] {
  const parts: { from: number; to: number; fields: Set<string> }[] = [];
  let open: (typeof parts)[number] | null = null;
  for (let c = 0; c < row.length && c < 1024; c++) {
    const cell = row[c] ? cleanText(row[c]!) : '';
    if (!cell) {
      open = null;
      continue;
    }
    if (!open) parts.push((open = { from: c, to: c, fields: new Set() }));
    open.to = c;
    const m = matchHeader(cell);
    if (m) open.fields.add(m.field);
  }
  // each a table of its own: a problems' part beside a measures' part is one table with a column left empty
  return parts.filter((p) => p.fields.has('problem') && p.fields.has('measure'));
}

/**
 * Two tables side by side on one sheet (上半年 in A–E, 下半年 in G–K; 问题清单 beside its 整改台账) share the sheet's
 * rows: read as one table, the second's departments and leaders would become the first's. Each is read as a table of
 * its own, on a sheet of its own named by its columns, its cells where they are (the messages' rows and columns stay
 * the file's). Null when the sheet has one table.
 */
export function splitSideBySide(sheet: SheetTable): { sheets: SheetTable[]; note: ImportWarning } | null {
  for (let r = 0; r < sheet.rows.length && r < LOOK_ROWS; r++) {
    const row = sheet.rows[r];
    if (!row || row.length < 5) continue;
    const parts = headerParts(row);
    if (parts.length === 0) continue;
    // the first header decides: a header repeated lower down with a cell left empty is no second table
    if (parts.length < 2) return null;
    // a header cell merged across the gap (风险问题 over two columns) is one table's
    const spans = sheet.merges.filter((m) => m.right > m.left && m.top <= r && m.bottom >= r);
    if (spans.some((m) => parts.some((p, i) => i + 1 < parts.length && m.left <= p.to + 1 && m.right >= p.to + 1))) return null;
    // the tables part at an empty column between their headers; the one after it starts there (its first column may
    // be a category without a header)
    const splits: number[] = [];
    for (let i = 0; i + 1 < parts.length; i++) {
      const gap = emptyColumn(sheet, r, parts[i]!.to + 1, parts[i + 1]!.from - 1);
      if (gap < 0) return null;
      splits.push(gap);
    }
    const bounds = parts.map((_, i) => ({ from: i === 0 ? 0 : splits[i - 1]! + 1, to: i < splits.length ? splits[i]! - 1 : Infinity }));
    const names = parts.map((_, i) => `${sheet.name}（${columnLetters(bounds[i]!.from)}–${columnLetters(parts[i]!.to)} 列）`);
    const sheets = bounds.map((b, i) => ({
      ...sheet,
      name: names[i]!,
      rows: sheet.rows.map((cells) => (cells.length <= b.from ? [] : cells.map((c, k) => (k >= b.from && k <= b.to ? c : '')).slice(0, Number.isFinite(b.to) ? b.to + 1 : undefined))),
      merges: sheet.merges.filter((m) => m.left >= b.from && m.left <= b.to),
      ...(sheet.notes ? { notes: i === 0 ? sheet.notes : [] } : {}),
    }));
    return {
      sheets,
      note: { sheet: sheet.name, message: `工作表“${sheet.name}”中左右并排有 ${sheets.length} 个表格（第 ${r + 1} 行各有表头），分别导入为${names.map((n) => `“${n}”`).join('、')}` },
    };
  }
  return null;
}

/** How many rows under the header show whether the columns between the headers are empty */
const GAP_ROWS = 30;

/**
 * The last column from `from` to `to` that is empty under the header (a table's own empty header cell has data below
 * it); -1 when none is.
 */
function emptyColumn(sheet: SheetTable, headerRow: number, from: number, to: number): number {
  for (let c = to; c >= from; c--) {
    // a column a cell merged across covers (a problem merged over B:C) is no gap
    if (sheet.merges.some((m) => m.right > m.left && m.left <= c && m.right >= c && m.bottom > headerRow)) continue;
    let rows = 0;
    let filled = 0;
    for (let r = headerRow + 1; r < sheet.rows.length && r <= headerRow + GAP_ROWS; r++) {
      const row = sheet.rows[r] ?? [];
      if (!row.some((t) => t && cleanText(t))) continue;
      rows++;
      if (row[c] && cleanText(row[c]!)) filled++;
    }
    if (filled <= rows * 0.1) return c;
  }
  return -1;
}
