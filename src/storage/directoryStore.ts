import type { Directory } from '../domain/types';
import type { Touched } from './applyPatch';
import type { SanqingdanDb } from './db';
import type { TouchedIds } from './listStore';
import { loadDirectory } from './queries';

/**
 * Departments and leaders in memory, updated in the same step as the open list (a paste that creates a department
 * must show its name in the same render as the measure that uses it). The directory is small: it is simply read again
 * whenever a change touches it, here or in another tab.
 */
export class DirectoryStore {
  private snapshot: Directory | undefined = undefined;
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly db: SanqingdanDb) {
    void this.reload();
  }

  getSnapshot = (): Directory | undefined => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** This tab's change: the touched records are merged at once (sorted as loadDirectory sorts them). */
  apply(touched: Touched): void {
    const d = touched.get('departments');
    const l = touched.get('leaders');
    if (!d && !l) return;
    if (!this.snapshot) {
      // still reading: that read may predate this change, so read again (the change is stored by now)
      void this.reload();
      return;
    }
    const merge = <T extends { id: string; name: string }>(current: T[], records: typeof d): T[] => {
      if (!records) return current;
      const byId = new Map(current.map((r) => [r.id, r]));
      for (const [id, rec] of records) {
        if (rec) byId.set(id, rec as unknown as T);
        else byId.delete(id);
      }
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    };
    this.snapshot = { departments: merge(this.snapshot.departments, d), leaders: merge(this.snapshot.leaders, l) };
    this.version++;
    for (const fn of this.listeners) fn();
  }

  /** Another tab's change. */
  refresh(ids: TouchedIds): void {
    if (ids.departments?.length || ids.leaders?.length) void this.reload();
  }

  private async reload(): Promise<void> {
    const version = ++this.version;
    const directory = await loadDirectory(this.db);
    if (version !== this.version) return; // a newer change arrived while reading
    this.snapshot = directory;
    for (const fn of this.listeners) fn();
  }
}
