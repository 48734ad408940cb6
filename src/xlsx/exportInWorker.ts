import type { ExportOptions } from '../domain/export/exportOptions';
import type { RiskRow } from '../domain/rows';
import type { Directory, ListContent } from '../domain/types';
import type { ExportRequest, ExportResponse } from './workerProtocol';

/** Why an export failed when the worker itself did: the script did not load, or it stopped with an uncaught error. */
export const WORKER_FAILED = '导出程序未能加载或意外停止';

interface Pending {
  resolve: (result: ExportResult) => void;
  reject: (error: Error) => void;
}

export interface ExportResult {
  bytes: Uint8Array;
  warnings: string[]; // what had to be adapted to Excel's limits
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * A failed worker rejects every export waiting on it (none is left pending forever) and is dropped, so that the next
 * export starts a new one.
 */
function fail(w: Worker, message: string): void {
  if (worker === w) worker = null;
  w.terminate();
  const waiting = [...pending.values()];
  pending.clear();
  for (const p of waiting) p.reject(new Error(message));
}

function exportWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (e: MessageEvent<ExportResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.type === 'done') p.resolve({ bytes: e.data.bytes, warnings: e.data.warnings });
    else p.reject(new Error(e.data.message));
  });
  w.addEventListener('error', (e) => {
    e.preventDefault(); // handled here: not also an uncaught error on the page
    fail(w, WORKER_FAILED);
  });
  w.addEventListener('messageerror', () => fail(w, WORKER_FAILED));
  worker = w;
  return w;
}

/** The export workbook's bytes, written in the export worker. */
export function exportInWorker(content: ListContent, directory: Directory, options: ExportOptions, rows: readonly RiskRow[] | null): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    let w: Worker;
    try {
      w = exportWorker();
    } catch {
      reject(new Error(WORKER_FAILED)); // a browser that refuses to start it
      return;
    }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const request: ExportRequest = { id, content, directory, options: { ...options, date: options.date.getTime() }, rows };
    try {
      w.postMessage(request);
    } catch (e) {
      pending.delete(id);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
