import type { CellClassParams, GridApi, IRowNode } from 'ag-grid-community';
import { isFieldId, isProblemCell, type FieldId } from '../domain/fields';
import type { GridRow } from './gridRow';

/** A cell as the grid shows it: a displayed row's index and a column. */
export interface CellPos {
  rowIndex: number;
  colId: string;
}

/** A rectangle of displayed cells: rows top..bottom (inclusive) and consecutive displayed field columns. */
export interface CellBounds {
  top: number;
  bottom: number;
  fields: FieldId[];
}

export const IN_RANGE = 'cell-in-range';

/**
 * A rectangle of selected cells (AG Grid's cell selection is Enterprise): an anchor, where it started, and an end the
 * keys or the mouse move. A range that covers a problem-scoped column covers whole problems, as a selection over a
 * merged cell in Excel covers all of it. Shown through a cell class rule: a change refreshes the classes of only the
 * rendered cells it touches, never the whole grid.
 */
export class CellSelection {
  private api: GridApi<GridRow> | null = null;
  private anchor: CellPos | null = null;
  private end: CellPos | null = null;
  private current: CellBounds | null = null;
  private inRange = new Set<string>();

  attach(api: GridApi<GridRow> | null): void {
    this.api = api;
    this.anchor = this.end = this.current = null;
    this.inRange.clear();
  }

  /** For cellClassRules: is this cell in a range of more than one cell? */
  readonly classRule = (p: CellClassParams<GridRow>): boolean => {
    const b = this.current;
    const i = p.node.rowIndex;
    return !!b && i !== null && i >= b.top && i <= b.bottom && this.inRange.has(p.column.getColId());
  };

  get anchorCell(): CellPos | null {
    return this.anchor;
  }

  get endCell(): CellPos | null {
    return this.end;
  }

  /** The selected rectangle when it holds more than one cell. */
  get bounds(): CellBounds | null {
    return this.current;
  }

  /** The rectangle, or the focused cell alone (expanded over its problem's rows for a problem column). */
  boundsOrFocus(): CellBounds | null {
    if (this.current) return this.current;
    const cell = this.api?.getFocusedCell();
    if (!cell || !isFieldId(cell.column.getColId())) return null;
    const pos = { rowIndex: cell.rowIndex, colId: cell.column.getColId() };
    return this.compute(pos, pos);
  }

  /** A new selection at one cell (a click, a plain arrow key). */
  collapse(pos: CellPos | null): void {
    this.anchor = pos;
    this.end = pos;
    this.remember();
    this.update(null);
  }

  /**
   * The grid was given its rows anew (a list's names loaded, another tab's change, rows added or moved). The range
   * follows its rows, as a spreadsheet's does when rows are inserted: the same anchor and end rows, where they are now.
   * It is dropped when either is gone or filtered out; a range over positions would then mean other rows.
   */
  rowsReplaced(): void {
    const api = this.api;
    if (!api || !this.anchor || !this.end) return;
    const anchor = this.moved(this.anchor, this.anchorRow);
    const end = this.moved(this.end, this.endRow);
    if (!anchor || !end) return this.collapse(null);
    this.anchor = anchor;
    this.end = end;
    if (this.current) this.update(this.rangeOf(anchor, end));
  }

  private anchorRow: string | undefined;
  private endRow: string | undefined;
  private rowIdAt = (pos: CellPos | null): string | undefined => (pos ? this.api?.getDisplayedRowAtIndex(pos.rowIndex)?.data?.rowId : undefined);
  private moved(pos: CellPos, rowId: string | undefined): CellPos | null {
    const index = rowId === undefined ? null : this.api?.getRowNode(rowId)?.rowIndex;
    return index === null || index === undefined ? null : { rowIndex: index, colId: pos.colId };
  }
  private remember(): void {
    this.anchorRow = this.rowIdAt(this.anchor);
    this.endRow = this.rowIdAt(this.end);
  }

  /** Extends the selection from its anchor (the focused cell when there is none) to `end`. */
  extendTo(end: CellPos): void {
    if (!this.anchor) {
      const cell = this.api?.getFocusedCell();
      if (!cell) return;
      this.anchor = { rowIndex: cell.rowIndex, colId: cell.column.getColId() };
    }
    this.end = end;
    this.remember();
    this.update(this.rangeOf(this.anchor, end));
  }

  /** The rectangle from a to b when it holds more than one cell. */
  private rangeOf(a: CellPos, b: CellPos): CellBounds | null {
    const r = this.compute(a, b);
    return r && (r.bottom > r.top || r.fields.length > 1) ? r : null;
  }

  /** Shift+arrow: the end moves one cell, or further when a merged problem cell would swallow the step. */
  step(dRow: number, dCol: number): CellPos | null {
    const api = this.api;
    const cell = api?.getFocusedCell();
    if (!api || !cell) return null;
    const from = this.end ?? { rowIndex: cell.rowIndex, colId: cell.column.getColId() };
    const cols = this.fieldColumns();
    const last = api.getDisplayedRowCount() - 1;
    let col = cols.indexOf(from.colId as FieldId);
    if (col < 0) return null;
    // set only once the step happens: extendTo remembers the anchor's row with it (a range follows its rows)
    if (!this.anchor) this.anchor = { rowIndex: cell.rowIndex, colId: cell.column.getColId() };
    col = Math.max(0, Math.min(cols.length - 1, col + dCol));
    let row = from.rowIndex;
    const before = this.compute(this.anchor, from);
    do {
      row = Math.max(0, Math.min(last, row + dRow));
      const b = this.compute(this.anchor, { rowIndex: row, colId: cols[col]! });
      if (!dRow || !before || !b || b.top !== before.top || b.bottom !== before.bottom) break;
    } while (row > 0 && row < last);
    const end = { rowIndex: row, colId: cols[col]! };
    this.extendTo(end);
    return end;
  }

  /** Every displayed cell (Ctrl+A). */
  selectAll(): void {
    const api = this.api;
    const cols = this.fieldColumns();
    const last = (api?.getDisplayedRowCount() ?? 0) - 1;
    if (!api || last < 0 || cols.length === 0) return;
    this.anchor = { rowIndex: 0, colId: cols[0]! };
    this.extendTo({ rowIndex: last, colId: cols[cols.length - 1]! });
  }

  /** The rows of a rectangle, top to bottom. */
  rowsOf(b: CellBounds): GridRow[] {
    const rows: GridRow[] = [];
    for (let i = b.top; i <= b.bottom; i++) {
      const data = this.api?.getDisplayedRowAtIndex(i)?.data;
      if (data) rows.push(data);
    }
    return rows;
  }

  fieldColumns(): FieldId[] {
    return (this.api?.getAllDisplayedColumns() ?? []).map((c) => c.getColId()).filter(isFieldId);
  }

  private compute(a: CellPos, b: CellPos): CellBounds | null {
    const api = this.api;
    if (!api) return null;
    const cols = this.fieldColumns();
    const ca = cols.indexOf(a.colId as FieldId);
    const cb = cols.indexOf(b.colId as FieldId);
    if (ca < 0 || cb < 0) return null;
    const fields = cols.slice(Math.min(ca, cb), Math.max(ca, cb) + 1);
    let top = Math.min(a.rowIndex, b.rowIndex);
    let bottom = Math.max(a.rowIndex, b.rowIndex);
    if (fields.some(isProblemCell)) {
      const problemAt = (i: number) => api.getDisplayedRowAtIndex(i)?.data?.problemId;
      const pTop = problemAt(top);
      while (top > 0 && problemAt(top - 1) === pTop) top--;
      const pBottom = problemAt(bottom);
      const last = api.getDisplayedRowCount() - 1;
      while (bottom < last && problemAt(bottom + 1) === pBottom) bottom++;
    }
    return { top, bottom, fields };
  }

  private update(next: CellBounds | null): void {
    const prev = this.current;
    this.current = next;
    this.inRange = new Set(next?.fields ?? []);
    const api = this.api;
    if (!api || (!prev && !next)) return;
    const lo = Math.min(prev?.top ?? Infinity, next?.top ?? Infinity);
    const hi = Math.max(prev?.bottom ?? -Infinity, next?.bottom ?? -Infinity);
    const columns = [...new Set([...(prev?.fields ?? []), ...(next?.fields ?? [])])];
    const rowNodes: IRowNode<GridRow>[] = api.getRenderedNodes().filter((n) => n.rowIndex !== null && n.rowIndex >= lo && n.rowIndex <= hi);
    if (rowNodes.length) api.refreshCells({ rowNodes, columns });
  }
}
