import type { GridApi, IRowNode, RowHeightParams, ViewportChangedEvent } from 'ag-grid-community';
import { useCallback, useMemo, useRef } from 'react';
import { isFieldId } from '../domain/fields';
import { measureCellMetrics, type CellMetrics } from './cellMetrics';
import type { GridRow } from './gridRow';
import type { GridRowsVersion } from './gridRows';
import { EAGER_ROWS, RowHeights, type TextColumn } from './rowHeights';
import { STATUS_DOT_PX } from './statusCells';
import { afterPaint } from './afterPaint';

// kept off each column's text width: rounding (of widths to 1/64 px, of the column's width) should never cost a line
const SAFETY_PX = 3;

function textColumns(api: GridApi<GridRow>, metrics: CellMetrics): TextColumn[] {
  const out: TextColumn[] = [];
  for (const col of api.getAllDisplayedColumns()) {
    const id = col.getColId();
    if (!isFieldId(id)) continue;
    // the status cell's coloured dot sits before its text
    const inset = id === 'status' ? STATUS_DOT_PX : 0;
    const cellClass = col.getColDef().cellClass;
    // a column styled apart (the problem's heavier text) is measured in its own font
    const charWidth = typeof cellClass === 'string' && cellClass !== 'cell-multiline' ? metrics.charWidthFor(cellClass) : undefined;
    out.push({ id, textWidth: Math.max(10, col.getActualWidth() - metrics.paddingX - SAFETY_PX - inset), charWidth });
  }
  return out;
}

/** A new node carries an estimate until set: the grid would resolve it while scrolling, re-placing every row. */
function setHeight(node: IRowNode<GridRow>, heights: RowHeights): boolean {
  if (!node.data) return false;
  const height = heights.heightOf(node.data);
  // rowHeightEstimated is on the grid's RowNode class, which the package does not export as a type
  const estimated = (node as IRowNode<GridRow> & { rowHeightEstimated?: boolean }).rowHeightEstimated;
  if (!estimated && node.rowHeight === height) return false;
  node.setRowHeight(height);
  return true;
}

const idle: (run: (deadline: number) => void) => void =
  typeof requestIdleCallback === 'function'
    ? (run) => requestIdleCallback((d) => run(performance.now() + Math.max(8, d.timeRemaining())), { timeout: 200 })
    : (run) => setTimeout(() => run(performance.now() + 25), 0);

/**
 * Row heights from the text of each row (see rowHeights.ts): `getRowHeight` for the grid, `attach` once the grid is
 * ready, `relayout` after columns change width or visibility, `beforeRows` before the grid takes rows whole (so that
 * it places them once, at their heights) and `afterRows` after it took new rows. Heights are set on the nodes themselves: the grid otherwise gives new rows an estimate
 * and computes the real height only as a row scrolls into view, placing all rows again each time (O(rows) per frame),
 * and it never asks again for a row whose data changed.
 *
 * A long list is shown with its first rows measured and the others estimated; the rest are measured in idle time, and
 * rows that scroll into view before that are measured as they come.
 */
export function useRowHeights(version: GridRowsVersion) {
  const heights = useRef<RowHeights | null>(null);
  const api = useRef<GridApi<GridRow> | null>(null);
  const metrics = useRef<CellMetrics | null>(null);
  const versionRef = useRef(version);
  versionRef.current = version;
  const refining = useRef(false);

  const getRowHeight = useCallback(
    (p: RowHeightParams<GridRow>): number | undefined => (p.data && heights.current ? heights.current.heightOf(p.data) : undefined),
    [],
  );

  const apply = useCallback((changed: readonly string[]) => {
    const a = api.current;
    const h = heights.current;
    if (!a || !h || changed.length === 0) return;
    let moved = false;
    for (const id of changed) {
      const node = a.getRowNode(id);
      if (node) moved = setHeight(node, h) || moved;
    }
    if (moved) a.onRowHeightChanged();
  }, []);

  /** Rows in view (displayed rows `first` to `last`, or those rendered) that still carry estimates are measured now. */
  const refineRendered = useCallback(
    (range?: { first: number; last: number }) => {
      const a = api.current;
      const h = heights.current;
      if (!a || !h?.estimating || a.isDestroyed()) return;
      const indexOf = versionRef.current.indexOf;
      const indexes: number[] = [];
      const add = (node: IRowNode<GridRow> | undefined) => {
        const i = node?.data ? indexOf.get(node.data.rowId) : undefined;
        if (i !== undefined) indexes.push(i);
      };
      if (range) for (let r = range.first; r <= range.last; r++) add(a.getDisplayedRowAtIndex(r));
      else for (const node of a.getRenderedNodes()) add(node);
      const changed = h.refineAt(indexes);
      apply(changed);
      // rows the grid was drawing as they were measured keep their first height on screen unless drawn again
      if (range && changed.length) {
        const nodes: IRowNode<GridRow>[] = [];
        for (const id of changed) {
          const node = a.getRowNode(id);
          if (node) nodes.push(node);
        }
        a.redrawRows({ rowNodes: nodes });
      }
    },
    [apply],
  );

  const refineLater = useCallback(() => {
    if (refining.current) return;
    refining.current = true;
    const slice = (deadline: number) => {
      const a = api.current;
      const h = heights.current;
      if (!a || !h || a.isDestroyed() || !h.estimating) {
        refining.current = false;
        return;
      }
      apply(h.refine(deadline));
      idle(slice);
    };
    idle(slice);
  }, [apply]);

  const settle = useCallback(
    (changed: readonly string[]) => {
      apply(changed);
      refineRendered();
      if (heights.current?.estimating) refineLater();
    },
    [apply, refineRendered, refineLater],
  );

  // not resetRowHeights(): that marks every row as estimated, which the grid then resolves row by row while scrolling
  const relayout = useCallback(() => {
    const a = api.current;
    const h = heights.current;
    if (!a || !h || !metrics.current) return;
    h.setLayout(textColumns(a, metrics.current), metrics.current);
    h.update(h.laidOut);
    // every node: after new widths, an unchanged height in the map may still differ from the node's
    let moved = false;
    a.forEachNode((node) => {
      moved = setHeight(node, h) || moved;
    });
    if (moved) a.onRowHeightChanged();
    settle([]);
  }, [settle]);

  const hostRef = useRef<HTMLElement | null>(null);
  /** The text's size changed (the grid's zoom): character widths and line heights are measured again, then every row. */
  const remeasure = useCallback(() => {
    const a = api.current;
    const host = hostRef.current;
    const h = heights.current;
    if (!a || !host || !h || a.isDestroyed()) return;
    metrics.current = measureCellMetrics(host, a.getSizesForCurrentTheme().rowHeight);
    relayout();
  }, [relayout]);

  const attach = useCallback(
    (a: GridApi<GridRow>, host: HTMLElement) => {
      api.current = a;
      hostRef.current = host;
      metrics.current = measureCellMetrics(host, a.getSizesForCurrentTheme().rowHeight);
      heights.current = new RowHeights(metrics.current);
      relayout();
      // The grid announces the rows it is about to render (before their nodes are drawn); they are measured right after
      // this turn of the grid, before the frame is painted: placing rows again from inside its redraw is not safe.
      a.addEventListener('viewportChanged', (e: ViewportChangedEvent<GridRow>) => {
        queueMicrotask(() => refineRendered({ first: e.firstRow, last: e.lastRow }));
      });
    },
    [relayout, refineRendered],
  );

  /** Before the grid takes `rows` whole: their heights, so that it places each row once. */
  const pendingChanged = useRef<string[]>([]);
  const beforeRows = useCallback((rows: readonly GridRow[]) => {
    const h = heights.current;
    if (!h || h.laidOut === rows) return;
    for (const id of h.update(rows)) pendingChanged.current.push(id);
  }, []);

  /**
   * With a filter on, the rows are laid out as shown (`shown`; null when the filter is off again): a problem whose
   * measures are partly shown spans the shown ones, and they take the height its text needs. Shown rows are measured
   * exactly (a filter shows few rows, and their positions are not the list's).
   */
  const shownRef = useRef<readonly GridRow[] | null>(null);
  const layoutShown = useCallback(
    (shown: readonly GridRow[] | null) => {
      const h = heights.current;
      if (!api.current || !h || (!shown && !shownRef.current)) return;
      shownRef.current = shown;
      apply(h.update(shown ?? versionRef.current.rows, shown ? Infinity : EAGER_ROWS));
      if (!shown) settle([]);
    },
    [apply, settle],
  );

  /**
   * After the grid took rows: whole ('all', laid out by `beforeRows`), or some replaced in place (changedRows), whose
   * problems are measured again.
   */
  const afterRows = useCallback(
    (version: GridRowsVersion, replaced: readonly GridRow[] | 'all') => {
      const h = heights.current;
      if (!api.current || !h) return;
      if (shownRef.current && replaced !== 'all') return; // laid out as shown, when the filter looked at the changed rows again
      if (replaced !== 'all') {
        const changed = h.updateProblems(version.rows, new Set(replaced.map((r) => version.problemStart.get(r.problemId)!)));
        // An edit's text is painted first, in its row's old height; the rows take their new heights in the task after
        // that frame. Placing the rows again makes the grid walk every row and rebuild its spans (30–40 ms at 20,000
        // rows), which the text the user typed should not wait for.
        afterPaint(() => {
          if (!api.current?.isDestroyed()) settle(changed);
        });
        return;
      }
      const changed = pendingChanged.current;
      pendingChanged.current = [];
      settle(changed);
    },
    [settle],
  );

  return useMemo(
    () => ({ getRowHeight, attach, relayout, remeasure, beforeRows, afterRows, layoutShown }),
    [getRowHeight, attach, relayout, remeasure, beforeRows, afterRows, layoutShown],
  );
}
