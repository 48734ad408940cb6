/** A column's letters as Excel names it: 0 → A, 26 → AA */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Rows (1-based, as Excel numbers them) as a message lists them: 第 3、5、8 行, the first five and 等 for more */
export const rowList = (rows: readonly number[]): string => `第 ${rows.slice(0, 5).join('、')} 行${rows.length > 5 ? ' 等' : ''}`;
