import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { measureOfRow } from '../domain/contentUpdate';
import { fieldSpec, type FieldId } from '../domain/fields';
import { EMPTY_FILTER, isFilterActive, rowPredicate, statusesInUse, type RowFilter } from '../domain/filter';
import type { FindMatch } from '../domain/findReplace';
import type { Directory, ListContent, RiskList } from '../domain/types';
import { CellSelection } from '../grid/cellSelection';
import { createCommands } from '../grid/commands';
import { peopleIndex, type GridRow } from '../grid/gridRow';
import { GridRowsBuilder } from '../grid/gridRows';
import type { GridController } from '../grid/gridController';
import { RowChangeLogDialog } from './changeLog/RowChangeLogDialog';
import { ExportBar } from './export/ExportBar';
import { ConsolidateBar } from './consolidate/ConsolidateBar';
import { RiskGrid } from '../grid/RiskGrid';
import { BulkDialog } from './BulkDialog';
import { CellContextMenu, type MenuItem } from './CellContextMenu';
import { FindReplaceDialog } from './FindReplaceDialog';
import { ColumnChooser } from './ColumnChooser';
import { onColumnsShown } from './columnsToShow';
import { FilterBar } from './FilterBar';
import { showMessage } from './messages';
import { redo, runPatch } from './run';
import { undoStack } from '../storage/store';
import { requestUndo } from './UndoButtons';
import { Toolbar } from './Toolbar';
import { ReviewPanel } from './review/ReviewPanel';
import { reopen } from '../domain/cycle/closure';
import { currentProgress } from '../domain/cycle/progress';
import type { ProgressEntry, Round } from '../domain/cycle/types';
import { useProgress, useRounds } from '../storage/hooks';
import { statusOptionsOf } from '../domain/status';
import { CloseRowDialog } from './cycle/CloseRowDialog';
import { useReviewPanel } from './review/useReviewPanel';
import { usePaintedValue } from './usePaintedValue';

interface Props {
  list: RiskList;
  /** undefined while the list is read: the view and its grid are made meanwhile, and wait with their controls off */
  content: ListContent | undefined;
  directory: Directory;
}

/** One list: toolbar, filters and the grid. */
export function ListView({ list, content: loaded, directory }: Props) {
  const loading = loaded === undefined;
  const content = useMemo<ListContent>(() => loaded ?? { list, problems: [], measures: [] }, [loaded, list]);
  const [grid, setGrid] = useState<GridController | null>(null);
  const [filter, setFilterState] = useState<RowFilter>(EMPTY_FILTER);
  // rows added under a filter stay shown until the filter changes (their ids, or a new problem's id)
  const [alsoShow, setAlsoShow] = useState<ReadonlySet<string>>(new Set());
  const setFilter = useCallback((f: RowFilter) => {
    setFilterState(f);
    setAlsoShow(new Set());
  }, []);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const [counts, setCounts] = useState({ shown: 0, total: 0 });
  const [bulkCount, setBulkCount] = useState(0);
  const [logRow, setLogRow] = useState<GridRow | null>(null);
  // 销号 asked for from the cell menu, or offered after 已销号 was chosen as the status (offered: true)
  const [closing, setClosing] = useState<{ row: GridRow; offered: boolean } | null>(null);
  const [visibleColumns, setVisibleColumns] = useState<Set<FieldId>>(new Set());

  const builder = useRef(new GridRowsBuilder());
  const rounds = useRounds(list.id);
  const progress = useProgress(list.id);
  // the round the 进展情况 column shows: the one in preparation, else the last held (cycle/progress.ts)
  const progressTextOf = useMemo(
    () => new Map([...currentProgress(progress ?? [], rounds ?? [])].map(([id, e]) => [id, e.text])),
    [progress, rounds],
  );
  const progressRef = useRef<{ rounds: Round[]; entries: ProgressEntry[] } | null>(null);
  progressRef.current = rounds && progress ? { rounds, entries: progress } : null;
  const version = useMemo(() => builder.current.build(content, directory, progressTextOf), [content, directory, progressTextOf]);
  const rows = version.rows;
  // what the bars count over all rows (statuses in use, the filter's counts) follows an edit once the grid has
  // painted it (usePaintedValue)
  const countedRows = usePaintedValue(rows);
  const statuses = useMemo(() => statusesInUse(countedRows), [countedRows]);

  const stateRef = useRef({ content, directory, loading });
  stateRef.current = { content, directory, loading };
  const gridRef = useRef(grid);
  gridRef.current = grid;
  const selection = useMemo(() => new CellSelection(), []);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const onCellMenu = useCallback((x: number, y: number) => setMenu({ x, y }), []);
  const pendingFocus = useRef<{ rowId: string; colId?: string } | null>(null);

  const applyPendingFocus = useCallback(() => {
    const want = pendingFocus.current;
    if (want && gridRef.current?.focusRow(want.rowId, want.colId)) pendingFocus.current = null;
  }, []);

  const commands = useMemo(
    () =>
      createCommands({
        api: () => gridRef.current?.api ?? null,
        state: () => stateRef.current,
        // nothing is changed from the empty rows of a list still being read (a paste, a shortcut): it would not fit
        run: (patch) => (stateRef.current.loading ? Promise.resolve(false) : runPatch(patch)),
        focusAfterUpdate: (rowId, colId) => {
          pendingFocus.current = { rowId, colId };
          applyPendingFocus();
        },
        notify: (m) => showMessage(m),
        progress: () => progressRef.current,
        offerClosure: (row) => setClosing({ row, offered: true }),
        selection,
        // the same undo as the button: one that would remove a whole list asks first
        undo: async () => requestUndo(undoStack),
        redo,
        reveal: (rowId) => {
          if (!isFilterActive(filterRef.current)) return;
          // a new problem's row id changes once it has a measure: the problem's id is kept instead
          const key = rowId.startsWith('p-') ? rowId.slice(2) : rowId;
          setAlsoShow((prev) => new Set(prev).add(key));
          showMessage('新增的行不符合当前筛选条件，已在筛选结果中一并显示；清除筛选可查看全部行。');
        },
      }),
    [applyPendingFocus, selection],
  );

  const syncVisibleColumns = useCallback(() => {
    const g = gridRef.current;
    if (g) setVisibleColumns(g.visibleFields());
  }, []);
  // A change of the columns shown, and the columns the view says are shown, at once: the grid's columnVisible event
  // reaches its listeners a task later, until which a box ticked or cleared in 显示列 sprang back.
  const changeColumns = useCallback(
    (change: (grid: GridController) => void) => {
      const g = gridRef.current;
      if (!g) return;
      change(g);
      syncVisibleColumns();
    },
    [syncVisibleColumns],
  );

  // columns an import into this list gave values, shown through the grid's own visibility (remembered like a choice
  // in 显示列, and hidden again the same way)
  useEffect(() => {
    if (!grid) return;
    return onColumnsShown(list.id, (fields) => {
      const hidden = fields.filter((f) => !grid.visibleFields().has(f));
      if (hidden.length === 0) return;
      changeColumns((g) => hidden.forEach((f) => g.setFieldVisible(f, true)));
      showMessage(`导入的内容中有${hidden.map((f) => `“${fieldSpec(f).label}”`).join('、')}，已显示${hidden.length > 1 ? '这些列' : '该列'}；不需要时可在“显示列”中隐藏。`);
    });
  }, [grid, list.id, changeColumns]);

  useEffect(() => {
    if (!grid) return;
    syncVisibleColumns();
    // rows arrive from the database, and a row added under a filter is displayed once the extended filter has run
    return grid.onRowsChanged(applyPendingFocus);
  }, [grid, applyPendingFocus, syncVisibleColumns]);

  // Ctrl+F: the list's search box; Ctrl+H: 查找和替换 (the browser's own find and history are not what a clerk means here)
  const [findOpen, setFindOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key !== 'f' && key !== 'h') return;
      if (document.querySelector('[role="dialog"]:not([data-testid="find-replace"])')) return; // another dialog is open
      e.preventDefault();
      if (key === 'f') {
        const box = document.querySelector<HTMLInputElement>('[data-testid="quick-search"]');
        box?.focus();
        box?.select();
      } else setFindOpen(true);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
  const shownRows = useMemo(
    () => (!findOpen ? [] : isFilterActive(filter) ? rows.filter(rowPredicate(filter, peopleIndex(directory))) : rows),
    [findOpen, rows, filter, directory],
  );
  // a found cell is focused in the grid while the dialog keeps the keyboard
  const showMatch = useCallback((m: FindMatch) => gridRef.current?.showCell(m.row.rowId, m.field), []);

  // 销号 of the focused row's measure (or, on the problem's cells, of the problem with its open measures), or reopening
  const closeItem = (): MenuItem => {
    const row = grid?.focusedRow() ?? null;
    const measure = row ? measureOfRow(content, row) : undefined;
    if (measure?.closed) return { label: '重新打开（撤销销号）', separatorBefore: true, run: () => void runPatch(reopen({ kind: 'measure', record: measure })) };
    return { label: '销号…', separatorBefore: true, run: () => row && setClosing({ row, offered: false }) };
  };

  const menuItems = (): MenuItem[] => {
    const clipboardWrite = (text: string | null) => {
      if (text === null) return;
      navigator.clipboard?.writeText(text).catch(() => showMessage('浏览器不允许写入剪贴板，请改用 Ctrl+C / Ctrl+X。', 'error'));
    };
    return [
      { label: '剪切', keys: 'Ctrl+X', run: () => void commands.cut().then(clipboardWrite) },
      { label: '复制', keys: 'Ctrl+C', run: () => clipboardWrite(commands.copyText()) },
      {
        label: '粘贴',
        keys: 'Ctrl+V',
        run: () => {
          const clipboard = navigator.clipboard as Clipboard | undefined;
          if (!clipboard?.readText) return showMessage('此浏览器不允许从菜单读取剪贴板，请按 Ctrl+V 粘贴。', 'error');
          clipboard.readText().then(
            (text) => void commands.paste(text),
            () => showMessage('浏览器不允许读取剪贴板（未授权），请按 Ctrl+V 粘贴。', 'error'),
          );
        },
      },
      { label: '上方插入措施', run: () => void commands.insert('above', 'measure'), separatorBefore: true },
      { label: '下方插入措施', keys: 'Ctrl+Enter', run: () => void commands.insert('below', 'measure') },
      { label: '新增问题', keys: 'Ctrl+Shift+Enter', run: () => void commands.insert('below', 'problem') },
      { label: '删除行', keys: 'Ctrl+Delete', run: () => void commands.deleteRows() },
      { label: '本行记录', run: () => setLogRow(grid?.focusedRow() ?? null), separatorBefore: true },
      { label: '清除内容', keys: 'Delete', run: () => void commands.clearCells() },
      closeItem(),
    ];
  };
  const closeMenu = useCallback(() => {
    setMenu(null);
    // the keyboard goes back to the cell the menu was opened on
    if (!document.querySelector('[role="dialog"]')) gridRef.current?.refocus();
  }, []);

  const onCounts = useCallback((shown: number, total: number) => setCounts({ shown, total }), []);
  const clearFilter = useCallback(() => setFilter(EMPTY_FILTER), [setFilter]);
  const review = useReviewPanel(content, directory, grid, clearFilter);

  return (
    <div className="list-view">
      {/* a fieldset turns every control in the bars off at once while the list is read */}
      <fieldset className="list-view__bars" disabled={loading}>
        <Toolbar
          commands={commands}
          onBulk={() => {
            const n = grid ? grid.targetRows().length : 0;
            if (n === 0) showMessage('请先勾选要批量设置的行（表格最左侧的勾选框）。');
            else setBulkCount(n);
          }}
          onRowHistory={() => {
            const row = grid?.focusedRow() ?? null;
            if (row) setLogRow(row);
            else showMessage('请先点选要查看的行。');
          }}
        />
        <ExportBar
          content={content}
          directory={directory}
          rows={rows}
          shownRows={() => (grid ? grid.displayedRows() : rows)}
          filterActive={isFilterActive(filter)}
          shownCount={counts.shown}
          totalCount={counts.total}
        />
        <ConsolidateBar content={content} directory={directory} />
        <button type="button" data-testid="review-toggle" aria-pressed={review.open} title="检查问题是否具体、措施是否可操作，以及责任、时限是否明确" onClick={review.toggle}>
          检查
        </button>
        <ColumnChooser
          visible={visibleColumns}
          onToggle={(id, visible) => changeColumns((g) => g.setFieldVisible(id, visible))}
          onReset={() => changeColumns((g) => g.resetColumns())}
        />
      </fieldset>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        directory={directory}
        statuses={statuses}
        shown={counts.shown}
        total={counts.total}
        loading={loading}
        rows={countedRows}
        list={list}
      />
      <div className="list-view__main">
      <RiskGrid
        rows={version}
        loading={loading}
        directory={directory}
        filter={filter}
        commands={commands}
        onController={setGrid}
        onCounts={onCounts}
        onColumnsChanged={syncVisibleColumns}
        list={list}
        selection={selection}
        onCellMenu={onCellMenu}
        alsoShow={alsoShow}
        marks={review.marks}
      />
      {review.open && !loading && (
        <ReviewPanel content={content} directory={directory} findings={review.findings} onLocate={review.locate} onClose={review.toggle} />
      )}
      </div>
      {menu && <CellContextMenu x={menu.x} y={menu.y} items={menuItems()} onClose={closeMenu} />}
      {findOpen && (
        <FindReplaceDialog rows={shownRows} content={content} directory={directory} onShow={showMatch} onClose={() => setFindOpen(false)} />
      )}
      {closing && <CloseRowDialog row={closing.row} offered={closing.offered} content={content} onClose={() => setClosing(null)} />}
      {logRow && <RowChangeLogDialog row={logRow} listId={list.id} directory={directory} onClose={() => setLogRow(null)} />}
      {bulkCount > 0 && (
        <BulkDialog
          count={bulkCount}
          directory={directory}
          statuses={statusOptionsOf(content.list)}
          onApply={(values) => void commands.bulkSet(values)}
          onClose={() => setBulkCount(0)}
        />
      )}
    </div>
  );
}
