import { byOrder } from './order';
import type { Id, Measure, Problem } from './types';

/**
 * One grid row per measure; a problem without measures still shows as one row (measureId null) so that it can be seen
 * and given its first measure.
 */
export interface RiskRow {
  rowId: string;
  problemId: Id;
  measureId: Id | null;
  serial: number; // 1-based number of the problem
  measureIndex: number; // 0-based position among its problem's rows: the first row carries the problem's handle
  problem: string;
  level: string;
  category: string;
  measure: string;
  departmentIds: Id[];
  leaderIds: Id[];
  deadline: string;
  status: string;
  note: string;
  /**
   * 销号: the date the measure was closed, '' while it is open (a closed row is shown apart, hidden by the filter's
   * “隐藏已销号”, and its status reads 已销号（date） in exports and prints)
   */
  closed: string;
  /**
   * 退回修改: what the reviewing leader asked to change (“张校长退回修改：请写明频次”), '' unless the measure is returned;
   * the grid marks the measure's cell with it and the filter bar finds these rows
   */
  returned: string;
  /** the 进展情况 of the round a view shows, when it shows one (the grid: cycle/progress.ts); kept per round, not on the measure */
  progress?: string;
}

export const problemRowId = (problemId: Id): string => `p-${problemId}`;

type MeasureCells = Pick<RiskRow, 'measure' | 'departmentIds' | 'leaderIds' | 'deadline' | 'status' | 'note' | 'closed' | 'returned'>;

/** A returned measure's note as the grid shows it on hover; '' for a measure not returned. */
export function returnedNote(m: Measure | null): string {
  const review = m?.review;
  if (!review || review.state !== 'returned') return '';
  return `${review.by || '领导'}退回修改：${review.comment}`;
}

/**
 * The cells a measure fills in its row (empty for a problem without measures), for a row changed in place. rowOf writes
 * the same cells into its literal (a spread per row cost too much there); a test keeps the two alike.
 */
export function measureCells(m: Measure | null): MeasureCells {
  return m
    ? { measure: m.text, departmentIds: m.departmentIds, leaderIds: m.leaderIds, deadline: m.deadline, status: m.status, note: m.note, closed: m.closed?.date ?? '', returned: returnedNote(m) }
    : { measure: '', departmentIds: [], leaderIds: [], deadline: '', status: '', note: '', closed: '', returned: '' };
}

/** Groups measures by problem in one pass; O(n log n) for the sort, never a scan per problem. */
export function measuresByProblem(measures: readonly Measure[]): Map<Id, Measure[]> {
  const map = new Map<Id, Measure[]>();
  for (const m of measures) {
    const list = map.get(m.problemId);
    if (list) list.push(m);
    else map.set(m.problemId, [m]);
  }
  // an open list's measures come sorted, and so does each group: only a group out of order is sorted
  for (const list of map.values()) if (!isSorted(list)) list.sort(byOrder);
  return map;
}

const isSorted = (records: readonly { order: number }[]): boolean => {
  for (let i = 1; i < records.length; i++) if (records[i - 1]!.order > records[i]!.order) return false;
  return true;
};

/**
 * Visits the rows in display order: each problem by order, then its measures by order (a problem without measures
 * once, with null). Builders make their own row objects in one literal each: spreading shared parts into every row
 * of a long list cost more than the rest of building it.
 */
export function forEachRow(
  problems: readonly Problem[],
  measures: readonly Measure[],
  visit: (problem: Problem, measure: Measure | null, serial: number, measureIndex: number) => void,
): void {
  const grouped = measuresByProblem(measures);
  const sorted = isSorted(problems) ? problems : [...problems].sort(byOrder);
  for (let index = 0; index < sorted.length; index++) {
    const p = sorted[index]!;
    const ms = grouped.get(p.id);
    if (!ms || ms.length === 0) visit(p, null, index + 1, 0);
    else for (let k = 0; k < ms.length; k++) visit(p, ms[k]!, index + 1, k);
  }
}

export function buildRows(problems: readonly Problem[], measures: readonly Measure[]): RiskRow[] {
  const rows: RiskRow[] = [];
  forEachRow(problems, measures, (p, m, serial, measureIndex) => rows.push(rowOf(p, m, serial, measureIndex)));
  return rows;
}

/** One row, in one literal (see forEachRow). */
export function rowOf(p: Problem, m: Measure | null, serial: number, measureIndex: number): RiskRow {
  return {
    rowId: m ? m.id : problemRowId(p.id),
    problemId: p.id,
    measureId: m ? m.id : null,
    serial,
    measureIndex,
    problem: p.text,
    level: p.level,
    category: p.category,
    measure: m ? m.text : '',
    departmentIds: m ? m.departmentIds : [],
    leaderIds: m ? m.leaderIds : [],
    deadline: m ? m.deadline : '',
    status: m ? m.status : '',
    note: m ? m.note : '',
    closed: m?.closed?.date ?? '',
    returned: returnedNote(m),
  };
}
