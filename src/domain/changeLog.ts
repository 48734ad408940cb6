import { FIELDS } from './fields';
import type { TableName } from './patch';

/**
 * The change log: one entry per applied change (an edit, a paste, an import, an undo), written in the same transaction
 * as the change itself, so the log and the data never disagree.
 */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface RecordChange {
  table: Exclude<TableName, 'history'>;
  id: string;
  kind: 'create' | 'update' | 'delete';
  text: string; // what the record is called (a measure's text, a department's name), for people reading the log
  fields?: FieldChange[]; // for updates
}

export interface ChangeLogEntry {
  id: string;
  at: number; // ms since epoch
  label: string;
  listIds: string[];
  recordIds: string[]; // every record touched: what a row's change log is looked up by
  changes: RecordChange[];
  omitted: number; // changes not stored one by one (a large import keeps its first MAX_CHANGES)
}

export const MAX_CHANGES = 2000;

/** When a record was written (a progress entry's `at`, a list's `updatedAt`): stored, undone, never shown as a change. */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['at', 'createdAt', 'updatedAt']);

/** The changed fields a person reads in the log. */
export const loggedFields = (changes: Record<string, unknown>): string[] => Object.keys(changes).filter((f) => !BOOKKEEPING_FIELDS.has(f));

const TEXT_FIELD: Record<string, string> = { lists: 'title', problems: 'text', measures: 'text', departments: 'name', leaders: 'name', progress: 'text' };

/** A record's name for the log. */
export function recordText(table: string, record: Record<string, unknown> | undefined): string {
  const v = record?.[TEXT_FIELD[table] ?? 'id'];
  const s = typeof v === 'string' ? v : '';
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** The record keys the columns are stored under, by the columns' names (a problem's and a measure's text: 内容). */
const COLUMN_KEYS: Record<string, string> = Object.fromEntries(
  FIELDS.flatMap((f): [string, string][] =>
    f.store.kind === 'people'
      ? [[f.store.ids, f.label]]
      : f.store.kind === 'serial' || f.store.kind === 'roundProgress' || f.store.key === 'text'
        ? [] // a progress entry is a record of its own, with its own labels below
        : [[f.store.key, f.label]],
  ),
);

/** Field names as users see them, for the log. */
export const FIELD_LABELS: Record<string, string> = {
  text: '内容',
  title: '标题',
  unit: '单位',
  period: '期次',
  ...COLUMN_KEYS,
  order: '顺序',
  problemId: '所属问题',
  name: '名称',
  aliases: '别名',
  supervisorId: '分管领导',
  post: '职务',
  closed: '销号',
  review: '审核',
  dismissed: '忽略的检查提醒',
  carriedFrom: '上期来源',
  source: '来源',
  date: '日期',
  by: '填写人',
  roundId: '研判轮次',
};

export const TABLE_LABELS: Record<string, string> = { lists: '清单', problems: '问题', measures: '措施', departments: '部门', leaders: '领导', progress: '进展情况' };

/** Entries of a list between two dates (inclusive days), newest first. */
export function filterLog(entries: readonly ChangeLogEntry[], listId: string, from: string, to: string): ChangeLogEntry[] {
  const start = from ? new Date(`${from}T00:00:00`).getTime() : -Infinity;
  const end = to ? new Date(`${to}T23:59:59.999`).getTime() : Infinity;
  return entries.filter((e) => e.listIds.includes(listId) && e.at >= start && e.at <= end).sort((a, b) => b.at - a.at);
}
