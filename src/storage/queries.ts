import type { BackupData } from '../domain/backup';
import type { ProgressEntry } from '../domain/cycle/types';
import { byOrder } from '../domain/order';
import type { Directory, Id, ListContent, Measure, PersonKind, RiskList } from '../domain/types';
import type { SanqingdanDb } from './db';

const zh = (a: string, b: string): number => a.localeCompare(b, 'zh-CN');

export async function loadLists(db: SanqingdanDb): Promise<RiskList[]> {
  return db.lists.orderBy('createdAt').toArray();
}

export async function loadListContent(db: SanqingdanDb, listId: Id): Promise<ListContent | null> {
  return db.transaction('r', db.lists, db.chunks, async () => {
    const list = await db.lists.get(listId);
    if (!list) return null;
    const [problems, measures] = await Promise.all([db.problems.forList(listId), db.measures.forList(listId)]);
    return { list, problems: problems.sort(byOrder), measures: measures.sort(byOrder) };
  });
}

export async function loadDirectory(db: SanqingdanDb): Promise<Directory> {
  return db.transaction('r', db.departments, db.leaders, async () => {
    const [departments, leaders] = await Promise.all([db.departments.toArray(), db.leaders.toArray()]);
    return { departments: departments.sort((a, b) => zh(a.name, b.name)), leaders: leaders.sort((a, b) => zh(a.name, b.name)) };
  });
}

/** Every measure, in any list, that references the record: what a merge or delete must rewrite. */
export async function measuresReferencing(db: SanqingdanDb, kind: PersonKind, id: Id): Promise<Measure[]> {
  const field = kind === 'department' ? 'departmentIds' : 'leaderIds';
  return (await db.measures.toArray()).filter((m) => m[field].includes(id));
}

/** How many measures (in all lists) reference each department or leader. */
export async function usageCounts(db: SanqingdanDb, kind: PersonKind): Promise<Map<Id, number>> {
  const field = kind === 'department' ? 'departmentIds' : 'leaderIds';
  const counts = new Map<Id, number>();
  for (const m of await db.measures.toArray()) for (const id of m[field]) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Every record of every table, read in one transaction: what a backup holds. */
export async function loadAll(db: SanqingdanDb): Promise<BackupData> {
  return db.transaction('r', [db.lists, db.chunks, db.departments, db.leaders, db.rounds, db.snapshots, db.progress, db.changeLog], async () => ({
    lists: await db.lists.toArray(),
    problems: await db.problems.toArray(),
    measures: await db.measures.toArray(),
    departments: await db.departments.toArray(),
    leaders: await db.leaders.toArray(),
    rounds: await db.rounds.toArray(),
    snapshots: await db.snapshots.toArray(),
    progress: await db.progress.toArray(),
    history: await db.changeLog.toArray(),
  }));
}

/** The progress entries of some measures, lists or rounds (those a change deletes), read by index (in the caller's transaction, if any). */
export async function progressOf(db: SanqingdanDb, owners: { measures: Id[]; lists: Id[]; rounds: Id[] }): Promise<ProgressEntry[]> {
  const found = await Promise.all([
    owners.measures.length ? db.progress.where('measureId').anyOf(owners.measures).toArray() : [],
    owners.lists.length ? db.progress.where('listId').anyOf(owners.lists).toArray() : [],
    owners.rounds.length ? db.progress.where('roundId').anyOf(owners.rounds).toArray() : [],
  ]);
  return [...new Map(found.flat().map((e) => [e.id, e])).values()];
}

export const listProgress = (db: SanqingdanDb, listId: Id): Promise<ProgressEntry[]> => db.progress.where('listId').equals(listId).toArray();
