/// <reference lib="webworker" />
import { ImportError } from '../domain/import/errors';
import { extractAll, importWorkbook } from '../domain/import/importWorkbook';
import type { SheetTable } from '../domain/import/types';
import { fastestInflate } from './inflateStream';
import { readXlsxAsync } from './readXlsx';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

/**
 * Reads workbooks off the main thread, so the page never freezes, even for tens of thousands of rows: the sheet grids
 * and the first analysis of their tables. The grids stay here, where the rows are read again when the user changes
 * the column mapping: copying them to the page doubled the memory a long import needed, and took a third of a second.
 */
const post = (message: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

let sheets: SheetTable[] = [];
// the browser's native inflate (two to three times fflate's), or fflate's where the browser has none
const inflate = fastestInflate();

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const request = e.data;
  const { id } = request;
  try {
    if (request.type === 'read') {
      sheets = await readXlsxAsync(new Uint8Array(request.bytes), inflate, (done, total) => post({ id, type: 'progress', done, total }));
      post({ id, type: 'done', result: importWorkbook(sheets) });
    } else {
      post({ id, type: 'extracted', ...extractAll(sheets, request.analyses) });
    }
  } catch (err) {
    // (the reader says its own failures as ImportErrors; anything else here is a failed read, said as such)
    post({ id, type: 'error', code: err instanceof ImportError ? err.code : 'read-failed', detail: String(err) });
  }
};
