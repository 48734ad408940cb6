import type { ExportOptions } from '../domain/export/exportOptions';
import type { RiskRow } from '../domain/rows';
import type { Directory, ListContent } from '../domain/types';
import type { ExportRequest, ExportResponse } from './workerProtocol';

let worker: Worker | null = null;
let nextId = 1;

/** The export workbook's bytes, written in the export worker. */
export function exportInWorker(content: ListContent, directory: Directory, options: ExportOptions, rows: readonly RiskRow[] | null): Promise<Uint8Array> {
  worker ??= new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<ExportResponse>) => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      if (e.data.type === 'done') resolve(e.data.bytes);
      else reject(new Error(e.data.message));
    };
    w.addEventListener('message', onMessage);
    const request: ExportRequest = { id, content, directory, options: { ...options, date: options.date.getTime() }, rows };
    w.postMessage(request);
  });
}
