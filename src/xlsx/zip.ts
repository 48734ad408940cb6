import { inflateSync, unzipSync } from 'fflate';

/**
 * Inflates one raw deflate stream (`size`: its length once inflated, from the zip directory). fflate's, in JavaScript,
 * everywhere; the Node CLI passes zlib's, which is three times faster on a long sheet.
 */
export type Inflate = (compressed: Uint8Array, size: number) => Uint8Array;

export const inflateInJs: Inflate = (compressed, size) => inflateSync(compressed, { out: new Uint8Array(size) });

/** A zip archive whose parts are inflated one at a time, when asked for. */
export interface ZipArchive {
  names: readonly string[];
  /** the part's bytes, or null when the archive has no such part */
  read(name: string): Uint8Array | null;
}

/**
 * Opens a zip archive from its central directory (the one place that has every entry's true sizes: a streaming reader
 * of local headers has to guess them). A part is inflated only when read, so a reader that lets go of each part before
 * the next never holds a long workbook's sheets all at once. An archive in a shape this does not read (zip64, a
 * multi-part archive) goes to fflate's reader, which knows more shapes and more errors, for the parts `keep` names.
 * A part compressed some other way than deflate (a thumbnail, say) fails only when it is read.
 */
export function openZip(bytes: Uint8Array, inflate: Inflate = inflateInJs, keep: (name: string) => boolean = () => true): ZipArchive {
  const entries = centralDirectory(bytes);
  if (!entries) {
    const files = unzipSync(bytes, { filter: (f) => keep(f.name) });
    return { names: Object.keys(files), read: (name) => files[name] ?? null };
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    names: entries.map((e) => e.name),
    read(name) {
      const e = byName.get(name);
      if (!e) return null;
      const local = e.offset;
      if (u32(bytes, local) !== 0x04034b50) throw new Error(`zip: no local header for ${e.name}`);
      const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      const data = bytes.subarray(start, start + e.compressedSize);
      if (data.length !== e.compressedSize) throw new Error(`zip: ${e.name} is cut short`);
      if (e.method !== 0 && e.method !== 8) throw new Error(`zip: ${e.name} is compressed with method ${e.method}`);
      const out = e.method === 0 ? data.slice() : inflate(data, e.size);
      if (out.length !== e.size) throw new Error(`zip: ${e.name} inflates to ${out.length} bytes, not ${e.size}`);
      return out;
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

/** The entries of the central directory, or null when the archive is not in the plain shape read here. */
function centralDirectory(bytes: Uint8Array): Entry[] | null {
  // the end record sits in the last 22 bytes, or further back by the length of an archive comment (at most 65,535)
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const disk = u16(bytes, end + 4);
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (disk !== 0 || count === 0xffff || at === 0xffffffff) return null; // multi-part or zip64
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const offset = u32(bytes, at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) return null; // zip64
    // names are UTF-8 (flag bit 11) or, in old archives, CP437; the parts of a workbook have ASCII names either way
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), method, compressedSize, size, offset });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}
