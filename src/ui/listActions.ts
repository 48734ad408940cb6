import { createList, deleteList, updateListMeta, type ListMeta } from '../domain/lists';
import { samplePatch, type SampleFile } from '../domain/sample';
import type { Id, RiskList } from '../domain/types';
import { startNextPeriod, type CarryOptions } from '../domain/cycle/carryOver';
import { roundsDeletion } from '../domain/cycle/rounds';
import { todayIso } from '../domain/deadline';
import { deadlineReading } from '../domain/deadlineReading';
import { store } from '../storage/store';
import { showMessage } from './messages';
import { attempt } from './run';

/** List-level actions; each returns the id of the list to show afterwards, or null when nothing changed. */

export async function createNewList(meta: ListMeta): Promise<Id | null> {
  let id: Id | null = null;
  const ok = await attempt(() => {
    const { patch, list } = createList(meta);
    id = list.id;
    return patch;
  });
  return ok ? id : null;
}

export async function editListMeta(list: RiskList, meta: ListMeta): Promise<boolean> {
  return attempt(() => updateListMeta(list, meta));
}

/**
 * 开始下一期: the next period's list from this one's open work (see cycle/carryOver.ts); says how much was carried and
 * how many carried deadlines have passed already.
 */
export async function startNextPeriodOf(listId: Id, meta: ListMeta, choice: Pick<CarryOptions, 'closed' | 'status'>): Promise<Id | null> {
  let result: ReturnType<typeof startNextPeriod> | null = null;
  const ok = await attempt(async () => {
    const content = await store.loadListContent(listId);
    if (!content) throw new Error('本期清单已不存在');
    const reading = deadlineReading(content.list, todayIso());
    result = startNextPeriod(content, meta, { ...choice, today: reading.today, dueDate: reading.dueDate });
    return result.patch;
  });
  const r = result as ReturnType<typeof startNextPeriod> | null;
  if (!ok || !r) return null;
  const late = r.pastDeadlines.length ? `其中 ${r.pastDeadlines.length} 条措施的完成时限已过，已标为逾期，请复核。` : '';
  showMessage(`已开始下一期：带入 ${r.carriedProblems} 个问题、${r.carriedMeasures} 条措施。${late}`);
  return r.list.id;
}

export async function deleteExistingList(listId: Id): Promise<boolean> {
  const ok = await attempt(async () => {
    const content = await store.loadListContent(listId);
    if (!content) throw new Error('要删除的清单已不存在');
    // its rounds and their snapshots go with it, in the same step (one undo brings all back)
    const rounds = roundsDeletion(await store.loadRounds(listId));
    const list = deleteList(content);
    return { label: list.label, ops: [...rounds.ops, ...list.ops] };
  });
  if (ok) showMessage('已删除清单。如是误删，可点“撤销”恢复。');
  return ok;
}

export async function openSample(): Promise<Id | null> {
  // the sample is only fetched when asked for, so it costs nothing at start-up
  const sample = (await import('../../samples/sample-list.json')).default as unknown as SampleFile;
  let id: Id | null = null;
  const ok = await attempt(async () => {
    const { patch, list } = samplePatch(sample, await store.loadDirectory());
    id = list.id;
    return patch;
  });
  return ok ? id : null;
}
