import { foldPatchOver, recordsToRead, type Rec, type Touched } from '../domain/foldPatch';
import type { Patch, TableName } from '../domain/patch';
import type { Table } from 'dexie';
import type { SanqingdanDb } from './db';

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
 * records, and each field's old and new value. What the patch does to the records is the domain's (foldPatch.ts):
 * this module only reads them and writes the result.
 */
export async function applyPatch(db: SanqingdanDb, patch: Patch): Promise<Patch> {
  return (await applyPatchDetailed(db, patch)).inverse;
}

export type { Touched };

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
  const staged = await stageInTransaction(db, patch);
  await staged.written;
  return staged.applied;
}

/**
 * applyInTransaction's two halves: the records read and the patch folded over them (`applied`), then its writes
 * issued but not awaited (`written`). The caller issues its own writes beside them, so that an edit costs the
 * database two round trips (read, write) rather than one per request: requests in one transaction run in the
 * order they were issued, so nothing is lost by not waiting on each.
 */
export async function stageInTransaction(db: SanqingdanDb, patch: Patch): Promise<{ applied: Applied; written: Promise<unknown> }> {
  if (patch.ops.length === 0) return { applied: { inverse: { label: patch.label, ops: [] }, touched: new Map(), listIds: [] }, written: Promise.resolve() };
  const before = new Map<TableName, Map<string, Rec | undefined>>();
  const fresh = new Map<TableName, Set<string>>();
  const reads = [...recordsToRead(patch)].map(([t, ids]) => {
    fresh.set(t, ids.fresh);
    const found = ids.read.length ? (db.tableOf(t).bulkGet(ids.read) as Promise<(Rec | undefined)[]>) : Promise.resolve([]);
    return found.then((records) => before.set(t, new Map(ids.read.map((id, i) => [id, records[i]]))));
  });
  await Promise.all(reads);
  const folded = foldPatchOver(patch, before, fresh);
  const writes: (() => Promise<unknown>)[] = [];
  for (const [t, w] of folded.writes) {
    if (w.adds.length) writes.push(() => db.tableOf(t).bulkAdd(w.adds));
    if (w.puts.length) writes.push(() => db.tableOf(t).bulkPut(w.puts));
    if (w.deletes.length) writes.push(() => db.tableOf(t).bulkDelete(w.deletes));
  }
  const entry = folded.entry;
  if (entry) writes.push(() => db.changeLog.add(entry));
  const applied = { inverse: folded.inverse, touched: folded.touched, listIds: folded.listIds };
  return { applied, written: writesInTurn(patch) ? inTurn(writes) : allWritten(writes.map((w) => w())) };
}

/**
 * A patch of many records (an import) is written one request after another, as before: each request copies its
 * records as it is issued, and issuing them all at once held every table's copy in memory together (50 MB more at
 * 100,000 rows) for a saving that only an edit's few small requests notice.
 */
export const writesInTurn = (patch: Patch): boolean => patch.ops.length > 1000;

async function inTurn(writes: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (const write of writes) await write();
}

/**
 * All of `writes`, failing with the one that failed the transaction: the requests issued after it fail too, as
 * inactive or aborted, and may do so first — the user is told the cause (a record that cannot be stored), not that.
 */
export async function allWritten(writes: readonly Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(writes);
  const failed = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as { name?: string });
  if (failed.length === 0) return;
  throw failed.find((e) => e?.name !== 'TransactionInactiveError' && e?.name !== 'AbortError') ?? failed[0];
}
