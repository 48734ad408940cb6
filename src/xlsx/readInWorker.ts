import { ImportError } from '../domain/import/errors';
import type { WorkbookImport } from '../domain/import/importWorkbook';
import type { ImportRow, ImportWarning, SheetAnalysis } from '../domain/import/types';
import { WORKER_TIMEOUT_MS } from '../domain/import/limits';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

/** A workbook read in an import worker, which keeps its sheets until `close`. */
export interface WorkbookInWorker {
  result: WorkbookImport;
  /** The rows read again with other column mappings. */
  extract(analyses: SheetAnalysis[]): Promise<{ rows: ImportRow[]; warnings: ImportWarning[] }>;
  /** Ends the worker and what it holds (the sheets of a long table: hundreds of MB). */
  close(): void;
}

let nextId = 1;

/**
 * Reads and analyses a workbook in an import worker of its own; `onProgress` gets (sheets read, sheets in all). The
 * worker stays, holding the sheets, until the preview that needs them is closed; a failed read ends it at once.
 */
export function readXlsxInWorker(bytes: ArrayBuffer, onProgress: (done: number, total: number) => void): Promise<WorkbookInWorker> {
  const w = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (m: WorkerResponse) => void; reject: (e: Error) => void }>();
  let closed = false;
  const close = () => {
    closed = true;
    w.terminate();
    for (const p of waiting.values()) p.reject(new Error('导入已取消'));
    waiting.clear();
  };
  w.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const m = e.data;
    if (m.type === 'progress') return onProgress(m.done, m.total);
    const p = waiting.get(m.id);
    if (!p) return;
    waiting.delete(m.id);
    if (m.type === 'error') p.reject(new ImportError(m.code, m.detail));
    else p.resolve(m);
  };
  // A worker that fails outside the reader's own handling (out of memory, a script that did not load) or answers with
  // something unreadable ends with a clear message; the page goes on. One that stops without a word (a worker killed
  // at its heap limit) is stopped after WORKER_TIMEOUT_MS, and said so.
  const fail = (error: ImportError) => {
    for (const p of waiting.values()) p.reject(error);
    waiting.clear();
    close();
  };
  w.onerror = (e) => {
    e.preventDefault();
    fail(new ImportError('read-failed', e.message || 'the import worker stopped'));
  };
  w.onmessageerror = () => fail(new ImportError('read-failed', 'the import worker sent an unreadable answer'));
  const ask = (request: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerResponse> => {
    if (closed) return Promise.reject(new Error('导入已结束'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new ImportError('timeout', `no answer in ${WORKER_TIMEOUT_MS} ms`)), WORKER_TIMEOUT_MS);
      const settled = <T,>(f: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        f(v);
      };
      waiting.set(request.id, { resolve: settled(resolve), reject: settled(reject) });
      try {
        w.postMessage(request, transfer);
      } catch (e) {
        fail(new ImportError('read-failed', String(e)));
      }
    });
  };
  return ask({ id: nextId++, type: 'read', bytes }, [bytes]).then(
    (m) => {
      if (m.type !== 'done') {
        close();
        throw new Error('导入程序的回答不对');
      }
      return {
        result: m.result,
        extract: async (analyses) => {
          const r = await ask({ id: nextId++, type: 'extract', analyses });
          if (r.type !== 'extracted') throw new Error('导入程序的回答不对');
          return { rows: r.rows, warnings: r.warnings };
        },
        close,
      };
    },
    (e: unknown) => {
      close();
      throw e;
    },
  );
}
