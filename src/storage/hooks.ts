import { useLiveQuery } from 'dexie-react-hooks';
import { sortRounds } from '../domain/cycle/rounds';
import type { ProgressEntry, Round, Snapshot } from '../domain/cycle/types';
import type { ChangeLogEntry } from '../domain/changeLog';
import type { Directory, Id, ListContent, PersonKind, RiskList } from '../domain/types';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { listProgress, loadLists, usageCounts } from './queries';
import { db, directoryStore, listShown, listStore, releaseListStore } from './store';

/**
 * Live views of the database for React. They re-run when the data they read changes, in this tab or any other tab on
 * the same origin (Dexie broadcasts), which is how two open tabs stay in step.
 */
export const useLists = (): RiskList[] | undefined => useLiveQuery(() => loadLists(db), []);

/** undefined while loading, null when the list does not exist (deleted, perhaps in another tab). */
export function useListContent(listId: Id | null): ListContent | null | undefined {
  const store = useMemo(() => (listId ? listStore(listId) : null), [listId]);
  useEffect(() => {
    if (!store) return;
    listShown(store);
    return () => releaseListStore(store);
  }, [store]);
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getSnapshot ?? nothing);
}

const noSubscribe = () => () => undefined;
const nothing = () => null;

export const useDirectory = (): Directory | undefined => useSyncExternalStore(directoryStore.subscribe, directoryStore.getSnapshot);

export const useUsageCounts = (kind: PersonKind): Map<Id, number> | undefined =>
  useLiveQuery(() => usageCounts(db, kind), [kind]);

/** The change log of a list, or of some records (a row's measure and problem), live. */
export const useListLog = (listId: Id | null): ChangeLogEntry[] | undefined =>
  useLiveQuery((): Promise<ChangeLogEntry[]> => (listId ? db.changeLog.where('listIds').equals(listId).toArray() : Promise.resolve([])), [listId]);

export const useRecordLog = (ids: readonly Id[]): ChangeLogEntry[] | undefined =>
  useLiveQuery(async () => {
    const found = await db.changeLog.where('recordIds').anyOf([...ids]).toArray();
    const unique = new Map(found.map((e) => [e.id, e]));
    return [...unique.values()].sort((a, b) => b.at - a.at);
  }, [ids.join(',')]);

/** A list's 研判 rounds, by date, live. */
export const useRounds = (listId: Id | null): Round[] | undefined =>
  useLiveQuery(async (): Promise<Round[]> => (listId ? sortRounds(await db.rounds.where('listId').equals(listId).toArray()) : []), [listId]);

/** A held round's snapshot (undefined while read, null if there is none). */
export const useSnapshot = (snapshotId: Id | null): Snapshot | null | undefined =>
  useLiveQuery(async () => (snapshotId ? ((await db.snapshots.get(snapshotId)) ?? null) : null), [snapshotId]);

/** A list's 进展情况 entries of every round, live. */
export const useProgress = (listId: Id | null): ProgressEntry[] | undefined =>
  useLiveQuery(async (): Promise<ProgressEntry[]> => (listId ? listProgress(db, listId) : []), [listId]);
