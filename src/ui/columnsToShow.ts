import type { FieldId } from '../domain/fields';
import type { Id } from '../domain/types';

/**
 * Columns a list's grid is asked to show once, for fields an import just gave values: the import lands before the
 * list it went into is shown (a new list's grid is made afterwards), so the request waits here for that list's grid.
 * The grid shows them as the column chooser does, so they are remembered, and the user can hide them again.
 */
const pending = new Map<Id, Set<FieldId>>();
const listeners = new Map<Id, Set<() => void>>();

export function requestColumnsShown(listId: Id, fields: readonly FieldId[]): void {
  if (fields.length === 0) return;
  const set = pending.get(listId) ?? new Set<FieldId>();
  for (const f of fields) set.add(f);
  pending.set(listId, set);
  listeners.get(listId)?.forEach((l) => l());
}

/** Calls `show` with the columns asked for `listId`, now and whenever more are asked, each request once. */
export function onColumnsShown(listId: Id, show: (fields: FieldId[]) => void): () => void {
  const take = () => {
    const fields = pending.get(listId);
    if (!fields) return;
    pending.delete(listId);
    show([...fields]);
  };
  const mine = listeners.get(listId) ?? new Set<() => void>();
  mine.add(take);
  listeners.set(listId, mine);
  take();
  return () => {
    mine.delete(take);
    if (mine.size === 0) listeners.delete(listId);
  };
}
