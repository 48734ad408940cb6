import { fieldSpec, type FieldId } from '../fields';
import type { Id } from '../types';
import type { Snapshot, SnapshotMeasure } from './types';

/** The fields a snapshot keeps of each measure (and its problem's text), compared round to round. */
const DIFF_FIELDS = ['problem', 'measure', 'departments', 'leaders', 'deadline', 'status', 'note', 'progress'] as const satisfies readonly FieldId[];
export type DiffField = (typeof DIFF_FIELDS)[number];

/** The fields' names as the grid shows them (a round's 本轮进展情况, compared between two rounds, is its 进展情况). */
export const DIFF_FIELD_LABEL = { ...Object.fromEntries(DIFF_FIELDS.map((f) => [f, fieldSpec(f).label])), progress: '进展情况' } as Record<DiffField, string>;

export interface FieldChange {
  field: DiffField;
  from: string;
  to: string;
}

export interface MeasureDiff {
  measureId: Id;
  problem: string;
  measure: string;
  departments: string[];
  leaders: string[];
  changes: FieldChange[];
}

/** Two rounds (or a round and now) side by side: what a 研判会 asks of the half-year. */
export interface RoundDiff {
  added: MeasureDiff[]; // in the later, not in the earlier
  removed: MeasureDiff[]; // in the earlier, gone from the later (deleted, not closed)
  closed: MeasureDiff[]; // 销号 between the two (closed in the later, not in the earlier)
  reopened: MeasureDiff[];
  changed: MeasureDiff[]; // field by field, old → new
  carried: MeasureDiff[]; // in the later list, carried from a measure of the earlier one
  unchanged: number;
}

const names = (list: readonly string[]): string => list.join('、');

function entry(m: SnapshotMeasure, problem: string, changes: FieldChange[] = []): MeasureDiff {
  return { measureId: m.id, problem, measure: m.text, departments: m.departments, leaders: m.leaders, changes };
}

/**
 * Compares two snapshots of the same list, or a snapshot of one period's list with the next period's (carried measures
 * are matched through carriedFrom). Field changes are listed old → new in the grid's column order.
 */
export function diffSnapshots(earlier: Snapshot, later: Snapshot): RoundDiff {
  const problemText = (s: Snapshot) => new Map(s.problems.map((p) => [p.id, p.text]));
  const beforeText = problemText(earlier);
  const afterText = problemText(later);
  const before = new Map(earlier.measures.map((m) => [m.id, m]));
  const matchedBefore = new Set<Id>();
  const out: RoundDiff = { added: [], removed: [], closed: [], reopened: [], changed: [], carried: [], unchanged: 0 };
  for (const m of later.measures) {
    const carried = !before.has(m.id) && m.carriedFrom !== null && before.has(m.carriedFrom);
    const old = before.get(m.id) ?? (carried ? before.get(m.carriedFrom!) : undefined);
    const problem = afterText.get(m.problemId) ?? '';
    if (!old) {
      out.added.push(entry(m, problem));
      continue;
    }
    matchedBefore.add(old.id);
    const changes: FieldChange[] = [];
    const compare = (field: DiffField, from: string, to: string) => {
      if (from !== to) changes.push({ field, from, to });
    };
    compare('problem', beforeText.get(old.problemId) ?? '', problem);
    compare('measure', old.text, m.text);
    compare('departments', names(old.departments), names(m.departments));
    compare('leaders', names(old.leaders), names(m.leaders));
    compare('deadline', old.deadline, m.deadline);
    compare('status', old.status, m.status);
    compare('note', old.note, m.note);
    // each held round keeps its own 进展情况: two rounds compare what was reported for each (the list as it is now has
    // no round's text, and is not compared by it)
    if (old.progress !== undefined && m.progress !== undefined) compare('progress', old.progress, m.progress);
    const e = entry(m, problem, changes);
    if (carried) out.carried.push(e);
    if (m.closed && !old.closed) out.closed.push(e);
    else if (!m.closed && old.closed) out.reopened.push(e);
    if (changes.length) out.changed.push(e);
    else if (!carried && !!m.closed === !!old.closed) out.unchanged++;
  }
  for (const m of earlier.measures) {
    if (!matchedBefore.has(m.id)) out.removed.push(entry(m, beforeText.get(m.problemId) ?? ''));
  }
  return out;
}

/** The diff's measures of one department or leader (by name): the view per 责任部门 / 责任领导. */
export function diffFor(diff: RoundDiff, by: 'departments' | 'leaders', name: string): RoundDiff {
  const has = (d: MeasureDiff) => d[by].includes(name) || d.changes.some((c) => c.field === by && c.from.split('、').includes(name));
  return {
    added: diff.added.filter(has),
    removed: diff.removed.filter(has),
    closed: diff.closed.filter(has),
    reopened: diff.reopened.filter(has),
    changed: diff.changed.filter(has),
    carried: diff.carried.filter(has),
    unchanged: 0,
  };
}

/**
 * The departments or leaders a diff's measures name, in the order `known` gives (the directory), then the others: two
 * old rounds keep the names they had, so a filter offering only today's names would miss a department renamed since.
 */
export function diffNames(diff: RoundDiff, by: 'departments' | 'leaders', known: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const key of ['added', 'removed', 'closed', 'reopened', 'changed', 'carried'] as const) {
    for (const d of diff[key]) {
      for (const n of d[by]) seen.add(n);
      for (const c of d.changes) if (c.field === by) for (const n of c.from.split('、')) if (n) seen.add(n);
    }
  }
  const order = new Map(known.map((n, i) => [n, i]));
  return [...seen].sort((a, b) => (order.get(a) ?? known.length) - (order.get(b) ?? known.length) || a.localeCompare(b, 'zh-CN'));
}
