import { FIELDS, isImportable } from '../fields';
import { parseTsv } from '../tsv';
import { defaultListTitle } from '../lists';
import { analyzeSheet } from './analyzeSheet';
import { importWorkbook, type WorkbookImport } from './importWorkbook';
import type { ImportRow, ImportWarning, SheetTable } from './types';

/** What the import preview calls a table pasted from the clipboard (its “file”). */
export const PASTED_TABLE_NAME = '粘贴的表格';

/** The columns a table copied without its header is read as: the grid's own order, as copying from it gives. */
const POSITIONAL_FIELDS = FIELDS.filter((f) => isImportable(f) && (f.defaultVisible || f.id === 'note'));

const SERIAL = /^(\d{1,4}|[一二三四五六七八九十百]{1,4})[.、．]?$/;

export interface PastedTable {
  sheets: SheetTable[];
  /** the header row put above a paste that had none: row numbers are the paste's lines, one less than the sheet's */
  addedHeader: boolean;
  /** said in the preview: the paste had no header, so its columns were read by position (which the user may change) */
  notes: ImportWarning[];
}

/**
 * Text copied from Excel, WPS or this grid (tab-separated; a merged cell is its value in the first row and empty below)
 * as a one-sheet table for the importer. A paste with a header is read as a file with that header. One without (rows
 * copied from the middle of a table) gets the grid's column order as its header — after a 序号 when its first column
 * holds serial numbers — and a note saying so. Null when there is nothing but empty cells.
 */
export function pastedTable(text: string): PastedTable | null {
  const rows = parseTsv(text).map((r) => r.map((c) => c.replace(/\r/g, '')));
  while (rows.length && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  if (!rows.some((r) => r.some((c) => c.trim()))) return null;
  const sheet: SheetTable = { name: PASTED_TABLE_NAME, hidden: false, rows, merges: [] };
  if (analyzeSheet(sheet)) return { sheets: [sheet], addedHeader: false, notes: [] };

  const width = Math.max(...rows.map((r) => r.length));
  const firstColumn = rows.map((r) => (r[0] ?? '').trim()).filter((c) => c !== '');
  const serial = width > 1 && firstColumn.length > 0 && firstColumn.every((c) => SERIAL.test(c));
  const labels = [...(serial ? ['序号'] : []), ...POSITIONAL_FIELDS.map((f) => f.label)].slice(0, width);
  const header = Array.from({ length: width }, (_, i) => labels[i] ?? '');
  const read = labels.slice(serial ? 1 : 0).join('、');
  return {
    sheets: [{ ...sheet, rows: [header, ...rows] }],
    addedHeader: true,
    notes: [{ sheet: PASTED_TABLE_NAME, message: `粘贴的内容没有表头，已按列的顺序读作：${read}。如有不对，请在下面的“列对应”中修改` }],
  };
}

/**
 * A pasted table read as a workbook for the preview: its rows numbered by the paste's lines, a new list's title when
 * the paste had no title line, and the note of a header read by position first.
 */
export function importPastedTable(table: PastedTable, now = new Date()): WorkbookImport {
  const result = pastedLines(table, importWorkbook(table.sheets));
  return { ...result, title: result.title || defaultListTitle(now), warnings: [...table.notes, ...result.warnings] };
}

/** Rows and warnings of a pasted table numbered by the paste's own lines (a header the paste lacked is not a line). */
export function pastedLines<T extends { rows: ImportRow[]; warnings: ImportWarning[] }>(table: PastedTable, read: T): T {
  if (!table.addedHeader) return read;
  return {
    ...read,
    rows: read.rows.map((r) => ({ ...r, excelRow: r.excelRow - 1 })),
    warnings: read.warnings.map((w) => (w.row === undefined ? w : { ...w, row: w.row - 1 })),
  };
}

/**
 * How a table pasted where no cell takes it is imported: into the open list when it is empty (or as a new list when
 * none is open), any table; over a list with rows, only a table with its header row (without one it is more likely
 * cells meant for the grid), as a new list or added through the preview.
 */
export function pastedTableTarget(open: { listId: string | null; empty: boolean }): { into?: string; needsHeader: boolean } {
  if (!open.empty) return { needsHeader: true };
  return open.listId ? { into: open.listId, needsHeader: false } : { needsHeader: false };
}
