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
const REF = /\br\s*=\s*["']([A-Za-z]+)(\d+)["']/;
const ROW_NUMBER = /\br\s*=\s*["'](\d+)["']/;
const TYPE = /\bt\s*=\s*["']([^"']+)["']/;
const STYLE = /\bs\s*=\s*["'](\d+)["']/;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

function readSheet(xml: string, strings: string[], dateStyles: Set<number>, date1904: boolean) {
  const rows: string[][] = [];
  let rowIndex = -1;
  let col = -1;
  const start = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  const end = xml.search(/<\/(?:[\w.-]+:)?sheetData>/);
  const data = start >= 0 && end > start ? xml.slice(start, end) : '';
  ROW_OR_CELL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW_OR_CELL.exec(data))) {
    if (m[1] !== undefined) {
      const r = ROW_NUMBER.exec(m[1]);
      rowIndex = r ? Number(r[1]) - 1 : rowIndex + 1;
      col = -1;
      continue;
    }
    const tag = m[2]!;
    const ref = REF.exec(tag);
    if (ref) {
      col = columnIndex(ref[1]!.toUpperCase());
      rowIndex = Number(ref[2]) - 1;
    } else col++;
    const inner = m[3];
    if (!inner) continue; // an empty cell (styled only)
    const value = cellValue(TYPE.exec(tag)?.[1] ?? 'n', Number(STYLE.exec(tag)?.[1] ?? 0), inner, strings, dateStyles, date1904);
    if (value === '') continue;
    const row = (rows[rowIndex] ??= []);
    row[col] = value;
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
  const merges: MergeRange[] = [];
  for (const { tag } of elements(xml, 'mergeCell')) {
    const ref = attrs(tag).ref;
    if (ref) merges.push(parseRange(ref));
  }
  return { rows: grid, merges };
}

function cellValue(type: string, style: number, inner: string, strings: string[], dateStyles: Set<number>, date1904: boolean): string {
  if (type === 'inlineStr') {
    const is = INLINE.exec(inner);
    return is ? runText(is[1]!) : '';
  }
  const raw = VALUE.exec(inner)?.[1];
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
