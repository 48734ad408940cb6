/// <reference lib="webworker" />
import { buildExport } from '../domain/export/buildExport';
import type { ExportRequest, ExportResponse } from './workerProtocol';
import { writeXlsx } from './writeXlsx';

/** Builds and writes the export workbook off the main thread. */
self.onmessage = (e: MessageEvent<ExportRequest>) => {
  const { id, content, directory, options, rows } = e.data;
  const post = (m: ExportResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);
  try {
    const spec = buildExport(content, directory, { ...options, date: new Date(options.date) }, rows ?? undefined);
    const bytes = writeXlsx(spec);
    post({ id, type: 'done', bytes, warnings: spec.warnings ?? [] }, [bytes.buffer]);
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
