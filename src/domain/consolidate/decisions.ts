import type { Directory } from '../types';
import { isPeopleField, ValueKeys, type BaseRow, type FieldValue, type MergeField, type RowValues } from './model';
import { problemTarget, type AddedRow, type Conflict, type MergeResult, type TargetKey } from './merge';

/** What the user chose in the preview: per conflict mine / theirs (one copy's) / both texts; rows to delete or skip. */
export type Resolution = { choice: 'mine' } | { choice: 'theirs'; copy: number } | { choice: 'both' };

export interface Decisions {
  /** by conflict id; a conflict without a choice keeps the list's value */
  resolutions?: ReadonlyMap<string, Resolution>;
  /** missing rows (by id) the user chose to delete */
  deletions?: ReadonlySet<string>;
  /** added rows (by id) the user chose not to add */
  skipped?: ReadonlySet<string>;
  /** a new department or leader name (by `${kind}:${nameKey}`, as the import maps them) → the existing record it is */
  mapped?: ReadonlyMap<string, string>;
}

export interface Edit {
  value: FieldValue;
  copies: number[];
}

/** The value a resolution gives, or null when the list keeps its own. */
export function resolvedValue(conflict: Conflict, resolution: Resolution | undefined, keys: ValueKeys): Edit | null {
  if (!resolution || resolution.choice === 'mine') return null;
  if (resolution.choice === 'theirs') {
    const v = conflict.values.find((x) => x.copy === resolution.copy) ?? conflict.values[0]!;
    return { value: v.value, copies: [v.copy] };
  }
  // both: the list's own value when it changed since sending, then each copy's, each distinct value once
  const values: FieldValue[] = [...(conflict.appChanged ? [conflict.mine] : []), ...conflict.values.map((v) => v.value)];
  const copies = [...new Set(conflict.values.map((v) => v.copy))];
  if (isPeopleField(conflict.field)) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const v of values as string[][]) {
      for (const n of v) {
        const k = keys.name(conflict.field, n);
        if (!seen.has(k)) {
          seen.add(k);
          names.push(n);
        }
      }
    }
    return { value: names, copies };
  }
  const texts: string[] = [];
  const seen = new Set<string>();
  for (const v of values as string[]) {
    const k = keys.key(conflict.field, v);
    if (k && !seen.has(k)) {
      seen.add(k);
      texts.push(v);
    }
  }
  return { value: texts.join('\n'), copies };
}

/** Every field to set, by target (row key or problem), after the user's choices. */
export function finalEdits(result: MergeResult, decisions: Decisions, directory: Directory): Map<TargetKey, Map<MergeField, Edit>> {
  const keys = new ValueKeys(directory);
  const edits = new Map<TargetKey, Map<MergeField, Edit>>();
  const set = (target: TargetKey, field: MergeField, edit: Edit) => {
    let m = edits.get(target);
    if (!m) edits.set(target, (m = new Map()));
    m.set(field, edit);
  };
  for (const c of result.changes) set(c.target, c.field, { value: c.to, copies: c.copies });
  for (const c of result.conflicts) {
    const edit = resolvedValue(c, decisions.resolutions?.get(c.id), keys);
    if (edit) set(c.target, c.field, edit);
  }
  return edits;
}

export function deletedKeys(result: MergeResult, decisions: Decisions): Set<string> {
  const out = new Set<string>();
  for (const m of result.missing) if (decisions.deletions?.has(m.id)) out.add(m.baseKey);
  return out;
}

export interface MergedRow extends RowValues {
  /** the base row it is (null for an added row) */
  baseKey: string | null;
  added: AddedRow | null;
  sheet?: string;
  /** copies whose changes it took */
  copies: number[];
}

/**
 * The merged list as rows, in the list's order: each row with its changes, the rows the copies added after the last
 * row of the problem they join (new problems at the end), deleted rows left out. Conflicting fields keep the list's
 * value unless resolved.
 */
export function mergedRows(result: MergeResult, decisions: Decisions, directory: Directory): MergedRow[] {
  const edits = finalEdits(result, decisions, directory);
  const deleted = deletedKeys(result, decisions);
  const under = new Map<string, AddedRow[]>(); // problemId → its added rows
  const problemOf = new Map(result.base.map((r) => [r.key, r.problemId] as const));
  const newProblems: AddedRow[] = [];
  for (const a of result.added) {
    if (decisions.skipped?.has(a.id)) continue;
    const pid = a.underKey ? problemOf.get(a.underKey) : undefined;
    if (pid === undefined) newProblems.push(a);
    else {
      const list = under.get(pid) ?? [];
      list.push(a);
      under.set(pid, list);
    }
  }
  const out: MergedRow[] = [];
  const lastOfProblem = new Map<string, number>();
  result.base.forEach((r, i) => lastOfProblem.set(r.problemId, i));
  const withEdits = (r: BaseRow): MergedRow => {
    const row: MergedRow = { ...valuesOf(r), baseKey: r.key, added: null, copies: [], ...(r.sheet ? { sheet: r.sheet } : {}) };
    for (const target of [problemTarget(r.problemId), r.key]) {
      for (const [field, e] of edits.get(target) ?? []) {
        (row as unknown as Record<string, FieldValue>)[field] = e.value;
        for (const c of e.copies) if (!row.copies.includes(c)) row.copies.push(c);
      }
    }
    return row;
  };
  const addedRow = (a: AddedRow, problem: Pick<RowValues, 'problem' | 'level' | 'category'> | null): MergedRow => ({
    ...a.values,
    ...(problem ? { problem: problem.problem, level: problem.level, category: problem.category } : {}),
    baseKey: null,
    added: a,
    copies: [a.copy, ...a.alsoIn],
    ...(a.sheet ? { sheet: a.sheet } : {}),
  });
  result.base.forEach((r, i) => {
    const row = withEdits(r);
    if (!deleted.has(r.key)) out.push(row);
    if (lastOfProblem.get(r.problemId) === i) for (const a of under.get(r.problemId) ?? []) out.push(addedRow(a, row));
  });
  for (const a of newProblems) out.push(addedRow(a, null));
  return out;
}

const valuesOf = (r: BaseRow): RowValues => ({
  problem: r.problem,
  level: r.level,
  category: r.category,
  measure: r.measure,
  departments: r.departments,
  leaders: r.leaders,
  deadline: r.deadline,
  status: r.status,
  note: r.note,
});
