import { NameResolver } from '../names/nameResolver';
import type { WorkbookImport } from '../import/importWorkbook';
import { nameKey } from '../text';
import type { Directory } from '../types';
import type { ImportRow } from '../import/types';
import { departmentsOf, detectDepartment, type CopyInput } from './merge';
import type { BaseRow } from './model';
import type { Distribution } from './distribute';

/**
 * The copies a returned workbook holds. Usually one; a workbook a colleague put together from several departments'
 * files has one sheet per department: each such sheet is a copy of its own (“file（sheet）”), so that each
 * department's changes, missing rows and conflicts are counted as its own.
 */
export function copiesOfWorkbook(
  file: string,
  read: Pick<WorkbookImport, 'rows' | 'title'> & { sheetRows?: readonly (readonly ImportRow[])[] },
  directory: Directory,
  base: readonly BaseRow[],
  sent?: Distribution | null,
): CopyInput[] {
  // each sheet's own rows (the import keeps a measure shown on several sheets once, on the first)
  const perSheet = read.sheetRows ? read.sheetRows.flat() : read.rows;
  const sheets = [...new Set(perSheet.map((r) => r.sheet ?? ''))];
  const known = NameResolver.of(directory, 'department');
  const listNames = new Set(departmentsOf(base).map(nameKey));
  const isDepartment = (name: string) => known.lookup(name) !== undefined || listNames.has(nameKey(name));
  const sentKeys = (department: string | undefined) => {
    if (!sent || !department) return undefined;
    const k = nameKey(known.lookup(department)?.name ?? department);
    return sent.parts.find((p) => nameKey(p.department) === k)?.keys;
  };
  if (sheets.length > 1 && sheets.every(isDepartment)) {
    return sheets.map((sheet) => {
      const keys = sentKeys(sheet);
      return { file: `${file}（${sheet}）`, rows: perSheet.filter((r) => (r.sheet ?? '') === sheet), department: sheet, ...(keys ? { sentKeys: keys } : {}) };
    });
  }
  return [{ file, rows: read.rows, title: read.title }];
}

/** A copy's rows sent, once its department is known (the record of the last 分发). */
export function withSentKeys(copy: CopyInput, department: string | null, sent: Distribution | null | undefined): CopyInput {
  if (!sent || !department || copy.sentKeys) return copy;
  const part = sent.parts.find((p) => nameKey(p.department) === nameKey(department));
  return part ? { ...copy, sentKeys: part.keys } : copy;
}

/**
 * The copies of the returned workbooks, ready to merge into a list: split by department sheet where a workbook holds
 * several, and, for workbooks exported from this list, compared with the values as sent and counted against the rows
 * sent to their department.
 */
export function prepareCopies(
  workbooks: readonly { file: string; rows: ImportRow[]; title: string; listId: string | null; sheetRows?: readonly (readonly ImportRow[])[] }[],
  listId: string,
  directory: Directory,
  base: readonly BaseRow[],
  sent: Distribution | null,
): CopyInput[] {
  return workbooks.flatMap((w) =>
    copiesOfWorkbook(w.file, w, directory, base, sent).map((copy) => {
      if (w.listId !== listId || !sent) return copy;
      const department = detectDepartment(copy, directory, base);
      return { ...withSentKeys(copy, department, sent), asSent: true };
    }),
  );
}
