/**
 * Row heights for wrapped text, which Excel does not compute when it opens a file: estimated from the text's display
 * width (a CJK character is about twice as wide as a Latin one) and the column width.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]|[\ud840-\ud8bf][\udc00-\udfff]/g;

/** Display width in Excel width units at the body font size (12 pt), per line. */
export function displayWidth(line: string): number {
  const wide = line.match(WIDE)?.length ?? 0;
  const narrow = [...line].length - wide;
  return wide * 2.15 + narrow * 1.15;
}

/** Lines the text takes in a column of `width` units when wrapped. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5); // cell padding
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(line) / usable));
  return lines;
}

export const LINE_HEIGHT_PT = 16.5; // 12 pt 仿宋 with a little leading, as printed tables are set
export const ROW_PADDING_PT = 8;

export function heightFor(lines: number): number {
  return Math.round((lines * LINE_HEIGHT_PT + ROW_PADDING_PT) * 10) / 10;
}
