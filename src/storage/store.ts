import type { Patch } from '../domain/patch';
import type { Id, PersonKind } from '../domain/types';
import { SanqingdanDb } from './db';
import { loadAll, loadDirectory, loadListContent, measuresReferencing } from './queries';
import { UndoHistory } from './undoHistory';

/**
 * The app's one database and its one undo history. Everything the UI changes goes through `history.run(patch)`.
 */
export const db = new SanqingdanDb('sanqingdan');
export const history = new UndoHistory(db);

export const store = {
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
