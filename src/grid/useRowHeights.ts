import type { GridApi, IRowNode, RowHeightParams } from 'ag-grid-community';
import { useCallback, useMemo, useRef } from 'react';
import { isFieldId } from '../domain/fields';
import { measureCellMetrics, type CellMetrics } from './cellMetrics';
import type { GridRow } from './gridRow';
import type { GridRowsVersion } from './gridRows';
import { RowHeights, type TextColumn } from './rowHeights';

// kept off each column's text width: the problem column's heavier weight and rounding should never cost a line
const SAFETY_PX = 3;

function textColumns(api: GridApi<GridRow>, metrics: CellMetrics): TextColumn[] {
  const out: TextColumn[] = [];
  for (const col of api.getAllDisplayedColumns()) {
    const id = col.getColId();
    if (isFieldId(id)) out.push({ id, textWidth: Math.max(10, col.getActualWidth() - metrics.paddingX - SAFETY_PX) });
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
 * ready (before it gets rows, so that they are placed once), `relayout` after columns change width or visibility,
 * `afterRows` after new rows. Heights are set on the nodes themselves: the grid otherwise gives new rows an estimate
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

  /** Rows in view that still carry estimates are measured now. */
  const refineRendered = useCallback(() => {
    const a = api.current;
    const h = heights.current;
    if (!a || !h?.estimating || a.isDestroyed()) return;
    const indexOf = versionRef.current.indexOf;
    const indexes: number[] = [];
    for (const node of a.getRenderedNodes()) {
      const i = node.data ? indexOf.get(node.data.rowId) : undefined;
      if (i !== undefined) indexes.push(i);
    }
    apply(h.refineAt(indexes));
  }, [apply]);

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
    h.setLayout(textColumns(a, metrics.current));
    h.update(versionRef.current.rows);
    // every node: after new widths, an unchanged height in the map may still differ from the node's
    let moved = false;
    a.forEachNode((node) => {
      moved = setHeight(node, h) || moved;
    });
    if (moved) a.onRowHeightChanged();
    settle([]);
  }, [settle]);

  const attach = useCallback(
    (a: GridApi<GridRow>, host: HTMLElement) => {
      api.current = a;
      metrics.current = measureCellMetrics(host, a.getSizesForCurrentTheme().rowHeight);
      heights.current = new RowHeights(metrics.current);
      relayout();
      a.addEventListener('viewportChanged', refineRendered);
    },
    [relayout, refineRendered],
  );

  /** After the grid took `version`'s rows: heights for the rows it changed, set on their nodes. */
  const afterRows = useCallback(
    (version: GridRowsVersion, inPlace: boolean) => {
      const h = heights.current;
      if (!api.current || !h) return;
      let changed: string[];
      if (inPlace && version.updated) {
        changed = h.updateProblems(version.rows, new Set(version.updated.map((r) => version.problemStart.get(r.problemId)!)));
      } else if (h.laidOut === version.rows) {
        changed = []; // laid out when the grid was attached, before it placed these rows
      } else changed = h.update(version.rows);
      settle(changed);
    },
    [settle],
  );

  return useMemo(() => ({ getRowHeight, attach, relayout, afterRows }), [getRowHeight, attach, relayout, afterRows]);
}
