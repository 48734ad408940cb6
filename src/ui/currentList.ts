import { useCallback, useState } from 'react';
import type { Id, RiskList } from '../domain/types';

/** Which list this browser last worked on; remembered so that a reload opens the same list. */
const KEY = 'sanqingdan.currentList';

export const rememberedListId = (): Id | null => localStorage.getItem(KEY);

export function useCurrentListId(): [Id | null, (id: Id | null) => void] {
  const [id, setId] = useState<Id | null>(rememberedListId);
  const set = useCallback((next: Id | null) => {
    if (next) localStorage.setItem(KEY, next);
    else localStorage.removeItem(KEY);
    setId(next);
  }, []);
  return [id, set];
}

/** The remembered list if it still exists, else the most recent one. */
export function pickList(lists: readonly RiskList[], id: Id | null): RiskList | null {
  return lists.find((l) => l.id === id) ?? lists[lists.length - 1] ?? null;
}
