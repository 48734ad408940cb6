import { createList, deleteList, duplicateList, updateListMeta, type ListMeta } from '../domain/lists';
import { samplePatch, type SampleFile } from '../domain/sample';
import type { Id, RiskList } from '../domain/types';
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

export async function duplicateExistingList(listId: Id, meta: ListMeta): Promise<Id | null> {
  let id: Id | null = null;
  const ok = await attempt(async () => {
    const content = await store.loadListContent(listId);
    if (!content) throw new Error('要复制的清单已不存在');
    const { patch, list } = duplicateList(content, meta);
    id = list.id;
    return patch;
  });
  if (ok) showMessage('已复制清单，可在新清单中继续下一期的工作。');
  return ok ? id : null;
}

export async function deleteExistingList(listId: Id): Promise<boolean> {
  const ok = await attempt(async () => {
    const content = await store.loadListContent(listId);
    if (!content) throw new Error('要删除的清单已不存在');
    return deleteList(content);
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
