import { isWideChar } from '../text';

/**
 * Row heights for wrapped text, which Excel does not compute when it opens a file: estimated from the text's display
 * width (a CJK character is about twice as wide as a Latin one) and the column width.
 */
/** Display width in Excel width units at the body font size (12 pt), per line. */
export function displayWidth(line: string): number {
  // a loop over char codes, not a regular expression and an array of characters: this runs for every cell exported
  let wide = 0;
  let narrow = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      // a character outside the BMP: the CJK extensions (U+20000–U+2FFFF) are wide
      if (c >= 0xd840 && c <= 0xd8bf) wide++;
      else narrow++;
      i++;
    } else if (isWideChar(c)) wide++;
    else narrow++;
  }
  return wide * 2.15 + narrow * 1.15;
}

/** Lines the text takes in a column of `width` units when wrapped (in a font of `fontPt`, the body's by default). */
export function wrappedLines(text: string, width: number, fontPt = 12): number {
  const usable = Math.max(1, width - 1.5); // cell padding
  const scale = fontPt / 12;
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil((displayWidth(line) * scale) / usable));
  return lines;
}

export const LINE_HEIGHT_PT = 16.5; // 12 pt 仿宋 with a little leading, as printed tables are set
export const ROW_PADDING_PT = 8;

export function heightFor(lines: number): number {
  return Math.round((lines * LINE_HEIGHT_PT + ROW_PADDING_PT) * 10) / 10;
}

/** The height of a row of wrapped text in a larger font (the title's 20 pt): one line of 20 pt takes 40 pt. */
export function headingHeight(lines: number, fontPt: number): number {
  return Math.round((lines * fontPt * 1.35 + fontPt * 0.65) * 10) / 10;
}
