/**
 * Limits Excel enforces on what it opens: past them it "repairs" the file (cutting the text where it likes) or
 * refuses it, so the exporter stays inside them and says where it had to.
 */
export const MAX_CELL_CHARS = 32_767; // UTF-16 units in one cell
export const MAX_ROW_HEIGHT_PT = 409;
export const MAX_SHEET_NAME = 31; // UTF-16 units
export const MAX_ROW_BREAKS = 1_023; // manual page breaks per sheet (MS-XLSB BrtBeginRwBrk)
export const MAX_COLUMN_WIDTH = 255;

export const CUT_MARK = '…（超出 Excel 单元格上限，已截断）';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The first `n` UTF-16 units of `s`, one less where the cut would split a surrogate pair (an emoji, a rare 汉字). */
export function cutUnits(s: string, n: number): string {
  if (s.length <= n) return s;
  return isHigh(s.charCodeAt(n - 1)) && isLow(s.charCodeAt(n)) ? s.slice(0, n - 1) : s.slice(0, n);
}

/** A cell's text as Excel can hold it: a longer one is cut, with a mark saying so at its end. */
export function fitCellText(s: string): { text: string; cut: boolean } {
  if (s.length <= MAX_CELL_CHARS) return { text: s, cut: false };
  return { text: cutUnits(s, MAX_CELL_CHARS - CUT_MARK.length) + CUT_MARK, cut: true };
}

// \ / ? * [ ] : are not allowed in a sheet name, nor are control characters (Excel refuses them on open)
const ILLEGAL_SHEET = /[\\/?*[\]:\u0000-\u001f\u007f]/g;
// Excel's own names: “History” is kept for its change-tracking sheet and cannot be a sheet's name in any case
const RESERVED_SHEET = ['history'];

/**
 * Sheet names Excel accepts, unique regardless of case: at most 31 UTF-16 units (cut between characters, never inside
 * a surrogate pair), none of \ / ? * [ ] :, not starting or ending with an apostrophe, not a reserved name. `used`
 * holds the lower-cased names already taken (and names to keep free, such as the hidden id sheet's).
 */
export function uniqueSheetName(wanted: string, used: Set<string>): string {
  const clean = (s: string) => s.replace(/^['\s]+|['\s]+$/g, '');
  const base = clean(cutUnits(clean(wanted.replace(ILLEGAL_SHEET, '')), MAX_SHEET_NAME)) || '工作表';
  const taken = (name: string) => used.has(name.toLowerCase()) || RESERVED_SHEET.includes(name.toLowerCase());
  let name = base;
  for (let n = 2; taken(name); n++) {
    const suffix = `（${n}）`;
    name = clean(cutUnits(base, MAX_SHEET_NAME - suffix.length)) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}
