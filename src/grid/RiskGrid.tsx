import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type {
  CellEditRequestEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IRowNode,
  RowDragEndEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import './modules';
import { isFieldId } from '../domain/fields';
import type { CellValue } from '../domain/editing';
import { isFilterActive, rowPredicate, type RowFilter } from '../domain/filter';
import type { Scope } from '../domain/structure';
import type { Directory, RiskList } from '../domain/types';
import { buildColumnDefs } from './columns';
import { loadColumnState, saveColumnState } from './columnPrefs';
import type { Commands } from './commands';
import { gridContextOf, type GridContext } from './gridContext';
import { peopleIndex, type GridRow } from './gridRow';
import type { GridRowsVersion } from './gridRows';
import { shortcutOf, type Shortcut } from './shortcuts';
import { attachColumnFill } from './columnFill';
import { gridThemeAt } from './theme';
import { useZoom, zoomOnCtrlWheel } from './zoom';
import { useRowHeights } from './useRowHeights';

interface Props {
  rows: GridRowsVersion;
  /** the list is still read (rows is empty): the loading overlay shows, not the empty list's hint */
  loading: boolean;
  directory: Directory;
  filter: RowFilter;
  commands: Commands;
  onApi: (api: GridApi<GridRow> | null) => void;
  /** displayed and total measures, after every filter or data change */
  onCounts: (shown: number, total: number) => void;
  onColumnsChanged: () => void;
  /** the list shown: its statuses and year colour the status cells and date the deadlines */
  list?: RiskList;
}

/** Rows given to the grid first when a long list opens: more than a tall window shows. */
const FIRST_ROWS = 200;

/** A task at background priority where the browser has a scheduler (Chromium), else a plain one. */
function inBackground(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (t: () => void, o: { priority: string }) => Promise<unknown> } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(task, { priority: 'background' });
  else setTimeout(task, 0);
}

const getRowId = (p: GetRowIdParams<GridRow>): string => p.data.rowId;
// the checkbox is the first column's own (handleRenderers.ts): AG Grid's made every row slow to render
const ROW_SELECTION = { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: false } as const;

const isTextInput = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * The list as a spreadsheet. The grid only displays rows the app owns (readOnlyEdit): every edit, paste, insert or
 * move becomes a domain patch written to IndexedDB, and the grid re-renders from the live query. The grid never holds
 * the only copy of an edit.
 */
// memo: the list view re-renders for its toolbar's state (counts, the grid's api, visible columns); the grid itself
// only when its rows, filter or directory change (each render of AgGridReact compares all its options: 20-40 ms)
export const RiskGrid = memo(function RiskGrid({ rows, loading, directory, filter, commands, onApi, onCounts, onColumnsChanged, list }: Props) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const dragScope = useRef<Scope>('measure');
  const columnDefs = useMemo(buildColumnDefs, []);
  const context = useMemo<GridContext>(() => gridContextOf(directory, list), [directory, list]);
  useEffect(() => apiRef.current?.refreshCells({ columns: ['status', 'deadline'], force: true }), [context]);
  const heights = useRowHeights(rows);
  // the text zoom (Ctrl+wheel or the status bar's control): a theme per zoom, then the text measured again for heights
  const zoom = useZoom();
  const theme = useMemo(() => gridThemeAt(zoom), [zoom]);
  useEffect(() => {
    const frame = requestAnimationFrame(() => heights.remeasure());
    return () => cancelAnimationFrame(frame);
  }, [zoom, heights]);
  useEffect(() => (containerRef.current ? zoomOnCtrlWheel(containerRef.current) : undefined), []);

  // Rows are handed to the grid here rather than as a prop: an edit in place becomes a transaction of the rows it
  // changed, where a new rowData array would make the grid compare all of them (tens of milliseconds at 20,000 rows).
  const filterRef = useRef(filter);
  const applied = useRef<GridRowsVersion | null>(null);
  const versionRef = useRef(rows);
  versionRef.current = rows;
  // A long list is handed over in two steps: its first rows, painted at once, then (after that frame) all of them.
  // Creating 20,000 row nodes and their spans takes the grid 100-150 ms, which the first screen need not wait for.
  const firstPush = useRef(true);
  const partial = useRef(false);
  const pushRows = useCallback(
    (api: GridApi<GridRow>) => {
      const v = versionRef.current;
      const from = applied.current;
      if (v === from) return;
      const inPlace = !partial.current && !!from && !!v.updated && v.base === from;
      applied.current = v; // before the grid's update: its events (counts) read it
      if (inPlace) {
        // New data on the same nodes, and their cells redrawn: no model refresh (sort, row positions) and no rebuild
        // of the span caches (setData triggers one, walking every row: 50 ms at 20,000 rows). Spans follow problem
        // ids, which an edit in place never changes; only an active filter must look again.
        const nodes: IRowNode<GridRow>[] = [];
        for (const row of v.updated!) {
          const node = api.getRowNode(row.rowId);
          if (!node) continue;
          node.data = row;
          nodes.push(node);
        }
        api.refreshCells({ rowNodes: nodes, force: true });
        if (isFilterActive(filterRef.current)) api.onFilterChanged();
      } else if (firstPush.current && v.rows.length > 4 * FIRST_ROWS && !isFilterActive(filterRef.current)) {
        partial.current = true;
        const first = v.rows.slice(0, FIRST_ROWS);
        heights.beforeRows(first);
        api.setGridOption('rowData', first as GridRow[]);
        // the rest once the first rows are on screen: their React render, then a frame, then a background task after
        // its paint (below anything the page has queued to show, or a key pressed meanwhile)
        const giveAll = () => {
          if (!partial.current || api.isDestroyed()) return; // given whole already, or a newer version was
          applied.current = null;
          pushRows(api);
        };
        api.addEventListener('firstDataRendered', () => requestAnimationFrame(() => inBackground(giveAll)));
        setTimeout(giveAll, 1000); // whatever happens to that event or a busy page: the list is never left cut short
      } else {
        partial.current = false;
        heights.beforeRows(v.rows);
        api.setGridOption('rowData', v.rows as GridRow[]);
        // the whole list given (npm run bench), not the empty one of a list being read
        if (v.rows.length > 0 && (from === null || from.rows.length === 0)) performance.mark('sanqingdan:grid-complete');
      }
      if (v.rows.length > 0) firstPush.current = false; // the empty rows of a list being read are not its first push
      heights.afterRows(v, inPlace);
    },
    [heights],
  );
  useEffect(() => {
    if (apiRef.current) pushRows(apiRef.current);
  }, [rows, pushRows]);

  const predicateRef = useRef(rowPredicate(filter, peopleIndex(directory)));
  useEffect(() => {
    filterRef.current = filter;
    predicateRef.current = rowPredicate(filter, peopleIndex(directory));
    apiRef.current?.onFilterChanged();
  }, [filter, directory]);

  const isExternalFilterPresent = useCallback(() => isFilterActive(filterRef.current), []);
  const doesExternalFilterPass = useCallback((node: IRowNode<GridRow>) => !!node.data && predicateRef.current(node.data), []);
  const onColumnResized = useCallback(
    (e: { finished: boolean }) => {
      if (!e.finished) return;
      heights.relayout();
      saveColumnsRef.current();
    },
    [heights],
  );
  const onColumnVisible = useCallback(() => {
    heights.relayout();
    saveColumnsRef.current();
  }, [heights]);

  // counted from the rows the grid holds; walking the nodes only when a filter hides some (an edit must stay cheap)
  const countRows = useCallback(() => {
    const api = apiRef.current;
    const total = applied.current?.measureCount ?? 0;
    if (!api) return;
    let shown = total;
    if (isFilterActive(filterRef.current)) {
      shown = 0;
      api.forEachNodeAfterFilter((n) => {
        if (n.data?.measureId) shown++;
      });
    }
    onCounts(shown, total);
  }, [onCounts]);

  const onGridReady = useCallback(
    (e: GridReadyEvent<GridRow>) => {
      apiRef.current = e.api;
      const saved = loadColumnState();
      if (saved) e.api.applyColumnState({ state: saved, applyOrder: false });
      // heights first: the rows are then placed once, at their heights
      const host = containerRef.current;
      if (host) heights.attach(e.api, host.querySelector<HTMLElement>('.ag-root-wrapper') ?? host);
      if (host) detachFill.current = attachColumnFill(e.api, host);
      pushRows(e.api);
      onApi(e.api);
    },
    [onApi, heights, pushRows],
  );
  const detachFill = useRef<(() => void) | null>(null);
  useEffect(() => () => detachFill.current?.(), []);
  useEffect(() => () => onApi(null), [onApi]);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridRow>) => {
      const colId = e.column.getColId();
      if (!isFieldId(colId) || !e.data) return;
      void commands.edit(e.data, colId, (e.newValue ?? '') as CellValue);
    },
    [commands],
  );

  // Community has no clipboard module: copy and paste are the browser's own events on the grid, as TSV like Excel's.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onCopy = (e: ClipboardEvent) => {
      if (isTextInput(e.target) || apiRef.current?.getEditingCells().length) return;
      const text = commands.copyText();
      if (text === null || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTextInput(e.target) || apiRef.current?.getEditingCells().length) return;
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      void commands.paste(text);
    };
    // which handle started a drag decides what moves: 序号's handle moves the problem, the row handle one measure
    const onPointerDown = (e: PointerEvent) => {
      const handle = (e.target as HTMLElement).closest?.('.ag-row-drag');
      if (handle) dragScope.current = handle.closest('[col-id]')?.getAttribute('col-id') === 'serial' ? 'problem' : 'measure';
    };
    // Shortcuts are taken as the key goes down, before the grid and the browser act on it: the grid's cellKeyDown event
    // comes too late to stop the browser's own action (Alt+↓ scrolled the grid smoothly away from the moved rows).
    const onKeyDown = (e: KeyboardEvent) => {
      const shortcut = shortcutOf(e);
      if (!shortcut || isTextInput(e.target) || apiRef.current?.getEditingCells().length) return;
      if (!(e.target as HTMLElement).closest?.('.ag-cell, .ag-spanned-cell')) return;
      e.preventDefault();
      e.stopPropagation();
      const run: Record<Shortcut, () => Promise<unknown>> = {
        'insert-problem-below': () => commands.insert('below', 'problem'),
        'insert-measure-below': () => commands.insert('below', 'measure'),
        'move-up': () => commands.move(-1),
        'move-down': () => commands.move(1),
        'delete-rows': () => commands.deleteRows(),
        'clear-cells': () => commands.clearCells(),
      };
      void run[shortcut]();
    };
    el.addEventListener('keydown', onKeyDown, true);
    el.addEventListener('pointerdown', onPointerDown, true);
    el.addEventListener('copy', onCopy);
    el.addEventListener('paste', onPaste);
    return () => {
      el.removeEventListener('keydown', onKeyDown, true);
      el.removeEventListener('pointerdown', onPointerDown, true);
      el.removeEventListener('copy', onCopy);
      el.removeEventListener('paste', onPaste);
    };
  }, [commands]);

  const onRowDragEnd = useCallback(
    (e: RowDragEndEvent<GridRow>) => {
      const target = e.overNode?.data;
      const dragged = (e.nodes.length ? e.nodes : [e.node]).map((n: IRowNode<GridRow>) => n.data).filter(Boolean) as GridRow[];
      if (!target || dragged.length === 0) return;
      const after = (e.node.rowIndex ?? 0) < (e.overNode?.rowIndex ?? 0);
      void commands.drop(dragged, target, dragScope.current, after);
    },
    [commands],
  );

  const saveColumnsRef = useRef(() => {});
  saveColumnsRef.current = () => {
    if (!apiRef.current) return;
    saveColumnState(apiRef.current.getColumnState());
    onColumnsChanged();
  };

  return (
    <div className="risk-grid" data-testid="risk-grid" ref={containerRef}>
      <AgGridReact<GridRow>
        theme={theme}
        loading={loading}
        localeText={AG_GRID_LOCALE_CN}
        columnDefs={columnDefs}
        context={context}
        getRowId={getRowId}
        getRowHeight={heights.getRowHeight}
        rowBuffer={4}
        // no hover highlight (a spreadsheet has none): scrolling under a still mouse re-styled a row every frame
        suppressRowHoverHighlight
        readOnlyEdit
        enableCellSpan
        suppressMoveWhenRowDragging
        rowSelection={ROW_SELECTION}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        undoRedoCellEditing={false}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        onGridReady={onGridReady}
        onCellEditRequest={onCellEditRequest}
        onRowDragEnd={onRowDragEnd}
        onModelUpdated={countRows}
        onColumnResized={onColumnResized}
        onColumnVisible={onColumnVisible}
        overlayNoRowsTemplate='<span class="grid-empty">此清单还没有问题。点击上方“新增问题”，或从 Excel 复制后按 Ctrl+V 粘贴。</span>'
      />
    </div>
  );
});
