import type { Patch } from '../domain/patch';
import type { Id, PersonKind } from '../domain/types';
import { SanqingdanDb } from './db';
import { loadAll, loadDirectory, loadListContent, measuresReferencing } from './queries';
import { DirectoryStore } from './directoryStore';
import { ListStore, touchedIds, type TouchedIds } from './listStore';
import { UndoHistory } from './undoHistory';

/**
 * The app's one database and its one undo history. Everything the UI changes goes through `history.run(patch)`.
 */
export const db = new SanqingdanDb('sanqingdan');
export const history = new UndoHistory(db);

/**
 * Open lists, shared by the components showing them, and kept current: from this tab's changes directly, from other
 * tabs' through a BroadcastChannel that names the records each change touched.
 */
const stores = new Map<Id, ListStore>();
export const directoryStore = new DirectoryStore(db);
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('sanqingdan-changes');

history.onApplied((touched) => {
  directoryStore.apply(touched);
  for (const s of stores.values()) s.apply(touched);
  channel?.postMessage(touchedIds(touched));
});
channel?.addEventListener('message', (e: MessageEvent<TouchedIds>) => {
  directoryStore.refresh(e.data);
  for (const s of stores.values()) void s.refresh(e.data);
});

export function listStore(listId: Id): ListStore {
  let s = stores.get(listId);
  if (!s) stores.set(listId, (s = new ListStore(db, listId)));
  return s;
}

/** Lists opened ahead of being shown: kept in memory until a view shows them, or their opener lets go. */
const heldAhead = new Set<ListStore>();

/**
 * Opens a list in memory ahead of a change that fills it (an import): the change's records then land in the open list
 * as they are written, instead of being read back from the database when the list is shown (at 100,000 rows, a second
 * copy of every record in memory and most of a second). The list is held until a view shows it; `release` when none
 * will.
 */
export function openListAhead(listId: Id): { release: () => void } {
  const s = listStore(listId);
  heldAhead.add(s);
  return {
    release: () => {
      heldAhead.delete(s);
      releaseListStore(s);
    },
  };
}

/** A view shows the list now: a hold taken ahead of it has served its purpose. */
export function listShown(store: ListStore): void {
  heldAhead.delete(store);
}

/** A list no component shows any more is dropped from memory (it is read again when shown again). */
export function releaseListStore(store: ListStore): void {
  setTimeout(() => {
    if (store.listenerCount === 0 && !heldAhead.has(store) && stores.get(store.listId) === store) stores.delete(store.listId);
  }, 0);
}

export const store = {
  openListAhead,
  run: (patch: Patch) => history.run(patch),
  loadListContent: (listId: Id) => loadListContent(db, listId),
  loadDirectory: () => loadDirectory(db),
  measuresReferencing: (kind: PersonKind, id: Id) => measuresReferencing(db, kind, id),
  loadAll: () => loadAll(db),
};

type VersionListener = () => void;
const versionListeners = new Set<VersionListener>();

/** Another tab opened a newer version of the app: this tab must reload instead of blocking the upgrade. */
db.on('versionchange', () => {
  db.close();
  for (const l of versionListeners) l();
  return false;
});

/** Opens the database once at start: a browser that refuses (private mode, storage disabled) is told clearly. */
export function openDatabase(): Promise<void> {
  return db.open().then(() => undefined);
}

export function onVersionChange(listener: VersionListener): () => void {
  versionListeners.add(listener);
  return () => versionListeners.delete(listener);
}
