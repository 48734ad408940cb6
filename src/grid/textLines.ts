/**
 * How many lines a cell's text wraps to, computed instead of measured: letting the grid measure every rendered row
 * (autoHeight) made scrolling a 20,000-row list take ~150 ms a frame. The rules follow the browser's for
 * `white-space: pre-wrap; overflow-wrap: break-word`: a line may break before any CJK character, at spaces, and inside
 * a Latin word only when the word alone is wider than the line; closing punctuation never starts a line and opening
 * punctuation never ends one (so they travel with their neighbour). Widths come from a function so that the browser
 * can measure with the real font and tests can use fixed widths.
 */
export type CharWidth = (code: number) => number;

// ideographs, kana, hangul, CJK punctuation and full-width forms: each one a break opportunity
const isWide = (c: number): boolean =>
  (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0xd800 && c <= 0xdbff);

const CLOSING = new Set([...'，。、；：？！）》」』】〕〉’”…·%,.;:?!)]}'].map((s) => s.charCodeAt(0)));
const OPENING = new Set([...'（《「『【〔〈‘“([{'].map((s) => s.charCodeAt(0)));

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;

/** Lines `text` takes in a box `width` pixels wide. An empty text still takes one line. */
export function lineCount(text: string, width: number, charWidth: CharWidth): number {
  const n = text.length;
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
    while (j < n && OPENING.has(text.charCodeAt(j))) w += charWidth(text.charCodeAt(j++));
    if (j < n && isWide(text.charCodeAt(j))) {
      const d = text.charCodeAt(j);
      w += charWidth(d);
      j += d >= 0xd800 && d <= 0xdbff && j + 1 < n ? 2 : 1;
    } else {
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === SPACE || d === TAB || d === NEWLINE || isWide(d) || (j > i && OPENING.has(d))) break;
        w += charWidth(d);
        j++;
      }
    }
    while (j < n && CLOSING.has(text.charCodeAt(j))) w += charWidth(text.charCodeAt(j++));
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
