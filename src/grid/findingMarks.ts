import type { CellClassParams, GridApi } from 'ag-grid-community';
import type { GridRow } from './gridRow';

export interface CellMark {
  severity: 'error' | 'warning';
  message: string;
}

export const MARK_CLASS = { error: 'cell-finding--error', warning: 'cell-finding--warning' } as const;

/**
 * The review's findings as marks on the cells they are about (a red or amber corner, the message on hover). Held
 * outside React, like the cell range: a new set of findings refreshes only the cells whose mark changed.
 */
export class FindingMarks {
  private marks = new Map<string, CellMark>();
  private api: GridApi<GridRow> | null = null;

  static key(rowId: string, colId: string): string {
    return `${rowId}\u0000${colId}`;
  }

  attach(api: GridApi<GridRow> | null): void {
    this.api = api;
  }

  get(rowId: string, colId: string): CellMark | undefined {
    return this.marks.get(FindingMarks.key(rowId, colId));
  }

  readonly errorRule = (p: CellClassParams<GridRow>): boolean => this.severityAt(p) === 'error';
  readonly warningRule = (p: CellClassParams<GridRow>): boolean => this.severityAt(p) === 'warning';

  private severityAt(p: CellClassParams<GridRow>): CellMark['severity'] | undefined {
    const rowId = p.data?.rowId;
    return rowId ? this.marks.get(FindingMarks.key(rowId, p.colDef.colId ?? ''))?.severity : undefined;
  }

  set(next: Map<string, CellMark>): void {
    const changed = new Set<string>();
    for (const [k, v] of next) if (this.marks.get(k)?.severity !== v.severity) changed.add(k);
    for (const k of this.marks.keys()) if (!next.has(k)) changed.add(k);
    this.marks = next;
    const api = this.api;
    if (!api || api.isDestroyed() || changed.size === 0) return;
    const rows = new Set<string>();
    const cols = new Set<string>();
    for (const k of changed) {
      const [rowId, colId] = k.split('\u0000') as [string, string];
      rows.add(rowId);
      cols.add(colId);
    }
    const nodes = [...rows].map((id) => api.getRowNode(id)).filter((n) => !!n);
    api.refreshCells({ rowNodes: nodes, columns: [...cols], force: true });
  }
}
