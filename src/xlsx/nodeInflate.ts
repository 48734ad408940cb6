import { inflateRawSync } from 'node:zlib';
import type { Inflate } from './zip';

/**
 * zlib's inflate, for Node only (the CLI): about twice as fast as fflate's on a long sheet; the browser has only
 * fflate's. One output chunk a byte longer than the part (exactly its size, zlib starts a second before it finishes): its
 * default 16 KB chunks were joined at the end, a copy of the part.
 */
export const nodeInflate: Inflate = (data, size) => inflateRawSync(data, { maxOutputLength: Math.max(size, 1), chunkSize: Math.max(size + 1, 64) });
