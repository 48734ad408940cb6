import type { LineMetrics } from './rowHeights';
import { WIDTH_UNITS, type CharWidth } from './textLines';

export interface CellMetrics extends LineMetrics {
  /** horizontal padding and border of a cell: a column's text width is its width less this */
  paddingX: number;
  /**
   * Character widths in the font of a cell with class `cellClass` (the problem column's text is heavier than the
   * others'): measured with the font the browser computes for such a cell, once per distinct font.
   */
  charWidthFor(cellClass: string): CharWidth;
}

const fontOf = (s: CSSStyleDeclaration) => `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;

/** A hidden cell of class `cellClass` in `host`, for reading its computed style inside `read`. */
function withProbe<T>(host: HTMLElement, cellClass: string, read: (s: CSSStyleDeclaration) => T): T {
  const probe = document.createElement('div');
  probe.className = `ag-cell ag-cell-wrap-text ${cellClass}`;
  probe.style.cssText = 'position:absolute;visibility:hidden;left:-9999px;top:0;width:200px;';
  probe.textContent = '中';
  host.appendChild(probe);
  try {
    return read(getComputedStyle(probe));
  } finally {
    probe.remove();
  }
}

/**
 * Reads how a wrapped cell is laid out from a hidden probe cell inside the grid, so the estimates follow the theme and
 * the stylesheet (padding, line height, the font the user's system actually picks) instead of copies of their numbers.
 */
export function measureCellMetrics(host: HTMLElement, minHeight: number): CellMetrics {
  const byFont = new Map<string, CharWidth>();
  const widthsIn = (font: string) => {
    let w = byFont.get(font);
    if (!w) byFont.set(font, (w = canvasCharWidth(font)));
    return w;
  };
  return withProbe(host, 'cell-multiline', (s) => {
    const px = (v: string) => parseFloat(v) || 0;
    const fontSize = px(s.fontSize) || 14;
    const lineHeight = s.lineHeight === 'normal' ? fontSize * 1.4 : px(s.lineHeight);
    return {
      lineHeight,
      // + 1 for the row's bottom border, which the row's height includes
      paddingY: px(s.paddingTop) + px(s.paddingBottom) + px(s.borderTopWidth) + px(s.borderBottomWidth) + 1,
      paddingX: px(s.paddingLeft) + px(s.paddingRight) + px(s.borderLeftWidth) + px(s.borderRightWidth),
      minHeight,
      charWidth: widthsIn(fontOf(s)),
      charWidthFor: (cellClass) => widthsIn(withProbe(host, cellClass, fontOf)),
    };
  });
}

/** Character widths in `font` (in WIDTH_UNITS), measured once per character. */
export function canvasCharWidth(font: string): CharWidth {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (c) => (c >= 0x2e80 ? 14 : 8) * WIDTH_UNITS;
  ctx.font = font;
  const widths = new Uint16Array(0x10000);
  // ideographs all take the same square in a CJK font: one measurement serves them (and the first half of a surrogate
  // pair, which stands for a whole wide character); measuring each new character costs a font lookup
  const units = (text: string) => Math.max(1, Math.round(ctx.measureText(text).width * WIDTH_UNITS));
  const square = units('中');
  return (c) => {
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xd800 && c <= 0xdfff)) return square;
    let w = widths[c]!;
    if (w === 0) {
      w = units(String.fromCharCode(c));
      widths[c] = w;
    }
    return w;
  };
}
