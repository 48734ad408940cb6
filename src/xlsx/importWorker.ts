/// <reference lib="webworker" />
import { ImportError } from '../domain/import/errors';
import { extractAll, importWorkbook } from '../domain/import/importWorkbook';
import type { SheetTable } from '../domain/import/types';
import { readXlsx } from './readXlsx';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

/**
 * Reads workbooks off the main thread, so the page never freezes, even for tens of thousands of rows: the sheet grids
 * and the first analysis of their tables. The grids stay here, where the rows are read again when the user changes
 * the column mapping: copying them to the page doubled the memory a long import needed, and took a third of a second.
 */
const post = (message: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

let sheets: SheetTable[] = [];

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const request = e.data;
  const { id } = request;
  try {
    if (request.type === 'read') {
      sheets = readXlsx(new Uint8Array(request.bytes), { onProgress: (done, total) => post({ id, type: 'progress', done, total }) });
      post({ id, type: 'done', result: importWorkbook(sheets) });
    } else {
      post({ id, type: 'extracted', ...extractAll(sheets, request.analyses) });
    }
  } catch (err) {
    // (the reader says its own failures as ImportErrors; anything else here is a failed read, said as such)
    post({ id, type: 'error', code: err instanceof ImportError ? err.code : 'read-failed', detail: String(err) });
  }
};
