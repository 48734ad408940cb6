import type { GridApi } from 'ag-grid-community';
import { bulkSet, editCell, fillField, type BulkValues, type CellValue } from '../domain/editing';
import type { FieldId } from '../domain/fields';
import type { Patch } from '../domain/patch';
import { pasteBlock } from '../domain/paste';
import { addProblem, deleteRows, dropRows, insertMeasure, insertRow, moveRows, type Scope, type StructureChange } from '../domain/structure';
import { parseTsv, toTsv } from '../domain/tsv';
import type { Directory, ListContent } from '../domain/types';
import type { GridRow } from './gridRow';
import {
  cellText,
  displayedFieldColumns,
  displayedRows,
  fieldColumnsFrom,
  focusedField,
  focusedRow,
  focusedScope,
  targetRows,
} from './gridQueries';

export interface CommandEnv {
  api: () => GridApi<GridRow> | null;
  state: () => { content: ListContent; directory: Directory } | null;
  /** Applies a patch as one undoable step; false (after telling the user) when it failed. */
  run: (patch: Patch) => Promise<boolean>;
  /** Focuses a row once it has arrived from the database. */
  focusAfterUpdate: (rowId: string, colId?: string) => void;
  notify: (message: string) => void;
}

export type Commands = ReturnType<typeof createCommands>;

/**
 * Every action on the list's rows, shared by the toolbar, keyboard shortcuts, clipboard and drag and drop. Each reads
 * what the user points at from the grid, asks the domain for a patch, and runs it.
 */
export function createCommands(env: CommandEnv) {
  const withState = async (
    make: (api: GridApi<GridRow>, s: { content: ListContent; directory: Directory }) => StructureChange | null,
    colId?: string,
  ): Promise<void> => {
    const api = env.api();
    const s = env.state();
    if (!api || !s) return;
    const change = make(api, s);
    if (!change || change.patch.ops.length === 0) return;
    if ((await env.run(change.patch)) && change.focusRowId) env.focusAfterUpdate(change.focusRowId, colId);
  };

  return {
    addProblem: () => withState((api, s) => addProblem(s.content, focusedRow(api)?.problemId ?? null), 'problem'),

    addMeasure: () =>
      withState((api, s) => {
        const row = focusedRow(api);
        if (!row) {
          env.notify('请先选中一个问题所在的行，再添加措施。');
          return null;
        }
        return insertMeasure(s.content, row, 'end');
      }, 'measure'),

    insert: (where: 'above' | 'below', scope?: Scope) =>
      withState((api, s) => {
        const row = focusedRow(api);
        if (!row) return addProblem(s.content);
        const sc = scope ?? focusedScope(api);
        return insertRow(s.content, row, sc, where);
      }, scope === 'problem' ? 'problem' : undefined),

    deleteRows: (scope?: Scope) =>
      withState((api, s) => {
        const rows = targetRows(api);
        if (rows.length === 0) {
          env.notify('请先勾选要删除的行，或把光标放在要删除的行上。');
          return null;
        }
        const change = deleteRows(s.content, rows, scope ?? (api.getSelectedNodes().length ? 'measure' : focusedScope(api)));
        api.deselectAll();
        return change;
      }),

    move: (delta: -1 | 1) =>
      withState((api, s) => moveRows(s.content, targetRows(api), focusedScope(api), delta)),

    drop: (dragged: GridRow[], target: GridRow, scope: Scope, after: boolean) =>
      withState((_api, s) => dropRows(s.content, dragged, target, scope, after)),

    edit: async (row: GridRow, field: FieldId, value: CellValue) => {
      const s = env.state();
      if (s) await env.run(editCell(s.content, s.directory, row, field, value));
    },

    /** Delete on a cell clears it, on every ticked row when rows are ticked (the spreadsheet's clear-contents). */
    clearCells: async () => {
      const api = env.api();
      const s = env.state();
      const field = api && focusedField(api);
      if (!api || !s || !field) return;
      await env.run(fillField(s.content, s.directory, targetRows(api), field, field === 'departments' || field === 'leaders' ? [] : ''));
    },

    bulkSet: async (values: BulkValues) => {
      const api = env.api();
      const s = env.state();
      if (!api || !s) return;
      const rows = targetRows(api);
      if (rows.length === 0) return env.notify('请先勾选要批量设置的行。');
      await env.run(bulkSet(s.content, s.directory, rows, values));
    },

    /** Pastes clipboard text at the focused cell. Returns false when there is no cell to paste into. */
    paste: async (text: string): Promise<boolean> => {
      const api = env.api();
      const s = env.state();
      const cell = api?.getFocusedCell();
      if (!api || !s || !cell) return false;
      const matrix = parseTsv(text);
      if (matrix.length === 0) return true;
      const rows = displayedRows(api);
      const columns = fieldColumnsFrom(api, cell.column.getColId());
      const change = pasteBlock(s.content, s.directory, rows, cell.rowIndex, columns, matrix);
      await env.run(change.patch);
      return true;
    },

    /** The clipboard text for the ticked rows (all shown columns) or else the focused cell. */
    copyText: (): string | null => {
      const api = env.api();
      if (!api) return null;
      const selected = api.getSelectedNodes().filter((n) => n.displayed && n.data);
      if (selected.length > 0) {
        const cols = displayedFieldColumns(api);
        const rows = selected.sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0)).map((n) => n.data!);
        return toTsv(rows.map((r) => cols.map((c) => cellText(r, c))));
      }
      const row = focusedRow(api);
      const field = focusedField(api);
      return row && field ? toTsv([[cellText(row, field)]]) : null;
    },
  };
}
