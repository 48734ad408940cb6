import { FIELDS, type FieldId } from '../domain/fields';
import { gridNames, type GridRow } from './gridRow';
import { lineCount, WIDTH_UNITS, type CharWidth } from './textLines';

/** The text a column shows for a row, for the columns whose text wraps: all but 序号. */
const TEXT_OF: Partial<Record<FieldId, (r: GridRow) => string>> = Object.fromEntries(
  FIELDS.filter((f) => f.store.kind !== 'serial').map((f) => [f.id, (r: GridRow) => f.text(r, gridNames)]),
);
/** Cells spanned over all rows of their problem, like the merged cells of the Excel table. */
const SPANNED = new Set<FieldId>(FIELDS.filter((f) => f.scope === 'problem').map((f) => f.id));

export interface TextColumn {
  id: FieldId;
  /** pixels available to the text: the column's width less the cell's horizontal padding and border */
  textWidth: number;
  /** widths in the column's own font, when it is not the metrics' */
  charWidth?: CharWidth;
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

interface EstimatedColumn {
  text: (r: GridRow) => string;
  linesPerChar: number;
}

/** The most lines any of `columns` takes in `row`, guessed from the length and the hard line breaks. */
function estimatedLines(row: GridRow, columns: readonly EstimatedColumn[]): number {
  let most = 1;
  for (const c of columns) {
    const text = c.text(row);
    let lines = Math.ceil(text.length * c.linesPerChar);
    let breaks = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
    if (breaks > lines) lines = breaks;
    if (lines > most) most = lines;
  }
  return most;
}

/** Rows measured exactly when a list is laid out: more than the first screens of the tallest window. */
export const EAGER_ROWS = 400;

/**
 * Row heights for the grid, from the text each visible column wraps to. Each row's need is computed once per row object
 * (rows that did not change keep their object, so an edit recomputes one row); a problem whose spanned text is taller
 * than its measures gives the difference to its last row, which is how the merged Excel cell would grow.
 *
 * Laying out a long list measures only its first rows (and rows measured before) exactly; the others get an estimate
 * from their text's length, and `refine` measures them later, in slices (breaking every cell of 20,000 rows into lines
 * took 100-150 ms of the list's first paint). `refineAt` measures given problems at once: the rows scrolled into view.
 */
export class RowHeights {
  private needs = new WeakMap<GridRow, RowNeed>();
  private heights = new Map<string, number>();
  private columns: TextColumn[] = [];
  private estimated: { own: EstimatedColumn[]; spanned: EstimatedColumn[] } = { own: [], spanned: [] };
  /** rows of the last update, and the starts of its problems that still carry estimates */
  private rows: readonly GridRow[] = [];
  private pending = new Set<number>();

  constructor(private metrics: LineMetrics) {}

  /** New column widths or visibility: every need is computed again on the next update. */
  setLayout(columns: readonly TextColumn[], metrics: LineMetrics = this.metrics): void {
    this.columns = columns.filter((c) => TEXT_OF[c.id]);
    this.metrics = metrics;
    // lines per character of each column, every character taken as wide as an ideograph
    const perChar = (c: TextColumn): EstimatedColumn => ({ text: TEXT_OF[c.id]!, linesPerChar: (c.charWidth ?? metrics.charWidth)(0x4e2d) / (c.textWidth * WIDTH_UNITS) });
    this.estimated = {
      own: this.columns.filter((c) => !SPANNED.has(c.id)).map(perChar),
      spanned: this.columns.filter((c) => SPANNED.has(c.id)).map(perChar),
    };
    this.needs = new WeakMap();
  }

  /** A row the last update did not see (the grid asks before the effect that updates runs) gets its own need. */
  heightOf(row: GridRow): number {
    return this.heights.get(row.rowId) ?? this.need(row).own;
  }

  /**
   * Heights for `rows` (in display order): exact for rows before `eager` and for rows measured before, estimated for
   * the rest until refined. Returns the ids whose height differs from before.
   */
  update(rows: readonly GridRow[], eager = EAGER_ROWS): string[] {
    const next = new Map<string, number>();
    this.rows = rows;
    this.pending = new Set();
    for (let start = 0; start < rows.length; ) {
      if (start < eager || this.measured(rows, start)) start = this.group(rows, start, next);
      else {
        this.pending.add(start);
        start = this.estimate(rows, start, next);
      }
    }
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
    this.rows = rows; // same positions: what is pending stays pending, read from the new rows
    return this.measure(starts);
  }

  /** The rows of the last update. */
  get laidOut(): readonly GridRow[] {
    return this.rows;
  }

  /** Whether some rows still carry estimated heights. */
  get estimating(): boolean {
    return this.pending.size > 0;
  }

  /** Measures pending problems, from the top, until `deadline` (a performance.now() time); returns the ids that changed. */
  refine(deadline: number): string[] {
    const changed: string[] = [];
    let batch: number[] = [];
    // the clock is read once per batch of problems: reading it costs more than measuring one
    for (const start of this.pending) {
      batch.push(start);
      if (batch.length < 32) continue;
      for (const id of this.measure(batch)) changed.push(id);
      batch = [];
      if (performance.now() >= deadline) return changed;
    }
    for (const id of this.measure(batch)) changed.push(id);
    return changed;
  }

  /** Measures the problems of the rows at `indexes` now if they carry estimates; returns the ids that changed. */
  refineAt(indexes: Iterable<number>): string[] {
    const starts = new Set<number>();
    for (const i of indexes) {
      const row = this.rows[i];
      if (!row) continue;
      let start = i;
      while (start > 0 && this.rows[start - 1]!.problemId === row.problemId) start--;
      if (this.pending.has(start)) starts.add(start);
    }
    return starts.size ? this.measure(starts) : [];
  }

  /** Exact heights for the problems starting at `starts` of the last rows; returns the ids whose height changed. */
  private measure(starts: Iterable<number>): string[] {
    const next = new Map<string, number>();
    for (const start of starts) {
      this.pending.delete(start);
      this.group(this.rows, start, next);
    }
    const changed: string[] = [];
    for (const [id, h] of next) {
      if (this.heights.get(id) === h) continue;
      this.heights.set(id, h);
      changed.push(id);
    }
    return changed;
  }

  /** Whether every row of the problem starting at `start` was measured before (its needs are known). */
  private measured(rows: readonly GridRow[], start: number): boolean {
    const first = this.needs.get(rows[start]!);
    if (first?.spanned === undefined) return false;
    const problemId = rows[start]!.problemId;
    for (let i = start + 1; i < rows.length && rows[i]!.problemId === problemId; i++) if (!this.needs.has(rows[i]!)) return false;
    return true;
  }

  /** Puts the heights of the problem starting at `start` into `into`; returns where the next problem starts. */
  private group(rows: readonly GridRow[], start: number, into: Map<string, number>): number {
    return this.place(rows, start, into, (r) => this.need(r).own, this.spannedNeed(rows[start]!));
  }

  /** Like `group`, with heights estimated from the texts' lengths (no line breaking, nothing remembered). */
  private estimate(rows: readonly GridRow[], start: number, into: Map<string, number>): number {
    const { lineHeight, paddingY, minHeight } = this.metrics;
    const height = (lines: number) => Math.ceil(lines * lineHeight + paddingY);
    const spanned = this.estimated.spanned.length ? height(estimatedLines(rows[start]!, this.estimated.spanned)) : 0;
    const own = this.estimated.own;
    return this.place(rows, start, into, (r) => Math.max(minHeight, height(estimatedLines(r, own))), spanned);
  }

  private place(rows: readonly GridRow[], start: number, into: Map<string, number>, own: (r: GridRow) => number, spanned: number): number {
    const problemId = rows[start]!.problemId;
    let end = start;
    let sum = 0;
    while (end < rows.length && rows[end]!.problemId === problemId) {
      const h = own(rows[end]!);
      into.set(rows[end]!.rowId, h);
      sum += h;
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
    return Math.ceil(lineCount(TEXT_OF[c.id]!(row), Math.floor(c.textWidth * WIDTH_UNITS), c.charWidth ?? charWidth) * lineHeight + paddingY);
  }
}
