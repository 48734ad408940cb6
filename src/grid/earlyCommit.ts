import type { GridApi } from 'ag-grid-community';
import { isFieldId, type FieldId } from '../domain/fields';
import type { GridRow } from './gridRow';

/** An edit saved as its key went down, before the grid asked for it (see editEndingNow). */
export interface EarlyEdit {
  row: GridRow;
  colId: FieldId;
  value: string;
  /** performance.now() as the key went down: the grid's request comes within a few frames, never seconds later */
  at: number;
}

/** How long an early edit waits for the grid's request for it (which a busy page may hold back) */
const WAIT_MS = 3000;

/** The text editors, which end an edit on Enter and Tab themselves (the pickers own those keys: columns.ts). */
const TEXT_EDITORS = new Set<unknown>([undefined, 'agTextCellEditor', 'agLargeTextCellEditor']);

/**
 * The edit a key ends, read from its text editor as the key goes down: Enter (not Shift+ or Alt+Enter, which break
 * the line) and Tab, outside an IME composition. AG Grid tells the app of an edit (cellEditRequest) only in a task
 * after the frame that closes the editor, 14–40 ms later, which the save would otherwise wait for; the grid's own
 * request for the same edit then comes too, and is passed over (EarlyEdits). null when the key ends no edit of
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
  return { row: node.data, colId, value, at: performance.now() };
}

const isEdit = (e: EarlyEdit, row: GridRow | undefined, colId: string, value: unknown): boolean =>
  !!row && e.row.rowId === row.rowId && e.colId === colId && e.value === value;

/**
 * The edits saved as their keys went down whose requests from the grid have not come yet. Each request is matched to
 * its own edit (the cell and the text): a second Enter on a busy page can come before the grid's events for the
 * first, and one waiting edit of one cell must never pass over another's request.
 */
export class EarlyEdits {
  private waiting: EarlyEdit[] = [];

  add(edit: EarlyEdit): void {
    this.waiting = [...this.fresh(), edit];
  }

  /** true (and forgotten) when the grid's request is for an edit saved early: it is not saved again */
  takeRequest(row: GridRow | undefined, colId: string, value: unknown): boolean {
    const waiting = this.fresh();
    const i = waiting.findIndex((e) => isEdit(e, row, colId, value));
    this.waiting = i < 0 ? waiting : waiting.filter((_, k) => k !== i);
    return i >= 0;
  }

  /** The grid stopped editing a cell without a request for it (the text unchanged after all): its edit is forgotten. */
  stopped(row: GridRow | undefined, colId: string, value: unknown): void {
    this.waiting = this.fresh().filter((e) => !isEdit(e, row, colId, value));
  }

  private fresh(): EarlyEdit[] {
    const now = performance.now();
    return this.waiting.filter((e) => now - e.at < WAIT_MS);
  }
}
