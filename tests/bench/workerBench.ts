/// <reference lib="webworker" />
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { inflateInStream } from '../../src/xlsx/inflateStream';
import { readXlsx, readXlsxAsync } from '../../src/xlsx/readXlsx';
import { zipEntries } from './zipEntries';

/**
 * The import worker's figure against the browser's floor, timed in a worker of Chromium's (browserBench.ts bundles this
 * file and starts it): the floor inflates the shared strings and the sheets the fastest way the browser has
 * (DecompressionStream, native zlib, given each part whole and read into one buffer of the part's size), decodes each
 * by the fastest decoder for what it holds (the shared strings as UTF-8; a sheet's markup one byte to a character, as
 * the reader does: Chromium's windows-1252 decoder is twice its UTF-8 one on ASCII) and passes once over their strings
 * and cells, as the Node floor does; the figure is the worker's own path (the reader on DecompressionStream and the
 * table analysis). Shown beside it for reference: the same with fflate inflating, where a browser has no
 * DecompressionStream. Run in turns, after a garbage collection each (Chromium started with --expose-gc), best of N.
 * (The floor inflated through Response(stream).arrayBuffer() and decoded every part as UTF-8 until the reader did
 * both faster: 60 and 65 ms at 100,000 rows, by which the figure looked nearer its floor than it was.)
 */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function inflate(data: Uint8Array, size: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  void writer.write(data as Uint8Array<ArrayBuffer>);
  void writer.close();
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.set(value, at);
    at += value.length;
  }
}

async function floor(bytes: Uint8Array): Promise<number> {
  const text = new TextDecoder();
  const oneByte = new TextDecoder('windows-1252');
  let cells = 0;
  for (const { name, data, size } of zipEntries(bytes)) {
    if (!name.startsWith('xl/worksheets/') && name !== 'xl/sharedStrings.xml') continue;
    const xml = (name === 'xl/sharedStrings.xml' ? text : oneByte).decode(await inflate(data, size));
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
