import type { ImportErrorCode } from '../domain/import/errors';
import type { ExportOptions } from '../domain/export/exportOptions';
import type { WorkbookImport } from '../domain/import/importWorkbook';
import type { SheetTable } from '../domain/import/types';
import type { RiskRow } from '../domain/rows';
import type { Directory, ListContent } from '../domain/types';

export interface WorkerRequest {
  id: number;
  bytes: ArrayBuffer;
}

export type WorkerResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; sheets: SheetTable[]; result: WorkbookImport }
  | { id: number; type: 'error'; code: ImportErrorCode; detail: string };

export interface ExportRequest {
  id: number;
  content: ListContent;
  directory: Directory;
  options: Omit<ExportOptions, 'date'> & { date: number };
  rows: readonly RiskRow[] | null; // only these rows (a filtered view), or all
}

export type ExportResponse = { id: number; type: 'done'; bytes: Uint8Array } | { id: number; type: 'error'; message: string };
