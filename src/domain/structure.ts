import { emptyMeasure, emptyProblem } from './editContext';
import { byOrder, placeAt, type Ordered } from './order';
import { PatchBuilder } from './patchBuilder';
import type { Patch } from './patch';
import { measuresByProblem, problemRowId, type RiskRow } from './rows';
import type { Id, ListContent, Measure } from './types';

/**
 * Adding, inserting, deleting and moving rows. `scope` says what the user points at: the problem (its cell or 序号),
 * which carries all its measures along, or one measure.
 */
export type Scope = 'problem' | 'measure';

export interface StructureChange {
  patch: Patch;
  /** The row to focus afterwards, so the user can type into what was just added or moved. */
  focusRowId?: string;
}

const noChange = (label: string): StructureChange => ({ patch: { label, ops: [] } });

function sortedProblems(content: ListContent) {
  return [...content.problems].sort(byOrder);
}

function siblingsOf(content: ListContent, problemId: Id): Measure[] {
  return measuresByProblem(content.measures).get(problemId) ?? [];
}

function applyOrder(b: PatchBuilder, table: 'problems' | 'measures', changes: Map<string, number>) {
  for (const [id, order] of changes) b.update(table, id, { order });
}

/** A new, empty problem at the end of the list, or right after `afterProblemId`. */
export function addProblem(content: ListContent, afterProblemId?: Id | null): StructureChange {
  const problems = sortedProblems(content);
  const at = afterProblemId ? problems.findIndex((p) => p.id === afterProblemId) + 1 : problems.length;
  return newProblemAt(content, problems, at > 0 ? at : problems.length, '新增问题');
}

function newProblemAt(content: ListContent, problems: Ordered[], index: number, label: string): StructureChange {
  const b = new PatchBuilder();
  const p = emptyProblem(content.list.id, 0);
  const orders = placeAt(problems, index, [p.id]);
  b.create('problems', { ...p, order: orders.get(p.id)! });
  orders.delete(p.id);
  applyOrder(b, 'problems', orders);
  return { patch: b.build(label), focusRowId: problemRowId(p.id) };
}

/**
 * A new measure in `row`'s problem, above or below `row`. A problem shown without measures already offers one blank
 * measure row, so inserting above or below it creates that measure as well as the new one: the user sees one more row
 * either way. 新增措施 ('end') on such a problem fills that blank row instead: right after 新增问题 the new problem
 * already shows its one blank measure, and a second blank one under it was a row nobody asked for.
 */
export function insertMeasure(content: ListContent, row: RiskRow, where: 'above' | 'below' | 'end'): StructureChange {
  const b = new PatchBuilder();
  const listId = content.list.id;
  const siblings = siblingsOf(content, row.problemId);
  if (siblings.length === 0 && where === 'end') {
    const only = emptyMeasure(listId, row.problemId, 1024);
    b.create('measures', only);
    return { patch: b.build('新增措施'), focusRowId: only.id };
  }
  if (siblings.length === 0) {
    const first = emptyMeasure(listId, row.problemId, 1024);
    const second = emptyMeasure(listId, row.problemId, 2048);
    b.create('measures', first);
    b.create('measures', second);
    return { patch: b.build('新增措施'), focusRowId: where === 'above' ? first.id : second.id };
  }
  const pos = row.measureId ? siblings.findIndex((m) => m.id === row.measureId) : -1;
  const index = where === 'end' || pos < 0 ? siblings.length : where === 'above' ? pos : pos + 1;
  const m = emptyMeasure(listId, row.problemId, 0);
  const orders = placeAt(siblings, index, [m.id]);
  b.create('measures', { ...m, order: orders.get(m.id)! });
  orders.delete(m.id);
  applyOrder(b, 'measures', orders);
  return { patch: b.build('新增措施'), focusRowId: m.id };
}

export function insertRow(content: ListContent, row: RiskRow, scope: Scope, where: 'above' | 'below'): StructureChange {
  if (scope === 'measure') return insertMeasure(content, row, where);
  const problems = sortedProblems(content);
  const pos = problems.findIndex((p) => p.id === row.problemId);
  return newProblemAt(content, problems, where === 'above' ? pos : pos + 1, '插入问题');
}

/**
 * Deletes rows. A measure row deletes that measure; a problem whose every row is deleted goes too, as deleting all rows
 * of a merged cell does in Excel. With scope 'problem' the rows' whole problems are deleted.
 */
export function deleteRows(content: ListContent, rows: readonly RiskRow[], scope: Scope = 'measure'): StructureChange {
  if (rows.length === 0) return noChange('删除');
  const b = new PatchBuilder();
  const grouped = measuresByProblem(content.measures);
  const chosen = new Set(rows.map((r) => r.rowId));
  const problemIds = new Set(rows.map((r) => r.problemId));
  let deletedProblems = 0;
  let deletedMeasures = 0;
  for (const pid of problemIds) {
    const ms = grouped.get(pid) ?? [];
    const whole = scope === 'problem' || ms.length === 0 || ms.every((m) => chosen.has(m.id));
    for (const m of ms) {
      if (whole || chosen.has(m.id)) {
        b.delete('measures', m.id);
        deletedMeasures++;
      }
    }
    if (whole) {
      b.delete('problems', pid);
      deletedProblems++;
    }
  }
  const label =
    deletedProblems > 0 ? `删除 ${deletedProblems} 个问题、${deletedMeasures} 条措施` : `删除 ${deletedMeasures} 条措施`;
  return { patch: b.build(label) };
}

/** Moves problems (with their measures) or measures (within their problem) one place up or down. */
export function moveRows(content: ListContent, rows: readonly RiskRow[], scope: Scope, delta: -1 | 1): StructureChange {
  if (rows.length === 0) return noChange('移动');
  const focusRowId = rows[0]!.rowId;
  if (scope === 'problem') {
    const ids = unique(rows.map((r) => r.problemId));
    const changed = shift(sortedProblems(content), ids, delta);
    if (!changed) return noChange('移动问题');
    const b = new PatchBuilder();
    applyOrder(b, 'problems', changed);
    return { patch: b.build(delta < 0 ? '上移问题' : '下移问题'), focusRowId };
  }
  const b = new PatchBuilder();
  const byProblem = new Map<Id, Id[]>();
  for (const r of rows) if (r.measureId) byProblem.set(r.problemId, [...(byProblem.get(r.problemId) ?? []), r.measureId]);
  for (const [pid, ids] of byProblem) {
    const changed = shift(siblingsOf(content, pid), ids, delta);
    if (changed) applyOrder(b, 'measures', changed);
  }
  return { patch: b.build(delta < 0 ? '上移措施' : '下移措施'), focusRowId };
}

/** The new orders when `ids` (a contiguous or scattered selection) move one step; null when already at the edge. */
function shift(siblings: readonly Ordered[], ids: readonly Id[], delta: -1 | 1): Map<string, number> | null {
  const moving = new Set(ids);
  const positions = siblings.map((s, i) => (moving.has(s.id) ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return null;
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if ((delta < 0 && first === 0) || (delta > 0 && last === siblings.length - 1)) return null;
  const rest = siblings.filter((s) => !moving.has(s.id));
  // the block lands one place before/after where it started, counted among the remaining siblings
  const index = delta < 0 ? first - 1 : first + 1;
  return placeAt(rest, index, siblings.filter((s) => moving.has(s.id)).map((s) => s.id));
}

/**
 * Drag and drop: `dragged` rows go to where `target` is. A problem moves to the target's problem position; measures
 * move to the target row's position, into the target's problem if that differs (a measure can be dragged to another
 * problem). `after` is true when dropped on the lower half of the target, or when moving downwards.
 */
export function dropRows(
  content: ListContent,
  dragged: readonly RiskRow[],
  target: RiskRow,
  scope: Scope,
  after: boolean,
): StructureChange {
  if (dragged.length === 0) return noChange('移动');
  const b = new PatchBuilder();
  if (scope === 'problem') {
    const ids = unique(dragged.map((r) => r.problemId));
    if (ids.includes(target.problemId)) return noChange('移动问题');
    const rest = sortedProblems(content).filter((p) => !ids.includes(p.id));
    const index = rest.findIndex((p) => p.id === target.problemId) + (after ? 1 : 0);
    applyOrder(b, 'problems', placeAt(rest, index, ids));
    return { patch: b.build('移动问题'), focusRowId: dragged[0]!.rowId };
  }
  const ids = unique(dragged.flatMap((r) => (r.measureId ? [r.measureId] : [])));
  if (ids.length === 0 || (target.measureId && ids.includes(target.measureId))) return noChange('移动措施');
  const rest = siblingsOf(content, target.problemId).filter((m) => !ids.includes(m.id));
  const pos = target.measureId ? rest.findIndex((m) => m.id === target.measureId) : -1;
  const index = pos < 0 ? rest.length : pos + (after ? 1 : 0);
  applyOrder(b, 'measures', placeAt(rest, index, ids));
  for (const id of ids) b.update('measures', id, { problemId: target.problemId });
  return { patch: b.build('移动措施'), focusRowId: dragged[0]!.rowId };
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
