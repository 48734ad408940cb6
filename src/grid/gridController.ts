import type { GridApi } from 'ag-grid-community';
import type { FieldId } from '../domain/fields';
import type { GridRow } from './gridRow';
import { typeAheadFor } from './typeAhead';
import { displayedRows, focusedRow, targetRows, visibleFields } from './gridQueries';

/**
 * What the list view asks of the grid, so that only src/grid knows AG Grid: the rows the user points at, the columns
 * shown, focusing a row. `api` is for the grid's own modules (the commands); the UI does not reach through it.
 */
export interface GridController {
  readonly api: GridApi<GridRow>;
  /** the ticked rows, or else the row of the focused cell */
  targetRows(): GridRow[];
  focusedRow(): GridRow | null;
  /** the rows as shown (filter applied), in order */
  displayedRows(): GridRow[];
  visibleFields(): Set<FieldId>;
  setFieldVisible(id: FieldId, visible: boolean): void;
  resetColumns(): void;
  /** Focuses the row's cell, scrolled into view; false while the row is not displayed (not arrived, or filtered out). */
  focusRow(rowId: string, colId?: string): boolean;
  /** Shows and focuses a cell, then gives the keyboard back to what had it (a dialog's field). */
  showCell(rowId: string, colId: string): void;
  /** Focuses the focused cell again (after a menu over the grid closed). */
  refocus(): void;
  /** Runs `listener` whenever the grid's rows or their display change; returns the way to stop. */
  onRowsChanged(listener: () => void): () => void;
}

export function createGridController(api: GridApi<GridRow>): GridController {
  const focusRow = (rowId: string, colId?: string): boolean => {
    const node = api.getRowNode(rowId);
    if (!node || node.rowIndex === null) return false;
    api.ensureNodeVisible(node);
    const col = colId ?? api.getFocusedCell()?.column.getColId() ?? 'measure';
    api.setFocusedCell(node.rowIndex, col);
    // what was typed while the row was being added starts its edit (typeAhead.ts)
    typeAheadFor(api).landed(api);
    return true;
  };
  return {
    api,
    targetRows: () => targetRows(api),
    focusedRow: () => focusedRow(api),
    displayedRows: () => displayedRows(api),
    visibleFields: () => visibleFields(api),
    setFieldVisible: (id, visible) => api.setColumnsVisible([id], visible),
    resetColumns: () => api.resetColumnState(),
    focusRow,
    showCell: (rowId, colId) => {
      const node = api.getRowNode(rowId);
      if (!node || node.rowIndex === null) return;
      const active = document.activeElement as HTMLElement | null;
      api.ensureNodeVisible(node, 'middle');
      api.ensureColumnVisible(colId);
      api.setFocusedCell(node.rowIndex, colId);
      // the grid focuses the cell as it draws it, which may be a frame later
      const back = () => {
        if (active && document.activeElement !== active) active.focus();
      };
      back();
      requestAnimationFrame(() => {
        back();
        requestAnimationFrame(back);
      });
    },
    refocus: () => {
      const cell = api.getFocusedCell();
      if (cell) api.setFocusedCell(cell.rowIndex, cell.column);
    },
    onRowsChanged: (listener) => {
      api.addEventListener('rowDataUpdated', listener);
      api.addEventListener('modelUpdated', listener);
      return () => {
        if (api.isDestroyed()) return;
        api.removeEventListener('rowDataUpdated', listener);
        api.removeEventListener('modelUpdated', listener);
      };
    },
  };
}
