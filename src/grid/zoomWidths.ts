import type { GridApi } from 'ag-grid-community';

/** The row handle holds a checkbox and icons of a fixed size: its width does not follow the zoom. */
const UNSCALED = new Set(['rowHandle']);

/**
 * Column widths follow the zoom, as in a spreadsheet: at 150% the text is half as large again and so is each column,
 * so a cell wraps its text as it did at 100% (with only the text larger, 责任部门 and 完成时限 broke every name in
 * two). The grid scrolls sideways when the columns no longer fit. Hidden columns are scaled too, for when shown.
 */
export function scaleColumnWidths(api: GridApi, fromPercent: number, toPercent: number): void {
  if (fromPercent === toPercent || api.isDestroyed()) return;
  const changes = (api.getColumns() ?? [])
    .filter((c) => !UNSCALED.has(c.getColId()))
    .map((c) => ({ key: c.getColId(), newWidth: Math.max(20, Math.round((c.getActualWidth() * toPercent) / fromPercent)) }));
  if (changes.length) api.setColumnWidths(changes, true, 'api');
}

/** A column's width as remembered: at 100%, whatever the zoom it was set at (so a reload at another zoom scales it). */
export const widthAt100 = (colId: string, width: number, zoomPercent: number): number =>
  UNSCALED.has(colId) ? width : Math.round((width * 100) / zoomPercent);
