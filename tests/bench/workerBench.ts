/// <reference lib="webworker" />
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { inflateInStream } from '../../src/xlsx/inflateStream';
import { readXlsx, readXlsxAsync } from '../../src/xlsx/readXlsx';
import { zipEntries } from './zipEntries';

/**
 * The import worker's figure against the browser's floor, timed in a worker of Chromium's (browserBench.ts bundles this
 * file and starts it): the floor inflates the shared strings and the sheets with the fastest inflater the browser has
 * (DecompressionStream, native zlib, piped straight into one buffer), decodes them and passes once over their strings
 * and cells, as the Node floor does; the figure is the worker's own path (the reader on DecompressionStream and the
 * table analysis). Shown beside it for reference: the same with fflate inflating, where a browser has no
 * DecompressionStream. Run in turns, after a garbage collection each (Chromium started with --expose-gc), best of N.
 */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function floor(bytes: Uint8Array): Promise<number> {
  const decoder = new TextDecoder();
  let cells = 0;
  for (const { name, data } of zipEntries(bytes)) {
    if (!name.startsWith('xl/worksheets/') && name !== 'xl/sharedStrings.xml') continue;
    const inflated = await new Response(new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();
    const xml = decoder.decode(inflated);
    const re = /<(?:c|si)[\s>]/g;
    while (re.exec(xml)) cells++;
  }
  return cells;
}

self.onmessage = async (e: MessageEvent<{ url: string; runs: number }>) => {
  const bytes = new Uint8Array(await (await fetch(e.data.url)).arrayBuffer());
  // the sheets read once, for the table analysis timed alone
  const read = await readXlsxAsync(bytes, inflateInStream);
  const all: (() => unknown)[] = [
    () => floor(bytes),
    async () => importWorkbook(await readXlsxAsync(bytes, inflateInStream)),
    async () => readXlsxAsync(bytes, inflateInStream),
    () => importWorkbook(readXlsx(bytes)),
    () => importWorkbook(read),
  ];
  const best = all.map(() => Infinity);
  for (const f of all) await f(); // untimed: compiled and warmed before any run counts
  for (let i = 0; i < e.data.runs; i++) {
    for (const [k, f] of all.entries()) {
      gc();
      const t = performance.now();
      await f();
      best[k] = Math.min(best[k]!, performance.now() - t);
    }
  }
  const [floorMs, importMs, readMs, fflateMs, analysisMs] = best;
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ floorMs, importMs, readMs, fflateMs, analysisMs });
};
