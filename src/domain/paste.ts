import { EditContext, emptyMeasure, emptyProblem } from './editContext';
import { applyValue } from './editing';
import { fieldSpec, isPeopleField, type FieldId } from './fields';
import type { Patch } from './patch';
import { matchHeader } from './import/headerSynonyms';
import { byOrder, maxOrder, ORDER_STEP } from './order';
import { measureCells, type RiskRow } from './rows';
import type { StructureChange } from './structure';
import { cleanText } from './text';
import type { Directory, Id, ListContent } from './types';
import { writeProgressCells, type ProgressTarget } from './cycle/progress';

export interface PasteChange extends StructureChange {
  /** What the paste did beyond overwriting cells (problems split off or added, names created, a header skipped). */
  summary: string;
}

/** “新建部门：…；新建领导：…” for the departments and leaders a patch creates ('' when none). */
export function createdNamesText(patch: Patch): string {
  const names = (table: 'departments' | 'leaders') =>
    patch.ops.flatMap((o) => (o.type === 'create' && o.table === table ? [(o.value as { name: string }).name] : []));
  const depts = names('departments');
  const leaders = names('leaders');
  return [depts.length ? `新建部门：${depts.join('、')}` : '', leaders.length ? `新建领导：${leaders.join('、')}` : '']
    .filter(Boolean)
    .join('；');
}

/**
 * A line of the block that is a table's header (问题清单 | 措施清单 | 责任部门…), as copied with the table: every cell
 * names a different column, at least two of them (and half) by a header's very name, so that a line of data such as
 * “新问题 | 措施一” is not taken for one.
 */
export function isHeaderLine(line: readonly string[]): boolean {
  const cells = line.map(cleanText).filter((c) => c !== '');
  if (cells.length < 2) return false;
  const fields = new Set<string>();
  let exact = 0;
  for (const c of cells) {
    const m = matchHeader(c);
    if (!m) return false;
    fields.add(m.field);
    if (m.exact) exact++;
  }
  return fields.size === cells.length && exact >= 2 && exact * 2 >= cells.length;
}

/**
 * Pastes a block copied from Excel/WPS (already parsed from TSV) at a cell: cells of existing rows are overwritten,
 * lines beyond the last row become new rows. A problem copied from Excel arrives as text in its first row and empty
 * cells below (the merge), so an empty problem cell continues the problem above instead of clearing it. A value is
 * never dropped: a row whose pasted problem text differs from the row above, within one problem, becomes a problem of
 * its own (as if the clerk had split the merged cell), and the rest of that problem's measures follow it. Header lines
 * are skipped.
 *
 * `rows` are the rows as displayed, `columns` the displayed columns from the focused one rightwards.
 */
export function pasteBlock(
  content: ListContent,
  directory: Directory,
  rows: readonly RiskRow[],
  startIndex: number,
  columns: readonly FieldId[],
  pasted: readonly (readonly string[])[],
  progress?: ProgressTarget,
): PasteChange {
  const ctx = new EditContext(content, directory);
  const matrix = pasted.filter((line) => !isHeaderLine(line));
  const skippedHeaders = pasted.length - matrix.length;
  const width = Math.min(columns.length, matrix.reduce((w, r) => Math.max(w, r.length), 0));
  const cols = columns.slice(0, width);
  const fillLeaders = !cols.includes('leaders');
  const listId = content.list.id;
  const problemCol = cols.indexOf('problem');
  // the round's 进展情况 is not a field of the measure: its cells become the round's entries (cycle/progress.ts)
  const progressCol = cols.indexOf('progress');
  const progressCells: { measureId: Id; text: string }[] = [];

  const maxMeasureOrder = new Map<Id, number>();
  for (const m of content.measures) maxMeasureOrder.set(m.problemId, Math.max(maxMeasureOrder.get(m.problemId) ?? -Infinity, m.order));
  let nextProblemOrder = maxOrder(content.problems) + ORDER_STEP;
  const sortedProblems = [...content.problems].sort(byOrder);
  const followingOrder = (pid: Id): number | null => {
    const i = sortedProblems.findIndex((p) => p.id === pid);
    return i >= 0 && i + 1 < sortedProblems.length ? sortedProblems[i + 1]!.order : null;
  };

  // Problem-scoped cells: an empty cell under a non-empty one in the same column is a merged cell's continuation and
  // leaves its row's problem alone; otherwise the first non-empty value pasted for a problem wins.
  const seenNonEmpty = new Set<FieldId>();
  const written = new Map<string, string>();
  const problemText = (pid: Id): string => ctx.changes.view('problems', pid, ctx.problems.get(pid))?.text ?? '';

  // problems split off an existing problem: the last one made for it (the next one goes after it)
  const lastSplit = new Map<Id, Id>();
  // each split-off problem's original problem, and the last pasted row of every original problem
  const lastPasted = new Map<Id, { order: number; problemId: Id }>();
  let splits = 0;
  let newProblems = 0;
  const splitOff = (orig: Id, text: string): Id => {
    const after = lastSplit.get(orig) ?? orig;
    const lo = ctx.changes.view('problems', after, ctx.problems.get(after))?.order ?? 0;
    const hi = followingOrder(orig);
    const order = hi === null ? lo + ORDER_STEP : (lo + hi) / 2;
    const source = ctx.problems.get(orig);
    const p = { ...emptyProblem(listId, order), text, level: source?.level ?? '', category: source?.category ?? '' };
    ctx.changes.create('problems', p);
    nextProblemOrder = Math.max(nextProblemOrder, order + ORDER_STEP);
    lastSplit.set(orig, p.id);
    splits++;
    return p.id;
  };
  const moveMeasure = (measureId: Id, order: number, to: Id) => {
    ctx.changes.update('measures', measureId, { problemId: to });
    maxMeasureOrder.set(to, Math.max(maxMeasureOrder.get(to) ?? -Infinity, order));
  };

  const above = rows[startIndex - 1];
  let previous: RiskRow | undefined = above ?? rows[rows.length - 1];
  // the problem each row belonged to before this paste (the row above the block is untouched)
  let previousOrig: Id | undefined = above?.problemId;
  let focusRowId: string | undefined;
  matrix.forEach((line, i) => {
    const existing = rows[startIndex + i];
    let row: RiskRow;
    const isNew = !existing;
    let split = false;
    if (!existing) {
      const pastedProblem = problemCol >= 0 ? cleanText(line[problemCol] ?? '') : '';
      const previousText = previous ? problemText(previous.problemId) : '';
      let problemId: Id;
      if (!previous || (pastedProblem !== '' && pastedProblem !== previousText)) {
        const p = { ...emptyProblem(listId, nextProblemOrder), text: pastedProblem };
        nextProblemOrder += ORDER_STEP;
        ctx.changes.create('problems', p);
        newProblems++;
        problemId = p.id;
      } else {
        problemId = previous.problemId;
      }
      const order = (maxMeasureOrder.get(problemId) ?? ORDER_STEP) + ORDER_STEP;
      maxMeasureOrder.set(problemId, order);
      const m = emptyMeasure(listId, problemId, order);
      ctx.changes.create('measures', m);
      const base = previous && previous.problemId === problemId ? previous : undefined;
      row = {
        rowId: m.id,
        problemId,
        measureId: m.id,
        serial: 0,
        measureIndex: 0,
        problem: base ? previousText : pastedProblem,
        level: base?.level ?? '',
        category: base?.category ?? '',
        ...measureCells(null),
      };
      previousOrig = undefined;
    } else {
      // which problem the row ends up in: its own, the one the row above went to, or one split off for it
      const orig = existing.problemId;
      const sameMerge = previous !== undefined && previousOrig === orig;
      let problemId = sameMerge ? previous!.problemId : orig;
      if (sameMerge && problemCol >= 0) {
        const value = cleanText(line[problemCol] ?? '');
        const aboveText = problemText(problemId);
        if (value !== '' && aboveText !== '' && value !== aboveText) {
          problemId = splitOff(orig, value);
          split = true;
        }
      }
      if (problemId !== orig && existing.measureId) {
        const m = ctx.measure(existing.measureId);
        moveMeasure(existing.measureId, m?.order ?? 0, problemId);
      }
      if (existing.measureId) lastPasted.set(orig, { order: ctx.measure(existing.measureId)?.order ?? 0, problemId });
      row = { ...existing, problemId };
      previousOrig = orig;
      if (split) {
        // the split-off problem has its text; its level and category come from the line where given
        cols.forEach((field, j) => {
          if (field !== 'problem' && fieldSpec(field).scope === 'problem' && cleanText(line[j] ?? '') !== '') {
            applyValue(ctx, row, field, line[j] ?? '');
          }
        });
      }
    }
    focusRowId ??= row.rowId;
    cols.forEach((field, j) => {
      if (field === 'serial') return;
      const raw = line[j] ?? '';
      if (fieldSpec(field).scope === 'problem') {
        const value = cleanText(raw);
        const continuation = value === '' && seenNonEmpty.has(field);
        if (value !== '') seenNonEmpty.add(field);
        if (isNew) {
          if (field !== 'problem' && previous?.problemId !== row.problemId) applyValue(ctx, row, field, raw);
          return;
        }
        if (split) {
          written.set(`${row.problemId}:${field}`, value); // set (or kept from the original) as it was split off
          return;
        }
        const key = `${row.problemId}:${field}`;
        if (continuation || (written.has(key) && (value === '' || written.get(key) !== ''))) return;
        written.set(key, value);
        applyValue(ctx, row, field, value);
        return;
      }
      // a people cell's text is read as names by applyValue
      applyValue(ctx, row, field, raw, isPeopleField(field) && fillLeaders);
    });
    if (progressCol >= 0) {
      const text = line[progressCol] ?? '';
      const measureId = ctx.progressMeasure(row, text);
      if (measureId) progressCells.push({ measureId, text });
    }
    previous = row;
  });

  // the measures of a split problem below the pasted block follow its last pasted row, as rows under a merge do
  for (const [orig, last] of lastPasted) {
    if (last.problemId === orig) continue;
    for (const m of content.measures) {
      if (m.problemId !== orig || m.order <= last.order) continue;
      const now = ctx.measure(m.id);
      if (now && now.problemId === orig) moveMeasure(m.id, m.order, last.problemId);
    }
  }

  const patchOps = ctx.changes.build('');
  const progressDone = progressCells.length ? writeProgressCells(progressCells, (id) => ctx.measure(id), progress, patchOps.ops) : null;
  const progressNote = progressDone ? progressDone.written || progressDone.refused : '';
  const created = createdNamesText(patchOps);
  const label = `粘贴 ${matrix.length} 行 × ${width} 列${created ? `（${created}）` : ''}`;
  const parts = [
    splits ? `有 ${splits} 行的问题与上一行不同，已拆分为新问题` : '',
    newProblems ? `新增 ${newProblems} 个问题` : '',
    created,
    skippedHeaders ? `已跳过 ${skippedHeaders} 行表头` : '',
    progressNote,
  ].filter(Boolean);
  const summary = parts.length ? `已粘贴 ${matrix.length} 行：${parts.join('；')}。可撤销（Ctrl+Z）。` : '';
  return { patch: { label, ops: patchOps.ops }, focusRowId, summary };
}
