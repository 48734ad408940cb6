import { byId, namesFor, type Person } from '../directory';
import { fieldSpec, isPeopleField as isPeopleFieldId, type FieldId } from '../fields';
import { NameResolver } from '../names/nameResolver';
import type { ImportRow } from '../import/types';
import { buildRows } from '../rows';
import { cleanText, nameKey } from '../text';
import type { Directory, Id, ListContent } from '../types';

/**
 * The rows a merge works on. A row is one measure (or a problem without measures) with its values as a table shows
 * them: departments and leaders by name, so that the list in the app, a base workbook on the command line and every
 * returned copy compare alike.
 */
export const MERGE_FIELDS = ['problem', 'level', 'category', 'measure', 'departments', 'leaders', 'deadline', 'status', 'note'] as const satisfies readonly FieldId[];
export type MergeField = (typeof MERGE_FIELDS)[number];
export type PeopleField = 'departments' | 'leaders';
export type TextMergeField = Exclude<MergeField, PeopleField>;

/** Fields that belong to the problem (one merged cell over its measures), not to each measure. */
export const PROBLEM_FIELDS: ReadonlySet<MergeField> = new Set<MergeField>(MERGE_FIELDS.filter((f) => fieldSpec(f).scope === 'problem'));
export const isPeopleField = (f: MergeField): f is PeopleField => isPeopleFieldId(f);

/** The fields' names as the tables the merge reads and writes head them. */
export const FIELD_TEXT = Object.fromEntries(MERGE_FIELDS.map((f) => [f, fieldSpec(f).exportLabel])) as Record<MergeField, string>;

export type FieldValue = string | string[];

export interface RowValues {
  problem: string;
  level: string;
  category: string;
  measure: string;
  departments: string[];
  leaders: string[];
  deadline: string;
  status: string;
  note: string;
}

/** A row of the list (or of the base workbook) as the merge sees it. */
export interface BaseRow extends RowValues {
  /** the measure id, or `p:<problemId>` for a problem without measures: what the hidden id column names */
  key: string;
  problemId: Id;
  measureId: Id | null;
  /** 0-based position in the list */
  index: number;
  /** the Excel row of a base workbook (command line) */
  excelRow?: number;
  sheet?: string;
}

export const rowKey = (measureId: Id | null, problemId: Id): string => measureId ?? `p:${problemId}`;

/** The list in the app as merge rows. */
export function listRows(content: ListContent, directory: Directory): BaseRow[] {
  const people = byId<Person>([...directory.departments, ...directory.leaders]);
  const sheetOf = new Map(content.measures.map((m) => [m.id, m.sheet] as const));
  return buildRows(content.problems, content.measures).map((r, index) => ({
    key: rowKey(r.measureId, r.problemId),
    problemId: r.problemId,
    measureId: r.measureId,
    index,
    problem: r.problem,
    level: r.level,
    category: r.category,
    measure: r.measure,
    departments: namesFor(people, r.departmentIds),
    leaders: namesFor(people, r.leaderIds),
    deadline: r.deadline,
    status: r.status,
    note: r.note,
    ...(r.measureId && sheetOf.get(r.measureId) ? { sheet: sheetOf.get(r.measureId) } : {}),
  }));
}

/**
 * A base workbook's rows (the command line's base: an export of ours, or any table). Rows that carry our ids keep
 * them, so that copies exported from the same list match by id; others get keys of their own, and rows that continue
 * a problem (same text, or an empty merged cell) share its problem.
 */
export function workbookRows(rows: readonly ImportRow[]): BaseRow[] {
  const out: BaseRow[] = [];
  let problemId = '';
  let problemText: string | null = null;
  let problems = 0;
  const seen = new Set<string>();
  rows.forEach((r, index) => {
    const text = cleanText(r.problem);
    if (r.ids) problemId = r.ids.problemId;
    else if (problemText === null || (text !== '' && text !== problemText)) problemId = `x${++problems}`;
    problemText = text || problemText || '';
    let key = r.ids ? rowKey(r.ids.measureId, r.ids.problemId) : `r${r.excelRow}:${r.sheet ?? ''}`;
    if (seen.has(key)) key = `${key}#${index}`;
    seen.add(key);
    out.push({
      key,
      problemId,
      measureId: r.ids?.measureId ?? key,
      index,
      problem: text || problemText,
      level: cleanText(r.level ?? ''),
      category: cleanText(r.category ?? ''),
      measure: cleanText(r.measure),
      departments: [...r.departments],
      leaders: [...r.leaders],
      deadline: cleanText(r.deadline ?? ''),
      status: cleanText(r.status ?? ''),
      note: cleanText(r.note ?? ''),
      excelRow: r.excelRow,
      ...(r.sheet ? { sheet: r.sheet } : {}),
    });
  });
  return out;
}

/** A copy's value for a field, or undefined when the copy has no such column (then it changes nothing). */
export function copyValue(row: ImportRow, field: MergeField): FieldValue | undefined {
  switch (field) {
    case 'departments':
    case 'leaders':
      return row[field];
    case 'problem':
    case 'measure':
      return cleanText(row[field]);
    default: {
      const v = row[field];
      return typeof v === 'string' ? cleanText(v) : undefined;
    }
  }
}

/**
 * Compares values as a reader would: a text by its characters (spaces and width aside), names by the record they
 * stand for (an alias is the same department), in any order.
 */
export class ValueKeys {
  private readonly index: Record<PeopleField, NameResolver>;
  constructor(directory: Directory) {
    this.index = { departments: NameResolver.of(directory, 'department'), leaders: NameResolver.of(directory, 'leader') };
  }
  name(field: PeopleField, name: string): string {
    const p = this.index[field].lookup(name);
    return p ? `#${p.id}` : nameKey(name);
  }
  key(field: MergeField, value: FieldValue): string {
    if (Array.isArray(value)) {
      const f = field as PeopleField;
      return [...new Set(value.map((n) => this.name(f, n)).filter((k) => k !== ''))].sort().join('\n');
    }
    return nameKey(value);
  }
  same(field: MergeField, a: FieldValue, b: FieldValue): boolean {
    // most cells come back as they went: equal as they are, without normalising (30 copies × 500 rows × 9 fields)
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i])) return true;
    return this.key(field, a) === this.key(field, b);
  }
}

export function valueText(value: FieldValue): string {
  return Array.isArray(value) ? value.join('、') : value;
}
