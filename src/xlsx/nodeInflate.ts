import { inflateRawSync } from 'node:zlib';
import type { Inflate } from './zip';

/** zlib's inflate, for Node only (the CLI): about three times fflate's on a long sheet; the browser has only fflate's. */
export const nodeInflate: Inflate = (data, size) => inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
