/**
 * Text normalisation shared by name matching, search and (later) the importer. Users type and paste names with ASCII
 * and full-width spaces, CRLF line breaks and a variety of separators; all of them must mean the same name.
 */
const SPACES = /[\s\u3000\u00a0\ufeff]+/g;

const isSpace = (code: number): boolean => code <= 32 || code === 0x3000 || code === 0xa0 || code === 0xfeff;

/** Trims ASCII and full-width spaces at both ends and turns CRLF/CR into LF; inner line breaks are kept. */
export function cleanText(value: string): string {
  // most cells are clean already: skip the regular expressions for them (the importer calls this per cell)
  if (value === '' || (!isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(value.length - 1)) && value.indexOf('\r') < 0)) {
    return value;
  }
  return value.replace(/\r\n?/g, '\n').replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** The key two names are compared by: no spaces at all, full-width letters and digits folded, case folded. */
export function nameKey(name: string): string {
  return name
    .replace(SPACES, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

/** A name as stored: trimmed, inner runs of spaces collapsed to one. */
export function cleanName(name: string): string {
  return cleanText(name).replace(SPACES, ' ');
}

/** Splits a cell that names several departments or leaders (line breaks, 、 ， , / ; ；) into clean names. */
// A table repeats the same few cells (党办、德育处) on every row: each distinct cell is split once. Bounded.
const splitCells = new Map<string, readonly string[]>();

export function splitNames(cell: string): readonly string[] {
  let names = splitCells.get(cell);
  if (!names) {
    if (splitCells.size > 5000) splitCells.clear();
    // frozen: every caller gets the one cached array (a copy per call was two arrays a row on import)
    splitCells.set(cell, (names = Object.freeze(splitCell(cell))));
  }
  return names;
}

function splitCell(cell: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of cell.split(/[\r\n、，,/;；]+/)) {
    const name = cleanName(part);
    const key = nameKey(name);
    if (name && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/** Case- and width-insensitive substring test used by quick search. */
export function includesText(haystack: string, needleKey: string): boolean {
  return needleKey === '' || nameKey(haystack).includes(needleKey);
}

/**
 * Characters that take a full square (ideographs, kana, hangul, CJK punctuation, full-width forms): about twice a Latin
 * letter's width, and each one a place a line may break. The grid's line breaker and the exporter's row heights share
 * this list; characters outside the BMP are left to them (CJK extensions are surrogate pairs).
 */
export const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];

const WIDE_TABLE = new Uint8Array(0x10000);
for (const [from, to] of WIDE_RANGES) WIDE_TABLE.fill(1, from, to + 1);

export const isWideChar = (code: number): boolean => WIDE_TABLE[code] === 1;
