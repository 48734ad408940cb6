import { isWideChar } from '../../domain/text';

/** The print table's width: A4's long side less the page margins (print.css), in points. */
export const TABLE_WIDTH_PT = (277 / 25.4) * 72;

/** The widest name of a names cell's text (one name a line), in ems: a CJK character is one, anything else about 0.6. */
export function widestNameEm(texts: Iterable<string>): number {
  let widest = 0;
  for (const text of texts) {
    for (const name of text.split('\n')) {
      let em = 0;
      for (let i = 0; i < name.length; i++) em += isWideChar(name.charCodeAt(i)) ? 1 : 0.6;
      if (em > widest) widest = em;
    }
  }
  return widest;
}

// a names column never takes more than this share of the table: a name longer than that wraps
const MOST_SHARE = 0.25;

/**
 * Each column's share of the print table (fractions adding up to 1): the workbook's widths, with a column that needs
 * `needEm[i]` ems (its longest name and the cell's padding) widened to hold it at a table `tableEm` ems wide, the other
 * columns giving way in proportion. At the workbook's widths a six-character department (学生发展中心) was broken
 * mid-name on paper.
 */
export function columnShares(widths: readonly number[], needEm: readonly (number | undefined)[], tableEm: number): number[] {
  const share = (i: number) => Math.min(MOST_SHARE, (needEm[i] ?? 0) / tableEm);
  // the widened columns take their share of a total the others fill the rest of; widening grows the total, which may
  // make another column's need exceed its width: repeat until the set of widened columns is settled
  let widened = new Set<number>();
  let total = widths.reduce((a, b) => a + b, 0);
  for (;;) {
    const next = new Set(widths.map((_, i) => i).filter((i) => share(i) * total > widths[i]!));
    if (next.size === widened.size) break;
    widened = next;
    const rest = widths.reduce((a, w, i) => (widened.has(i) ? a : a + w), 0);
    total = rest / (1 - [...widened].reduce((a, i) => a + share(i), 0));
  }
  return widths.map((w, i) => (widened.has(i) ? share(i) : w / total));
}
