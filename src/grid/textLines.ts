/**
 * How many lines a cell's text wraps to, computed instead of measured: letting the grid measure every rendered row
 * (autoHeight) made scrolling a 20,000-row list take ~150 ms a frame. The rules follow the browser's for
 * `white-space: pre-wrap; overflow-wrap: break-word`: a line may break before any CJK character, at spaces, and inside
 * a Latin word only when the word alone is wider than the line; closing punctuation never starts a line and opening
 * punctuation never ends one (so they travel with their neighbour). Widths come from a function so that the browser
 * can measure with the real font and tests can use fixed widths.
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
const CLASS = new Uint8Array(0x10000);
// the first half of a surrogate pair stands for its whole character, wide in the CJK extensions
for (const [from, to] of [...WIDE_RANGES, [0xd800, 0xdbff] as const]) CLASS.fill(WIDE, from, to + 1);
for (const c of '，。、；：？！）》」』】〕〉’”…·%,.;:?!)]}') CLASS[c.charCodeAt(0)]! |= CLOSING;
for (const c of '（《「『【〔〈‘“([{') CLASS[c.charCodeAt(0)]! |= OPENING;

const isWide = (c: number): boolean => (CLASS[c]! & WIDE) !== 0;

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;

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
    // the unbreakable unit starting here: a wide character or a run of narrow ones, with the punctuation glued to it
    let j = i;
    let w = 0;
    while (j < n && CLASS[text.charCodeAt(j)]! & OPENING) w += charWidth(text.charCodeAt(j++));
    if (j < n && isWide(text.charCodeAt(j))) {
      const d = text.charCodeAt(j);
      w += charWidth(d);
      j += d >= 0xd800 && d <= 0xdbff && j + 1 < n ? 2 : 1;
    } else {
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === SPACE || d === TAB || d === NEWLINE || isWide(d) || (j > i && CLASS[d]! & OPENING)) break;
        w += charWidth(d);
        j++;
      }
    }
    while (j < n && CLASS[text.charCodeAt(j)]! & CLOSING) w += charWidth(text.charCodeAt(j++));
    if (j === i) {
      w = charWidth(c);
      j = i + 1;
    }
    if (x > 0 && x + w > width) {
      lines++;
      x = 0;
    }
    if (w > width) {
      // a word wider than the whole line is broken anywhere; the rest continues on the last of its lines
      lines += Math.ceil(w / width) - 1;
      w -= (Math.ceil(w / width) - 1) * width;
    }
    x += w;
    i = j;
  }
  return lines;
}
