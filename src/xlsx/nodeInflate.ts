import { inflateRawSync } from 'node:zlib';
import { InflateOverrun, type Inflate } from './zip';

/**
 * zlib's inflate, for Node only (the CLI): about twice as fast as fflate's on a long sheet; the browser has only
 * fflate's. One output chunk a byte longer than the part (exactly its size, zlib starts a second before it finishes): its
 * default 16 KB chunks were joined at the end, a copy of the part. `maxOutputLength` stops zlib as soon as the part
 * would inflate past its declared size (a zip bomb's declared sizes are small), with a RangeError said here as such.
 */
export const nodeInflate: Inflate = (data, size) => {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(size, 1), chunkSize: Math.max(size + 1, 64) });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateOverrun(size);
    throw e;
  }
};
