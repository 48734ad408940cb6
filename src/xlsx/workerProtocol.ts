import type { ImportErrorCode } from '../domain/import/errors';
import type { ExportOptions } from '../domain/export/exportOptions';
import type { WorkbookImport } from '../domain/import/importWorkbook';
import type { ImportRow, ImportWarning, SheetAnalysis } from '../domain/import/types';
import type { RiskRow } from '../domain/rows';
import type { Directory, ListContent } from '../domain/types';

/** To the import worker: read a workbook; then, as often as the user changes the mapping, read its rows again. */
export type WorkerRequest = { id: number; type: 'read'; bytes: ArrayBuffer } | { id: number; type: 'extract'; analyses: SheetAnalysis[] };

export type WorkerResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: WorkbookImport }
  | { id: number; type: 'extracted'; rows: ImportRow[]; warnings: ImportWarning[] }
  | { id: number; type: 'error'; code: ImportErrorCode; detail: string };

export interface ExportRequest {
  id: number;
  content: ListContent;
  directory: Directory;
  options: Omit<ExportOptions, 'date'> & { date: number };
  rows: readonly RiskRow[] | null; // only these rows (a filtered view), or all
}

export type ExportResponse = { id: number; type: 'done'; bytes: Uint8Array; warnings: string[] } | { id: number; type: 'error'; message: string };
