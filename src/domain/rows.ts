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

type MeasureCells = Pick<RiskRow, 'measure' | 'departmentIds' | 'leaderIds' | 'deadline' | 'status' | 'note'>;

/** The cells a measure fills in its row (empty for a problem without measures): one place that knows them. */
export function measureCells(m: Measure | null): MeasureCells {
  return m
    ? { measure: m.text, departmentIds: m.departmentIds, leaderIds: m.leaderIds, deadline: m.deadline, status: m.status, note: m.note }
    : { measure: '', departmentIds: [], leaderIds: [], deadline: '', status: '', note: '' };
}

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
  for (let index = 0; index < sorted.length; index++) {
    const p = sorted[index]!;
    const ms = grouped.get(p.id);
    if (!ms || ms.length === 0) {
      rows.push({
        rowId: problemRowId(p.id),
        problemId: p.id,
        measureId: null,
        serial: index + 1,
        measureIndex: 0,
        problem: p.text,
        level: p.level,
        category: p.category,
        ...measureCells(null),
      });
      continue;
    }
    for (let k = 0; k < ms.length; k++) {
      const m = ms[k]!;
      rows.push({
        rowId: m.id,
        problemId: p.id,
        measureId: m.id,
        serial: index + 1,
        measureIndex: k,
        problem: p.text,
        level: p.level,
        category: p.category,
        ...measureCells(m),
      });
    }
  }
  return rows;
}
