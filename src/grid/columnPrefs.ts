import type { ColumnState } from 'ag-grid-community';
import { widthAt100 } from './zoomWidths';

/**
 * Which columns the user shows and how wide: a per-browser preference, so localStorage rather than the database. The
 * widths are kept as at 100% zoom (zoomWidths.ts): the grid scales them to the zoom it shows.
 */
const KEY = 'sanqingdan.columns.v1';

export function loadColumnState(): ColumnState[] | null {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) ? (parsed as ColumnState[]) : null;
  } catch {
    return null; // a damaged preference falls back to the default columns
  }
}

export function saveColumnState(state: ColumnState[], zoomPercent: number): void {
  const slim = state.map(({ colId, width, hide }) => ({ colId, width: typeof width === 'number' ? widthAt100(colId, width, zoomPercent) : width, hide }));
  try {
    localStorage.setItem(KEY, JSON.stringify(slim));
  } catch {
    // storage full or disabled: the columns still work, they are just not remembered
  }
}
