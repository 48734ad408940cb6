import { NameResolver } from '../names/nameResolver';
import type { ImportRow } from '../import/types';
import { cleanText, nameKey } from '../text';
import type { Directory } from '../types';
import { BaseIndex, DEFAULT_THRESHOLD, type RowMatch } from './match';
import {
  copyValue,
  MERGE_FIELDS,
  PROBLEM_FIELDS,
  ValueKeys,
  type BaseRow,
  type FieldValue,
  type MergeField,
  type RowValues,
} from './model';
import { normalise } from './similarity';

/**
 * Merging the departments' returned copies into the list. Each copy is matched to the list (see match.ts) and
 * compared field by field with what it was sent: the value in the list when it was sent out (the distribution
 * record's snapshot), or, for a copy sent before any record or a foreign table, the list's current value. A field a
 * copy changed becomes a change, unless another copy changed it differently or the list itself changed it since it
 * was sent: then it is a conflict, left as it is in the list until the user chooses. Rows the copy lacks are reported
 * as missing, never deleted unless the user asks.
 */
export interface CopyInput {
  file: string;
  rows: readonly ImportRow[];
  /** the table's title row: a copy we sent names its department at its end, “…（德育处）” */
  title?: string;
  /** who the copy is from, when the caller knows */
  department?: string;
  /** the rows sent in this copy (from the distribution record): what “missing” is counted against */
  sentKeys?: readonly string[];
  /** compared with the values as sent (the snapshot); a foreign copy, or one sent before the record, with the list's current values */
  asSent?: boolean;
}

export interface MergeOptions {
  directory: Directory;
  threshold?: number;
  /** row key → the row's values when the list was sent out (used for the copies marked asSent) */
  snapshot?: Readonly<Record<string, RowValues>> | null;
  /** departments the list was sent to; those without a copy are reported */
  expected?: readonly string[];
}

/** Where a change or a value sits: the row's key, or `problem:<id>` for a problem's own fields. */
export type TargetKey = string;
export const problemTarget = (problemId: string): TargetKey => `problem:${problemId}`;

export interface Proposal {
  copy: number;
  excelRow: number;
  sheet: string;
  target: TargetKey;
  /** the base row shown for it (a problem's first row) */
  baseKey: string;
  field: MergeField;
  from: FieldValue; // the list's value now
  to: FieldValue;
  /** the value as sent differs from the list's now: the app changed it since */
  appChanged: boolean;
  sent: FieldValue;
}

export interface Change {
  target: TargetKey;
  baseKey: string;
  field: MergeField;
  from: FieldValue;
  to: FieldValue;
  copies: number[];
}

export interface ConflictValue {
  copy: number;
  excelRow: number;
  value: FieldValue;
}

export interface Conflict {
  id: string;
  target: TargetKey;
  baseKey: string;
  field: MergeField;
  /** the list's value now (“mine”) */
  mine: FieldValue;
  /** the value when sent out */
  sent: FieldValue;
  /** the list changed it since it was sent */
  appChanged: boolean;
  values: ConflictValue[];
}

export interface AddedRow {
  id: string;
  copy: number;
  excelRow: number;
  sheet: string;
  values: RowValues;
  /** the base row whose problem it joins, or null for a new problem */
  underKey: string | null;
  /** the base row it was split from */
  splitOf: string | null;
  /** other copies that added the same row */
  alsoIn: number[];
}

export interface MissingRow {
  id: string;
  copy: number;
  baseKey: string;
}

export interface CopyResult {
  file: string;
  department: string | null;
  sheets: string[];
  rows: number;
  matches: RowMatch[];
  unchanged: number;
  proposals: Proposal[];
  added: AddedRow[];
  missing: MissingRow[];
}

export interface MergeResult {
  base: readonly BaseRow[];
  threshold: number;
  copies: CopyResult[];
  changes: Change[];
  conflicts: Conflict[];
  added: AddedRow[];
  missing: MissingRow[];
  /** departments expected back that sent no copy */
  notReturned: string[];
}

export function mergeCopies(base: readonly BaseRow[], copies: readonly CopyInput[], options: MergeOptions): MergeResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const index = new BaseIndex(base);
  return mergeWithIndex(index, copies, options, threshold);
}

export function mergeWithIndex(index: BaseIndex, copies: readonly CopyInput[], options: MergeOptions, threshold: number): MergeResult {
  const base = index.rows;
  const keys = new ValueKeys(options.directory);
  const snapshot = options.snapshot ?? null;
  const firstOfProblem = new Map<string, BaseRow>();
  for (const r of base) if (!firstOfProblem.has(r.problemId)) firstOfProblem.set(r.problemId, r);
  const sentValue = (row: BaseRow, field: MergeField, asSent: boolean): FieldValue => {
    const rowForField = PROBLEM_FIELDS.has(field) ? firstOfProblem.get(row.problemId)! : row;
    const snap = asSent ? snapshot?.[rowForField.key] : undefined;
    return snap ? snap[field] : rowForField[field];
  };

  const problemTexts = new Set(index.f.map((f) => f.p));
  const normOf = (b: BaseRow) => index.f[index.byKey.get(b.key)!]!.p;
  const results: CopyResult[] = copies.map((copy, c) => compareCopy(copy, c));
  const { changes, conflicts } = combine(results.flatMap((r) => r.proposals));
  const added = dedupeAdded(results.flatMap((r) => r.added));
  const returned = new Set(results.map((r) => r.department).filter((d): d is string => !!d).map((d) => keys.name('departments', d)));
  const expected = options.expected ?? (returned.size > 0 ? departmentsOf(base) : []);
  const notReturned = expected.filter((d) => !returned.has(keys.name('departments', d)));
  return { base, threshold, copies: results, changes, conflicts, added, missing: results.flatMap((r) => r.missing), notReturned };

  function compareCopy(copy: CopyInput, c: number): CopyResult {
    const matches = index.match(copy.rows, threshold);
    const proposals: Proposal[] = [];
    const added: AddedRow[] = [];
    const matched = new Set<string>();
    const problemDone = new Map<string, Set<MergeField>>(); // a problem's fields are taken from its first changed row
    let unchanged = 0;
    let previous: { p: string; underKey: string | null } | null = null;
    copy.rows.forEach((row, i) => {
      const m = matches[i]!;
      const b = m.baseKey !== null ? base[index.byKey.get(m.baseKey)!]! : null;
      const text = cleanText(row.problem);
      const p = b && text === b.problem ? normOf(b) : normalise(text);
      if (b && m.how !== 'split') {
        matched.add(b.key);
        let changedHere = 0;
        // a row moved under another of the list's problems (cut and inserted in Excel) shows that problem's cells:
        // not a change of its own problem, which keeps its text, level and category
        const moved = p !== '' && p !== normOf(b) && problemTexts.has(p);
        for (const field of MERGE_FIELDS) {
          if (moved && PROBLEM_FIELDS.has(field)) continue;
          const value = copyValue(row, field);
          if (value === undefined) continue;
          const sent = sentValue(b, field, copy.asSent ?? false);
          if (keys.same(field, value, sent)) continue;
          const problemField = PROBLEM_FIELDS.has(field);
          const target = problemField ? problemTarget(b.problemId) : b.key;
          if (problemField) {
            const done = problemDone.get(b.problemId) ?? new Set<MergeField>();
            problemDone.set(b.problemId, done);
            if (done.has(field)) continue;
            done.add(field);
          }
          const now = problemField ? firstOfProblem.get(b.problemId)![field] : b[field];
          if (keys.same(field, value, now)) continue; // the list has it already
          changedHere++;
          proposals.push({
            copy: c,
            excelRow: row.excelRow,
            sheet: row.sheet ?? '',
            target,
            baseKey: problemField ? firstOfProblem.get(b.problemId)!.key : b.key,
            field,
            from: now,
            to: value,
            sent,
            appChanged: !keys.same(field, sent, now),
          });
        }
        if (changedHere === 0) unchanged++;
        previous = { p, underKey: b.key };
        return;
      }
      // a new row (or a piece of a split measure): under the problem it continues, names, or resembles
      let underKey: string | null;
      if (b) underKey = b.key;
      else if (row.ids && index.rows.some((x) => x.problemId === row.ids!.problemId)) underKey = index.rows.find((x) => x.problemId === row.ids!.problemId)!.key;
      else if (previous && (p === '' || p === previous.p)) underKey = previous.underKey;
      else {
        const similar = index.similarProblem(row.problem, threshold);
        underKey = similar >= 0 ? base[similar]!.key : null;
      }
      const values = rowValues(row);
      if (underKey) {
        // the row joins that problem: it takes the problem's fields as the list has them
        const under = base[index.byKey.get(underKey)!]!;
        values.problem = under.problem;
        values.level = under.level;
        values.category = under.category;
      }
      added.push({ id: `${c}:${i}`, copy: c, excelRow: row.excelRow, sheet: row.sheet ?? '', values, underKey, splitOf: m.how === 'split' ? m.baseKey : null, alsoIn: [] });
      previous = { p, underKey: underKey ?? `new:${c}:${p}` };
    });
    for (const a of added) if (a.underKey?.startsWith('new:')) a.underKey = null;

    const department = detectDepartment(copy, options.directory, base) ?? commonDepartment(matched, copy.rows.length);
    const scope = scopeOf(copy, department, matched);
    const missing = scope.filter((k) => !matched.has(k)).map((k) => ({ id: `${c}:${k}`, copy: c, baseKey: k }));
    const sheets = [...new Set(copy.rows.map((r) => r.sheet ?? '').filter(Boolean))];
    return { file: copy.file, department, sheets, rows: copy.rows.length, matches, unchanged, proposals, added, missing };
  }

  /** What a copy was meant to hold: the rows sent in it, else its department's rows when it is that part, else all. */
  function scopeOf(copy: CopyInput, department: string | null, matched: ReadonlySet<string>): string[] {
    if (copy.sentKeys) return copy.sentKeys.filter((k) => index.byKey.has(k));
    if (department) {
      const d = keys.name('departments', department);
      const own = base.filter((r) => r.departments.some((n) => keys.name('departments', n) === d)).map((r) => r.key);
      const ownSet = new Set(own);
      let inside = 0;
      for (const k of matched) if (ownSet.has(k)) inside++;
      if (own.length > 0 && matched.size > 0 && inside >= 0.8 * matched.size) return own;
    }
    return base.map((r) => r.key);
  }

  /**
   * A copy that names no department but holds only part of the list, every row of it one department's: that
   * department's part (a file renamed on the way back, a title retyped).
   */
  function commonDepartment(matched: ReadonlySet<string>, rows: number): string | null {
    if (matched.size === 0 || matched.size >= base.length || rows >= base.length) return null;
    let common: Map<string, string> | null = null;
    for (const k of matched) {
      const r = base[index.byKey.get(k)!]!;
      const own = new Map(r.departments.map((n) => [keys.name('departments', n), n] as const));
      if (common === null) common = own;
      else for (const key of [...common.keys()]) if (!own.has(key)) common.delete(key);
      if (common.size === 0) return null;
    }
    if (!common) return null;
    // of several (every row is 党办's and 德育处's), the one with the fewest rows in the list: the part it is
    let best: string | null = null;
    let fewest = Infinity;
    for (const [key, name] of common) {
      const n = base.filter((r) => r.departments.some((x) => keys.name('departments', x) === key)).length;
      if (n < fewest) [best, fewest] = [name, n];
    }
    return best;
  }

  function combine(proposals: readonly Proposal[]): { changes: Change[]; conflicts: Conflict[] } {
    const groups = new Map<string, Proposal[]>();
    for (const p of proposals) {
      const k = `${p.target}\u0000${p.field}`;
      const g = groups.get(k);
      if (g) g.push(p);
      else groups.set(k, [p]);
    }
    const changes: Change[] = [];
    const conflicts: Conflict[] = [];
    for (const g of groups.values()) {
      const first = g[0]!;
      const appChanged = g.some((p) => p.appChanged);
      const sent = (g.find((p) => p.appChanged) ?? first).sent;
      const distinct = new Set(g.map((p) => keys.key(first.field, p.to)));
      if (distinct.size === 1 && !appChanged) {
        changes.push({ target: first.target, baseKey: first.baseKey, field: first.field, from: first.from, to: first.to, copies: [...new Set(g.map((p) => p.copy))] });
      } else {
        conflicts.push({
          id: `${first.target}:${first.field}`,
          target: first.target,
          baseKey: first.baseKey,
          field: first.field,
          mine: first.from,
          sent,
          appChanged,
          values: g.map((p) => ({ copy: p.copy, excelRow: p.excelRow, value: p.to })),
        });
      }
    }
    return { changes, conflicts };
  }

  /** The same row added by two copies is added once. */
  function dedupeAdded(rows: AddedRow[]): AddedRow[] {
    const seen = new Map<string, AddedRow>();
    const out: AddedRow[] = [];
    for (const a of rows) {
      const k = `${a.underKey ?? normalise(a.values.problem)}|${normalise(a.values.measure)}`;
      const first = seen.get(k);
      if (first && first.copy !== a.copy) {
        if (!first.alsoIn.includes(a.copy)) first.alsoIn.push(a.copy);
        continue;
      }
      seen.set(k, a);
      out.push(a);
    }
    return out;
  }
}

function rowValues(row: ImportRow): RowValues {
  return {
    problem: cleanText(row.problem),
    level: cleanText(row.level ?? ''),
    category: cleanText(row.category ?? ''),
    measure: cleanText(row.measure),
    departments: [...row.departments],
    leaders: [...row.leaders],
    deadline: cleanText(row.deadline ?? ''),
    status: cleanText(row.status ?? ''),
    note: cleanText(row.note ?? ''),
  };
}

/** Every department the list names, in order of first use. */
export function departmentsOf(rows: readonly BaseRow[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    for (const d of r.departments) {
      const k = nameKey(d);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(d);
      }
    }
  }
  return out;
}

const TITLE_SUFFIX = /[（(]([^（）()]{1,30})[)）]\s*$/;

/**
 * Who a copy is from: the caller's word, else the department its title ends with (“…（德育处）”, as the copies we
 * send out are titled), else a department the file or sheet is named after. Only a known name or alias counts for
 * a name found inside a file name; a title's or caller's name is kept as written.
 */
export function detectDepartment(copy: CopyInput, directory: Directory, base: readonly BaseRow[]): string | null {
  const known = NameResolver.of(directory, 'department');
  const listNames = departmentsOf(base);
  const canonical = (name: string): string | null => {
    const k = nameKey(name);
    const record = known.lookup(name);
    if (record) return record.name;
    return listNames.find((n) => nameKey(n) === k) ?? null;
  };
  if (copy.department) return canonical(copy.department) ?? cleanText(copy.department);
  const suffix = copy.title ? TITLE_SUFFIX.exec(copy.title)?.[1] : undefined;
  if (suffix) {
    const c = canonical(suffix);
    if (c) return c;
  }
  const names = [...directory.departments.flatMap((d) => [d.name, ...d.aliases]), ...listNames].filter((n) => nameKey(n).length >= 2);
  names.sort((a, b) => nameKey(b).length - nameKey(a).length);
  const sheets = [...new Set(copy.rows.map((r) => r.sheet ?? ''))];
  for (const text of [copy.file.replace(/\.[a-z]+$/i, ''), ...sheets]) {
    const k = nameKey(text);
    const hit = names.find((n) => k.includes(nameKey(n)));
    if (hit) return canonical(hit) ?? hit;
  }
  return suffix ? cleanText(suffix) : null;
}

