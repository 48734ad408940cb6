import { themeQuartz } from 'ag-grid-community';

/** System CJK fonts only: the grid never fetches web fonts (which may be unreachable from mainland China). */
export const CJK_FONTS = ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'];

export const gridTheme = themeQuartz.withParams({
  fontFamily: CJK_FONTS,
  headerFontFamily: CJK_FONTS,
  cellFontFamily: CJK_FONTS,
  fontSize: 14,
  headerFontSize: 14,
  headerFontWeight: 600,
  rowVerticalPaddingScale: 0.6,
  headerBackgroundColor: '#f3f5f8',
  accentColor: '#b3261e',
  wrapperBorderRadius: 4,
});
