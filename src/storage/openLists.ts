import type { Id } from '../domain/types';
import type { Touched } from './applyPatch';
import type { SanqingdanDb } from './db';
import { ListStore, type TouchedIds } from './listStore';

/**
 * The lists open in memory, shared by the components showing them and kept current: each change of this tab is
 * applied to every open list, each change another tab announces is read back by those it touched. A list no view
 * shows any more is dropped (it is read again when shown again), unless it was opened ahead of being shown.
 */
export class OpenLists {
  private readonly stores = new Map<Id, ListStore>();
  /** lists opened ahead of being shown: kept until a view shows them, or their opener lets go */
  private readonly heldAhead = new Set<ListStore>();

  constructor(private readonly db: SanqingdanDb) {}

  get(listId: Id): ListStore {
    let s = this.stores.get(listId);
    if (!s) this.stores.set(listId, (s = new ListStore(this.db, listId)));
    return s;
  }

  /** This tab's change, with its records. */
  apply(touched: Touched): void {
    for (const s of this.stores.values()) s.apply(touched);
  }

  /** Another tab's change, as the ids it touched. */
  refresh(ids: TouchedIds): void {
    for (const s of this.stores.values()) void s.refresh(ids);
  }

  /**
   * Opens a list in memory ahead of a change that fills it (an import): the change's records then land in the open
   * list as they are written, instead of being read back from the database when the list is shown (at 100,000 rows, a
   * second copy of every record in memory and most of a second). The list is held until a view shows it; `release`
   * when none will.
   */
  openAhead(listId: Id): { release: () => void } {
    const s = this.get(listId);
    this.heldAhead.add(s);
    return {
      release: () => {
        this.heldAhead.delete(s);
        this.release(s);
      },
    };
  }

  /** A view shows the list now: a hold taken ahead of it has served its purpose. */
  shown(store: ListStore): void {
    this.heldAhead.delete(store);
  }

  /** No view of `store` is left, perhaps: dropped after this task when none subscribed again meanwhile. */
  release(store: ListStore): void {
    setTimeout(() => {
      if (store.listenerCount === 0 && !this.heldAhead.has(store) && this.stores.get(store.listId) === store) this.stores.delete(store.listId);
    }, 0);
  }
}
