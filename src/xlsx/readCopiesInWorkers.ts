import { ImportError, type ImportErrorCode } from '../domain/import/errors';
import type { ImportRow } from '../domain/import/types';
import type { CopyReadRequest, CopyReadResponse } from './copiesWorker';

export interface ReadWorkbook {
  rows: ImportRow[];
  title: string;
  listId: string | null;
  sheetRows?: ImportRow[][];
}

/**
 * Reads many workbooks in a few workers (one per core, at most `parallel`), each taking the next file when done;
 * `onRead` gets each result (or its ImportError) as it comes. The workers end when all files are read.
 */
export async function readCopiesInWorkers(
  files: readonly { name: string; bytes: Uint8Array }[],
  parallel: number,
  onRead: (index: number, result: ReadWorkbook | Error) => void,
): Promise<void> {
  let next = 0;
  let id = 1;
  const run = async () => {
    const w = new Worker(new URL('./copiesWorker.ts', import.meta.url), { type: 'module' });
    try {
      while (next < files.length) {
        const i = next++;
        const f = files[i]!;
        const bytes = (f.bytes.byteOffset === 0 && f.bytes.byteLength === f.bytes.buffer.byteLength ? f.bytes.buffer : f.bytes.slice().buffer) as ArrayBuffer;
        const request: CopyReadRequest = { id: id++, name: f.name, bytes };
        const answer = await new Promise<CopyReadResponse | Error>((resolve) => {
          w.onmessage = (e: MessageEvent<CopyReadResponse>) => resolve(e.data);
          w.onerror = (e) => resolve(new Error(e.message || '读取程序意外停止'));
          w.postMessage(request, [bytes]);
        });
        if (answer instanceof Error) onRead(i, answer);
        else if (answer.type === 'error') onRead(i, new ImportError(answer.code as ImportErrorCode, answer.detail));
        else onRead(i, { rows: answer.rows, title: answer.title, listId: answer.listId, ...(answer.sheetRows ? { sheetRows: answer.sheetRows } : {}) });
      }
    } finally {
      w.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, files.length)) }, run));
}
