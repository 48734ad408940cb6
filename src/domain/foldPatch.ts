import { loggedFields, MAX_CHANGES, recordText, type ChangeLogEntry, type RecordChange } from './changeLog';
import { newId } from './ids';
import type { Op, Patch, TableName } from './patch';

/**
 * What a patch does to records, written once: storage folds a patch into the records it read inside its transaction,
 * the command line into tables in memory, the tests into their small worlds. The rules: `put` and `create` replace the
 * record with (a copy of) the op's value, `delete` removes it, `update` merges its fields into the record if there is
 * one (an update of a record that no longer exists, deleted in another tab, is dropped rather than resurrecting it).
 */
export type Rec = { id: string } & Record<string, unknown>;

/** Records by id as a patch leaves them; undefined where a record is absent (or the patch deleted it). */
export type RecordStates = Map<string, Rec | undefined>;

/** Each changed record's state after a patch (undefined: deleted), by table: what views of the data update from. */
export type Touched = Map<TableName, Map<string, Record<string, unknown> | undefined>>;

export const opId = (op: Op): string => (op.type === 'put' || op.type === 'create' ? op.value.id : op.id);

/** The record `op` leaves where `current` stood (undefined: absent). */
export function applyOp(op: Op, current: Rec | undefined): Rec | undefined {
  if (op.type === 'put' || op.type === 'create') return { ...(op.value as unknown as Rec) };
  if (op.type === 'delete') return undefined;
  return current ? { ...current, ...(op.changes as Record<string, unknown>) } : undefined;
}

/** Where a patch is folded: a table's records by id (a RecordStates map, or tables that drop what is deleted). */
export interface RecordSink {
  get(id: string): Rec | undefined;
  set(id: string, record: Rec | undefined): unknown;
}

/** Folds a patch's ops, in order, into each table's records; a table `stateOf` gives no records for is left out. */
export function foldPatch(patch: Patch, stateOf: (table: TableName) => RecordSink | undefined): void {
  for (const op of patch.ops) {
    const state = stateOf(op.table);
    if (!state) continue;
    const id = opId(op);
    state.set(id, applyOp(op, state.get(id)));
  }
}

/**
 * The records a patch must read before it is applied, by table: every record it names except those it creates (their
 * ids are new, and their inverse is a delete). `fresh` holds the created ones.
 */
export function recordsToRead(patch: Patch): Map<TableName, { read: string[]; fresh: Set<string> }> {
  const out = new Map<TableName, { read: Set<string>; fresh: Set<string> }>();
  for (const op of patch.ops) {
    let t = out.get(op.table);
    if (!t) out.set(op.table, (t = { read: new Set(), fresh: new Set() }));
    const id = opId(op);
    if (op.type === 'create' && !t.read.has(id)) t.fresh.add(id);
    else if (!t.fresh.has(id)) t.read.add(id);
  }
  return new Map([...out].map(([table, t]) => [table, { read: [...t.read], fresh: t.fresh }]));
}

/** The writes of one table that carry a patch out. `adds` are records the patch created: adding them fails on an id that exists. */
export interface TableWrites {
  adds: Rec[];
  puts: Rec[];
  deletes: string[];
}

export interface FoldedPatch {
  writes: Map<TableName, TableWrites>;
  /** the patch that undoes this one: it restores only the fields this patch changed */
  inverse: Patch;
  touched: Touched;
  /** the change log's entry for it (none when nothing changed) */
  entry: ChangeLogEntry | null;
  /** the lists the change touched (a change of departments or leaders alone touches none) */
  listIds: string[];
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * A patch applied to the records it read (`before`, by table, as `recordsToRead` asked; `fresh` the ids it creates):
 * what to write, its inverse, what it touched and its change-log entry. Records that end as they began are not
 * written, logged or touched.
 */
export function foldPatchOver(
  patch: Patch,
  before: ReadonlyMap<TableName, ReadonlyMap<string, Rec | undefined>>,
  fresh: ReadonlyMap<TableName, ReadonlySet<string>>,
): FoldedPatch {
  const tables = [...new Set(patch.ops.map((op) => op.table))];
  const after = new Map<TableName, RecordStates>(tables.map((t) => [t, new Map(before.get(t) ?? [])]));
  foldPatch(patch, (t) => after.get(t));
  const inverse: Op[] = [];
  const log = new EntryBuilder();
  const touched: Touched = new Map();
  const writes = new Map<TableName, TableWrites>();
  const touch = (t: TableName, id: string, rec: Rec | undefined) => {
    let m = touched.get(t);
    if (!m) touched.set(t, (m = new Map()));
    m.set(id, rec);
  };
  for (const t of tables) {
    const w: TableWrites = { adds: [], puts: [], deletes: [] };
    writes.set(t, w);
    const created = fresh.get(t) ?? new Set<string>();
    const was = before.get(t);
    for (const [id, next] of after.get(t)!) {
      if (created.has(id)) {
        if (next === undefined) continue; // created and deleted within the patch
        w.adds.push(next);
        inverse.push({ type: 'delete', table: t, id });
        log.add(t, id, 'create', next);
        touch(t, id, next);
        continue;
      }
      const prev = was?.get(id);
      if (next === undefined) {
        if (prev === undefined) continue;
        w.deletes.push(id);
        inverse.push({ type: 'put', table: t, value: prev } as unknown as Op);
        log.add(t, id, 'delete', prev);
        touch(t, id, undefined);
      } else if (prev === undefined) {
        w.puts.push(next);
        inverse.push({ type: 'delete', table: t, id });
        log.add(t, id, 'create', next);
        touch(t, id, next);
      } else {
        const changes: Record<string, unknown> = {};
        for (const key of new Set([...Object.keys(prev), ...Object.keys(next)])) {
          if (!same(prev[key], next[key])) changes[key] = prev[key];
        }
        if (Object.keys(changes).length === 0) continue;
        w.puts.push(next);
        inverse.push({ type: 'update', table: t, id, changes } as unknown as Op);
        log.add(t, id, 'update', next, loggedFields(changes).map((field) => ({ field, old: prev[field], new: next[field] })));
        touch(t, id, next);
      }
    }
  }
  return { writes, inverse: { label: patch.label, ops: inverse }, touched, entry: log.entry(patch.label), listIds: log.lists() };
}

/** Collects one change's log entry; the change log's own records are not logged. */
class EntryBuilder {
  private readonly changes: RecordChange[] = [];
  private readonly listIds = new Set<string>();
  private readonly recordIds = new Set<string>();
  private omitted = 0;

  add(table: TableName, id: string, kind: RecordChange['kind'], record: Rec, fields?: RecordChange['fields']): void {
    if (table === 'history') return;
    const listId = table === 'lists' ? id : typeof record.listId === 'string' ? record.listId : null;
    if (listId) this.listIds.add(listId);
    if (this.changes.length >= MAX_CHANGES) {
      this.omitted++;
      return;
    }
    this.recordIds.add(id);
    this.changes.push({ table, id, kind, text: recordText(table, record), ...(fields ? { fields } : {}) });
  }

  lists(): string[] {
    return [...this.listIds];
  }

  entry(label: string): ChangeLogEntry | null {
    if (this.changes.length === 0) return null;
    return { id: newId(), at: Date.now(), label, listIds: [...this.listIds], recordIds: [...this.recordIds], changes: this.changes, omitted: this.omitted };
  }
}
