import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type {
  CellEditRequestEvent,
  CellEditingStoppedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IRowNode,
  RowDragEndEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { flushSync } from 'react-dom';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import './modules';
import './grid.css';
import { isFieldId } from '../domain/fields';
import type { CellValue } from '../domain/editing';
import { isFilterActive, rowPredicate, type RowFilter } from '../domain/filter';
import type { Scope } from '../domain/structure';
import type { Directory, RiskList } from '../domain/types';
import { CellSelection, IN_RANGE, type CellPos } from './cellSelection';
import { FindingMarks, MARK_CLASS } from './findingMarks';
import { buildColumnDefs, hiddenSpanningColumns, initiallyHiddenSpanningColumns, RETURNED_CLASS } from './columns';
import { createGridController, type GridController } from './gridController';
import { visibleFields } from './gridQueries';
import { appendTypedText, attachImeTyping, isImeSink, seedPending } from './imeTyping';
import { typeAheadFor } from './typeAhead';
import { loadColumnState, saveColumnState } from './columnPrefs';
import type { Commands } from './commands';
import { gridContextOf, type GridContext } from './gridContext';
import { peopleIndex, type GridRow } from './gridRow';
import { EarlyEdits, editEndingNow } from './earlyCommit';
import { inBackground } from './afterPaint';
import { changedRows, type GridRowsVersion } from './gridRows';
import { shortcutOf, type Shortcut } from './shortcuts';
import { attachColumnFill, type ColumnFill } from './columnFill';
import { scaleColumnWidths } from './zoomWidths';
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
  /** the grid's controller once it is ready (null when it goes) */
  onController: (grid: GridController | null) => void;
  /** displayed and total measures, after every filter or data change */
  onCounts: (shown: number, total: number) => void;
  onColumnsChanged: () => void;
  /** the list shown: its statuses and year colour the status cells and date the deadlines */
  list?: RiskList;
  /** the cell range that copy, paste, Delete and fill act on (shared with the commands) */
  selection: CellSelection;
  /** rows (row ids) and problems (problem ids) shown whatever the filter says: rows just added under a filter */
  alsoShow: ReadonlySet<string>;
  /** a right click on a cell (already focused and selected), at page coordinates */
  onCellMenu: (x: number, y: number) => void;
  /** the review's findings marked on their cells (the 检查 panel) */
  marks?: FindingMarks;
}

/** A closed (销号) measure's cells are shown apart: a cell rule, so an edit in place (refreshCells) updates it. */
const isClosed = (p: { data?: GridRow; colDef: { colId?: string } }) => !!p.data?.closed && p.colDef.colId !== 'problem' && p.colDef.colId !== 'serial';

/** Rows given to the grid first when a long list opens: more than a tall window shows. */
const FIRST_ROWS = 200;

const getRowId = (p: GetRowIdParams<GridRow>): string => p.data.rowId;
// the checkbox is the first column's own (handleRenderers.ts): AG Grid's made every row slow to render
const ROW_SELECTION = { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: false } as const;

// the focused cell taking IME input is an editing host, but not a text field (imeTyping.ts)
const isTextInput = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && !isImeSink(el) && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

const isEditableColumn = (colId: string): boolean => isFieldId(colId) && colId !== 'serial';

/** The cell an event happened in: a row's cell, or a problem cell spanning rows (the row under the pointer). */
function cellAt(target: EventTarget | null, clientY: number): CellPos | null {
  const el = (target as HTMLElement | null)?.closest?.<HTMLElement>('.ag-cell[col-id], .ag-spanned-cell[col-id]');
  const colId = el?.getAttribute('col-id');
  if (!el || !colId) return null;
  const row = el.closest('.ag-row[row-index]');
  if (row) return { rowIndex: Number(row.getAttribute('row-index')), colId };
  const first = Number(el.getAttribute('aria-rowindex')) - 2;
  const span = Number(el.getAttribute('aria-rowspan') ?? 1);
  const grid = el.closest('.ag-root-wrapper');
  for (let i = first; i < first + span; i++) {
    const r = grid?.querySelector(`.ag-row[row-index="${i}"]`)?.getBoundingClientRect();
    if (r && clientY >= r.top && clientY < r.bottom) return { rowIndex: i, colId };
  }
  return Number.isFinite(first) ? { rowIndex: first, colId } : null;
}

/** The filter's predicate, passing rows added under it (`also`: row ids and problem ids) whatever it says. */
function predicateFor(f: RowFilter, d: Directory, also: ReadonlySet<string>): (row: GridRow) => boolean {
  const base = rowPredicate(f, peopleIndex(d));
  return also.size === 0 ? base : (row) => also.has(row.rowId) || also.has(row.problemId) || base(row);
}

/** Focus leaves the grid for the next (or previous) control of the page, in one key. */
function leaveGrid(host: HTMLElement, backwards: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null && !host.contains(el),
  );
  const after = all.filter((el) => host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = all.filter((el) => host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  const target = backwards ? before[before.length - 1] : (after[0] ?? before[0]);
  target?.focus();
}

/**
 * The list as a spreadsheet. The grid only displays rows the app owns (readOnlyEdit): every edit, paste, insert or
 * move becomes a domain patch written to IndexedDB, and the grid re-renders from the live query. The grid never holds
 * the only copy of an edit.
 */
// memo: the list view re-renders for its toolbar's state (counts, the grid's api, visible columns); the grid itself
// only when its rows, filter or directory change (each render of AgGridReact compares all its options: 20-40 ms)
export const RiskGrid = memo(function RiskGrid({
  rows,
  loading,
  directory,
  filter,
  commands,
  onController,
  onCounts,
  onColumnsChanged,
  selection,
  onCellMenu,
  alsoShow,
  list,
  marks,
}: Props) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const dragScope = useRef<Scope>('measure');
  // every field cell carries the range's class rule: a range change refreshes the classes of the cells it touches
  // the spanning columns hidden now (类别, 风险等级 until a list uses them): they span nothing while hidden (buildColumnDefs)
  const [unspanned, setUnspanned] = useState(() => initiallyHiddenSpanningColumns(loadColumnState()));
  const columnDefs = useMemo(
    () =>
      buildColumnDefs(unspanned).map((def) =>
        def.colId && isFieldId(def.colId)
          ? {
              ...def,
              cellClassRules: {
                ...def.cellClassRules,
                [IN_RANGE]: selection.classRule,
                'cell-closed': isClosed,
                ...(marks ? { [MARK_CLASS.error]: marks.errorRule, [MARK_CLASS.warning]: marks.warningRule } : {}),
              },
            }
          : def,
      ),
    [selection, marks, unspanned],
  );
  const context = useMemo<GridContext>(() => gridContextOf(directory, list), [directory, list]);
  useEffect(() => apiRef.current?.refreshCells({ columns: ['status', 'deadline'], force: true }), [context]);
  const heights = useRowHeights(rows);
  // the text zoom (Ctrl+wheel or the status bar's control): a theme per zoom, then the text measured again for heights
  const zoom = useZoom();
  const theme = useMemo(() => gridThemeAt(zoom), [zoom]);
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  // the zoom the column widths are at (zoomWidths.ts): set once the grid has its columns, then at each zoom change
  const widthsZoom = useRef<number | null>(null);
  useEffect(() => {
    const api = apiRef.current;
    if (api && widthsZoom.current !== null && widthsZoom.current !== zoom) {
      const from = widthsZoom.current;
      widthsZoom.current = zoom; // first: the resize it makes is saved at the new zoom
      scaleColumnWidths(api, from, zoom);
      columnFill.current?.refill();
    }
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
      const changed = partial.current ? 'all' : changedRows(from, v);
      applied.current = v; // before the grid's update: its events (counts) read it
      if (changed !== 'all') {
        // New data on the same nodes, and their cells redrawn: no model refresh (sort, row positions) and no rebuild
        // of the span caches (setData triggers one, walking every row: 50 ms at 20,000 rows). Spans follow problem
        // ids, which an edit in place never changes; only an active filter must look again.
        const nodes: IRowNode<GridRow>[] = [];
        for (const row of changed) {
          const node = api.getRowNode(row.rowId);
          if (!node) continue;
          node.data = row;
          nodes.push(node);
        }
        // drawn before this frame is painted: from inside React's commit (this runs in its effects) the cells' own
        // updates would wait for a task after the frame, showing the edit a frame late
        queueMicrotask(() => {
          if (!api.isDestroyed()) flushSync(() => api.refreshCells({ rowNodes: nodes, force: true }));
        });
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
      heights.afterRows(v, changed);
    },
    [heights],
  );
  useEffect(() => {
    if (apiRef.current) pushRows(apiRef.current);
  }, [rows, pushRows]);

  const predicateRef = useRef(predicateFor(filter, directory, alsoShow));
  useEffect(() => {
    filterRef.current = filter;
    predicateRef.current = predicateFor(filter, directory, alsoShow);
    apiRef.current?.onFilterChanged();
  }, [filter, directory, alsoShow]);

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
    if (apiRef.current) setUnspanned(hiddenSpanningColumns(visibleFields(apiRef.current)));
  }, [heights]);

  // counted from the rows the grid holds; walking the nodes only when a filter hides some (an edit must stay cheap)
  const countRows = useCallback(() => {
    const api = apiRef.current;
    const total = applied.current?.measureCount ?? 0;
    if (!api) return;
    let shown = total;
    if (isFilterActive(filterRef.current)) {
      shown = 0;
      const rows: GridRow[] = [];
      api.forEachNodeAfterFilterAndSort((n) => {
        if (!n.data) return;
        rows.push(n.data);
        if (n.data.measureId) shown++;
      });
      heights.layoutShown(rows);
    } else heights.layoutShown(null);
    // 序号 is shown on each problem's first shown row, which a filter changes
    if (filterShown.current || isFilterActive(filterRef.current)) api.refreshCells({ columns: ['serial'], force: true });
    filterShown.current = isFilterActive(filterRef.current);
    onCounts(shown, total);
  }, [onCounts, heights]);
  const filterShown = useRef(false);

  const onGridReady = useCallback(
    (e: GridReadyEvent<GridRow>) => {
      apiRef.current = e.api;
      selection.attach(e.api);
      marks?.attach(e.api);
      const saved = loadColumnState();
      if (saved) e.api.applyColumnState({ state: saved, applyOrder: false });
      setUnspanned(hiddenSpanningColumns(visibleFields(e.api)));
      // remembered and default widths are at 100%: scaled to the zoom shown
      widthsZoom.current = zoomRef.current;
      scaleColumnWidths(e.api, 100, zoomRef.current);
      // heights first: the rows are then placed once, at their heights
      const host = containerRef.current;
      if (host) heights.attach(e.api, host.querySelector<HTMLElement>('.ag-root-wrapper') ?? host);
      if (host) columnFill.current = attachColumnFill(e.api, host, () => zoomRef.current);
      pushRows(e.api);
      onController(createGridController(e.api));
    },
    [onController, heights, pushRows, selection, marks],
  );
  const columnFill = useRef<ColumnFill | null>(null);
  useEffect(() => () => columnFill.current?.detach(), []);
  useEffect(() => () => onController(null), [onController]);

  // a new focused cell starts a new range, unless it is the range's own anchor (focus given back after an edit)
  const onCellFocused = useCallback(
    (e: { rowIndex: number | null; column: unknown }) => {
      const colId = (e.column as { getColId?: () => string } | null)?.getColId?.();
      if (e.rowIndex === null || !colId) return;
      const a = selection.anchorCell;
      if (!a || a.rowIndex !== e.rowIndex || a.colId !== colId) selection.collapse({ rowIndex: e.rowIndex, colId });
    },
    [selection],
  );
  // the rows given anew: the range follows its rows, or goes when they are gone (cellSelection.ts)
  const onRowDataUpdated = useCallback(() => selection.rowsReplaced(), [selection]);

  // the edit saved as the key that ended it went down: the grid's request for it, which follows, is passed over
  const earlyEdits = useMemo(() => new EarlyEdits(), []);
  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridRow>) => {
      const colId = e.column.getColId();
      if (!isFieldId(colId) || !e.data) return;
      if (earlyEdits.takeRequest(e.data, colId, e.newValue)) return;
      void commands.edit(e.data, colId, (e.newValue ?? '') as CellValue);
    },
    [commands, earlyEdits],
  );

  // (an edit the grid asks for no more, its text unchanged after all, is forgotten: it never passes over another)
  const onCellEditingStopped = useCallback(
    (e: CellEditingStoppedEvent<GridRow>) => earlyEdits.stopped(e.data, e.column.getColId(), e.newValue),
    [earlyEdits],
  );

  // Community has no clipboard module: copy and paste are the browser's own events on the grid, as TSV like Excel's.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const editing = () => !!apiRef.current?.getEditingCells().length;
    const onCopy = (e: ClipboardEvent) => {
      if (isTextInput(e.target) || editing()) return;
      const text = commands.copyText();
      if (text === null || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
    };
    const onCut = (e: ClipboardEvent) => {
      if (isTextInput(e.target) || editing() || !e.clipboardData) return;
      const text = commands.copyText();
      if (text === null) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      void commands.cut();
    };
    const onPaste = (e: ClipboardEvent) => {
      // with no cell focused (an empty list) the page takes the paste as a table to import (App.tsx)
      if (isTextInput(e.target) || editing() || !apiRef.current?.getFocusedCell()) return;
      e.preventDefault(); // never into the focused cell's own DOM (it takes IME input)
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      void commands.paste(text);
    };
    // which handle started a drag decides what moves: 序号's handle moves the problem, the row handle one measure
    let dragging = false;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as HTMLElement;
      const handle = target.closest?.('.ag-row-drag');
      if (handle) dragScope.current = handle.closest('[col-id]')?.getAttribute('col-id') === 'serial' ? 'problem' : 'measure';
      if (handle || e.button !== 0 || target.closest?.('.ag-popup, input, textarea')) return;
      const pos = cellAt(target, e.clientY);
      if (!pos || !isFieldId(pos.colId)) return;
      if (e.shiftKey) {
        // Shift+click extends the range; the focused cell stays where the range started
        e.preventDefault();
        e.stopPropagation();
        selection.extendTo(pos);
        return;
      }
      selection.collapse(pos); // a click starts a new range, even on the cell the last one started from
      dragging = true;
      el.classList.add('range-dragging');
    };
    const onPointerMove = (e: PointerEvent) => {
      if (!dragging) return;
      if (!(e.buttons & 1)) return onPointerUp();
      const pos = cellAt(document.elementFromPoint(e.clientX, e.clientY), e.clientY);
      if (!pos || !isFieldId(pos.colId)) return;
      const end = selection.endCell;
      if (!end || end.rowIndex !== pos.rowIndex || end.colId !== pos.colId) selection.extendTo(pos);
      dropTextSelection();
    };
    const onPointerUp = () => {
      if (dragging) dropTextSelection();
      dragging = false;
      el.classList.remove('range-dragging');
    };
    // the focused cell is an editing host (IME): a drag over cells would also select its text
    const dropTextSelection = () => {
      const text = getSelection();
      if (selection.bounds && text && !text.isCollapsed && text.anchorNode) text.collapse(text.anchorNode, text.anchorOffset);
    };
    // dragging over cells selects cells, not the text of the focused cell (an editing host for IME, imeTyping.ts)
    const onSelectStart = (e: Event) => {
      const target = e.target instanceof Element ? e.target : (e.target as Node | null)?.parentElement;
      if (target?.closest?.('.ag-cell, .ag-spanned-cell') && !target.closest('input, textarea, .ag-popup')) e.preventDefault();
    };
    const onContextMenu = (e: MouseEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest?.('.ag-popup, input, textarea')) return;
      const pos = cellAt(target, e.clientY);
      const api = apiRef.current;
      if (!pos || !api || !isFieldId(pos.colId)) return;
      e.preventDefault();
      const b = selection.bounds;
      const inside = b && pos.rowIndex >= b.top && pos.rowIndex <= b.bottom && b.fields.includes(pos.colId);
      if (!inside) api.setFocusedCell(pos.rowIndex, pos.colId);
      onCellMenu(e.clientX, e.clientY);
    };
    // Esc then Tab leaves the grid (Tab alone moves between cells)
    let leaveArmed = false;
    // Shortcuts are taken as the key goes down, before the grid and the browser act on it: the grid's cellKeyDown event
    // comes too late to stop the browser's own action (Alt+↓ scrolled the grid smoothly away from the moved rows).
    const onKeyDown = (e: KeyboardEvent) => {
      const api = apiRef.current;
      const target = e.target as HTMLElement;
      if (!api) return;
      // the key that ends an edit of text saves it now (earlyCommit.ts); the grid closes the editor as ever
      const ending = editing() ? editEndingNow(api, e) : null;
      if (ending) {
        earlyEdits.add(ending);
        void commands.edit(ending.row, ending.colId, ending.value);
      }
      // a row is being added: what is typed now is held for the new row's cell (typeAhead.ts), the old cell is untouched
      // a key typed before the editor opened for held or composed text has appeared joins that text (imeTyping.ts)
      if (seedPending() && !isTextInput(target) && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        e.stopPropagation();
        appendTypedText(e.key);
        return;
      }
      const ahead = typeAheadFor(api);
      const modifierOnly = ['Shift', 'Control', 'Alt', 'Meta', 'Process'].includes(e.key) || e.keyCode === 229;
      if (ahead.active && !editing() && !isTextInput(target) && !modifierOnly) {
        const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
        const sc = shortcutOf(e);
        // a second Ctrl+Enter adds another row; anything else (a character, Backspace, Enter, Delete, arrows) is not
        // for the old cell
        if (sc !== 'insert-problem-below' && sc !== 'insert-measure-below') {
          if (plain && e.key.length === 1) ahead.push(e.key);
          else if (plain && e.key === 'Backspace') ahead.backspace();
          e.preventDefault();
          e.stopPropagation();
          return;
        }
      }
      // Alt+Enter: a line break in the cell being edited (Excel's and WPS's key), as Shift+Enter
      if (e.altKey && e.key === 'Enter' && target instanceof HTMLTextAreaElement && editing()) {
        e.preventDefault();
        e.stopPropagation();
        target.setRangeText('\n', target.selectionStart, target.selectionEnd, 'end');
        target.dispatchEvent(new Event('input', { bubbles: true }));
        return;
      }
      if (isTextInput(target) || editing() || !target.closest?.('.ag-cell, .ag-spanned-cell')) return;
      const armed = leaveArmed;
      leaveArmed = e.key === 'Escape';
      if (e.key === 'Escape') selection.collapse(selection.anchorCell);
      if (armed && e.key === 'Tab') {
        e.preventDefault();
        e.stopPropagation();
        leaveGrid(el, e.shiftKey);
        return;
      }
      // the grid's own focused cell is a text host for IME (imeTyping.ts): undo and redo are still the app's
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && isImeSink(target) && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')) {
        e.preventDefault();
        e.stopPropagation();
        void (e.key.toLowerCase() === 'y' || e.shiftKey ? commands.redo() : commands.undo());
        return;
      }
      const shortcut = shortcutOf(e);
      if (!shortcut) return;
      e.preventDefault();
      e.stopPropagation();
      const fields = () => selection.fieldColumns();
      const focusCell = (rowIndex: number, colId: string | undefined) => {
        if (colId === undefined || rowIndex < 0) return;
        api.ensureIndexVisible(rowIndex);
        api.ensureColumnVisible(colId);
        api.setFocusedCell(rowIndex, colId);
      };
      const focused = api.getFocusedCell();
      const row = focused?.rowIndex ?? 0;
      const extend = (dRow: number, dCol: number) => {
        const end = selection.step(dRow, dCol);
        if (end) {
          api.ensureIndexVisible(end.rowIndex);
          api.ensureColumnVisible(end.colId);
        }
      };
      const run: Record<Shortcut, () => unknown> = {
        'insert-problem-below': () => commands.insert('below', 'problem'),
        'insert-measure-below': () => commands.insert('below', 'measure'),
        'move-up': () => commands.move(-1),
        'move-down': () => commands.move(1),
        'delete-rows': () => commands.deleteRows(),
        'clear-cells': () => commands.clearCells(),
        'fill-down': () => commands.fill('down'),
        'fill-right': () => commands.fill('right'),
        'select-all': () => selection.selectAll(),
        'first-cell': () => focusCell(0, fields()[0]),
        'last-cell': () => focusCell(api.getDisplayedRowCount() - 1, fields().at(-1)),
        'row-start': () => focusCell(row, fields()[0]),
        'row-end': () => focusCell(row, fields().at(-1)),
        'leave-grid': () => leaveGrid(el, true),
        'extend-up': () => extend(-1, 0),
        'extend-down': () => extend(1, 0),
        'extend-left': () => extend(0, -1),
        'extend-right': () => extend(0, 1),
      };
      void run[shortcut]();
    };
    const detachIme = attachImeTyping(el, () => apiRef.current, isEditableColumn);
    el.addEventListener('keydown', onKeyDown, true);
    el.addEventListener('pointerdown', onPointerDown, true);
    el.addEventListener('contextmenu', onContextMenu, true);
    el.addEventListener('selectstart', onSelectStart);
    document.addEventListener('pointermove', onPointerMove);
    document.addEventListener('pointerup', onPointerUp);
    el.addEventListener('copy', onCopy);
    el.addEventListener('cut', onCut);
    el.addEventListener('paste', onPaste);
    return () => {
      detachIme();
      el.removeEventListener('keydown', onKeyDown, true);
      el.removeEventListener('pointerdown', onPointerDown, true);
      el.removeEventListener('contextmenu', onContextMenu, true);
      el.removeEventListener('selectstart', onSelectStart);
      document.removeEventListener('pointermove', onPointerMove);
      document.removeEventListener('pointerup', onPointerUp);
      el.removeEventListener('copy', onCopy);
      el.removeEventListener('cut', onCut);
      el.removeEventListener('paste', onPaste);
    };
  }, [commands, selection, onCellMenu, earlyEdits]);

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
    saveColumnState(apiRef.current.getColumnState(), widthsZoom.current ?? zoomRef.current);
    onColumnsChanged();
  };

  return (
    <div className="risk-grid" data-testid="risk-grid" ref={containerRef} onMouseOver={(e) => showCellTitle(e.target, marks, apiRef.current)}>
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
        onCellEditingStopped={onCellEditingStopped}
        onRowDragEnd={onRowDragEnd}
        onCellFocused={onCellFocused}
        onRowDataUpdated={onRowDataUpdated}
        onModelUpdated={countRows}
        onColumnResized={onColumnResized}
        onColumnVisible={onColumnVisible}
        overlayNoRowsTemplate='<span class="grid-empty">此清单还没有问题。点击上方“新增问题”，或从 Excel 复制后按 Ctrl+V 粘贴。</span>'
      />
    </div>
  );
});

/**
 * A marked cell's hover text, set as the pointer reaches it (a title on every cell would cost a frame): the leader's
 * note on a returned measure (退回修改), and the review's finding on the cell.
 */
function showCellTitle(target: EventTarget, marks: FindingMarks | undefined, api: GridApi<GridRow> | null): void {
  const cell = target instanceof Element ? target.closest<HTMLElement>('.ag-cell') : null;
  if (!cell) return;
  const rowId = cell.closest('[row-id]')?.getAttribute('row-id');
  const colId = cell.getAttribute('col-id');
  if (!rowId || !colId) return;
  const returned = cell.classList.contains(RETURNED_CLASS) ? api?.getRowNode(rowId)?.data?.returned : undefined;
  const mark = marks?.get(rowId, colId);
  const title = [returned, mark?.message].filter((t) => !!t).join('\n');
  // (the grid reuses a cell's element for another row, or a mark is gone: a title left from before is taken away)
  if (title) {
    if (cell.title !== title) cell.title = title;
  } else if (cell.hasAttribute('title')) cell.removeAttribute('title');
}
