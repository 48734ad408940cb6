import type { GridApi } from 'ag-grid-community';
import { measureOfRow } from '../domain/contentUpdate';
import { currentRound, progressBlocked, recordProgress, type ProgressTarget } from '../domain/cycle/progress';
import type { ProgressEntry, Round } from '../domain/cycle/types';
import { todayIso } from '../domain/deadline';
import { DomainError } from '../domain/errors';
import { bulkSet, editCell, fillField, type BulkValues, type CellValue } from '../domain/editing';
import { fieldSpec, isPeopleField, isProblemCell, type FieldId } from '../domain/fields';
import { CLOSED_STATUS } from '../domain/status';
import type { Patch } from '../domain/patch';
import { clearRange, fillDown, fillRight, fillValue, type CellsPatch } from '../domain/fill';
import { createdNamesText, pasteBlock } from '../domain/paste';
import { addProblem, deleteRows, dropRows, insertMeasure, insertRow, moveRows, type Scope, type StructureChange } from '../domain/structure';
import { parseTsv, toTsv } from '../domain/tsv';
import type { Directory, ListContent } from '../domain/types';
import type { CellSelection } from './cellSelection';
import { peopleIndex, type GridRow } from './gridRow';
import { typeAheadFor } from './typeAhead';
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
  /** the cell range (Shift+arrows, mouse drag) that copy, cut, paste, Delete and fill act on */
  selection: CellSelection;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** A row was added: under a filter it must still be seen (the list view extends the filter and says so). */
  reveal: (rowId: string) => void;
  /** the list's rounds and 进展情况 entries, which the 进展情况 cell writes to (null while they are read) */
  progress?: () => { rounds: readonly Round[]; entries: readonly ProgressEntry[] } | null;
  /** 已销号 was chosen in an open measure's status cell: the list view offers the real 销号 (status.ts countedStatus) */
  offerClosure?: (row: GridRow) => void;
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
    adds = false,
  ): Promise<void> => {
    const api = env.api();
    const s = env.state();
    if (!api || !s) return;
    const change = make(api, s);
    if (!change || change.patch.ops.length === 0) return;
    if (adds && change.focusRowId) env.reveal(change.focusRowId);
    // keys typed while the new row is written belong to it, not to the cell the user came from (typeAhead.ts)
    const ahead = adds && change.focusRowId ? typeAheadFor(api) : null;
    ahead?.begin();
    if ((await env.run(change.patch)) && change.focusRowId) env.focusAfterUpdate(change.focusRowId, colId);
    else ahead?.cancel();
  };

  // where a paste, fill or Delete in the 进展情况 column writes: the round in preparation, today
  const progressTarget = (): ProgressTarget | undefined => {
    const p = env.progress?.();
    return p ? { ...p, date: todayIso() } : undefined;
  };
  const commands = {
    undo: () => env.undo(),
    redo: () => env.redo(),

    addProblem: () => withState((api, s) => addProblem(s.content, focusedRow(api)?.problemId ?? null), 'problem', true),

    addMeasure: () =>
      withState((api, s) => {
        const row = focusedRow(api);
        if (!row) {
          env.notify('请先选中一个问题所在的行，再添加措施。');
          return null;
        }
        return insertMeasure(s.content, row, 'end');
      }, 'measure', true),

    insert: (where: 'above' | 'below', scope?: Scope) =>
      withState((api, s) => {
        const row = focusedRow(api);
        if (!row) return addProblem(s.content);
        const sc = scope ?? focusedScope(api);
        return insertRow(s.content, row, sc, where);
      }, scope === 'problem' ? 'problem' : undefined, true),

    deleteRows: (scope?: Scope) =>
      withState((api, s) => {
        // a range of cells deletes its rows; else the ticked rows, or the focused row
        const range = env.selection.bounds;
        const rows = range ? env.selection.rowsOf(range) : targetRows(api);
        if (rows.length === 0) {
          env.notify('请先勾选要删除的行，或把光标放在要删除的行上。');
          return null;
        }
        const change = deleteRows(s.content, rows, scope ?? (range || api.getSelectedNodes().length ? 'measure' : focusedScope(api)));
        api.deselectAll();
        return change;
      }),

    move: (delta: -1 | 1) =>
      withState((api, s) => moveRows(s.content, targetRows(api), focusedScope(api), delta)),

    drop: (dragged: GridRow[], target: GridRow, scope: Scope, after: boolean) =>
      withState((_api, s) => dropRows(s.content, dragged, target, scope, after)),

    edit: async (row: GridRow, field: FieldId, value: CellValue) => {
      if (field === 'progress') return commands.editProgress(row, typeof value === 'string' ? value : '');
      const s = env.state();
      if (!s || !(await env.run(editCell(s.content, s.directory, row, field, value)))) return;
      // the status text 已销号 and the closure record are one 销号: choosing the one offers the other
      if (field === 'status' && typeof value === 'string' && value.trim() === CLOSED_STATUS && row.measureId && !row.closed) env.offerClosure?.(row);
    },

    /** The 进展情况 cell writes the current round's entry (never a held round's); with no round to write for, it says why. */
    editProgress: async (row: GridRow, text: string) => {
      const s = env.state();
      const p = env.progress?.();
      const measure = s ? measureOfRow(s.content, row) : undefined;
      if (!p || !measure) return;
      const blocked = progressBlocked(p.rounds);
      if (blocked) return env.notify(blocked);
      try {
        const patch = recordProgress(currentRound(p.rounds)!, measure, { text, date: todayIso() }, p.entries);
        if (patch.ops.length) await env.run(patch);
      } catch (e) {
        if (e instanceof DomainError) env.notify(e.message);
        else throw e;
      }
    },

    /** A change of many cells, run; what it left unwritten (the round's 进展情况 without a round) is said. */
    runCells: async (patch: CellsPatch): Promise<boolean> => {
      const done = await env.run(patch);
      if (patch.note) env.notify(patch.note);
      return done;
    },

    /**
     * Delete clears the selected range's cells, or the focused cell on every ticked row when rows are ticked (the
     * spreadsheet's clear-contents), as one step.
     */
    clearCells: async () => {
      const api = env.api();
      const s = env.state();
      if (!api || !s) return;
      const range = env.selection.bounds;
      if (range) {
        await commands.runCells(clearRange(s.content, s.directory, env.selection.rowsOf(range), range.fields, progressTarget()));
        return;
      }
      const field = focusedField(api);
      if (!field) return;
      // (the 进展情况 cell is the round's entry, cleared as the other cells of a range are)
      if (field === 'progress') await commands.runCells(clearRange(s.content, s.directory, targetRows(api), [field], progressTarget()));
      else await env.run(fillField(s.content, s.directory, targetRows(api), field, isPeopleField(field) ? [] : ''));
    },

    /** Ctrl+D / Ctrl+R over the range, or into the focused cell from the cell above / to the left. */
    fill: async (direction: 'down' | 'right') => {
      const api = env.api();
      const s = env.state();
      const b = env.selection.boundsOrFocus();
      if (!api || !s || !b) return;
      const rows = env.selection.rowsOf(b);
      const people = peopleIndex(s.directory);
      if (direction === 'down') {
        const above = b.top > 0 ? (api.getDisplayedRowAtIndex(b.top - 1)?.data ?? null) : null;
        await commands.runCells(fillDown(s.content, s.directory, people, rows, b.fields, above, progressTarget()));
      } else {
        const cols = env.selection.fieldColumns();
        const left = cols[cols.indexOf(b.fields[0]!) - 1] ?? null;
        await commands.runCells(fillRight(s.content, s.directory, people, rows, b.fields, left, progressTarget()));
      }
    },

    /** Ctrl+X: what Ctrl+C copies (range, ticked rows or cell) as the clipboard text, then cleared in one step. */
    cut: async (): Promise<string | null> => {
      const text = commands.copyText();
      const api = env.api();
      const s = env.state();
      if (text === null || !api || !s) return text;
      const range = env.selection.bounds;
      const ticked = api.getSelectedNodes().some((n) => n.displayed && n.data);
      if (range) await commands.runCells(clearRange(s.content, s.directory, env.selection.rowsOf(range), range.fields, progressTarget()));
      // ticked rows: their measures' cells (a problem may go on over rows that are not ticked)
      else if (ticked) {
        const fields = displayedFieldColumns(api).filter((f) => fieldSpec(f).scope === 'measure');
        await commands.runCells(clearRange(s.content, s.directory, targetRows(api), fields, progressTarget()));
      }
      else {
        const row = focusedRow(api);
        const field = focusedField(api);
        if (row && field) await commands.runCells(clearRange(s.content, s.directory, [row], [field], progressTarget()));
      }
      return text;
    },

    bulkSet: async (values: BulkValues) => {
      const api = env.api();
      const s = env.state();
      if (!api || !s) return;
      const rows = targetRows(api);
      if (rows.length === 0) return env.notify('请先勾选要批量设置的行。');
      await env.run(bulkSet(s.content, s.directory, rows, values));
    },

    /**
     * Pastes clipboard text: one value over a selected range fills it; a block lands at the range's top-left cell (or
     * the focused cell). Returns false when there is no cell to paste into.
     */
    paste: async (text: string): Promise<boolean> => {
      const api = env.api();
      const s = env.state();
      const cell = api?.getFocusedCell();
      if (!api || !s || !cell) return false;
      const matrix = parseTsv(text);
      if (matrix.length === 0) return true;
      const range = env.selection.bounds;
      if (range && matrix.length === 1 && matrix[0]!.length === 1) {
        const patch = fillValue(s.content, s.directory, env.selection.rowsOf(range), range.fields, matrix[0]![0]!, progressTarget());
        const created = createdNamesText(patch);
        if ((await commands.runCells(patch)) && created) env.notify(`已粘贴到所选区域：${created}。可撤销（Ctrl+Z）。`);
        return true;
      }
      const rows = displayedRows(api);
      const start = range ? range.top : cell.rowIndex;
      const columns = fieldColumnsFrom(api, range ? range.fields[0]! : cell.column.getColId());
      const change = pasteBlock(s.content, s.directory, rows, start, columns, matrix, progressTarget());
      if (await env.run(change.patch)) {
        if (change.summary) env.notify(change.summary);
      }
      return true;
    },

    /**
     * The clipboard text for the selected range, else the ticked rows (all shown columns), else the focused cell. A
     * problem cell merged over several rows is copied once, in its first row, as Excel copies a merged cell.
     */
    copyText: (): string | null => {
      const api = env.api();
      if (!api) return null;
      const range = env.selection.bounds;
      if (range) return toTsv(blockText(env.selection.rowsOf(range), range.fields));
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
  return commands;
}

function blockText(rows: readonly GridRow[], fields: readonly FieldId[]): string[][] {
  return rows.map((r, i) =>
    fields.map((f) => {
      const continued = i > 0 && rows[i - 1]!.problemId === r.problemId;
      if (continued && isProblemCell(f)) return '';
      return cellText(r, f);
    }),
  );
}
