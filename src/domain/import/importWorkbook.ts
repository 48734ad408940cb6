import { analyzeSheet } from './analyzeSheet';
import { ImportError } from './errors';
import { extractRows } from './extractRows';
import type { ImportRow, ImportWarning, SheetAnalysis, SheetTable } from './types';

export interface WorkbookImport {
  analyses: SheetAnalysis[]; // the sheets that hold a table, in workbook order
  rows: ImportRow[]; // every sheet's rows, in sheet order then row order
  warnings: ImportWarning[];
  title: string; // from the first table's title row
  unit: string;
}

/**
 * Finds the tables in every visible sheet (one sheet per department is common) and reads their rows. Sheets without a
 * recognisable table (填表说明, 选项表) are skipped with a note; a workbook with none is refused.
 */
export function importWorkbook(sheets: readonly SheetTable[]): WorkbookImport {
  if (sheets.length === 0 || sheets.every((s) => s.rows.every((r) => r.every((c) => c.trim() === '')))) {
    throw new ImportError('no-sheets');
  }
  const analyses: SheetAnalysis[] = [];
  const skipped: ImportWarning[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const analysis = analyzeSheet(sheet);
    if (analysis) analyses.push(analysis);
    else if (sheet.rows.some((r) => r.some((c) => c.trim()))) {
      skipped.push({ sheet: sheet.name, message: `工作表“${sheet.name}”中没有可识别的三清单表格，已跳过` });
    }
  }
  if (analyses.length === 0) throw new ImportError('no-table');
  const result = extractAll(sheets, analyses);
  return {
    analyses,
    rows: result.rows,
    warnings: [...skipped, ...result.warnings],
    title: analyses.find((a) => a.title)?.title ?? '',
    unit: analyses.find((a) => a.unit)?.unit ?? '',
  };
}

/** Reads the rows again with (possibly user-changed) column mappings. */
export function extractAll(sheets: readonly SheetTable[], analyses: readonly SheetAnalysis[]): { rows: ImportRow[]; warnings: ImportWarning[] } {
  const rows: ImportRow[] = [];
  const warnings: ImportWarning[] = [];
  for (const a of analyses) {
    const sheet = sheets.find((s) => s.name === a.sheet);
    if (!sheet) continue;
    const r = extractRows(sheet, a);
    rows.push(...r.rows);
    warnings.push(...r.warnings);
  }
  return { rows, warnings };
}

/** A warning as one line, naming the sheet when the workbook has several tables. */
export function warningText(w: ImportWarning, manySheets: boolean): string {
  return manySheets && w.row !== undefined ? `工作表“${w.sheet}”${w.message}` : w.message;
}

/** The CLI's JSON row: the importer's row without its bookkeeping. */
export function publicRow(row: ImportRow): Omit<ImportRow, 'excelRow'> {
  const { excelRow: _omit, ...rest } = row;
  return rest;
}
