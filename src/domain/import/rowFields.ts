import { FIELDS, isImportable, isPeopleField, isTextField, type FieldId } from '../fields';
import type { ImportRow, SheetAnalysis } from './types';

/**
 * The fields an import writes, in the grid's column order: the columns of its preview. Read from the column mapping,
 * so a column the user maps to another field moves with it. 问题清单 and 措施清单 are always there (every imported row
 * is a measure of a problem); 序号 follows the order and 本轮进展情况 is written per round, never by an import.
 */
export function importedFields(analyses: readonly SheetAnalysis[]): FieldId[] {
  const mapped = new Set<FieldId>(['problem', 'measure']);
  // a continuation sheet is read with its table's mapping: it adds no field of its own
  for (const a of analyses) for (const c of a.columns) if (c.field) mapped.add(c.field);
  return FIELDS.filter((f) => isImportable(f) && mapped.has(f.id)).map((f) => f.id);
}

/** The text of one field of an imported row, as the grid will show it (names one per line). */
export function importRowText(row: ImportRow, field: FieldId): string {
  if (isPeopleField(field)) return row[field].join('\n');
  if (field === 'problem' || field === 'measure') return row[field];
  if (isTextField(field)) return row[field] ?? '';
  return '';
}

/**
 * The fields beyond 问题清单 and 措施清单 (which every row has) that some imported row gives a value: the columns the
 * grid must show after the import, or the user would think the values were lost.
 */
export function filledFields(rows: readonly ImportRow[]): FieldId[] {
  return FIELDS.filter((f) => f.id !== 'problem' && f.id !== 'measure' && rows.some((r) => importRowText(r, f.id).trim() !== '')).map(
    (f) => f.id,
  );
}
