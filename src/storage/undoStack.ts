import Dexie, { type Table } from 'dexie';
import { deletedOwners, progressDeletion } from '../domain/cycle/progress';
import { TABLES, type Patch } from '../domain/patch';
import type { SanqingdanDb } from './db';
import { allWritten, applyInTransaction, patchScope, stageInTransaction, writesInTurn, type Applied, type Touched } from './applyPatch';
import { progressOf } from './queries';
import { DIRECTORY_SCOPE, type UndoStackName, type UndoStepRecord } from './undoRecords';

export interface UndoState {
  undoLabel: string | null;
  redoLabel: string | null;
  /** set when the next undo would delete a whole list (the undo of its creation): the title of that list */
  undoRemovesList?: string;
}

/** Steps kept per list (and for departments and leaders): older ones are dropped as new ones come. */
export const UNDO_LIMIT = 200;

const EMPTY: UndoState = { undoLabel: null, redoLabel: null };

/**
 * The app's undo and redo: every change goes through `run`, which applies its patch and keeps the inverse. Undoing
 * applies the inverse and keeps *its* inverse for redo, so undo and redo are themselves ordinary patches, atomic and
 * safe with other tabs. (AG Grid's own undo cannot serve: it forgets its stack on every data refresh.)
 *
 * Both stacks live in IndexedDB (undoSteps, undoPatches), written in the same transaction as the change they record:
 * undo works after a reload, a crash or the next day, and a step is never recorded for a change that did not land
 * (nor lost for one that did). Each undo reads its step inside its own transaction, so two tabs share one undo
 * stack without applying a step twice. (What was changed, for people to read, is the change log: changeLog.ts.)
 */
export class UndoStack {
  private readonly listeners = new Set<() => void>();
  private state: UndoState = EMPTY;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly appliedListeners = new Set<(touched: Touched) => void>();

  constructor(private readonly db: SanqingdanDb) {
    void this.refresh();
  }

  /** Called after each change this undo stack applies has committed, with the records it changed. */
  onApplied(listener: (touched: Touched) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  private get stores(): Table[] {
    return [this.db.undoSteps, this.db.undoPatches];
  }

  /**
   * Applies a change. Changes are applied one after another, in the order the user made them. A change that deletes
   * measures, lists or rounds takes their 进展情况 entries with it, read inside the same transaction (one step: undo
   * brings them back together).
   */
  run(patch: Patch): Promise<void> {
    return this.serial(async () => {
      if (patch.ops.length === 0) return;
      const owners = deletedOwners(patch);
      const cascades = owners.measures.length + owners.lists.length + owners.rounds.length > 0;
      const scope = [...patchScope(this.db, patch), ...(cascades ? [this.db.progress] : []), ...this.stores];
      const applied = await this.db.transaction('rw', [...new Set(scope)], async () => {
        // first, so that a record the patch itself puts back (a restore) is never deleted after it
        const orphans = cascades ? progressDeletion(patch, await progressOf(this.db, owners)) : [];
        // the undo stack's reads go out with the patch's, and its writes with the patch's (stageInTransaction)
        const redo = this.keysOf('redo');
        const last = this.lastSeq();
        // (when the patch's part fails first, these fail with the transaction: not an error of their own to report)
        redo.catch(() => undefined);
        last.catch(() => undefined);
        const full = orphans.length ? { ...patch, ops: [...orphans, ...patch.ops] } : patch;
        const { applied: a, written } = await stageInTransaction(this.db, full);
        if (a.inverse.ops.length === 0) {
          await Promise.all([written, redo, last]);
          return a;
        }
        const [redoKeys, lastSeq] = await Promise.all([redo, last]);
        if (writesInTurn(full)) {
          await written;
          await this.remove(redoKeys);
          await this.push('undo', patch.label, a, undefined, lastSeq);
        } else await allWritten([written, this.remove(redoKeys), this.push('undo', patch.label, a, undefined, lastSeq)]);
        return a;
      });
      this.published(applied.touched);
      await this.refreshNow();
    });
  }

  undo(): Promise<string | null> {
    return this.serial(() => this.swap('undo', 'redo', '撤销'));
  }

  redo(): Promise<string | null> {
    return this.serial(() => this.swap('redo', 'undo', '重做'));
  }

  /** Reads the stacks' tops again: at start, and when another tab changed them. */
  refresh(): Promise<void> {
    return this.serial(() => this.refreshNow());
  }

  private async swap(from: UndoStackName, to: UndoStackName, verb: string): Promise<string | null> {
    const db = this.db;
    // the step's patch is known only inside the transaction: it locks every store a step may touch
    const scope = [...new Set(TABLES.map((t) => db.storeOf(t))), db.changeLog, ...this.stores];
    try {
      const done = await db.transaction('rw', scope, async () => {
        const step = await this.top(from);
        if (!step) return null;
        const stored = await db.undoPatches.get(step.seq);
        await db.undoSteps.delete(step.seq);
        await db.undoPatches.delete(step.seq);
        if (!stored) return { label: step.label, applied: null };
        const applied = await applyInTransaction(db, { ...stored.patch, label: `${verb}：${step.label}` });
        await this.push(to, step.label, applied, step.scopes);
        return { label: step.label, applied };
      });
      if (done?.applied) this.published(done.applied.touched);
      return done?.label ?? null;
    } finally {
      await this.refreshNow();
    }
  }

  /** Puts a step on a stack, and drops the oldest steps of its lists beyond the bound. */
  private async push(stack: UndoStackName, label: string, applied: Applied, scopes?: string[], last?: number): Promise<void> {
    const db = this.db;
    const seq = (last ?? (await this.lastSeq())) + 1;
    const ids = scopes ?? (applied.listIds.length ? applied.listIds : [DIRECTORY_SCOPE]);
    const record: UndoStepRecord = { seq, stack, label, scopes: ids, at: Date.now() };
    const removed = removedList(applied);
    if (removed !== null) record.removesList = removed;
    // issued together: the keys are read after the adds, in the transaction's order
    const added = Promise.all([db.undoSteps.add(record), db.undoPatches.add({ seq, patch: applied.inverse })]);
    const scoped = Promise.all(ids.map((scope) => db.undoSteps.where('scopes').equals(scope).primaryKeys()));
    const [, lists] = await Promise.all([added, scoped]);
    for (const keys of lists) {
      if (keys.length <= UNDO_LIMIT) continue;
      const old = keys.sort((a, b) => a - b).slice(0, keys.length - UNDO_LIMIT);
      await db.undoSteps.bulkDelete(old);
      await db.undoPatches.bulkDelete(old);
    }
  }

  private keysOf(stack: UndoStackName): Promise<number[]> {
    return this.db.undoSteps.where('[stack+seq]').between([stack, Dexie.minKey], [stack, Dexie.maxKey]).primaryKeys();
  }

  private async remove(keys: readonly number[]): Promise<void> {
    if (keys.length === 0) return;
    await Promise.all([this.db.undoSteps.bulkDelete(keys as number[]), this.db.undoPatches.bulkDelete(keys as number[])]);
  }

  private async lastSeq(): Promise<number> {
    return (await this.db.undoSteps.orderBy('seq').last())?.seq ?? 0;
  }

  private top(stack: UndoStackName): Promise<UndoStepRecord | undefined> {
    return this.db.undoSteps.where('[stack+seq]').between([stack, Dexie.minKey], [stack, Dexie.maxKey]).last();
  }

  private published(touched: Touched): void {
    if (touched.size) for (const l of this.appliedListeners) l(touched);
  }

  private async refreshNow(): Promise<void> {
    let next: UndoState;
    try {
      const [u, r] = await this.db.transaction('r', this.db.undoSteps, () => Promise.all([this.top('undo'), this.top('redo')]));
      next = { undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
      if (u?.removesList !== undefined) next.undoRemovesList = u.removesList;
    } catch {
      return; // the database is closed or unavailable: what the buttons show stays as it was
    }
    const s = this.state;
    if (s.undoLabel === next.undoLabel && s.redoLabel === next.redoLabel && s.undoRemovesList === next.undoRemovesList) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  getState = (): UndoState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The title of the list a step's patch deletes whole, if it deletes one. */
function removedList(applied: Applied): string | null {
  for (const op of applied.inverse.ops) {
    if (op.type !== 'delete' || op.table !== 'lists') continue;
    const created = applied.touched.get('lists')?.get(op.id);
    return typeof created?.title === 'string' ? created.title : '';
  }
  return null;
}
