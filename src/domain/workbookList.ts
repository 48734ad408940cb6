import { importPatch } from './import/importPlan';
import type { ImportRow } from './import/types';
import { applyInMemory, emptyTables, listFromTables } from './memoryState';
import type { Directory, Id, ListContent } from './types';

export interface WorkbookList {
  content: ListContent;
  directory: Directory;
  /** the Excel row each measure came from */
  rowOfMeasure: ReadonlyMap<Id, ImportRow>;
  /** the first Excel row of each problem */
  rowOfProblem: ReadonlyMap<Id, ImportRow>;
}

/**
 * An imported table as a list in memory, built by the same import as the app's, with each record's Excel row: how the
 * command line checks and counts a workbook and points back at its rows.
 */
export function workbookList(rows: readonly ImportRow[], fileName: string): WorkbookList {
  const tables = emptyTables();
  const { patch, listId } = importPatch(
    { mode: 'new', rows, mapped: new Map(), meta: { unit: '', title: fileName, period: '' } },
    { departments: [], leaders: [] },
    fileName,
  );
  applyInMemory(tables, patch);
  // the import creates one measure per row, in row order, and each problem before its first measure
  const rowOfMeasure = new Map<Id, ImportRow>();
  const rowOfProblem = new Map<Id, ImportRow>();
  let i = 0;
  for (const op of patch.ops) {
    if (op.type !== 'create' || op.table !== 'measures') continue;
    const row = rows[i++];
    if (!row) break;
    const measure = op.value as { id: Id; problemId: Id };
    rowOfMeasure.set(measure.id, row);
    if (!rowOfProblem.has(measure.problemId)) rowOfProblem.set(measure.problemId, row);
  }
  const { content, directory } = listFromTables(tables, listId);
  return { content, directory, rowOfMeasure, rowOfProblem };
}
