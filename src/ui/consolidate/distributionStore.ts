import type { Distribution } from '../../domain/consolidate/distribute';
import type { Id } from '../../domain/types';

/**
 * The record of the last 分发 of each list, kept in this browser: what each department was sent and the values then
 * (the base a returned copy is compared with). Lost with the browser's data, the merge still works, with the list's
 * current values as the base.
 */
const key = (listId: Id) => `sanqingdan.distribution.${listId}`;

export function loadDistribution(listId: Id): Distribution | null {
  try {
    const d = JSON.parse(localStorage.getItem(key(listId)) ?? 'null') as Distribution | null;
    return d && d.listId === listId && Array.isArray(d.parts) && d.snapshot ? d : null;
  } catch {
    return null;
  }
}

export function saveDistribution(record: Distribution): boolean {
  try {
    localStorage.setItem(key(record.listId), JSON.stringify(record));
    return true;
  } catch {
    return false; // storage full: the copies still go out; conflicts with later edits will not be seen
  }
}
