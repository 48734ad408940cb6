/// <reference lib="webworker" />
import { ImportError } from '../domain/import/errors';
import { extractAll, importWorkbook } from '../domain/import/importWorkbook';
import type { ImportRow } from '../domain/import/types';
import { fastestInflate } from './inflateStream';
import { readXlsxAsync } from './readXlsx';

/**
 * Reads the returned copies of a merge, one after another, in one worker: the import worker's reading (readXlsxAsync and
 * importWorkbook, the same code), kept warm for the next file. A worker of its own per file spent a second starting
 * and warming up for a 500-row copy, thirty times over; the import worker, which keeps one workbook's sheets for its
 * preview, is made for one file. Only rows come back; nothing is kept.
 */
export type CopyReadRequest = { id: number; name: string; bytes: ArrayBuffer };
export type CopyReadResponse =
  | { id: number; type: 'done'; rows: ImportRow[]; title: string; listId: string | null; sheetRows?: ImportRow[][] }
  | { id: number; type: 'error'; code: string; detail: string };

const post = (message: CopyReadResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

// the browser's native inflate, as the import worker's (inflateStream.ts); fflate's where the browser has none
const inflate = fastestInflate();

self.onmessage = async (e: MessageEvent<CopyReadRequest>) => {
  const { id, bytes } = e.data;
  try {
    const sheets = await readXlsxAsync(new Uint8Array(bytes), inflate);
    const result = importWorkbook(sheets);
    // each sheet's own rows too: a workbook of one sheet per department is one copy per sheet
    const sheetRows = result.analyses.length > 1 ? result.analyses.map((a) => extractAll(sheets, [a]).rows) : undefined;
    post({ id, type: 'done', rows: result.rows, title: result.title, listId: result.listId, ...(sheetRows ? { sheetRows } : {}) });
  } catch (err) {
    post({ id, type: 'error', code: err instanceof ImportError ? err.code : 'corrupt', detail: String(err) });
  }
};
