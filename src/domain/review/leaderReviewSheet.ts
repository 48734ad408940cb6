import type { Directory, Id, ListContent, Measure, Problem } from '../types';
import { leaderScope } from './leaderReview';
import type { Finding } from './types';

/** One measure as a leader's review page lists it: the names it shows and the open findings on it. */
export interface ReviewSheetMeasure {
  measure: Measure;
  departments: string; // 、-joined, '' when none
  leaders: string;
  findings: Finding[];
}

export interface ReviewSheetProblem {
  problem: Problem;
  serial: number; // the problem's 序号 in the whole list, as the grid and the export number it
  findings: Finding[]; // findings about the problem itself
  measures: ReviewSheetMeasure[];
}

export interface LeaderReviewSheet {
  /** the measures under review (the leader's, or every measure for the office) */
  scope: Measure[];
  problems: ReviewSheetProblem[];
}

/**
 * What a leader's review page shows: the problems that have a measure in the leader's scope (null: the whole unit),
 * each with its list-wide 序号 and only those measures. A finding about a problem's text is shown on the problem, any
 * other on its measure; dismissed findings are not shown (they are settled, and the export lists them).
 */
export function leaderReviewSheet(content: ListContent, directory: Directory, leaderId: Id | null, findings: readonly Finding[]): LeaderReviewSheet {
  const scope = leaderId ? leaderScope(content, directory, leaderId) : content.measures;
  const findingsOf = new Map<Id, Finding[]>();
  for (const f of findings) {
    if (f.dismissed) continue;
    const key = f.measureId && f.field !== 'problem' ? f.measureId : f.problemId;
    const list = findingsOf.get(key);
    if (list) list.push(f);
    else findingsOf.set(key, [f]);
  }
  const departmentName = new Map(directory.departments.map((d) => [d.id, d.name]));
  const leaderName = new Map(directory.leaders.map((l) => [l.id, l.name]));
  const names = (ids: readonly Id[], of: ReadonlyMap<Id, string>) => ids.map((id) => of.get(id)).filter(Boolean).join('、');
  const measuresOf = new Map<Id, ReviewSheetMeasure[]>();
  for (const m of scope) {
    const entry = { measure: m, departments: names(m.departmentIds, departmentName), leaders: names(m.leaderIds, leaderName), findings: findingsOf.get(m.id) ?? [] };
    const list = measuresOf.get(m.problemId);
    if (list) list.push(entry);
    else measuresOf.set(m.problemId, [entry]);
  }
  const problems: ReviewSheetProblem[] = [];
  content.problems.forEach((p, i) => {
    const measures = measuresOf.get(p.id);
    if (measures) problems.push({ problem: p, serial: i + 1, findings: findingsOf.get(p.id) ?? [], measures });
  });
  return { scope, problems };
}
