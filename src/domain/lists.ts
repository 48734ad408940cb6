import { DomainError } from './errors';
import { newId } from './ids';
import { create, remove, update, type Patch } from './patch';
import { cleanStatusOptions, type StatusOption } from './status';
import { cleanName, cleanText } from './text';
import type { Id, ListContent, RiskList } from './types';

export interface ListMeta {
  unit: string;
  title: string;
  period: string;
  /** left out: the list keeps the statuses it has (a new one: the defaults) */
  statuses?: StatusOption[];
}

function cleanMeta(meta: ListMeta): ListMeta {
  const clean: ListMeta = { unit: cleanName(meta.unit), title: cleanText(meta.title), period: cleanName(meta.period) };
  if (!clean.title) throw new DomainError('请填写清单标题，例如“2026年意识形态领域风险“三清单””。');
  if (meta.statuses) clean.statuses = cleanStatusOptions(meta.statuses);
  return clean;
}

export function createList(meta: ListMeta, now = Date.now()): { patch: Patch; list: RiskList } {
  const list: RiskList = { id: newId(), ...cleanMeta(meta), createdAt: now, updatedAt: now };
  return { patch: { label: `新建清单“${list.title}”`, ops: [create('lists', list)] }, list };
}

export function updateListMeta(list: RiskList, meta: ListMeta, now = Date.now()): Patch {
  return { label: `修改清单“${list.title}”的信息`, ops: [update('lists', list.id, { ...cleanMeta(meta), updatedAt: now })] };
}

/** The period after `period`: 2026年上半年 → 2026年下半年 → 2027年上半年; anything else is kept. */
export function nextPeriod(period: string): string {
  const m = /^(\d{4})\s*年\s*(上|下)半年$/.exec(period.trim());
  if (!m) return period;
  const year = Number(m[1]);
  return m[2] === '上' ? `${year}年下半年` : `${year + 1}年上半年`;
}

/** A copy of a list with new ids throughout; departments and leaders are shared, not copied. */
export function duplicateList(content: ListContent, meta: ListMeta, now = Date.now()): { patch: Patch; list: RiskList } {
  const list: RiskList = { id: newId(), ...cleanMeta(meta), createdAt: now, updatedAt: now };
  // the next period works with the same statuses, unless the dialog set others
  if (!list.statuses && content.list.statuses) list.statuses = content.list.statuses.map((s) => ({ ...s }));
  const ops = [create('lists', list)];
  const problemIds = new Map<Id, Id>();
  for (const p of content.problems) {
    const id = newId();
    problemIds.set(p.id, id);
    ops.push(create('problems', { ...p, id, listId: list.id }));
  }
  for (const m of content.measures) {
    const problemId = problemIds.get(m.problemId);
    if (!problemId) continue; // a measure of no problem cannot be shown; not copying it keeps the copy consistent
    ops.push(
      create('measures', {
        ...m,
        id: newId(),
        listId: list.id,
        problemId,
        departmentIds: [...m.departmentIds],
        leaderIds: [...m.leaderIds],
      }),
    );
  }
  return { patch: { label: `复制清单为“${list.title}”`, ops }, list };
}

export function deleteList(content: ListContent): Patch {
  return {
    label: `删除清单“${content.list.title}”`,
    ops: [
      ...content.measures.map((m) => remove('measures', m.id)),
      ...content.problems.map((p) => remove('problems', p.id)),
      remove('lists', content.list.id),
    ],
  };
}

export const listDisplayName = (l: Pick<RiskList, 'unit' | 'title' | 'period'>): string =>
  [l.unit, l.title].filter(Boolean).join(' ') + (l.period ? `（${l.period}）` : '');

/** The title a new list starts with (the new-list dialog, a pasted table without a title row). */
export const defaultListTitle = (today: Date): string => `${today.getFullYear()}年意识形态领域风险“三清单”`;
