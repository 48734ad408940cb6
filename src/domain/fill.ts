import type { Person } from './directory';
import { EditContext, type NamePick } from './editContext';
import { applyValue, type CellValue } from './editing';
import { cellText, fieldSpec, isPeopleField, isTextField, namesFrom, type FieldId } from './fields';
import type { Patch } from './patch';
import { createdNamesText } from './paste';
import type { RiskRow } from './rows';
import type { Directory, Id, ListContent } from './types';
import { writeProgressCells, type ProgressTarget } from './cycle/progress';

/**
 * Writing many cells as one step: clearing a range, filling it down or right, pasting one value over it. A
 * problem-scoped cell is one cell however many rows its merge covers: it is written once per problem.
 */
export interface CellWrite {
  row: RiskRow;
  field: FieldId;
  value: CellValue;
}

/** A cell a paste, fill or Delete writes: text and people fields (序号 follows the order; 进展情况 is the round's, below). */
export const isWritable = (field: FieldId): boolean => isTextField(field) || isPeopleField(field);

/** A change of many cells, and what it did not write and why (the round's 进展情况 with no round in preparation). */
export type CellsPatch = Patch & { note?: string };

export function writeCells(content: ListContent, directory: Directory, writes: readonly CellWrite[], label: string, progress?: ProgressTarget): CellsPatch {
  const ctx = new EditContext(content, directory);
  const seen = new Set<string>();
  const progressCells: { measureId: Id; text: string }[] = [];
  for (const w of writes) {
    if (w.field === 'progress') {
      const text = typeof w.value === 'string' ? w.value : '';
      const measureId = ctx.progressMeasure(w.row, text);
      if (measureId) progressCells.push({ measureId, text });
      continue;
    }
    if (!isWritable(w.field)) continue;
    if (fieldSpec(w.field).scope === 'problem') {
      const key = `${w.row.problemId}:${w.field}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const people = isPeopleField(w.field);
    // a leader is filled in from the departments only where the write does not set leaders itself
    applyValue(ctx, w.row, w.field, w.value, people && !writes.some((o) => o.row === w.row && o.field === 'leaders'));
  }
  const patch: CellsPatch = ctx.changes.build(label);
  if (progressCells.length) {
    // (what was written shows in the cells; only what could not be is said)
    const { refused } = writeProgressCells(progressCells, (id) => ctx.measure(id), progress, patch.ops);
    if (refused) patch.note = refused;
  }
  return patch;
}

const emptyOf = (field: FieldId): CellValue => (isPeopleField(field) ? [] : '');

/** Clears every writable cell of the rows × fields (Delete over a range). */
export function clearRange(content: ListContent, directory: Directory, rows: readonly RiskRow[], fields: readonly FieldId[], progress?: ProgressTarget): CellsPatch {
  const writes: CellWrite[] = [];
  for (const row of rows) for (const field of fields) writes.push({ row, field, value: emptyOf(field) });
  return writeCells(content, directory, writes, '清除内容', progress);
}

/** The text a cell shows (department and leader names joined by line breaks). */
export const cellTextOf = (row: RiskRow, field: FieldId, people: ReadonlyMap<Id, Person>): string => cellText(row, field, namesFrom(people));

/** The value a cell takes when another cell is copied into it: records stay records within the same column. */
export function copiedValue(source: RiskRow, from: FieldId, to: FieldId, people: ReadonlyMap<Id, Person>): CellValue {
  const store = fieldSpec(to).store;
  if (store.kind === 'people' && from === to) {
    const ids = source[store.ids];
    return ids.flatMap((id): NamePick[] => {
      const p = people.get(id);
      return p ? [{ id, name: p.name }] : [];
    });
  }
  const text = cellTextOf(source, from, people);
  return text; // a people cell's text is read as names where it is written (editing.ts applyValue)
}

/**
 * Ctrl+D: the first row of `rows` copied down over the others, column by column; with one row only (or one problem,
 * for a problem column), from the row above (`above`). A problem column copies the problem's text to the other
 * problems in the range.
 */
export function fillDown(
  content: ListContent,
  directory: Directory,
  people: ReadonlyMap<Id, Person>,
  rows: readonly RiskRow[],
  fields: readonly FieldId[],
  above: RiskRow | null,
  progress?: ProgressTarget,
): CellsPatch {
  const writes: CellWrite[] = [];
  for (const field of fields) {
    if (!isWritable(field) && field !== 'progress') continue;
    const problemScoped = fieldSpec(field).scope === 'problem';
    const first = rows[0];
    if (!first) continue;
    const single = problemScoped ? rows.every((r) => r.problemId === first.problemId) : rows.length === 1;
    const source = single ? above : first;
    if (!source) continue;
    for (const row of rows) {
      if (row === source || (problemScoped && row.problemId === source.problemId)) continue;
      writes.push({ row, field, value: copiedValue(source, field, field, people) });
    }
  }
  return writeCells(content, directory, writes, '向下填充', progress);
}

/** Ctrl+R: the first column copied right over the others in each row; with one column only, from the column to its left. */
export function fillRight(
  content: ListContent,
  directory: Directory,
  people: ReadonlyMap<Id, Person>,
  rows: readonly RiskRow[],
  fields: readonly FieldId[],
  left: FieldId | null,
  progress?: ProgressTarget,
): CellsPatch {
  const writes: CellWrite[] = [];
  const from = fields.length > 1 ? fields[0]! : left;
  const targets = fields.length > 1 ? fields.slice(1) : fields;
  if (from && from !== 'serial') {
    for (const row of rows) for (const to of targets) writes.push({ row, field: to, value: copiedValue(row, from, to, people) });
  }
  return writeCells(content, directory, writes, '向右填充', progress);
}

/** One pasted value over every cell of a range. */
export function fillValue(
  content: ListContent,
  directory: Directory,
  rows: readonly RiskRow[],
  fields: readonly FieldId[],
  text: string,
  progress?: ProgressTarget,
): CellsPatch {
  const writes: CellWrite[] = [];
  for (const row of rows) {
    for (const field of fields) writes.push({ row, field, value: text });
  }
  const patch = writeCells(content, directory, writes, `粘贴到 ${rows.length} 行 × ${fields.length} 列`, progress);
  const created = createdNamesText(patch);
  return created ? { ...patch, label: `${patch.label}（${created}）` } : patch;
}
