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
}

export const problemRowId = (problemId: Id): string => `p-${problemId}`;

/** Groups measures by problem in one pass; O(n log n) for the sort, never a scan per problem. */
export function measuresByProblem(measures: readonly Measure[]): Map<Id, Measure[]> {
  const map = new Map<Id, Measure[]>();
  for (const m of measures) {
    const list = map.get(m.problemId);
    if (list) list.push(m);
    else map.set(m.problemId, [m]);
  }
  for (const list of map.values()) list.sort(byOrder);
  return map;
}

export function buildRows(problems: readonly Problem[], measures: readonly Measure[]): RiskRow[] {
  const grouped = measuresByProblem(measures);
  const rows: RiskRow[] = [];
  const sorted = [...problems].sort(byOrder);
  sorted.forEach((p, index) => {
    const base = { problemId: p.id, serial: index + 1, problem: p.text, level: p.level, category: p.category };
    const ms = grouped.get(p.id);
    if (!ms || ms.length === 0) {
      rows.push({
        ...base,
        rowId: problemRowId(p.id),
        measureId: null,
        measureIndex: 0,
        measure: '',
        departmentIds: [],
        leaderIds: [],
        deadline: '',
        status: '',
        note: '',
      });
      return;
    }
    ms.forEach((m, measureIndex) => {
      rows.push({
        ...base,
        rowId: m.id,
        measureId: m.id,
        measureIndex,
        measure: m.text,
        departmentIds: m.departmentIds,
        leaderIds: m.leaderIds,
        deadline: m.deadline,
        status: m.status,
        note: m.note,
      });
    });
  });
  return rows;
}
