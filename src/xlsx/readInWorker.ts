import { ImportError } from '../domain/import/errors';
import type { WorkbookImport } from '../domain/import/importWorkbook';
import type { SheetTable } from '../domain/import/types';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

let worker: Worker | null = null;
let nextId = 1;

/** Reads and analyses a workbook in the import worker; `onProgress` gets (sheets read, sheets in all). */
export function readXlsxInWorker(
  bytes: ArrayBuffer,
  onProgress: (done: number, total: number) => void,
): Promise<{ sheets: SheetTable[]; result: WorkbookImport }> {
  worker ??= new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') return onProgress(m.done, m.total);
      w.removeEventListener('message', onMessage);
      if (m.type === 'done') resolve({ sheets: m.sheets, result: m.result });
      else reject(new ImportError(m.code, m.detail));
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ id, bytes } satisfies WorkerRequest, [bytes]);
  });
}
