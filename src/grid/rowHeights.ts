import type { FieldId } from '../domain/fields';
import type { GridRow } from './gridRow';
import { lineCount, type CharWidth } from './textLines';

/** The text a column shows for a row, for the columns whose text wraps. */
const TEXT_OF: Partial<Record<FieldId, (r: GridRow) => string>> = {
  problem: (r) => r.problem,
  level: (r) => r.level,
  category: (r) => r.category,
  measure: (r) => r.measure,
  departments: (r) => r.departmentsText,
  leaders: (r) => r.leadersText,
  deadline: (r) => r.deadline,
  status: (r) => r.status,
  note: (r) => r.note,
};
/** Cells spanned over all rows of their problem, like the merged cells of the Excel table. */
const SPANNED = new Set<FieldId>(['problem', 'level', 'category']);

export interface TextColumn {
  id: FieldId;
  /** pixels available to the text: the column's width less the cell's horizontal padding and border */
  textWidth: number;
}

export interface LineMetrics {
  lineHeight: number;
  /** the cell's vertical padding and the row border */
  paddingY: number;
  minHeight: number;
  charWidth: CharWidth;
}

interface RowNeed {
  /** height its own (measure) cells need */
  own: number;
  /** height the problem's spanned cells need over the whole group: computed for a group's first row only */
  spanned?: number;
}

/**
 * Row heights for the grid, from the text each visible column wraps to. Each row's need is computed once per row object
 * (rows that did not change keep their object, so an edit recomputes one row); a problem whose spanned text is taller
 * than its measures gives the difference to its last row, which is how the merged Excel cell would grow.
 */
export class RowHeights {
  private needs = new WeakMap<GridRow, RowNeed>();
  private heights = new Map<string, number>();
  private columns: TextColumn[] = [];

  constructor(private metrics: LineMetrics) {}

  /** New column widths or visibility: every need is computed again on the next update. */
  setLayout(columns: readonly TextColumn[], metrics: LineMetrics = this.metrics): void {
    this.columns = columns.filter((c) => TEXT_OF[c.id]);
    this.metrics = metrics;
    this.needs = new WeakMap();
  }

  /** A row the last update did not see (the grid asks before the effect that updates runs) gets its own need. */
  heightOf(row: GridRow): number {
    return this.heights.get(row.rowId) ?? this.need(row).own;
  }

  /** Heights for `rows` (in display order); returns the ids whose height differs from before. */
  update(rows: readonly GridRow[]): string[] {
    const next = new Map<string, number>();
    for (let start = 0; start < rows.length; ) start = this.group(rows, start, next);
    const changed: string[] = [];
    for (const [id, h] of next) if (this.heights.get(id) !== h) changed.push(id);
    this.heights = next;
    return changed;
  }

  /**
   * Heights for the problems starting at `starts` in `rows`, whose other rows did not move since the last update (an
   * edit in place): only those problems are measured again. Returns the ids whose height changed.
   */
  updateProblems(rows: readonly GridRow[], starts: Iterable<number>): string[] {
    const next = new Map<string, number>();
    for (const start of starts) this.group(rows, start, next);
    const changed: string[] = [];
    for (const [id, h] of next) {
      if (this.heights.get(id) === h) continue;
      this.heights.set(id, h);
      changed.push(id);
    }
    return changed;
  }

  /** Puts the heights of the problem starting at `start` into `into`; returns where the next problem starts. */
  private group(rows: readonly GridRow[], start: number, into: Map<string, number>): number {
    const problemId = rows[start]!.problemId;
    const spanned = this.spannedNeed(rows[start]!);
    let end = start;
    let sum = 0;
    while (end < rows.length && rows[end]!.problemId === problemId) {
      const own = this.need(rows[end]!).own;
      into.set(rows[end]!.rowId, own);
      sum += own;
      end++;
    }
    if (spanned > sum) {
      const last = rows[end - 1]!.rowId;
      into.set(last, into.get(last)! + spanned - sum);
    }
    return end;
  }

  private need(row: GridRow): RowNeed {
    let need = this.needs.get(row);
    if (!need) {
      let own = this.metrics.minHeight;
      for (const c of this.columns) if (!SPANNED.has(c.id)) own = Math.max(own, this.cellHeight(row, c));
      need = { own };
      this.needs.set(row, need);
    }
    return need;
  }

  private spannedNeed(row: GridRow): number {
    const need = this.need(row);
    if (need.spanned === undefined) {
      need.spanned = 0;
      for (const c of this.columns) if (SPANNED.has(c.id)) need.spanned = Math.max(need.spanned, this.cellHeight(row, c));
    }
    return need.spanned;
  }

  private cellHeight(row: GridRow, c: TextColumn): number {
    const { lineHeight, paddingY, charWidth } = this.metrics;
    return Math.ceil(lineCount(TEXT_OF[c.id]!(row), c.textWidth, charWidth) * lineHeight + paddingY);
  }
}
