import type { GridApi } from 'ag-grid-community';
import { isFieldId, type FieldId } from '../domain/fields';
import type { GridRow } from './gridRow';

/** An edit saved as its key went down, before the grid asked for it (see editEndingNow). */
export interface EarlyEdit {
  row: GridRow;
  colId: FieldId;
  value: string;
}

/** The text editors, which end an edit on Enter and Tab themselves (the pickers own those keys: columns.ts). */
const TEXT_EDITORS = new Set<unknown>([undefined, 'agTextCellEditor', 'agLargeTextCellEditor']);

/**
 * The edit a key ends, read from its text editor as the key goes down: Enter (not Shift+ or Alt+Enter, which break
 * the line) and Tab, outside an IME composition. AG Grid tells the app of an edit (cellEditRequest) only in a task
 * after the frame that closes the editor, 15–25 ms later, which the save would otherwise wait for; the grid's own
 * request for the same edit then comes too, and is passed over (isEarlyEdit). null when the key ends no edit of
 * text, or leaves the text as it was.
 */
export function editEndingNow(api: GridApi<GridRow>, e: KeyboardEvent): EarlyEdit | null {
  if (e.key !== 'Enter' && e.key !== 'Tab') return null;
  if (e.ctrlKey || e.metaKey || e.altKey || (e.key === 'Enter' && e.shiftKey) || e.isComposing || e.keyCode === 229) return null;
  const cells = api.getEditingCells();
  if (cells.length !== 1) return null;
  const cell = cells[0]!;
  const column = cell.column;
  const colId = column?.getColId();
  if (!column || !colId || !isFieldId(colId) || !TEXT_EDITORS.has(column.getColDef().cellEditor)) return null;
  const node = cell.rowPinned ? undefined : api.getDisplayedRowAtIndex(cell.rowIndex);
  if (!node?.data) return null;
  const value: unknown = api.getCellEditorInstances({ rowNodes: [node], columns: [column] })[0]?.getValue();
  const field = column.getColDef().field;
  if (typeof value !== 'string' || (field && value === (node.data as unknown as Record<string, unknown>)[field])) return null;
  return { row: node.data, colId, value };
}

/** The grid's request for an edit already saved as its key went down. */
export const isEarlyEdit = (early: EarlyEdit | null, row: GridRow | undefined, colId: string, value: unknown): boolean =>
  !!early && !!row && early.row.rowId === row.rowId && early.colId === colId && early.value === value;
