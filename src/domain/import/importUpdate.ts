import { byId, namesFor, type Person } from '../directory';
import { EditContext, emptyMeasure, emptyProblem, sameIds } from '../editContext';
import { EXPORT_LABELS } from '../export/exportOptions';
import { fieldSpec, PEOPLE_FIELDS, TEXT_FIELDS, type FieldId } from '../fields';
import { maxOrder, ORDER_STEP } from '../order';
import { buildRows, type RiskRow } from '../rows';
import { cleanText, nameKey } from '../text';
import type { Directory, Id, ListContent } from '../types';
import type { ImportRow } from './types';

/** What importing an edited copy back into its list would change, row by row, for the preview. */
export interface UpdateDiff {
  changed: { sheet: string; excelRow: number; fields: string[] }[];
  added: number;
  unchanged: number;
}

function sameNames(people: ReadonlyMap<Id, Person>, ids: readonly Id[], names: readonly string[]): boolean {
  const current = namesFor(people, ids);
  return current.length === names.length && current.every((n, i) => nameKey(n) === nameKey(names[i]!));
}

/** The fields of an imported row that differ from the list; null when the row is not one of the list's measures. */
function changedFields(row: ImportRow, current: RiskRow | undefined, people: ReadonlyMap<Id, Person>): FieldId[] | null {
  if (!current) return null;
  const fields: FieldId[] = [];
  for (const f of TEXT_FIELDS) {
    const value = row[f];
    if (typeof value === 'string' && cleanText(value) !== current[f]) fields.push(f);
  }
  for (const f of PEOPLE_FIELDS) {
    const store = fieldSpec(f).store;
    if (store.kind === 'people' && !sameNames(people, current[store.ids], row[f])) fields.push(f);
  }
  return fields;
}

function rowIndex(target: ListContent): Map<string, RiskRow> {
  const map = new Map<string, RiskRow>();
  for (const r of buildRows(target.problems, target.measures)) map.set(r.measureId ?? `p:${r.problemId}`, r);
  return map;
}

const keyOf = (row: ImportRow): string | null =>
  row.ids ? (row.ids.measureId ?? `p:${row.ids.problemId}`) : null;

export function diffUpdate(rows: readonly ImportRow[], target: ListContent, directory: Directory): UpdateDiff {
  const people = byId<Person>([...directory.departments, ...directory.leaders]);
  const existing = rowIndex(target);
  const diff: UpdateDiff = { changed: [], added: 0, unchanged: 0 };
  for (const row of rows) {
    const key = keyOf(row);
    const fields = key ? changedFields(row, existing.get(key), people) : null;
    if (fields === null) diff.added++;
    else if (fields.length === 0) diff.unchanged++;
    else diff.changed.push({ sheet: row.sheet ?? '', excelRow: row.excelRow, fields: fields.map((f) => EXPORT_LABELS[f]) });
  }
  return diff;
}

/**
 * Applies an edited copy to the list it was exported from: rows that carry a known id update that measure (and its
 * problem) in place, field by field, so nothing is duplicated; rows without one are added, under their problem when
 * the problem is known, else as new problems at the end. Measures the copy does not show are left alone.
 */
export function applyUpdate(ctx: EditContext, rows: readonly ImportRow[]): void {
  const target = ctx.content;
  const existing = rowIndex(target);
  const listId = target.list.id;
  const maxMeasureOrder = new Map<Id, number>();
  for (const m of target.measures) maxMeasureOrder.set(m.problemId, Math.max(maxMeasureOrder.get(m.problemId) ?? 0, m.order));
  let problemOrder = maxOrder(target.problems);
  const problems = byId(target.problems);
  // a row added in Excel under a problem repeats that problem's text (or continues its merge): it joins that problem
  const problemByText = new Map<string, Id>();
  for (const p of target.problems) if (!problemByText.has(p.text)) problemByText.set(p.text, p.id);
  let previous: { problemId: Id; text: string } | null = null;

  for (const row of rows) {
    const key = keyOf(row);
    let current = key ? existing.get(key) : undefined;
    if (!current) {
      // a new row: under the problem it names by id, or continuing the previous row's problem, or a new problem
      const text = cleanText(row.problem);
      let problemId: Id;
      if (row.ids && problems.has(row.ids.problemId)) problemId = row.ids.problemId;
      else if (previous && (text === '' || text === previous.text)) problemId = previous.problemId;
      else if (problemByText.has(text)) problemId = problemByText.get(text)!;
      else {
        problemOrder += ORDER_STEP;
        const p = { ...emptyProblem(listId, problemOrder), text, level: cleanText(row.level ?? ''), category: cleanText(row.category ?? '') };
        ctx.changes.create('problems', p);
        problemId = p.id;
        problemByText.set(text, p.id);
      }
      const order = (maxMeasureOrder.get(problemId) ?? 0) + ORDER_STEP;
      maxMeasureOrder.set(problemId, order);
      const m = emptyMeasure(listId, problemId, order);
      ctx.changes.create('measures', { ...m, ...(row.sheet ? { sheet: row.sheet } : {}) });
      current = { rowId: m.id, problemId, measureId: m.id } as RiskRow;
    }
    for (const f of TEXT_FIELDS) {
      const value = row[f];
      if (typeof value === 'string') ctx.setText(current, f, cleanText(value));
    }
    const picks = (names: string[]) => names.map((name) => ({ name }));
    const before = current.measureId ? ctx.measure(current.measureId) : undefined;
    if (!before || !sameIds(ctx.existingIds('leader', row.leaders), before.leaderIds)) ctx.setPeople(current, 'leader', picks(row.leaders));
    if (!before || !sameIds(ctx.existingIds('department', row.departments), before.departmentIds)) {
      ctx.setPeople(current, 'department', picks(row.departments), false);
    }
    previous = { problemId: current.problemId, text: ctx.changes.view('problems', current.problemId, problems.get(current.problemId))?.text ?? '' };
  }
}
