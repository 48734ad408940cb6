import { measuresByProblem, problemRowId } from '../rows';
import type { Id, ListContent } from '../types';
import type { Finding, FindingField, Severity } from './types';

/** The grid cell a finding is about, with what a mark there says. */
export interface FindingCell {
  rowId: string;
  field: FindingField;
  severity: Severity;
  message: string;
}

/** The grid row of a finding: its measure's, or its problem's first row (the problem cell spans from there). */
export function findingRowId(f: Finding, firstMeasure: ReadonlyMap<Id, Id>): string {
  return f.measureId ?? firstMeasure.get(f.problemId) ?? problemRowId(f.problemId);
}

/** Each problem's first measure in list order: where its row (and its spanning problem cell) starts. */
export function firstMeasures(content: Pick<ListContent, 'measures'>): Map<Id, Id> {
  const out = new Map<Id, Id>();
  for (const [problemId, ms] of measuresByProblem(content.measures)) if (ms[0]) out.set(problemId, ms[0].id);
  return out;
}

/**
 * One mark a cell for the open findings: an error outranks a warning, and the messages of several findings on one
 * cell are joined for its hover text. Dismissed findings leave no mark.
 */
export function findingCells(findings: readonly Finding[], firstMeasure: ReadonlyMap<Id, Id>): FindingCell[] {
  const byCell = new Map<string, FindingCell>();
  for (const f of findings) {
    if (f.dismissed) continue;
    const rowId = findingRowId(f, firstMeasure);
    const key = `${rowId}\u0000${f.field}`;
    const had = byCell.get(key);
    byCell.set(
      key,
      had
        ? { ...had, severity: had.severity === 'error' ? 'error' : f.severity, message: `${had.message}\n${f.message}` }
        : { rowId, field: f.field, severity: f.severity, message: f.message },
    );
  }
  return [...byCell.values()];
}
