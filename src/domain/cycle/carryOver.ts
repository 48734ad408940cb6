import { newId } from '../ids';
import { isClosedWork } from './closure';
import { createList, type ListMeta } from '../lists';
import { create, type Op, type Patch } from '../patch';
import { measuresByProblem } from '../rows';
import type { Id, ListContent, RiskList } from '../types';

export interface CarryOptions {
  /** 已销号 items: left behind (the usual), or carried as closed for the record */
  closed: 'skip' | 'carry-closed';
  /** statuses reset to 未开始, or kept as they were */
  status: 'reset' | 'keep';
  today: string; // YYYY-MM-DD
  /** the due date a deadline names, to flag those already past */
  dueDate?: (deadline: string, today: string) => string | null;
}

export interface CarryResult {
  patch: Patch;
  list: RiskList;
  /** carried measures whose deadline has passed: to review in the new period */
  pastDeadlines: Id[];
  carriedProblems: number;
  carriedMeasures: number;
}

export const RESET_STATUS = '未开始';

/** What 开始下一期 would take along: the open measures, and how many stay behind closed. */
export function carryCounts(content: { measures: readonly Pick<ListContent['measures'][number], 'status' | 'closed'>[] }): { openMeasures: number; closedMeasures: number } {
  let closed = 0;
  for (const m of content.measures) if (isClosedWork(m)) closed++;
  return { openMeasures: content.measures.length - closed, closedMeasures: closed };
}

/**
 * 开始下一期: the next period's list from this period's open work. Each carried problem and measure links back to the
 * one it continues (carriedFrom), so its history can be followed across periods; closed work stays in the old list.
 */
export function startNextPeriod(content: ListContent, meta: ListMeta, options: CarryOptions, now = Date.now()): CarryResult {
  const { patch: listPatch, list } = createList(meta, now);
  const ops: Op[] = [...listPatch.ops];
  const grouped = measuresByProblem(content.measures);
  const pastDeadlines: Id[] = [];
  let carriedProblems = 0;
  let carriedMeasures = 0;
  for (const p of content.problems) {
    const measures = grouped.get(p.id) ?? [];
    // closed by record or by the status 已销号 alone: the same 销号 (closure.ts isClosedWork)
    const keep = measures.filter((m) => options.closed === 'carry-closed' || !isClosedWork(m));
    const problemClosed = !!p.closed || (measures.length > 0 && measures.every(isClosedWork));
    if (options.closed === 'skip' && problemClosed) continue;
    const problemId = newId();
    carriedProblems++;
    ops.push(create('problems', { ...p, id: problemId, listId: list.id, carriedFrom: p.id, closed: options.closed === 'skip' ? null : (p.closed ?? null) }));
    for (const m of keep) {
      const id = newId();
      carriedMeasures++;
      // 长期坚持 is the kind of a measure, not a stage of its progress: it stays
      const status = options.status === 'reset' && !isClosedWork(m) && m.status.trim() !== '长期坚持' ? RESET_STATUS : m.status;
      ops.push(
        create('measures', {
          ...m,
          id,
          listId: list.id,
          problemId,
          status,
          departmentIds: [...m.departmentIds],
          leaderIds: [...m.leaderIds],
          carriedFrom: m.id,
          closed: m.closed ?? null,
        }),
      );
      const due = options.dueDate && m.deadline.trim() && !isClosedWork(m) ? options.dueDate(m.deadline.trim(), options.today) : null;
      if (due && due < options.today) pastDeadlines.push(id);
    }
  }
  return {
    patch: { label: `开始下一期“${list.title}”（带入 ${carriedProblems} 个问题、${carriedMeasures} 条措施）`, ops },
    list,
    pastDeadlines,
    carriedProblems,
    carriedMeasures,
  };
}
