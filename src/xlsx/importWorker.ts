/// <reference lib="webworker" />
import { ImportError } from '../domain/import/errors';
import { importWorkbook } from '../domain/import/importWorkbook';
import { readXlsx } from './readXlsx';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

/**
 * Reads workbooks off the main thread, so the page never freezes, even for tens of thousands of rows: the sheet grids
 * and the first analysis of their tables. The grids go back too, for the preview to read again when the user changes
 * the column mapping.
 */
const post = (message: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { id, bytes } = e.data;
  try {
    const sheets = readXlsx(new Uint8Array(bytes), (done, total) => post({ id, type: 'progress', done, total }));
    post({ id, type: 'done', sheets, result: importWorkbook(sheets) });
  } catch (err) {
    post({ id, type: 'error', code: err instanceof ImportError ? err.code : 'corrupt', detail: String(err) });
  }
};
