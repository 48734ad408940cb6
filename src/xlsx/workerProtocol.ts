import type { ImportErrorCode } from '../domain/import/errors';
import type { SheetTable } from '../domain/import/types';

export interface WorkerRequest {
  id: number;
  bytes: ArrayBuffer;
}

export type WorkerResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; sheets: SheetTable[] }
  | { id: number; type: 'error'; code: ImportErrorCode; detail: string };
