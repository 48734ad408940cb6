import type { ChangeLogEntry } from './changeLog';
import type { ProgressEntry, Round, Snapshot } from './cycle/types';
import type { Department, Leader, Measure, Problem, RiskList } from './types';

/**
 * A patch is the only way data changes. Domain operations compute patches from state; storage applies one patch in one
 * transaction and returns its inverse, which is what undo is built on; the change log
 * (changeLog.ts) records it in the same transaction.
 *
 * Updates are field-level on purpose: two tabs editing different cells of the same measure must both survive.
 */
export interface TableRecords {
  lists: RiskList;
  problems: Problem;
  measures: Measure;
  departments: Department;
  leaders: Leader;
  rounds: Round; // 研判轮次 of a list
  snapshots: Snapshot; // a held round's list as it stood, one record each
  progress: ProgressEntry; // a measure's 进展情况 per round
  // the change log, under the table name it was created with (renaming a table takes a migration): written by storage
  // alongside every change; only a restore puts entries directly
  history: ChangeLogEntry;
}
export type TableName = keyof TableRecords;
/** The tables of the three lists themselves (the change log aside). */
export type ListTable = Exclude<TableName, 'history'>;
export const TABLES: readonly ListTable[] = ['lists', 'problems', 'measures', 'departments', 'leaders', 'rounds', 'snapshots', 'progress'];

/**
 * `create` adds a record the domain has just made (new id): storage need not read it first, and the transaction fails
 * if the id exists. `put` writes a whole record whether or not it exists (undo uses it to restore deleted records).
 */
export type Op =
  | { [T in TableName]: { type: 'create'; table: T; value: TableRecords[T] } }[TableName]
  | { [T in TableName]: { type: 'put'; table: T; value: TableRecords[T] } }[TableName]
  | { [T in TableName]: { type: 'update'; table: T; id: string; changes: Partial<TableRecords[T]> } }[TableName]
  | { type: 'delete'; table: TableName; id: string };

export interface Patch {
  label: string; // shown to the user in undo/redo tooltips and messages, in Chinese
  ops: Op[];
}

export const create = <T extends TableName>(table: T, value: TableRecords[T]): Op => ({ type: 'create', table, value }) as Op;
export const put = <T extends TableName>(table: T, value: TableRecords[T]): Op => ({ type: 'put', table, value }) as Op;
export const update = <T extends TableName>(table: T, id: string, changes: Partial<TableRecords[T]>): Op =>
  ({ type: 'update', table, id, changes }) as Op;
export const remove = (table: TableName, id: string): Op => ({ type: 'delete', table, id });


/** Undo must restore a multi-record change in the reverse order it was applied. */
export function concatPatches(label: string, patches: Patch[]): Patch {
  return { label, ops: patches.flatMap((p) => p.ops) };
}
