import { themeQuartz } from 'ag-grid-community';

/**
 * System CJK fonts only: the grid never fetches web fonts (which may be unreachable from mainland China). Bare names:
 * the theme quotes a name with spaces itself, and a name written with its own quotes became a family called
 * `"Noto Sans CJK SC"`, quotes and all, which no system has, so cells fell back to the generic font.
 */
export const CJK_FONTS = ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'sans-serif'];

const BASE_FONT_PX = 14;

function themeAt(zoom: number) {
  const px = Math.round((BASE_FONT_PX * zoom) / 100);
  return themeQuartz.withParams({
    fontFamily: CJK_FONTS,
    headerFontFamily: CJK_FONTS,
    cellFontFamily: CJK_FONTS,
    fontSize: px,
    headerFontSize: px,
    headerFontWeight: 600,
    rowVerticalPaddingScale: 0.6,
    headerBackgroundColor: '#f3f5f8',
    accentColor: '#b3261e',
    wrapperBorderRadius: 4,
  });
}

export const gridTheme = themeAt(100);

const themes = new Map<number, typeof gridTheme>([[100, gridTheme]]);

/** The grid's theme at a text zoom (percent): one object per zoom, so the grid changes theme only when it changes. */
export function gridThemeAt(zoom: number): typeof gridTheme {
  let t = themes.get(zoom);
  if (!t) themes.set(zoom, (t = themeAt(zoom)));
  return t;
}
