import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FIELDS, type FieldId } from '../domain/fields';
import { EMPTY_FILTER, isFilterActive, statusesInUse, type RowFilter } from '../domain/filter';
import type { Directory, LiveListContent, RiskList } from '../domain/types';
import { createCommands } from '../grid/commands';
import type { GridRow } from '../grid/gridRow';
import { GridRowsBuilder } from '../grid/gridRows';
import { displayedRows, focusedRow, targetRows } from '../grid/gridQueries';
import { RowHistoryDialog } from './history/RowHistoryDialog';
import { ExportBar } from './export/ExportBar';
import { ConsolidateBar } from './consolidate/ConsolidateBar';
import { RiskGrid } from '../grid/RiskGrid';
import { BulkDialog } from './BulkDialog';
import { ColumnChooser } from './ColumnChooser';
import { FilterBar } from './FilterBar';
import { showMessage } from './messages';
import { runPatch } from './run';
import { Toolbar } from './Toolbar';

interface Props {
  list: RiskList;
  /** undefined while the list is read: the view and its grid are made meanwhile, and wait with their controls off */
  content: LiveListContent | undefined;
  directory: Directory;
}

/** One list: toolbar, filters and the grid. */
export function ListView({ list, content: loaded, directory }: Props) {
  const loading = loaded === undefined;
  const content = useMemo<LiveListContent>(() => loaded ?? { list, problems: [], measures: [] }, [loaded, list]);
  const [api, setApi] = useState<GridApi<GridRow> | null>(null);
  const [filter, setFilter] = useState<RowFilter>(EMPTY_FILTER);
  const [counts, setCounts] = useState({ shown: 0, total: 0 });
  const [bulkCount, setBulkCount] = useState(0);
  const [historyRow, setHistoryRow] = useState<GridRow | null>(null);
  const [visibleColumns, setVisibleColumns] = useState<Set<FieldId>>(new Set());

  const builder = useRef(new GridRowsBuilder());
  const version = useMemo(() => builder.current.build(content, directory), [content, directory]);
  const rows = version.rows;
  const statuses = useMemo(() => statusesInUse(rows), [rows]);

  const stateRef = useRef({ content, directory, loading });
  stateRef.current = { content, directory, loading };
  const apiRef = useRef(api);
  apiRef.current = api;
  const pendingFocus = useRef<{ rowId: string; colId?: string } | null>(null);

  const applyPendingFocus = useCallback(() => {
    const a = apiRef.current;
    const want = pendingFocus.current;
    if (!a || !want) return;
    const node = a.getRowNode(want.rowId);
    if (!node || node.rowIndex === null) return;
    pendingFocus.current = null;
    a.ensureNodeVisible(node);
    const colId = want.colId ?? a.getFocusedCell()?.column.getColId() ?? 'measure';
    a.setFocusedCell(node.rowIndex, colId);
  }, []);

  const commands = useMemo(
    () =>
      createCommands({
        api: () => apiRef.current,
        state: () => stateRef.current,
        // nothing is changed from the empty rows of a list still being read (a paste, a shortcut): it would not fit
        run: (patch) => (stateRef.current.loading ? Promise.resolve(false) : runPatch(patch)),
        focusAfterUpdate: (rowId, colId) => {
          pendingFocus.current = { rowId, colId };
          applyPendingFocus();
        },
        notify: (m) => showMessage(m),
      }),
    [applyPendingFocus],
  );

  const syncVisibleColumns = useCallback(() => {
    const a = apiRef.current;
    if (!a) return;
    setVisibleColumns(new Set(FIELDS.filter((f) => a.getColumn(f.id)?.isVisible()).map((f) => f.id)));
  }, []);

  useEffect(() => {
    if (!api) return;
    syncVisibleColumns();
    api.addEventListener('rowDataUpdated', applyPendingFocus);
    return () => {
      if (!api.isDestroyed()) api.removeEventListener('rowDataUpdated', applyPendingFocus);
    };
  }, [api, applyPendingFocus, syncVisibleColumns]);

  const onCounts = useCallback((shown: number, total: number) => setCounts({ shown, total }), []);

  return (
    <div className="list-view">
      {/* a fieldset turns every control in the bars off at once while the list is read */}
      <fieldset className="list-view__bars" disabled={loading}>
        <Toolbar
          commands={commands}
          onBulk={() => {
            const n = api ? targetRows(api).length : 0;
            if (n === 0) showMessage('请先勾选要批量设置的行（表格最左侧的勾选框）。');
            else setBulkCount(n);
          }}
          onRowHistory={() => {
            const row = api ? focusedRow(api) : null;
            if (row) setHistoryRow(row);
            else showMessage('请先点选要查看的行。');
          }}
        />
        <ExportBar
          content={content}
          directory={directory}
          rows={rows}
          shownRows={() => (api ? displayedRows(api) : rows)}
          filterActive={isFilterActive(filter)}
          shownCount={counts.shown}
          totalCount={counts.total}
        />
        <ConsolidateBar content={content} directory={directory} />
        <ColumnChooser
          visible={visibleColumns}
          onToggle={(id, visible) => api?.setColumnsVisible([id], visible)}
          onReset={() => {
            api?.resetColumnState();
            syncVisibleColumns();
          }}
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
      />
      <RiskGrid
        rows={version}
        loading={loading}
        directory={directory}
        filter={filter}
        commands={commands}
        onApi={setApi}
        onCounts={onCounts}
        onColumnsChanged={syncVisibleColumns}
      />
      {historyRow && <RowHistoryDialog row={historyRow} directory={directory} onClose={() => setHistoryRow(null)} />}
      {bulkCount > 0 && (
        <BulkDialog
          count={bulkCount}
          directory={directory}
          onApply={(values) => void commands.bulkSet(values)}
          onClose={() => setBulkCount(0)}
        />
      )}
    </div>
  );
}
