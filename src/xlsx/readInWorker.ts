import { ImportError } from '../domain/import/errors';
import type { WorkbookImport } from '../domain/import/importWorkbook';
import type { SheetTable } from '../domain/import/types';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

let nextId = 1;

/**
 * Reads and analyses a workbook in an import worker; `onProgress` gets (sheets read, sheets in all). Each read has a
 * worker of its own, ended once it has answered: it holds the unzipped workbook and its text (hundreds of MB for a very
 * long table) until collected otherwise, and starting one costs a few milliseconds.
 */
export function readXlsxInWorker(
  bytes: ArrayBuffer,
  onProgress: (done: number, total: number) => void,
): Promise<{ sheets: SheetTable[]; result: WorkbookImport }> {
  const w = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  return new Promise((resolve, reject) => {
    w.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') return onProgress(m.done, m.total);
      w.terminate();
      if (m.type === 'done') resolve({ sheets: m.sheets, result: m.result });
      else reject(new ImportError(m.code, m.detail));
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message || '导入程序意外停止'));
    };
    w.postMessage({ id, bytes } satisfies WorkerRequest, [bytes]);
  });
}
