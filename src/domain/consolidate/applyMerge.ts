import { EditContext, emptyMeasure, emptyProblem } from '../editContext';
import { maxOrder, ORDER_STEP } from '../order';
import type { Patch } from '../patch';
import type { RiskRow } from '../rows';
import { mappingKey } from '../import/importPlan';
import { nameKey } from '../text';
import type { Department, Directory, Id, ListContent, PersonKind } from '../types';
import { deletedKeys, finalEdits, type Decisions } from './decisions';
import { isPeopleField, type BaseRow, type FieldValue, type MergeField, type TextMergeField } from './model';
import type { AddedRow, MergeResult } from './merge';

/** Where a copy came from, written on every measure it changed or added (the row's history shows it). */
export interface CopySource {
  file: string;
  sheets: string[];
  department: string | null;
  /** when it was taken back, YYYY-MM-DD */
  date: string;
}

export function sourceText(s: CopySource): string {
  return [s.department ?? '', `“${s.file}”`, s.sheets.length ? `工作表“${s.sheets.join('、')}”` : '', s.date].filter(Boolean).join('，');
}

const rowOf = (b: Pick<BaseRow, 'problemId' | 'measureId'>): RiskRow => ({ rowId: b.measureId ?? `p-${b.problemId}`, problemId: b.problemId, measureId: b.measureId }) as RiskRow;

/**
 * The merge as one patch on the list: one step in the change log, one undo. Fields are set through the same edit
 * context as typing (departments and leaders by name or alias, unknown names created once); every measure changed or
 * added records its source. Deleted rows are only those the user chose.
 */
export function mergePatch(content: ListContent, directory: Directory, result: MergeResult, decisions: Decisions, sources: readonly CopySource[]): Patch {
  const ctx = new EditContext(content, { departments: [...directory.departments], leaders: [...directory.leaders] });
  const baseByKey = new Map(result.base.map((r) => [r.key, r] as const));
  const sourceOf = (copies: readonly number[]) => [...new Set(copies)].map((c) => sourceText(sources[c]!)).join('；');
  const touched = new Map<Id, Set<number>>(); // measure → copies

  // a name the user said is an existing record becomes that record (and, for a department, its alias: the next copy
  // with that name maps by itself), as in the import
  const aliases = new Map<Id, string[]>();
  const pick = (kind: PersonKind, name: string) => {
    const id = decisions.mapped?.get(mappingKey(kind, name));
    if (!id) return { name };
    if (kind === 'department') {
      const dept = directory.departments.find((d) => d.id === id) as Department | undefined;
      if (dept) {
        const list = aliases.get(id) ?? [...dept.aliases];
        if (nameKey(dept.name) !== nameKey(name) && !list.some((a) => nameKey(a) === nameKey(name))) list.push(name);
        aliases.set(id, list);
      }
    }
    return { id, name };
  };
  const setField = (row: RiskRow, field: MergeField, value: FieldValue) => {
    if (isPeopleField(field)) {
      const kind: PersonKind = field === 'departments' ? 'department' : 'leader';
      ctx.setPeople(row, kind, (value as string[]).map((name) => pick(kind, name)), false);
    } else ctx.setText(row, field as TextMergeField, value as string);
  };

  for (const [target, fields] of finalEdits(result, decisions, directory)) {
    const problemId = target.startsWith('problem:') ? target.slice('problem:'.length) : null;
    const base = problemId ? result.base.find((r) => r.problemId === problemId) : baseByKey.get(target);
    if (!base) continue;
    const row = rowOf(problemId ? { problemId, measureId: null } : base);
    for (const [field, edit] of fields) {
      setField(row, field, edit.value);
      if (!problemId) {
        const id = ctx.ensureMeasure(row);
        const set = touched.get(id) ?? new Set<number>();
        for (const c of edit.copies) set.add(c);
        touched.set(id, set);
      }
    }
  }

  // added rows: under their problem (after its last measure) or as new problems, in the copies' order
  const listId = content.list.id;
  const lastOrder = new Map<Id, number>();
  for (const m of content.measures) lastOrder.set(m.problemId, Math.max(lastOrder.get(m.problemId) ?? 0, m.order));
  let problemOrder = maxOrder(content.problems);
  let newProblem: { copy: number; text: string; id: Id } | null = null;
  for (const a of result.added) {
    if (decisions.skipped?.has(a.id)) continue;
    const problemId = a.underKey ? baseByKey.get(a.underKey)?.problemId : undefined;
    const pid = problemId ?? newProblemFor(a);
    const order = (lastOrder.get(pid) ?? 0) + ORDER_STEP;
    lastOrder.set(pid, order);
    const m = { ...emptyMeasure(listId, pid, order), ...(a.sheet ? { sheet: a.sheet } : {}) };
    ctx.changes.create('measures', m);
    const row = rowOf({ problemId: pid, measureId: m.id });
    for (const field of ['measure', 'deadline', 'status', 'note', 'departments', 'leaders'] as const) setField(row, field, a.values[field]);
    touched.set(m.id, new Set([a.copy, ...a.alsoIn]));
  }
  function newProblemFor(a: AddedRow): Id {
    if (newProblem && newProblem.copy === a.copy && newProblem.text === a.values.problem) return newProblem.id;
    problemOrder += ORDER_STEP;
    const p = { ...emptyProblem(listId, problemOrder), text: a.values.problem, level: a.values.level, category: a.values.category };
    ctx.changes.create('problems', p);
    newProblem = { copy: a.copy, text: p.text, id: p.id };
    return p.id;
  }

  // deletions the user asked for; a problem goes with its last measure
  const deleted = deletedKeys(result, decisions);
  const left = new Map<Id, number>();
  for (const m of content.measures) left.set(m.problemId, (left.get(m.problemId) ?? 0) + 1);
  for (const key of deleted) {
    const b = baseByKey.get(key);
    if (!b) continue;
    if (b.measureId) {
      ctx.changes.delete('measures', b.measureId);
      touched.delete(b.measureId);
      left.set(b.problemId, (left.get(b.problemId) ?? 1) - 1);
      if (left.get(b.problemId) === 0 && !result.added.some((a) => a.underKey && baseByKey.get(a.underKey)?.problemId === b.problemId && !decisions.skipped?.has(a.id))) {
        ctx.changes.delete('problems', b.problemId);
      }
    } else ctx.changes.delete('problems', b.problemId);
  }

  for (const [id, copies] of touched) ctx.changes.update('measures', id, { source: sourceOf([...copies]) });
  for (const [id, list] of aliases) {
    const dept = directory.departments.find((d) => d.id === id)!;
    if (list.length !== dept.aliases.length) ctx.changes.update('departments', id, { aliases: list });
  }
  const names = [...new Set(sources.map((s) => s.department ?? s.file))];
  const label = `合并 ${sources.length} 份反馈（${names.slice(0, 3).join('、')}${names.length > 3 ? ' 等' : ''}）`;
  return ctx.changes.build(label);
}
