import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { isDateFormat, numberText, serialToDate } from './cellFormat';
import { ImportError } from '../domain/import/errors';
import type { SheetTable } from '../domain/import/types';
import { attrs, decodeText, elements, runText } from './xml';

/**
 * A lean .xlsx reader for what the importer needs: cell text (shared and inline strings, rich text, numbers, dates by
 * number format, cached formula results) and merged ranges, for every sheet. It does one pass over each part and never
 * compares merges with each other, so it stays linear in rows and merges (ExcelJS's loader is quadratic in merges).
 */
export interface MergeRange {
  top: number; // 0-based, inclusive
  left: number;
  bottom: number;
  right: number;
}

/** rows[r][c] is the cell's text, '' when empty; a merged range's text sits in its top-left cell only. */
export type SheetGrid = SheetTable;


export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function readXlsx(bytes: Uint8Array, onProgress?: (sheetsDone: number, sheetsTotal: number) => void): SheetGrid[] {
  if (bytes.length === 0) throw new ImportError('empty-file');
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new ImportError('ole');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportError('not-excel');

  let files: Unzipped;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') || f.name === '[Content_Types].xml' });
  } catch (e) {
    throw new ImportError('corrupt', String(e));
  }
  const text = (path: string): string | null => (files[path] ? strFromU8(files[path]!) : null);
  const workbook = text('xl/workbook.xml');
  if (workbook === null) throw new ImportError('not-xlsx');

  try {
    const date1904 = /date1904\s*=\s*"(1|true)"/.test(workbook);
    const rels = relationships(text('xl/_rels/workbook.xml.rels') ?? '');
    const strings = sharedStrings(text('xl/sharedStrings.xml'));
    const dateStyles = dateStyleIndexes(text('xl/styles.xml'));
    const sheets: SheetGrid[] = [];
    const entries = [...elements(workbook, 'sheet')];
    for (const [i, { tag }] of entries.entries()) {
      onProgress?.(i, entries.length);
      const a = attrs(tag);
      const target = rels.get(a.id ?? '');
      const xml = target ? text(target) : null;
      if (xml === null) continue; // a chart sheet or a dangling entry: nothing to import
      const { rows, merges } = readSheet(xml, strings, dateStyles, date1904);
      sheets.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', rows, merges });
    }
    onProgress?.(entries.length, entries.length);
    return sheets;
  } catch (e) {
    throw new ImportError('corrupt', String(e));
  }
}

function relationships(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const { tag } of elements(xml, 'Relationship')) {
    const a = attrs(tag);
    if (!a.Id || !a.Target) continue;
    const target = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target.replace(/^\.\//, '')}`;
    map.set(a.Id, target);
  }
  return map;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const { inner } of elements(xml, 'si')) out.push(runText(inner));
  return out;
}

/** Indexes into cellXfs whose number format shows a date. */
function dateStyleIndexes(xml: string | null): Set<number> {
  const result = new Set<number>();
  if (!xml) return result;
  const codes = new Map<number, string>();
  for (const { tag } of elements(xml, 'numFmt')) {
    const a = attrs(tag);
    codes.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  let i = 0;
  for (const { tag } of elements(xfs, 'xf')) {
    const id = Number(attrs(tag).numFmtId ?? 0);
    if (isDateFormat(id, codes.get(id))) result.add(i);
    i++;
  }
  return result;
}

/** A row start, or a whole cell (self-closed or with content); one regex pass over sheetData reads the sheet. */
const ROW_OR_CELL = /<(?:[\w.-]+:)?(?:row\b([^>]*)>|c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>))/g;
const ROW_NUMBER = /\br\s*=\s*["'](\d+)["']/;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

function readSheet(xml: string, strings: string[], dateStyles: Set<number>, date1904: boolean) {
  const rows: string[][] = [];
  let rowIndex = -1;
  let col = -1;
  const start = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  const end = sheetDataEnd(xml);
  const cell: CellAttributes = { r: null, s: null, t: null };
  if (start >= 0 && end > start) {
    ROW_OR_CELL.lastIndex = start;
    let m: RegExpExecArray | null;
    while ((m = ROW_OR_CELL.exec(xml)) && m.index < end) {
      if (m[1] !== undefined) {
        const r = ROW_NUMBER.exec(m[1]);
        rowIndex = r ? Number(r[1]) - 1 : rowIndex + 1;
        col = -1;
        continue;
      }
      cellAttributes(m[2]!, cell);
      const ref = cell.r;
      let split = 0;
      while (ref && split < ref.length && ref.charCodeAt(split) > 57) split++;
      if (ref && split > 0 && split < ref.length) {
        col = columnIndex(ref.slice(0, split).toUpperCase());
        rowIndex = Number(ref.slice(split)) - 1;
      } else col++;
      const inner = m[3];
      if (!inner) continue; // an empty cell (styled only)
      const value = cellValue(cell.t ?? 'n', Number(cell.s ?? 0), inner, strings, dateStyles, date1904);
      if (value === '') continue;
      const row = (rows[rowIndex] ??= []);
      row[col] = value;
    }
  }
  const grid: string[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      grid.push([]);
      continue;
    }
    const filled: string[] = new Array<string>(row.length);
    for (let c = 0; c < row.length; c++) filled[c] = row[c] ?? '';
    grid.push(filled);
  }
  // the merges follow the cell data: searched for from there, not from the start of a long sheet
  const merges: MergeRange[] = [];
  for (const { tag } of elements(end > 0 ? xml.slice(end) : xml, 'mergeCell')) {
    const ref = attrs(tag).ref;
    if (ref) merges.push(parseRange(ref));
  }
  return { rows: grid, merges };
}

/** Where `</sheetData>` (with any namespace prefix) starts; found from the end, where it is. */
function sheetDataEnd(xml: string): number {
  let at = xml.length;
  for (;;) {
    const name = xml.lastIndexOf('sheetData>', at);
    if (name < 0) return -1;
    const lt = xml.lastIndexOf('<', name);
    if (lt >= 0 && xml.charCodeAt(lt + 1) === 47 /* / */ && /^<\/(?:[\w.-]+:)?$/.test(xml.slice(lt, name))) return lt;
    at = name - 1;
  }
}

interface CellAttributes {
  r: string | null;
  s: string | null;
  t: string | null;
}

/**
 * The r, s and t attributes of a cell's start tag, read in one pass without regular expressions: a sheet has a
 * million cells, and three matches per cell made reading several times slower than unzipping.
 */
function cellAttributes(tag: string, out: CellAttributes): void {
  out.r = out.s = out.t = null;
  const n = tag.length;
  let i = 0;
  while (i < n) {
    while (i < n && tag.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    while (i < n && tag.charCodeAt(i) !== 61 /* = */ && tag.charCodeAt(i) > 32) i++;
    const name = tag.slice(nameStart, i);
    while (i < n && tag.charCodeAt(i) <= 32) i++;
    if (tag.charCodeAt(i) !== 61) {
      i++;
      continue;
    }
    i++;
    while (i < n && tag.charCodeAt(i) <= 32) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const close = tag.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0) return;
    const value = tag.slice(i + 1, close);
    if (name === 'r') out.r = value;
    else if (name === 's') out.s = value;
    else if (name === 't') out.t = value;
    i = close + 1;
  }
}

function cellValue(type: string, style: number, inner: string, strings: string[], dateStyles: Set<number>, date1904: boolean): string {
  if (type === 'inlineStr') {
    const is = INLINE.exec(inner);
    return is ? runText(is[1]!) : '';
  }
  // nearly every cell is exactly <v>…</v>
  const raw = inner.startsWith('<v>') && inner.endsWith('</v>') ? inner.slice(3, -4) : VALUE.exec(inner)?.[1];
  if (raw === undefined) return '';
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? '';
    case 'str':
      return decodeText(raw);
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return ''; // an error result (#N/A, #REF!) carries no text the user meant to write
    case 'd':
      return decodeText(raw).slice(0, 10);
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return decodeText(raw);
      return dateStyles.has(style) ? serialToDate(n, date1904) : numberText(n);
    }
  }
}

export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) {
      if (code >= 97 && code <= 122) n = n * 26 + (code - 96);
      else break;
    } else n = n * 26 + (code - 64);
  }
  return n - 1;
}

function parseRange(ref: string): MergeRange {
  const [a, b = a] = ref.split(':') as [string, string?];
  const row = (r: string) => Number(/\d+/.exec(r)?.[0] ?? 1) - 1;
  return { top: row(a), left: columnIndex(a), bottom: row(b!), right: columnIndex(b!) };
}
