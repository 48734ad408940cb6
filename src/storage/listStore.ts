import { indexContent, replaceInPlace } from '../domain/contentUpdate';
import { byOrder } from '../domain/order';
import type { TableName } from '../domain/patch';
import type { Id, ListContent, Measure, Problem, RiskList } from '../domain/types';
import type { Touched } from './applyPatch';
import type { SanqingdanDb } from './db';
import { loadListContent } from './queries';

/**
 * One open list, kept in memory. It is read from the database once; after that it takes each change from the records
 * the change touched, instead of reading the whole list again (tens of thousands of rows made every edit slow).
 * Changes made in this tab arrive with their final records; changes made in another tab arrive as the ids they
 * touched, which are read back from the database, so the database stays the one truth whatever order messages come in.
 */
export class ListStore {
  private list: RiskList | null = null;
  private readonly problems = new Map<Id, Problem>();
  private readonly measures = new Map<Id, Measure>();
  private snapshot: ListContent | null | undefined = undefined; // undefined while loading, null: no such list
  private readonly listeners = new Set<() => void>();
  /** changes that arrived while a reload was reading: replayed on top of what it read, which may predate them */
  private pending: Touched[] | null = null;

  constructor(
    private readonly db: SanqingdanDb,
    readonly listId: Id,
  ) {
    void this.reload();
  }

  getSnapshot = (): ListContent | null | undefined => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get listenerCount(): number {
    return this.listeners.size;
  }

  async reload(): Promise<void> {
    this.pending = [];
    const content = await loadListContent(this.db, this.listId);
    performance.mark('sanqingdan:list-read'); // npm run bench: first paint is measured from here
    this.list = content?.list ?? null;
    this.problems.clear();
    this.measures.clear();
    for (const p of content?.problems ?? []) this.problems.set(p.id, p);
    for (const m of content?.measures ?? []) this.measures.set(m.id, m);
    const replay = this.pending;
    this.pending = null;
    for (const t of replay) {
      this.mergeList(t);
      this.merge(this.problems, t.get('problems'));
      this.merge(this.measures, t.get('measures'));
    }
    this.publish();
  }

  /** Records a change left behind (undefined: deleted). */
  apply(touched: Touched): void {
    if (this.pending) {
      this.pending.push(touched);
      return;
    }
    if (this.applyInPlace(touched)) return;
    let changed = this.mergeList(touched);
    changed = this.merge(this.problems, touched.get('problems')) || changed;
    changed = this.merge(this.measures, touched.get('measures')) || changed;
    if (changed) this.publish();
  }

  /**
   * The fast path (contentUpdate.ts): a change that only replaces records of this list where they stand is published
   * without sorting the list again (an edit at tens of thousands of rows must not cost a sort), as a snapshot that
   * tells consumers which records it replaced. Returns false when the change is not of that kind.
   */
  private applyInPlace(touched: Touched): boolean {
    const base = this.snapshot;
    if (!base || touched.get('lists')?.has(this.listId)) return false;
    const problems = this.inPlace(touched.get('problems'), this.problems, (was, now) => was.order === now.order);
    const measures = this.inPlace(
      touched.get('measures'),
      this.measures,
      (was, now) => was.order === now.order && was.problemId === now.problemId,
    );
    if (!problems || !measures) return false;
    if (problems.length === 0 && measures.length === 0) return true;
    const next = replaceInPlace(base, problems, measures);
    for (const p of problems) this.problems.set(p.id, p);
    for (const m of measures) this.measures.set(m.id, m);
    this.snapshot = next;
    for (const l of this.listeners) l();
    return true;
  }

  /** This list's records in `records` if each replaces one it has, in the same place; null otherwise. */
  private inPlace<T extends { id: Id; listId: Id }>(
    records: Map<string, Record<string, unknown> | undefined> | undefined,
    current: Map<Id, T>,
    samePlace: (was: T, now: T) => boolean,
  ): T[] | null {
    const out: T[] = [];
    if (!records) return out;
    for (const [id, rec] of records) {
      const was = current.get(id);
      const now = rec as unknown as T | undefined;
      if (!was && (!now || now.listId !== this.listId)) continue; // another list's record
      if (!was || !now || now.listId !== this.listId || !samePlace(was, now)) return null;
      out.push(now);
    }
    return out;
  }

  private mergeList(touched: Touched): boolean {
    const lists = touched.get('lists');
    if (!lists?.has(this.listId)) return false;
    this.list = (lists.get(this.listId) as RiskList | undefined) ?? null;
    return true;
  }

  /** Another tab changed these records: read them as they are now. */
  async refresh(ids: Partial<Record<TableName, string[]>>): Promise<void> {
    const touched: Touched = new Map();
    for (const table of ['lists', 'problems', 'measures'] as const) {
      const list = ids[table];
      if (!list?.length) continue;
      const records = (await this.db.tableOf(table).bulkGet(list)) as (Record<string, unknown> | undefined)[];
      touched.set(table, new Map(list.map((id, i) => [id, records[i]])));
    }
    this.apply(touched);
  }

  private merge<T extends { listId: Id }>(into: Map<Id, T>, records: Map<string, Record<string, unknown> | undefined> | undefined): boolean {
    if (!records) return false;
    let changed = false;
    for (const [id, rec] of records) {
      const mine = rec && (rec as unknown as T).listId === this.listId;
      if (mine) into.set(id, rec as unknown as T);
      else if (!into.delete(id)) continue;
      changed = true;
    }
    return changed;
  }

  private publish(): void {
    const problems = [...this.problems.values()].sort(byOrder);
    const measures = [...this.measures.values()].sort(byOrder);
    this.snapshot = this.list ? { list: this.list, problems, measures } : null;
    if (this.snapshot) indexContent(this.snapshot); // here, after the sort, rather than in the first edit
    for (const l of this.listeners) l();
  }
}

/** Ids a change touched, as told to other tabs. */
export type TouchedIds = Partial<Record<TableName, string[]>>;

export function touchedIds(touched: Touched): TouchedIds {
  const out: TouchedIds = {};
  for (const [table, records] of touched) out[table] = [...records.keys()];
  return out;
}
