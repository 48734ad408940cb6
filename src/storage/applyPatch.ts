import type { Op, Patch, TableName } from '../domain/patch';
import type { SanqingdanDb } from './db';

type Rec = { id: string } & Record<string, unknown>;

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a patch in one read-write transaction (all of it lands or none of it does) and returns the patch that undoes
 * it. Records are read and written in bulk per table, so a 20,000-row import is a handful of IndexedDB requests, not
 * 20,000 round trips.
 *
 * Updates merge into the record as it is inside the transaction, and the inverse restores only the fields this patch
 * changed: an undo never overwrites what another tab changed in other fields meanwhile. An update of a record that no
 * longer exists (deleted in another tab) is dropped rather than resurrecting it.
 */
export async function applyPatch(db: SanqingdanDb, patch: Patch): Promise<Patch> {
  if (patch.ops.length === 0) return { label: patch.label, ops: [] };
  const tables = [...new Set(patch.ops.map((op) => op.table))];
  return db.transaction('rw', tables.map((t) => db.tableOf(t)), async () => {
    const before = new Map<TableName, Map<string, Rec | undefined>>();
    for (const t of tables) {
      const ids = [...new Set(patch.ops.filter((op) => op.table === t).map(opId))];
      const found = (await db.tableOf(t).bulkGet(ids)) as (Rec | undefined)[];
      before.set(t, new Map(ids.map((id, i) => [id, found[i]])));
    }
    const after = new Map<TableName, Map<string, Rec | undefined>>(
      tables.map((t) => [t, new Map(before.get(t)!)]),
    );
    for (const op of patch.ops) {
      const state = after.get(op.table)!;
      if (op.type === 'put') state.set(op.value.id, { ...(op.value as unknown as Rec) });
      else if (op.type === 'delete') state.set(op.id, undefined);
      else {
        const current = state.get(op.id);
        if (current) state.set(op.id, { ...current, ...(op.changes as Record<string, unknown>) });
      }
    }
    const inverse: Op[] = [];
    for (const t of tables) {
      const puts: Rec[] = [];
      const deletes: string[] = [];
      for (const [id, next] of after.get(t)!) {
        const prev = before.get(t)!.get(id);
        if (next === undefined) {
          if (prev === undefined) continue;
          deletes.push(id);
          inverse.push({ type: 'put', table: t, value: prev } as unknown as Op);
        } else if (prev === undefined) {
          puts.push(next);
          inverse.push({ type: 'delete', table: t, id });
        } else {
          const changes: Record<string, unknown> = {};
          for (const key of new Set([...Object.keys(prev), ...Object.keys(next)])) {
            if (!same(prev[key], next[key])) changes[key] = prev[key];
          }
          if (Object.keys(changes).length === 0) continue;
          puts.push(next);
          inverse.push({ type: 'update', table: t, id, changes } as unknown as Op);
        }
      }
      if (puts.length) await db.tableOf(t).bulkPut(puts);
      if (deletes.length) await db.tableOf(t).bulkDelete(deletes);
    }
    return { label: patch.label, ops: inverse };
  });
}

const opId = (op: Op): string => (op.type === 'put' ? op.value.id : op.id);
