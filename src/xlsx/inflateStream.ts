import { InflateOverrun, inflateInJs, sliceEnd, type InflateAsync } from './zip';

/**
 * The browser's own inflate (DecompressionStream, native zlib: two to three times fflate's speed in JavaScript), kept
 * to the part's declared size as fflate's is (see zip.ts): the compressed bytes go in slices, each written only once the
 * output of the one before has been read (a transform stream holds back its writer until its reader has taken what it
 * gave), so no one step inflates past 64 KB × 1032; once the output passes the size, the stream is cancelled.
 */
export const inflateInStream: InflateAsync = async (compressed, size) => {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size);
  let at = 0;
  let overrun = false;
  const feeding = (async () => {
    for (let i = 0; i < compressed.length && !overrun; ) {
      const end = sliceEnd(i, compressed.length, size - at);
      await writer.write(compressed.subarray(i, end) as Uint8Array<ArrayBuffer>);
      i = end;
    }
    if (!overrun) await writer.close();
  })();
  // the feeder's failure is the reader's too (the stream errors on both sides): said once, by the reader
  feeding.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > size) {
        overrun = true;
        throw new InflateOverrun(size);
      }
      out.set(value, at);
      at += value.length;
    }
  } catch (e) {
    overrun = true;
    void reader.cancel().catch(() => undefined);
    void writer.abort().catch(() => undefined);
    throw e;
  }
  await feeding;
  return at === size ? out : out.subarray(0, at);
};

/** Whether this browser (or Node) inflates raw deflate streams natively (Chromium 103, Firefox 113, Safari 16.4 on). */
export function hasDecompressionStream(): boolean {
  try {
    return typeof DecompressionStream === 'function' && !!new DecompressionStream('deflate-raw');
  } catch {
    return false;
  }
}

/** The fastest inflater at hand: the native one, or fflate's where the browser has none. */
export const fastestInflate = (): InflateAsync => (hasDecompressionStream() ? inflateInStream : (data, size) => Promise.resolve(inflateInJs(data, size)));
