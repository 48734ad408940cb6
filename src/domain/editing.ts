import { cellNames } from './names/cellNames';
import { cleanText } from './text';
import { EditContext, type NamePick } from './editContext';
import { fieldSpec, isTextField, type FieldId } from './fields';
import type { Patch } from './patch';
import type { RiskRow } from './rows';
import type { Directory, ListContent, PersonKind } from './types';

export type CellValue = string | NamePick[];

/** One cell edit. Problem-scoped fields change the problem, and so every row of that problem at once. */
export function editCell(content: ListContent, directory: Directory, row: RiskRow, field: FieldId, value: CellValue): Patch {
  const ctx = new EditContext(content, directory);
  applyValue(ctx, row, field, value);
  return ctx.changes.build(`编辑“${fieldSpec(field).label}”`);
}

export function applyValue(ctx: EditContext, row: RiskRow, field: FieldId, value: CellValue, fillLeaders = true): void {
  const store = fieldSpec(field).store;
  if (store.kind === 'people') {
    const picks = typeof value === 'string' ? namesToPicks(value, store.person) : value;
    ctx.setPeople(row, store.person, picks, fillLeaders);
    return;
  }
  // the serial is never written (it follows the order of problems), nor the round's progress (only its own cell edit
  // writes it, cycle/progress.ts)
  if (isTextField(field)) ctx.setText(row, field, typeof value === 'string' ? cleanText(value) : '');
}

/** The same value in one column of many rows, as one step (clear contents, fill down). */
export function fillField(
  content: ListContent,
  directory: Directory,
  rows: readonly RiskRow[],
  field: FieldId,
  value: CellValue,
): Patch {
  const ctx = new EditContext(content, directory);
  for (const row of rows) applyValue(ctx, row, field, value);
  return ctx.changes.build(value === '' || (Array.isArray(value) && value.length === 0) ? '清除内容' : `填充“${fieldSpec(field).label}”`);
}

/**
 * The departments or leaders a typed or pasted cell names, read as an imported table's cell is (names/cellNames.ts):
 * “党办（牵头）” is 党办, “张国栋（副校长）” is 张国栋 with the post for an empty 职务, names padded for alignment are one.
 */
function namesToPicks(cell: string, kind: PersonKind): NamePick[] {
  const { names, posts } = cellNames(cell, kind);
  return names.map((name, i) => (posts[i] ? { name, post: posts[i] } : { name }));
}

export interface BulkValues {
  departments?: NamePick[];
  leaders?: NamePick[];
  deadline?: string;
  status?: string;
}

/** Sets the same values on many rows at once: the spreadsheet's fill-down, as one undoable step. */
export function bulkSet(content: ListContent, directory: Directory, rows: readonly RiskRow[], values: BulkValues): Patch {
  const ctx = new EditContext(content, directory);
  for (const row of rows) {
    if (values.leaders) applyValue(ctx, row, 'leaders', values.leaders);
    if (values.departments) applyValue(ctx, row, 'departments', values.departments, !values.leaders);
    if (values.deadline !== undefined) applyValue(ctx, row, 'deadline', values.deadline);
    if (values.status !== undefined) applyValue(ctx, row, 'status', values.status);
  }
  return ctx.changes.build(`批量设置 ${rows.length} 行`);
}
