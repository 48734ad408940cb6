import type { GridApi } from 'ag-grid-community';
import { cellText as fieldText, FIELDS, isFieldId, isProblemCell, type FieldId } from '../domain/fields';
import type { Scope } from '../domain/structure';
import { gridNames, type GridRow } from './gridRow';

/** Reading what the user sees and points at, from the grid. */

export function displayedRows(api: GridApi<GridRow>): GridRow[] {
  const rows: GridRow[] = [];
  api.forEachNodeAfterFilterAndSort((n) => n.data && rows.push(n.data));
  return rows;
}

export function focusedRow(api: GridApi<GridRow>): GridRow | null {
  const cell = api.getFocusedCell();
  if (!cell || cell.rowPinned) return null;
  return api.getDisplayedRowAtIndex(cell.rowIndex)?.data ?? null;
}

export function focusedField(api: GridApi<GridRow>): FieldId | null {
  const id = api.getFocusedCell()?.column.getColId();
  return id && isFieldId(id) ? id : null;
}

/** The rows an action applies to: the ticked rows, or else the row with the focused cell. */
export function targetRows(api: GridApi<GridRow>): GridRow[] {
  const selected = api.getSelectedNodes().filter((n) => n.displayed && n.data);
  if (selected.length > 0) {
    return selected.sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0)).map((n) => n.data!);
  }
  const row = focusedRow(api);
  return row ? [row] : [];
}

/** Pointing at 序号 or a problem-scoped cell means the problem; anywhere else, the measure. */
export function focusedScope(api: GridApi<GridRow>): Scope {
  const field = focusedField(api);
  return field && isProblemCell(field) ? 'problem' : 'measure';
}

/** The displayed field columns from `fromColId` rightwards, in screen order: where pasted columns land. */
export function fieldColumnsFrom(api: GridApi<GridRow>, fromColId: string): FieldId[] {
  const ids = api.getAllDisplayedColumns().map((c) => c.getColId());
  const start = ids.indexOf(fromColId);
  return ids.slice(Math.max(0, start)).filter(isFieldId);
}

export function displayedFieldColumns(api: GridApi<GridRow>): FieldId[] {
  return api.getAllDisplayedColumns().map((c) => c.getColId()).filter(isFieldId);
}

/** The fields whose columns are shown (scrolled out of view or not). */
export function visibleFields(api: GridApi<GridRow>): Set<FieldId> {
  return new Set(FIELDS.filter((f) => api.getColumn(f.id)?.isVisible()).map((f) => f.id));
}

/** The text a cell shows, as it is copied to the clipboard. */
export const cellText = (row: GridRow, field: FieldId): string => fieldText(row, field, gridNames);
