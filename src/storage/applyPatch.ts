import { MAX_CHANGES, recordText, type HistoryEntry, type RecordChange } from '../domain/history';
import { newId } from '../domain/ids';
import type { Op, Patch, TableName } from '../domain/patch';
import type { Table } from 'dexie';
import type { SanqingdanDb } from './db';

type Rec = { id: string } & Record<string, unknown>;

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a patch in one read-write transaction (all of it lands or none of it does) and returns the patch that undoes
 * it. Records are read and written in bulk per table, so a 20,000-row import is a handful of IndexedDB requests, not
 * 20,000 round trips; records the patch creates are not read at all (their inverse is a delete), and are added with
 * bulkAdd, which fails the whole transaction rather than overwrite a record that somehow has the same id.
 *
 * Updates merge into the record as it is inside the transaction, and the inverse restores only the fields this patch
 * changed: an undo never overwrites what another tab changed in other fields meanwhile. An update of a record that no
 * longer exists (deleted in another tab) is dropped rather than resurrecting it.
 *
 * Every change is also written to the change log (the history table) in the same transaction: when, which lists and
 * records, and each field's old and new value.
 */
export async function applyPatch(db: SanqingdanDb, patch: Patch): Promise<Patch> {
  return (await applyPatchDetailed(db, patch)).inverse;
}

/** Each changed record's state after a patch (undefined: deleted), by table: what views of the data update from. */
export type Touched = Map<TableName, Map<string, Record<string, unknown> | undefined>>;

export interface Applied {
  inverse: Patch;
  touched: Touched;
  /** the lists the change touched (a change of departments or leaders alone touches none) */
  listIds: string[];
}

export async function applyPatchDetailed(db: SanqingdanDb, patch: Patch): Promise<Applied> {
  if (patch.ops.length === 0) return { inverse: { label: patch.label, ops: [] }, touched: new Map(), listIds: [] };
  return db.transaction('rw', patchScope(db, patch), () => applyInTransaction(db, patch));
}

/** The stores a transaction applying `patch` must lock. */
export function patchScope(db: SanqingdanDb, patch: Patch): Table[] {
  const tables = [...new Set(patch.ops.map((op) => op.table))];
  return [...new Set([...tables, 'history' as const].map((t) => db.storeOf(t)))];
}

/**
 * Applies a patch inside a transaction the caller opened over (at least) `patchScope(db, patch)`, so that the caller's
 * own writes (the undo stack) land or fail with it.
 */
export async function applyInTransaction(db: SanqingdanDb, patch: Patch): Promise<Applied> {
  if (patch.ops.length === 0) return { inverse: { label: patch.label, ops: [] }, touched: new Map(), listIds: [] };
  const tables = [...new Set(patch.ops.map((op) => op.table))];
  {
    const before = new Map<TableName, Map<string, Rec | undefined>>();
    const created = new Map<TableName, Set<string>>();
    for (const t of tables) {
      const fresh = new Set<string>();
      const read = new Set<string>();
      for (const op of patch.ops) {
        if (op.table !== t) continue;
        const id = opId(op);
        if (op.type === 'create' && !read.has(id)) fresh.add(id);
        else if (!fresh.has(id)) read.add(id);
      }
      const ids = [...read];
      const found = ids.length ? ((await db.tableOf(t).bulkGet(ids)) as (Rec | undefined)[]) : [];
      before.set(t, new Map(ids.map((id, i) => [id, found[i]])));
      created.set(t, fresh);
    }
    const after = new Map<TableName, Map<string, Rec | undefined>>(tables.map((t) => [t, new Map(before.get(t)!)]));
    for (const op of patch.ops) {
      const state = after.get(op.table)!;
      if (op.type === 'put' || op.type === 'create') state.set(op.value.id, { ...(op.value as unknown as Rec) });
      else if (op.type === 'delete') state.set(op.id, undefined);
      else {
        const current = state.get(op.id);
        if (current) state.set(op.id, { ...current, ...(op.changes as Record<string, unknown>) });
      }
    }
    const inverse: Op[] = [];
    const log = new ChangeLog();
    const touched: Touched = new Map();
    const touch = (t: TableName, id: string, rec: Rec | undefined) => {
      let m = touched.get(t);
      if (!m) touched.set(t, (m = new Map()));
      m.set(id, rec);
    };
    for (const t of tables) {
      const adds: Rec[] = [];
      const puts: Rec[] = [];
      const deletes: string[] = [];
      const fresh = created.get(t)!;
      for (const [id, next] of after.get(t)!) {
        if (fresh.has(id)) {
          if (next === undefined) continue; // created and deleted within the patch
          adds.push(next);
          inverse.push({ type: 'delete', table: t, id });
          log.add(t, id, 'create', next);
          touch(t, id, next);
          continue;
        }
        const prev = before.get(t)!.get(id);
        if (next === undefined) {
          if (prev === undefined) continue;
          deletes.push(id);
          inverse.push({ type: 'put', table: t, value: prev } as unknown as Op);
          log.add(t, id, 'delete', prev);
          touch(t, id, undefined);
        } else if (prev === undefined) {
          puts.push(next);
          inverse.push({ type: 'delete', table: t, id });
          log.add(t, id, 'create', next);
          touch(t, id, next);
        } else {
          const changes: Record<string, unknown> = {};
          for (const key of new Set([...Object.keys(prev), ...Object.keys(next)])) {
            if (!same(prev[key], next[key])) changes[key] = prev[key];
          }
          if (Object.keys(changes).length === 0) continue;
          puts.push(next);
          inverse.push({ type: 'update', table: t, id, changes } as unknown as Op);
          log.add(t, id, 'update', next, Object.keys(changes).map((field) => ({ field, old: prev[field], new: next[field] })));
          touch(t, id, next);
        }
      }
      if (adds.length) await db.tableOf(t).bulkAdd(adds);
      if (puts.length) await db.tableOf(t).bulkPut(puts);
      if (deletes.length) await db.tableOf(t).bulkDelete(deletes);
    }
    const entry = log.entry(patch.label);
    if (entry) await db.history.add(entry);
    return { inverse: { label: patch.label, ops: inverse }, touched, listIds: log.lists() };
  }
}

/** Collects one change's log entry; the history table's own records are not logged. */
class ChangeLog {
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

  entry(label: string): HistoryEntry | null {
    if (this.changes.length === 0) return null;
    return { id: newId(), at: Date.now(), label, listIds: [...this.listIds], recordIds: [...this.recordIds], changes: this.changes, omitted: this.omitted };
  }
}

const opId = (op: Op): string => (op.type === 'put' || op.type === 'create' ? op.value.id : op.id);
