import { strFromU8 } from 'fflate';
import { isDateFormat, numberText, serialToDate } from './cellFormat';
import { ImportError } from '../domain/import/errors';
import type { SheetTable } from '../domain/import/types';
import { attrs, decodeText, elements, runText } from './xml';
import { openZip, type Inflate, type ZipArchive } from './zip';

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

export interface ReadOptions {
  onProgress?: (sheetsDone: number, sheetsTotal: number) => void;
  /** how the parts are inflated: fflate's by default, zlib's in Node */
  inflate?: Inflate;
}

export function readXlsx(bytes: Uint8Array, { onProgress, inflate }: ReadOptions = {}): SheetGrid[] {
  if (bytes.length === 0) throw new ImportError('empty-file');
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new ImportError('ole');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportError('not-excel');

  let zip: ZipArchive;
  try {
    zip = openZip(bytes, inflate, (name) => name.startsWith('xl/') || name === '[Content_Types].xml');
  } catch (e) {
    throw new ImportError('corrupt', String(e));
  }
  // each part is inflated and decoded when needed, and let go of once read: a long sheet's bytes, its text and its
  // grid are never all held with another sheet's
  const text = (path: string): string | null => {
    const part = zip.read(path);
    return part ? strFromU8(part) : null;
  };
  let workbook: string | null;
  try {
    workbook = text('xl/workbook.xml');
  } catch (e) {
    throw new ImportError('corrupt', String(e));
  }
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
  // the common shape, <si><t>text</t></si> or <si><t xml:space="preserve">text</t></si>, read directly with indexOf (a
  // regular expression per item allocated a match for each of a long list's 100,000 strings); anything else (rich
  // text runs, phonetic runs, prefixes) goes through the general element reader
  let i = xml.indexOf('<si>');
  if (i < 0 || xml.indexOf('<si ') >= 0 || xml.indexOf('<si/') >= 0 || (xml.indexOf(':si') >= 0 && /<[\w.-]+:si[\s/>]/.test(xml))) {
    for (const { inner } of elements(xml, 'si')) out.push(runText(inner));
    return out;
  }
  const PLAIN = '<si><t>';
  const PRESERVE = '<si><t xml:space="preserve">';
  while (i >= 0) {
    const from = xml.startsWith(PLAIN, i) ? i + PLAIN.length : xml.startsWith(PRESERVE, i) ? i + PRESERVE.length : -1;
    const lt = from < 0 ? -1 : xml.indexOf('<', from);
    if (lt >= 0 && xml.startsWith('</t></si>', lt)) {
      const text = xml.slice(from, lt);
      out.push(text.indexOf('&') >= 0 || text.indexOf('_x') >= 0 ? decodeText(text) : text);
      i = xml.indexOf('<si>', lt + 9);
      continue;
    }
    const close = xml.indexOf('</si>', i);
    if (close < 0) break;
    out.push(runText(xml.slice(i + 4, close)));
    i = xml.indexOf('<si>', close);
  }
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

const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

/**
 * One pass over the sheet data with indexOf and charCodeAt, reading rows and cells (self-closed or with content) and
 * nothing else. A sheet has a million cells: a regular expression per cell, or even a substring for each of its
 * attributes, made reading several times slower than unzipping (most of it garbage collection), so a cell's reference,
 * style and type are read as numbers straight from the text and only its value is ever copied out.
 */
function readSheet(xml: string, strings: string[], dateStyles: Set<number>, date1904: boolean) {
  const rows: string[][] = [];
  let rowIndex = -1;
  let col = -1;
  const start = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  const end = sheetDataEnd(xml);
  const attr: CellAttributes = { col: -1, row: -1, style: 0, type: CellType.Number };
  let i = start >= 0 && end > start ? xml.indexOf('>', start) + 1 : end;
  while (i > 0 && i < end) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    const nameStart = lt + 1;
    const first = xml.charCodeAt(nameStart);
    if (first === 47 || first === 63 || first === 33) {
      i = nameStart; // a closing tag, processing instruction or comment
      continue;
    }
    let nameEnd = nameStart;
    let local = nameStart;
    for (let c = xml.charCodeAt(nameEnd); c > 32 && c !== 62 && c !== 47; c = xml.charCodeAt(++nameEnd)) if (c === 58) local = nameEnd + 1;
    const gt = xml.indexOf('>', nameEnd);
    if (gt < 0) break;
    const localLength = nameEnd - local;
    const isCell = localLength === 1 && xml.charCodeAt(local) === 99; // c
    const isRow = localLength === 3 && xml.startsWith('row', local);
    if (!isCell && !isRow) {
      i = gt + 1;
      continue;
    }
    const selfClosed = xml.charCodeAt(gt - 1) === 47;
    readAttributes(xml, nameEnd, selfClosed ? gt - 1 : gt, attr);
    if (isRow) {
      rowIndex = attr.row >= 0 ? attr.row : rowIndex + 1;
      col = -1;
      i = gt + 1;
      continue;
    }
    if (attr.col >= 0) {
      col = attr.col;
      if (attr.row >= 0) rowIndex = attr.row;
    } else col++;
    if (selfClosed) {
      i = gt + 1;
      continue; // an empty cell (styled only)
    }
    const closeTag = local === nameStart ? '</c>' : `</${xml.slice(nameStart, local)}c>`;
    const close = xml.indexOf(closeTag, gt + 1);
    if (close < 0) break;
    i = close + closeTag.length;
    if (close === gt + 1) continue;
    // nearly every cell is exactly <v>…</v>, and most of those hold a shared string's index
    const plainValue = attr.type !== CellType.Inline && xml.startsWith('<v>', gt + 1) && close - 4 >= gt + 4 && xml.startsWith('</v>', close - 4);
    let value: string;
    if (plainValue && attr.type === CellType.Shared) value = sharedAt(xml, gt + 4, close - 4, strings);
    else if (plainValue) value = valueText(attr, xml.slice(gt + 4, close - 4), strings, dateStyles, date1904);
    else value = cellValue(attr, xml.slice(gt + 1, close), strings, dateStyles, date1904);
    if (value === '') continue;
    const row = (rows[rowIndex] ??= []);
    row[col] = value;
  }
  // the cells a row skipped (empty ones) become '' in place: copying every row into a packed array cost as much again
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
  }
  return { rows, merges: mergeRanges(xml, Math.max(0, end)) };
}

/**
 * The merged ranges, searched for from `from` (they follow the cell data). A long list merges each problem's cell: as
 * many merges as rows, so each is found with indexOf; the regular expression is only for a tag in another shape.
 */
function mergeRanges(xml: string, from: number): MergeRange[] {
  const merges: MergeRange[] = [];
  const other = /^<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/;
  for (let i = xml.indexOf('mergeCell', from); i >= 0; i = xml.indexOf('mergeCell', i + 9)) {
    const lt = xml.lastIndexOf('<', i);
    const next = xml.charCodeAt(i + 9);
    // not </mergeCell>, <mergeCells>, or the word in some other element's text: the tag's own name, maybe prefixed
    if (lt < 0 || (next > 32 && next !== 47 && next !== 62)) continue;
    if (i - lt > 1 && !/^[\w.-]+:$/.test(xml.slice(lt + 1, i))) continue;
    if (xml.startsWith(' ref="', i + 9)) {
      const close = xml.indexOf('"', i + 15);
      const range = close > 0 ? parseRange(xml.slice(i + 15, close)) : null;
      if (range) merges.push(range);
      continue;
    }
    const m = other.exec(xml.slice(lt, xml.indexOf('>', i) + 1));
    const range = m ? parseRange(m[1]!) : null;
    if (range) merges.push(range);
  }
  return merges;
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

const enum CellType {
  Number, // n, or no t attribute
  Shared, // s
  Inline, // inlineStr
  Formula, // str: a formula's cached text
  Bool, // b
  Error, // e
  Date, // d: an ISO date
}

interface CellAttributes {
  col: number; // 0-based, from r="B12"; -1 when the cell names none
  row: number; // 0-based, from r on a row or a cell; -1 when absent
  style: number; // s, an index into cellXfs
  type: CellType;
}

/** The r, s and t attributes between `from` and `to` (a start tag's attributes), read without copying anything. */
function readAttributes(xml: string, from: number, to: number, out: CellAttributes): void {
  out.col = out.row = -1;
  out.style = 0;
  out.type = CellType.Number;
  let i = from;
  while (i < to) {
    while (i < to && xml.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    while (i < to && xml.charCodeAt(i) !== 61 /* = */ && xml.charCodeAt(i) > 32) i++;
    const name = i - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
    while (i < to && xml.charCodeAt(i) <= 32) i++;
    if (xml.charCodeAt(i) !== 61) {
      i++;
      continue;
    }
    i++;
    while (i < to && xml.charCodeAt(i) <= 32) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    // a plain loop: an attribute value is a few characters, shorter than indexOf's own cost per call
    let close = i + 1;
    while (close < to && xml.charCodeAt(close) !== quote) close++;
    if (close >= to) return;
    if (name === 114 /* r */) readReference(xml, i + 1, close, out);
    else if (name === 115 /* s */) out.style = digitsAt(xml, i + 1, close);
    else if (name === 116 /* t */) readType(xml, i + 1, close, out);
    i = close + 1;
  }
}

/** A reference such as "B12" (a cell) or "12" (a row): letters to a column, digits to a row, both 0-based. */
function readReference(xml: string, from: number, to: number, out: CellAttributes): void {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const row = digitsAt(xml, i, to);
  if (row > 0) out.row = row - 1;
  if (col > 0 && row > 0) out.col = col - 1;
}

/** The whole number written between `from` and `to`; -1 when it is not one. */
function digitsAt(xml: string, from: number, to: number): number {
  if (from >= to) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function readType(xml: string, from: number, to: number, out: CellAttributes): void {
  const length = to - from;
  const c = xml.charCodeAt(from);
  if (length === 1) {
    if (c === 115) return void (out.type = CellType.Shared);
    if (c === 110) return void (out.type = CellType.Number);
    if (c === 98) return void (out.type = CellType.Bool);
    if (c === 101) return void (out.type = CellType.Error);
    if (c === 100) return void (out.type = CellType.Date);
  } else if (length === 3 && xml.startsWith('str', from)) return void (out.type = CellType.Formula);
  else if (length === 9 && xml.startsWith('inlineStr', from)) return void (out.type = CellType.Inline);
  out.type = CellType.Number; // a type no generator should write: read as a number, or as text when it is none
}

/** A shared string's text from the index written between `from` and `to`. */
function sharedAt(xml: string, from: number, to: number, strings: string[]): string {
  const index = digitsAt(xml, from, to);
  return index >= 0 ? strings[index] ?? '' : strings[Number(xml.slice(from, to).trim())] ?? '';
}

function cellValue(attr: CellAttributes, inner: string, strings: string[], dateStyles: Set<number>, date1904: boolean): string {
  if (attr.type === CellType.Inline) {
    const is = INLINE.exec(inner);
    return is ? runText(is[1]!) : '';
  }
  const raw = VALUE.exec(inner)?.[1];
  return raw === undefined ? '' : valueText(attr, raw, strings, dateStyles, date1904);
}

/** A cell's text from its type, style and the raw text of its <v>. */
function valueText(attr: CellAttributes, raw: string, strings: string[], dateStyles: Set<number>, date1904: boolean): string {
  switch (attr.type) {
    case CellType.Shared:
      return strings[Number(raw)] ?? '';
    case CellType.Formula:
      return decodeText(raw);
    case CellType.Bool:
      return raw === '1' ? 'TRUE' : 'FALSE';
    case CellType.Error:
      return ''; // an error result (#N/A, #REF!) carries no text the user meant to write
    case CellType.Date:
      return decodeText(raw).slice(0, 10);
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return decodeText(raw);
      return dateStyles.has(attr.style) ? serialToDate(n, date1904) : numberText(n);
    }
  }
}

/** A merged range such as "B3:B6" (or one cell, "B3"), read as the cell references are; null when it is not one. */
function parseRange(ref: string): MergeRange | null {
  const colon = ref.indexOf(':');
  const end = colon < 0 ? ref.length : colon;
  const corner: CellAttributes = { col: -1, row: -1, style: 0, type: CellType.Number };
  readReference(ref, 0, end, corner);
  const { col: left, row: top } = corner;
  corner.col = corner.row = -1;
  readReference(ref, colon < 0 ? 0 : colon + 1, ref.length, corner);
  if (left < 0 || top < 0 || corner.col < 0 || corner.row < 0) return null;
  return { top, left, bottom: corner.row, right: corner.col };
}
