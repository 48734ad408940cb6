import { MAX_ROW_BREAKS } from './excelLimits';

/**
 * The printed page of an exported sheet: A4, the margins the writer sets, and the scale that fits the table to one
 * page wide. The workbook asks each application to fit the width itself (its column units follow its own font
 * metrics: LibreOffice's, with a substitute for 宋体, are wider than Excel's and print smaller), so the page breaks are
 * computed for the largest scale any of them fits to, Excel's: the page with the least room. An application that
 * prints smaller has room left at the foot of a page, never a problem cut by a break of its own.
 */
export const MARGINS_IN = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.35 } as const;

const A4_PT = { short: 595.28, long: 841.89 };
// A column width unit is the default font's widest digit: 8 px for 宋体 11 pt (the workbook's default font) at 96 dpi,
// in Excel and WPS; LibreOffice's is wider
const PT_PER_WIDTH_UNIT = 8 * 0.75;
// room for the applications' rounding (Excel sets row heights in whole pixels and its scale in whole percents)
const SAFETY = 0.97;

export interface Page {
  landscape: boolean;
  scale: number; // percent: the largest an application fits the table's width to
  /** printable height in the sheet's own points (before scaling) */
  height: number;
}

/** The page for columns of these widths (Excel units, the printed ones only): scaled down to fit one page wide. */
export function pageFor(columnWidths: readonly number[], landscape: boolean): Page {
  const paperWidth = landscape ? A4_PT.long : A4_PT.short;
  const paperHeight = landscape ? A4_PT.short : A4_PT.long;
  const printableWidth = paperWidth - (MARGINS_IN.left + MARGINS_IN.right) * 72;
  const tableWidth = columnWidths.reduce((s, w) => s + w, 0) * PT_PER_WIDTH_UNIT;
  const scale = Math.max(10, Math.min(100, Math.ceil((100 * printableWidth) / Math.max(1, tableWidth))));
  const height = (((paperHeight - (MARGINS_IN.top + MARGINS_IN.bottom) * 72) * 100) / scale) * SAFETY;
  return { landscape, scale, height };
}

/** Rows kept on one page where they fit: a problem with its measures (0-based sheet rows, inclusive). */
export interface RowBlock {
  start: number;
  end: number;
}

/** A row's height as printed: Excel rounds row heights up to whole pixels (0.75 pt). */
const printed = (h: number) => Math.ceil(h / 0.75) * 0.75;

/**
 * Where pages break (the 0-based rows that start a new page): before a block that would not fit on the rest of the
 * page. A block taller than a page breaks inside it, between rows, starting on a new page only when that makes fewer
 * pieces of it. `repeated` is the height of the header rows printed again at the top of every later page; the rows
 * above the first block are on the first page.
 */
export function rowBreaks(heights: readonly number[], blocks: readonly RowBlock[], repeated: number, page: Page): number[] {
  const breaks: number[] = [];
  const room = page.height;
  let used = 0;
  for (let r = 0; r < (blocks[0]?.start ?? 0); r++) used += printed(heights[r] ?? 0);
  const fill = (start: number, end: number, from: number, out: number[] | null): number => {
    let u = from;
    for (let r = start; r <= end; r++) {
      const h = printed(heights[r] ?? 0);
      if (u + h > room && u > repeated) {
        out?.push(r);
        u = repeated;
      }
      u += h;
    }
    return u;
  };
  for (const b of blocks) {
    let h = 0;
    for (let r = b.start; r <= b.end; r++) h += printed(heights[r] ?? 0);
    if (used + h <= room) {
      used += h;
      continue;
    }
    if (repeated + h <= room) {
      breaks.push(b.start);
      used = repeated + h;
      continue;
    }
    // taller than a page: count the pieces it makes from here and from a new page
    const here: number[] = [];
    fill(b.start, b.end, used, here);
    const fresh: number[] = [];
    fill(b.start, b.end, repeated, fresh);
    if (fresh.length < here.length && used > repeated) {
      breaks.push(b.start);
      used = fill(b.start, b.end, repeated, breaks);
    } else used = fill(b.start, b.end, used, breaks);
  }
  return breaks.slice(0, MAX_ROW_BREAKS);
}
