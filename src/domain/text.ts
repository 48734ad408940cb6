/**
 * Text normalisation shared by name matching, search and the importer. Users type and paste names with ASCII and
 * full-width spaces, CRLF line breaks and a variety of separators; files carry invisible characters (zero-width spaces
 * and joiners, BOMs, no-break spaces, control characters) picked up from web pages and other programs. All of them
 * must mean the same name.
 */
const SPACES = /[\s\u3000\u00a0\u2000-\u200a\u202f\u205f]+/g;
/** characters nobody sees: removed from names wherever they are (“校长室\u200b” is 校长室) */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;
const EDGES = /^[\s\u0000-\u001f\u007f-\u00a0\u00ad\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+|[\s\u0000-\u001f\u007f-\u00a0\u00ad\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+$/g;

/** what cleanText trims at a text's ends: spaces of any width, line breaks, control and zero-width characters */
const TRIMMED = new Uint8Array(0x10000);
TRIMMED.fill(1, 0, 33);
TRIMMED.fill(1, 0x7f, 0xa1);
TRIMMED[0xad] = 1;
TRIMMED[0x1680] = 1;
TRIMMED.fill(1, 0x2000, 0x200e);
TRIMMED[0x2028] = TRIMMED[0x2029] = TRIMMED[0x202f] = TRIMMED[0x205f] = TRIMMED[0x2060] = 1;
TRIMMED[0x3000] = TRIMMED[0xfeff] = 1;

/** Whether a character (by code) is one cleanText trims: any space or line break, a control or zero-width character. */
export const isBlankCode = (code: number): boolean => TRIMMED[code] === 1;

/** Trims spaces of any width and invisible characters at both ends and turns CRLF/CR into LF; inner line breaks are kept. */
export function cleanText(value: string): string {
  // most cells are clean already: two table look-ups and an indexOf, no regular expression (the importer calls this
  // per cell)
  if (value === '' || (TRIMMED[value.charCodeAt(0)] === 0 && TRIMMED[value.charCodeAt(value.length - 1)] === 0 && value.indexOf('\r') < 0)) {
    return value;
  }
  return value.replace(/\r\n?/g, '\n').replace(EDGES, '');
}

/** The key two names are compared by: no spaces or invisible characters at all, full-width letters and digits folded, case folded. */
export function nameKey(name: string): string {
  return name
    .replace(INVISIBLE, '')
    .replace(SPACES, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

/** A name as stored: trimmed, invisible characters removed, inner runs of spaces collapsed to one. */
export function cleanName(name: string): string {
  return cleanText(name).replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/**
 * “Nobody”: a cell written ——, —, －, /, 无, 暂无 (or a lone full-width space, trimmed to nothing) names no department
 * or leader; nor does a checkbox's TRUE or FALSE. Compared by name key, so widths and spaces do not matter.
 */
const NOBODY = /^(?:[-\u2010-\u2015\u2212\uff0d_~\uff5e\u00b7\u30fb.\u3002\u2026/\\|\uff5c*\uff0a#?？xX×]*|无|暂无|没有|空|无人|n\/?a|none|null|nil|true|false)$/;

export function isNobody(name: string): boolean {
  return NOBODY.test(nameKey(name));
}

/** A text cell holding only a dash or a slash (——, －, /) says “nothing here”: empty for any field. */
const DASHES = /^[-\u2010-\u2015\u2212\uff0d_~\uff5e\u00b7\u30fb/\\\uff0f\u3000\s]+$/;

export function isPlaceholderText(text: string): boolean {
  return text.length <= 8 && DASHES.test(text);
}

/** Splits a cell that names several departments or leaders (line breaks, 、 ， , / ／ | ｜ ; ； + & 。) into clean names. */
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

const SEPARATORS = /[\r\n、，,/;；\uff0f|\uff5c+\uff0b&\uff06。]+/;

/**
 * The cell's parts between separators, a separator inside brackets not counting (王子忠（党委书记、校长）is one name
 * with its posts). Line breaks always separate: an unclosed bracket never joins two lines.
 */
function partsOf(cell: string): string[] {
  if (!/[（(]/.test(cell)) return cell.split(SEPARATORS);
  const out: string[] = [];
  for (const line of cell.split(/[\r\n]+/)) {
    let depth = 0;
    let from = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '（' || c === '(') depth++;
      else if ((c === '）' || c === ')') && depth > 0) depth--;
      else if (depth === 0 && SEPARATORS.test(c)) {
        out.push(line.slice(from, i));
        from = i + 1;
      }
    }
    out.push(line.slice(from));
  }
  return out;
}

function splitCell(cell: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of partsOf(cell)) {
    const name = cleanName(part);
    const key = nameKey(name);
    if (name && !seen.has(key) && !NOBODY.test(key)) {
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

/**
 * How an item may be numbered in its own cell: “1.”, “1、”, “（一）”, “一、”, “(3)”, “3）”, “1.1”. A number written as
 * part of the text (“2026年上半年”, “6个月以上”) is not numbering: it needs its separator.
 */
export const LEADING_NUMBER =
  /^\s*(?:[（(][0-9０-９一二三四五六七八九十百]+[)）]|[0-9０-９]{1,3}[)）]|[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2})+[.．、]?|[0-9０-９]{1,3}[.．、,，]|[一二三四五六七八九十百]+[、.．])\s*/;

/** A problem's or measure's text without its own numbering. */
export const withoutNumbering = (text: string): string => text.replace(LEADING_NUMBER, '');

/** The text as a clause of a report's sentence: no numbering, no closing 。 or ； (the sentence adds its own). */
export const clauseText = (text: string): string => withoutNumbering(text).trim().replace(/[。；;]\s*$/, '');

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
/** A text that is a number in Chinese numerals: 三, 十二, 二〇二六, 壹 */
export const CHINESE_NUMBER = /^[〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖十]+$/;

/** 十二 → 12, 二十五 → 25, 二〇二六 → 2026 (digit by digit when there is no 十); for a text CHINESE_NUMBER matches. */
export function chineseNumber(s: string): number {
  if (!s.includes('十')) return Number([...s].map((c) => CHINESE_DIGITS[c] ?? '').join(''));
  const [tens, ones] = s.split('十');
  return (tens ? (CHINESE_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}
