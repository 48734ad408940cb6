import { Inflate as StreamInflate } from 'fflate';
import { ImportError } from '../domain/import/errors';
import { MAX_COMPRESSION_RATIO, MAX_INFLATED_BYTES, MAX_PART_BYTES, MAX_RATIO_GRACE_BYTES } from '../domain/import/limits';

/**
 * Inflates one raw deflate stream to exactly `size` bytes (its length once inflated, from the zip directory), and
 * stops as soon as it would give more: the directory's sizes are the file's word, not a fact, and a zip bomb declares a
 * few kilobytes for gigabytes. fflate's, in JavaScript, by default; the Node CLI passes zlib's, three times faster, and
 * the browser's worker the browser's own (DecompressionStream, asynchronous: InflateAsync, inflateStream.ts).
 */
export type Inflate = (compressed: Uint8Array, size: number) => Uint8Array;
/** The same, for an inflater that answers later (the browser's DecompressionStream; see inflateStream.ts). */
export type InflateAsync = (compressed: Uint8Array, size: number) => Promise<Uint8Array>;

/** Inflated more than declared: the archive is damaged, or made to look smaller than it is. */
export class InflateOverrun extends Error {
  constructor(size: number) {
    super(`zip: the part inflates to more than the ${size} bytes declared`);
  }
}

// fed in slices of at most 64 KB (at deflate's ceiling of 1032 : 1, 66 MB) and of at most a 64th of the room left in
// the part, so that no one step inflates far past the size: a part declared small is caught within about a megabyte,
// 16 times its room at most; a real part (ratios near 10 : 1) is fed in 64 KB slices nearly to its end
const SLICE = 64 * 1024;
const MIN_SLICE = 1024;
const ROOM_SHARE = 64;
/** Where the slice of `compressed` fed from `from` ends, with `room` bytes left in the part (see above). */
export const sliceEnd = (from: number, length: number, room: number): number =>
  Math.min(length, from + Math.min(SLICE, Math.max(MIN_SLICE, Math.ceil(room / ROOM_SHARE))));

/**
 * fflate's streaming inflate, in slices, into one buffer of the declared size. (Its one-shot inflate into a given
 * buffer goes on decoding past the buffer's end, dropping the bytes: a bomb would run for its whole length.)
 */
export const inflateInJs: Inflate = (compressed, size) => {
  const out = new Uint8Array(size);
  let at = 0;
  let ended = false;
  const stream = new StreamInflate((chunk, final) => {
    if (at + chunk.length > size) throw new InflateOverrun(size);
    out.set(chunk, at);
    at += chunk.length;
    if (final) ended = true;
  });
  for (let i = 0; i < compressed.length && !ended; ) {
    const end = sliceEnd(i, compressed.length, size - at);
    stream.push(compressed.subarray(i, end), end === compressed.length);
    i = end;
  }
  if (!ended) stream.push(new Uint8Array(0), true);
  return at === size ? out : out.subarray(0, at);
};

/** A zip archive whose parts are inflated one at a time, when asked for. */
export interface ZipArchive {
  /** the parts' names, normalised (see partKey) */
  names: readonly string[];
  /** the part's bytes, or null when the archive has no such part; the name is matched as partKey matches */
  read(name: string): Uint8Array | null;
  /** the same, inflated by an inflater that answers later, under the same limits and checks */
  readAsync(name: string, inflate: InflateAsync): Promise<Uint8Array | null>;
  has(name: string): boolean;
}

/**
 * The key a part is found by: part names are case-insensitive in a package (`xl/SharedStrings.xml` is
 * `xl/sharedStrings.xml`), and some writers put backslashes or a leading slash in the zip's names.
 */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^(?:\.?\/)+/, '').toLowerCase();
}

/**
 * Opens a zip archive from its central directory (the one place that has every entry's sizes: a streaming reader of
 * local headers has to guess them), zip64 included. A part is inflated only when read, so a reader that lets go of
 * each part before the next never holds a long workbook's sheets all at once; what all the parts read inflate to is
 * counted against MAX_INFLATED_BYTES, each part against MAX_PART_BYTES and MAX_COMPRESSION_RATIO before it is inflated,
 * and no part is inflated past its declared size. Two entries of one name make that part unreadable (which one is the
 * workbook's?). A part compressed some other way than deflate (a thumbnail, say) fails only when it is read.
 */
export function openZip(bytes: Uint8Array, inflate: Inflate = inflateInJs): ZipArchive {
  const entries = centralDirectory(bytes);
  const byKey = new Map<string, Entry | null>(); // null: more than one entry of that name
  for (const e of entries) {
    const key = partKey(e.name);
    byKey.set(key, byKey.has(key) ? null : e);
  }
  let inflated = 0;
  /** The part's compressed bytes, once it has passed every check that comes before inflating; null: no such part. */
  const locate = (name: string): { e: Entry; data: Uint8Array } | null => {
    const key = partKey(name);
    if (!byKey.has(key)) return null;
    const e = byKey.get(key);
    if (!e) throw new Error(`zip: more than one part is named ${name}`);
    if (e.size > MAX_PART_BYTES || inflated + e.size > MAX_INFLATED_BYTES) throw new ImportError('inflated-too-large', `${e.name}: ${e.size} bytes`);
    if (e.size > MAX_RATIO_GRACE_BYTES && e.size > e.compressedSize * MAX_COMPRESSION_RATIO) {
      throw new ImportError('compression-ratio', `${e.name}: ${e.size} from ${e.compressedSize} bytes`);
    }
    const local = e.offset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new Error(`zip: no local header for ${e.name}`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw new Error(`zip: ${e.name} is cut short`);
    if (e.method !== 0 && e.method !== 8) throw new Error(`zip: ${e.name} is compressed with method ${e.method}`);
    if (e.method === 0 && e.size !== e.compressedSize) throw new Error(`zip: ${e.name} is stored with two sizes`);
    inflated += e.size;
    return { e, data };
  };
  const checked = (e: Entry, out: Uint8Array): Uint8Array => {
    if (out.length !== e.size) throw new Error(`zip: ${e.name} inflates to ${out.length} bytes, not ${e.size}`);
    return out;
  };
  return {
    names: entries.map((e) => partKey(e.name)),
    has: (name) => byKey.has(partKey(name)),
    read(name) {
      const part = locate(name);
      if (!part) return null;
      return checked(part.e, part.e.method === 0 ? part.data.slice() : inflate(part.data, part.e.size));
    },
    async readAsync(name, inflateLater) {
      const part = locate(name);
      if (!part) return null;
      return checked(part.e, part.e.method === 0 ? part.data.slice() : await inflateLater(part.data, part.e.size));
    },
  };
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
/** a zip64 size or offset; beyond 2^53 it is no real file's */
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 2 ** 32;

/** The entries of the central directory (zip64 or not); throws when the archive has none to read. */
function centralDirectory(bytes: Uint8Array): Entry[] {
  // the end record sits in the last 22 bytes, or further back by the length of an archive comment (at most 65,535)
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('zip: no end of central directory (the file is cut short or not a zip archive)');
  let disk = u16(bytes, end + 4);
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff || u32(bytes, end + 12) === 0xffffffff) {
    // zip64: a locator just before the end record points to the zip64 end record, which has the true figures
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw new Error('zip: zip64 locator missing');
    const end64 = u64(bytes, locator + 8);
    if (end64 + 56 > bytes.length || u32(bytes, end64) !== 0x06064b50) throw new Error('zip: zip64 end record missing');
    disk = u32(bytes, end64 + 16);
    count = u64(bytes, end64 + 32);
    at = u64(bytes, end64 + 48);
  }
  if (disk !== 0) throw new Error('zip: a multi-part archive');
  // each entry takes at least 46 bytes: a count no file could hold is a lie, not a loop to run
  if (count * 46 > bytes.length) throw new Error('zip: the directory claims more entries than the file can hold');
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new Error('zip: the central directory is damaged');
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    let offset = u32(bytes, at + 42);
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      // the zip64 extra field holds, in this order, those of the three that are 0xffffffff here
      const extra = at + 46 + nameLength;
      for (let x = extra; x + 4 <= extra + extraLength; x += 4 + u16(bytes, x + 2)) {
        if (u16(bytes, x) !== 0x0001) continue;
        let p = x + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, p);
          p += 8;
        }
        if (offset === 0xffffffff) offset = u64(bytes, p);
        break;
      }
    }
    // names are UTF-8 (flag bit 11) or, in old archives, CP437; the parts of a workbook have ASCII names either way
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), method, compressedSize, size, offset });
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return entries;
}
