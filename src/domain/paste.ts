import { EditContext, emptyMeasure, emptyProblem } from './editContext';
import { applyValue, namesToPicks } from './editing';
import { fieldSpec, type FieldId } from './fields';
import { maxOrder, ORDER_STEP } from './order';
import { measureCells, type RiskRow } from './rows';
import type { StructureChange } from './structure';
import { cleanText } from './text';
import type { Directory, Id, ListContent } from './types';

/**
 * Pastes a block copied from Excel/WPS (already parsed from TSV) at a cell: cells of existing rows are overwritten,
 * lines beyond the last row become new rows. A problem copied from Excel arrives as text in its first row and empty
 * cells below (the merge), so an empty problem cell continues the problem above instead of clearing it.
 *
 * `rows` are the rows as displayed, `columns` the displayed columns from the focused one rightwards.
 */
export function pasteBlock(
  content: ListContent,
  directory: Directory,
  rows: readonly RiskRow[],
  startIndex: number,
  columns: readonly FieldId[],
  matrix: readonly (readonly string[])[],
): StructureChange {
  const ctx = new EditContext(content, directory);
  const width = Math.min(columns.length, matrix.reduce((w, r) => Math.max(w, r.length), 0));
  const cols = columns.slice(0, width);
  const fillLeaders = !cols.includes('leaders');
  const listId = content.list.id;

  const maxMeasureOrder = new Map<Id, number>();
  for (const m of content.measures) maxMeasureOrder.set(m.problemId, Math.max(maxMeasureOrder.get(m.problemId) ?? -Infinity, m.order));
  let nextProblemOrder = maxOrder(content.problems) + ORDER_STEP;

  // Problem-scoped cells: an empty cell under a non-empty one in the same column is a merged cell's continuation and
  // leaves its row's problem alone; otherwise the first non-empty value pasted for a problem wins.
  const seenNonEmpty = new Set<FieldId>();
  const written = new Map<string, string>();
  const problemText = (row: RiskRow): string =>
    ctx.b.view('problems', row.problemId, ctx.problems.get(row.problemId))?.text ?? row.problem;

  let previous: RiskRow | undefined = rows[startIndex - 1] ?? rows[rows.length - 1];
  let focusRowId: string | undefined;
  matrix.forEach((line, i) => {
    let row = rows[startIndex + i];
    const isNew = !row;
    if (!row) {
      const pastedProblem = cols.includes('problem') ? cleanText(line[cols.indexOf('problem')] ?? '') : '';
      const previousText = previous ? problemText(previous) : '';
      let problemId: Id;
      if (!previous || (pastedProblem !== '' && pastedProblem !== previousText)) {
        const p = { ...emptyProblem(listId, nextProblemOrder), text: pastedProblem };
        nextProblemOrder += ORDER_STEP;
        ctx.b.create('problems', p);
        problemId = p.id;
      } else {
        problemId = previous.problemId;
      }
      const order = (maxMeasureOrder.get(problemId) ?? ORDER_STEP) + ORDER_STEP;
      maxMeasureOrder.set(problemId, order);
      const m = emptyMeasure(listId, problemId, order);
      ctx.b.create('measures', m);
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
        const key = `${row.problemId}:${field}`;
        if (continuation || (written.has(key) && (value === '' || written.get(key) !== ''))) return;
        written.set(key, value);
        applyValue(ctx, row, field, value);
        return;
      }
      if (field === 'departments' || field === 'leaders') applyValue(ctx, row, field, namesToPicks(raw), fillLeaders);
      else applyValue(ctx, row, field, raw);
    });
    previous = row;
  });
  return { patch: ctx.b.build(`粘贴 ${matrix.length} 行 × ${width} 列`), focusRowId };
}
