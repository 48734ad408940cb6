/// <reference lib="webworker" />
import { buildExport } from '../domain/export/buildExport';
import type { ExportRequest, ExportResponse } from './workerProtocol';
import { writeXlsx } from './writeXlsx';

/** Builds and writes the export workbook off the main thread. */
self.onmessage = (e: MessageEvent<ExportRequest>) => {
  const { id, content, directory, options, rows } = e.data;
  const post = (m: ExportResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);
  try {
    const bytes = writeXlsx(buildExport(content, directory, { ...options, date: new Date(options.date) }, rows ?? undefined));
    post({ id, type: 'done', bytes }, [bytes.buffer]);
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
