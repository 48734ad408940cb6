import { useLiveQuery } from 'dexie-react-hooks';
import type { Directory, Id, ListContent, PersonKind, RiskList } from '../domain/types';
import { loadDirectory, loadListContent, loadLists, usageCounts } from './queries';
import { db } from './store';

/**
 * Live views of the database for React. They re-run when the data they read changes, in this tab or any other tab on
 * the same origin (Dexie broadcasts), which is how two open tabs stay in step.
 */
export const useLists = (): RiskList[] | undefined => useLiveQuery(() => loadLists(db), []);

/** undefined while loading, null when the list does not exist (deleted, perhaps in another tab). */
export const useListContent = (listId: Id | null): ListContent | null | undefined =>
  useLiveQuery(() => (listId ? loadListContent(db, listId) : Promise.resolve(null)), [listId]);

export const useDirectory = (): Directory | undefined => useLiveQuery(() => loadDirectory(db), []);

export const useUsageCounts = (kind: PersonKind): Map<Id, number> | undefined =>
  useLiveQuery(() => usageCounts(db, kind), [kind]);
