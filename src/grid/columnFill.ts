import type { ColumnResizedEvent, GridApi } from 'ag-grid-community';

/** The columns that take the window's spare width (or give it back), in proportion to their widths. */
const FILL = ['problem', 'measure'] as const;
type FillId = (typeof FILL)[number];
const MIN: Record<FillId, number> = { problem: 160, measure: 200 };

/**
 * Columns fill the grid's width, the way a clerk sets a sheet up for the screen: 问题清单 and 措施清单 take the spare
 * width in proportion to their widths (so the ratio the user chose is kept), the other columns keep theirs. Dragging
 * one of the two trades width with the other; dragging any other column gives or takes width from both. Below their
 * minimums the grid scrolls sideways instead (序号 and 问题清单 stay pinned).
 *
 * Problem is pinned (AG Grid's own flex sizes only unpinned columns), hence widths set here rather than colDef.flex.
 */
export interface ColumnFill {
  /** fills the width again, after widths were set by the app (the zoom) */
  refill: () => void;
  detach: () => void;
}

export function attachColumnFill(api: GridApi, host: HTMLElement, zoomPercent: () => number): ColumnFill {
  let frame = 0;
  const available = (): number => {
    const root = host.querySelector<HTMLElement>('.ag-root-wrapper') ?? host;
    const bar = root.querySelector<HTMLElement>('.ag-body-vertical-scroll:not(.ag-scrollbar-invisible)');
    return root.clientWidth - (bar?.offsetWidth ?? 0) - 2;
  };

  // the minimums are widths of text at 100%: a larger zoom needs them larger
  const minOf = (id: FillId): number => Math.round((MIN[id] * zoomPercent()) / 100);
  const fill = (kept?: FillId) => {
    if (api.isDestroyed()) return;
    const cols = api.getAllDisplayedColumns();
    const fillCols = cols.filter((c) => (FILL as readonly string[]).includes(c.getColId()));
    if (fillCols.length === 0) return;
    const fixed = cols.filter((c) => !fillCols.includes(c)).reduce((sum, c) => sum + c.getActualWidth(), 0);
    let space = available() - fixed;
    const widths = new Map(fillCols.map((c) => [c.getColId() as FillId, c.getActualWidth()]));
    const next = new Map<FillId, number>();
    if (kept && widths.has(kept) && fillCols.length > 1) {
      // the user's width for the column dragged stays; the other takes what is left
      const keptWidth = widths.get(kept)!;
      next.set(kept, keptWidth);
      space -= keptWidth;
      for (const id of widths.keys()) if (id !== kept) next.set(id, Math.max(minOf(id), space));
    } else {
      const total = [...widths.values()].reduce((a, b) => a + b, 0) || 1;
      for (const [id, w] of widths) next.set(id, Math.max(minOf(id), Math.floor((space * w) / total)));
    }
    const changes = [...next].filter(([id, w]) => Math.abs(w - widths.get(id)!) >= 1).map(([key, newWidth]) => ({ key, newWidth }));
    if (changes.length) api.setColumnWidths(changes, true, 'api');
  };
  const later = (kept?: FillId) => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => fill(kept));
  };

  const onResized = (e: ColumnResizedEvent) => {
    if (!e.finished || e.source !== 'uiColumnResized') return;
    const id = e.column?.getColId();
    later((FILL as readonly string[]).includes(id ?? '') ? (id as FillId) : undefined);
  };
  const onSize = () => later();
  api.addEventListener('gridSizeChanged', onSize);
  api.addEventListener('displayedColumnsChanged', onSize);
  api.addEventListener('columnResized', onResized);
  later();
  return {
    refill: () => later(),
    detach: () => {
      cancelAnimationFrame(frame);
      if (api.isDestroyed()) return;
      api.removeEventListener('gridSizeChanged', onSize);
      api.removeEventListener('displayedColumnsChanged', onSize);
      api.removeEventListener('columnResized', onResized);
    },
  };
}
