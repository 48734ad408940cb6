/**
 * How many lines a cell's text wraps to, computed instead of measured: letting the grid measure every rendered row
 * (autoHeight) made scrolling a 20,000-row list take ~150 ms a frame. The rules follow Chromium's (UAX #14) for
 * `white-space: pre-wrap; word-break: break-word`: a line may break before or after a CJK character and at spaces, but
 * never inside a run of narrow characters (a Latin word, a number, a URL) unless the run alone is wider than the line;
 * closing punctuation never starts a line and opening punctuation never ends one; an ambiguous quotation mark (“ ” ‘ ’
 * " ') sticks to both neighbours unless both are CJK. A model that breaks where the browser cannot counts too few
 * lines, and the cell's last line is cut off. Widths come from a function so that the browser can measure with the
 * real font and tests can use fixed widths.
 */
import { WIDE_RANGES } from '../domain/text';

/**
 * A character's width in WIDTH_UNITS (1/64 px), a whole number: a function returning a fractional width hands back a
 * new heap number for every character it is asked about, tens of megabytes of garbage while a long list is measured.
 */
export type CharWidth = (code: number) => number;
export const WIDTH_UNITS = 64;

// One table of character classes for the whole BMP: the line breaker looks each character up once (this runs for every
// cell of every row when a long list opens).
const WIDE = 1; // ideographs, kana, hangul, CJK punctuation and full-width forms: each one a break opportunity
const OPENING = 2; // never ends a line
const CLOSING = 4; // never starts a line
const QUOTE = 8; // a line breaks beside it only between two wide characters (UAX #14 LB19a)
const LOW = 16; // the second half of a surrogate pair: part of the character before it, no width of its own
const CLASS = new Uint8Array(0x10000);
// the first half of a surrogate pair stands for its whole character, wide in the CJK extensions
for (const [from, to] of [...WIDE_RANGES, [0xd800, 0xdbff] as const]) CLASS.fill(WIDE, from, to + 1);
CLASS.fill(LOW, 0xdc00, 0xdfff + 1);
// a slash is never broken before either: Chromium keeps "a/b" and "、/" whole
for (const c of '，。、；：？！）》」』】〕〉…·%,.;:?!)]}/') CLASS[c.charCodeAt(0)]! |= CLOSING;
// currency signs stay with the amount after them
for (const c of '（《「『【〔〈([{$¥￥£€') CLASS[c.charCodeAt(0)]! |= OPENING;
// the straight quotes are neither opening nor closing: they stick to both sides
for (const c of '"\'') CLASS[c.charCodeAt(0)]! |= OPENING | CLOSING;
for (const c of '“‘') CLASS[c.charCodeAt(0)]! |= OPENING | QUOTE;
for (const c of '”’') CLASS[c.charCodeAt(0)]! |= CLOSING | QUOTE;

const isWide = (c: number): boolean => (CLASS[c]! & WIDE) !== 0;

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;

/** Whether a line may break between `text[k - 1]` and `text[k]`, neither of them a space or a line break. */
function mayBreakBefore(text: string, k: number): boolean {
  const a = CLASS[text.charCodeAt(k - 1)]!;
  const b = CLASS[text.charCodeAt(k)]!;
  if (b & (CLOSING | LOW) || a & OPENING) return false;
  if (!((a | b) & WIDE)) return false; // inside a run of narrow characters
  if (b & QUOTE) return (a & WIDE) !== 0 && k + 1 < text.length && isWide(text.charCodeAt(k + 1));
  if (a & QUOTE) return (b & WIDE) !== 0 && k >= 2 && isWide(text.charCodeAt(k - 2));
  return true;
}

const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === NEWLINE;

/** Lines `text` takes in a box `width` pixels wide. An empty text still takes one line. */
export function lineCount(text: string, width: number, charWidth: CharWidth): number {
  const n = text.length;
  // most cells are one short line: their full width settles it without finding break opportunities
  let total = 0;
  for (let k = 0; k < n && total <= width; k++) {
    const c = text.charCodeAt(k);
    if (c === NEWLINE) {
      total = Infinity;
      break;
    }
    total += charWidth(c);
  }
  if (total <= width) return 1;
  let lines = 1;
  let x = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      lines++;
      x = 0;
      i++;
      continue;
    }
    if (c === SPACE || c === TAB) {
      // spaces hang at the end of a line: they never push the text down themselves
      x += charWidth(c);
      i++;
      continue;
    }
    // the unbreakable unit starting here: up to the next space or break opportunity
    let j = i + 1;
    let w = charWidth(c);
    while (j < n && !isBlank(text.charCodeAt(j)) && !mayBreakBefore(text, j)) {
      if (!(CLASS[text.charCodeAt(j)]! & LOW)) w += charWidth(text.charCodeAt(j));
      j++;
    }
    if (x > 0 && x + w > width) {
      lines++;
      x = 0;
    }
    if (w > width) {
      // a unit wider than the whole line is broken anywhere, each line taking as many characters as fit
      for (let k = i; k < j; k++) {
        const d = text.charCodeAt(k);
        if (CLASS[d]! & LOW) continue;
        const dw = charWidth(d);
        if (x > 0 && x + dw > width) {
          lines++;
          x = 0;
        }
        x += dw;
      }
    } else x += w;
    i = j;
  }
  return lines;
}
