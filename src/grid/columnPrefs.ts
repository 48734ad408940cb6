import type { ColumnState } from 'ag-grid-community';

/** Which columns the user shows and how wide: a per-browser preference, so localStorage rather than the database. */
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

export function saveColumnState(state: ColumnState[]): void {
  const slim = state.map(({ colId, width, hide }) => ({ colId, width, hide }));
  try {
    localStorage.setItem(KEY, JSON.stringify(slim));
  } catch {
    // storage full or disabled: the columns still work, they are just not remembered
  }
}
