import type { Patch } from '../domain/patch';
import type { Id, PersonKind } from '../domain/types';
import { SanqingdanDb } from './db';
import { listProgress, loadAll, loadDirectory, loadListContent, measuresReferencing } from './queries';
import { DirectoryStore } from './directoryStore';
import { touchedIds, type ListStore, type TouchedIds } from './listStore';
import { OpenLists } from './openLists';
import { UndoStack } from './undoStack';

/**
 * The app's one database and its one undo stack. Everything the UI changes goes through `undoStack.run(patch)`.
 */
export const db = new SanqingdanDb('sanqingdan');
export const undoStack = new UndoStack(db);

/** Open lists; kept current from this tab's changes directly, from other tabs' through a BroadcastChannel. */
const openLists = new OpenLists(db);
export const directoryStore = new DirectoryStore(db);
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('sanqingdan-changes');

undoStack.onApplied((touched) => {
  directoryStore.apply(touched);
  openLists.apply(touched);
  channel?.postMessage(touchedIds(touched));
});
channel?.addEventListener('message', (e: MessageEvent<TouchedIds>) => {
  directoryStore.refresh(e.data);
  openLists.refresh(e.data);
  void undoStack.refresh(); // the other tab's change is on the shared undo stack now
});

export const listStore = (listId: Id): ListStore => openLists.get(listId);
export const openListAhead = (listId: Id): { release: () => void } => openLists.openAhead(listId);
export const listShown = (store: ListStore): void => openLists.shown(store);
export const releaseListStore = (store: ListStore): void => openLists.release(store);

export const store = {
  openListAhead,
  run: (patch: Patch) => undoStack.run(patch),
  loadListContent: (listId: Id) => loadListContent(db, listId),
  loadDirectory: () => loadDirectory(db),
  measuresReferencing: (kind: PersonKind, id: Id) => measuresReferencing(db, kind, id),
  loadAll: () => loadAll(db),
  loadRounds: (listId: Id) => db.rounds.where('listId').equals(listId).toArray(),
  loadProgress: (listId: Id) => listProgress(db, listId),
  loadSnapshot: (snapshotId: Id) => db.snapshots.get(snapshotId),
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
