import { deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../src/domain/import/errors';
import { nodeInflate } from '../../src/xlsx/nodeInflate';
import { inflateInStream } from '../../src/xlsx/inflateStream';
import { InflateOverrun, inflateInJs, openZip, partKey, type Inflate } from '../../src/xlsx/zip';
import { deflateRepeated, rawZip } from '../fixtures/ooxml';

/** Every part whose name passes `keep`, as text. */
const readAll = (bytes: Uint8Array, keep: (name: string) => boolean, inflate?: Inflate) => {
  const zip = openZip(bytes, inflate);
  return Object.fromEntries(zip.names.filter(keep).map((name) => [name, strFromU8(zip.read(name)!)]));
};

describe('reading zip archives', () => {
  const parts = {
    'xl/workbook.xml': strToU8('<workbook>工作簿</workbook>'.repeat(50)),
    'xl/stored.xml': [strToU8('不压缩的部分'), { level: 0 }] as [Uint8Array, { level: 0 }],
    'docProps/app.xml': [strToU8('<Properties/>'), { comment: '每个部分可带说明' }] as [Uint8Array, { comment: string }],
    'xl/empty.xml': strToU8(''),
  };
  // with an archive comment after the end record, which moves the record back from the end
  const plain = zipSync(parts);
  const comment = strToU8('由三清单测试写入');
  const archive = new Uint8Array(plain.length + comment.length);
  archive.set(plain);
  archive.set(comment, plain.length);
  archive[plain.length - 2] = comment.length & 0xff;
  archive[plain.length - 1] = comment.length >> 8;

  it('reads deflated, stored and empty parts, only those asked for, with fflate or zlib inflating', () => {
    const expected = { 'xl/workbook.xml': '<workbook>工作簿</workbook>'.repeat(50), 'xl/stored.xml': '不压缩的部分', 'xl/empty.xml': '' };
    expect(readAll(archive, (n) => n.startsWith('xl/'))).toEqual(expected);
    expect(readAll(archive, (n) => n.startsWith('xl/'), nodeInflate)).toEqual(expected);
    expect(openZip(archive).read('xl/missing.xml')).toBeNull();
  });

  it('refuses an archive cut short instead of returning part of a part', () => {
    // the end record is intact but the data it points into is gone
    const cut = new Uint8Array(archive.length - 40);
    cut.set(archive.subarray(0, 30));
    cut.set(archive.subarray(archive.length - (archive.length - 40 - 30)), 30);
    expect(() => readAll(cut, () => true)).toThrow();
  });

  it('gives an archive without the end record to fflate, which says what is wrong', () => {
    expect(() => openZip(archive.subarray(0, archive.length - 30))).toThrow(/zip|invalid/i);
  });

  it('reads a workbook one of whose other parts is compressed some other way, failing only that part', () => {
    const odd = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'docProps/thumbnail.bin': [strToU8('缩略图'), { level: 0 }] as [Uint8Array, { level: 0 }] });
    // mark the stored thumbnail as bzip2 (method 12) in its local header and in the central directory
    const name = strToU8('docProps/thumbnail.bin');
    for (let i = 0; i + 4 < odd.length; i++) {
      const local = odd[i] === 0x50 && odd[i + 1] === 0x4b && odd[i + 2] === 3 && odd[i + 3] === 4;
      const central = odd[i] === 0x50 && odd[i + 1] === 0x4b && odd[i + 2] === 1 && odd[i + 3] === 2;
      const nameAt = local ? i + 30 : central ? i + 46 : -1;
      if (nameAt < 0 || !name.every((b, k) => odd[nameAt + k] === b)) continue;
      odd[i + (local ? 8 : 10)] = 12;
    }
    const zip = openZip(odd);
    expect(strFromU8(zip.read('xl/workbook.xml')!)).toBe('<workbook/>');
    expect(() => zip.read('docProps/thumbnail.bin')).toThrow(/method 12/);
  });

  it('finds parts whatever the case, slashes or backslashes of their names, and refuses a name written twice', () => {
    expect(partKey('\\XL\\Worksheets\\Sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(partKey('/xl/SharedStrings.xml')).toBe('xl/sharedstrings.xml');
    const data = deflateRawSync(Buffer.from('<sst/>'));
    const zip = openZip(
      rawZip([
        { name: '/XL/SharedStrings.xml', data, method: 8, size: 6 },
        { name: 'xl/a.xml', data, method: 8, size: 6 },
        { name: 'XL\\A.XML', data, method: 8, size: 6 },
      ]),
    );
    expect(strFromU8(zip.read('xl/sharedStrings.xml')!)).toBe('<sst/>');
    expect(zip.has('xl/a.xml')).toBe(true);
    expect(() => zip.read('xl/a.xml')).toThrow(/more than one part/);
  });

  for (const [name, inflate] of [['fflate', inflateInJs], ['zlib', nodeInflate]] as const) {
    it(`inflates no part past its declared size, however much more it holds (${name})`, () => {
      // 30 MB of rows declared as 1,000 bytes: stopped soon past that, not inflated to the end
      const bomb = deflateRepeated([{ text: '<row/>'.repeat(1 << 17), times: 40 }]);
      expect(() => inflate(bomb.data, 1000)).toThrow(InflateOverrun);
      const zip = openZip(rawZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb.data, method: 8, size: 1000 }]), inflate);
      expect(() => zip.read('xl/worksheets/sheet1.xml')).toThrow(InflateOverrun);
      // and the honest size still reads
      expect(inflate(bomb.data, bomb.size)).toHaveLength(bomb.size);
    }, 30_000);
  }

  it('inflates no part past its declared size with DecompressionStream either, and stops feeding it (the worker’s)', async () => {
    const bomb = deflateRepeated([{ text: '<row/>'.repeat(1 << 17), times: 40 }]);
    // 300 MB declared as 1,000 bytes, and the compressed bytes the stream was given before it was stopped: a few
    // slices (in Chromium one; Node's stream takes 16 KB before it answers), not the bomb's 470 KB
    const big = deflateRepeated([{ text: '<row/>'.repeat(1 << 17), times: 400 }]);
    let fed = 0;
    const Native = globalThis.DecompressionStream;
    class Counting {
      readonly readable: ReadableStream<Uint8Array>;
      readonly writable: WritableStream<BufferSource>;
      constructor(format: CompressionFormat) {
        const inner = new Native(format);
        this.readable = inner.readable;
        const writer = inner.writable.getWriter();
        this.writable = new WritableStream({
          write: (chunk) => {
            fed += (chunk as Uint8Array).length;
            return writer.write(chunk);
          },
          close: () => writer.close(),
          abort: (reason) => writer.abort(reason),
        });
      }
    }
    vi.stubGlobal('DecompressionStream', Counting);
    try {
      await expect(inflateInStream(big.data, 1000)).rejects.toThrow(InflateOverrun);
      expect(fed).toBeGreaterThan(0);
      expect(fed).toBeLessThan(64 * 1024);
      const zip = openZip(rawZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb.data, method: 8, size: 1000 }]));
      await expect(zip.readAsync('xl/worksheets/sheet1.xml', inflateInStream)).rejects.toThrow(InflateOverrun);
    } finally {
      vi.unstubAllGlobals();
    }
    // and the honest size still reads, as do small parts, a damaged stream failing
    expect(await inflateInStream(bomb.data, bomb.size)).toHaveLength(bomb.size);
    const small = deflateRawSync(Buffer.from('<sst>清单</sst>'));
    expect(strFromU8(await inflateInStream(small, Buffer.byteLength('<sst>清单</sst>')))).toBe('<sst>清单</sst>');
    await expect(inflateInStream(small.subarray(0, small.length - 3), 20)).rejects.toThrow();
  }, 30_000);

  it('refuses, before inflating, a part declared past the limits or at a zip bomb’s ratio', () => {
    const code = (entries: Parameters<typeof rawZip>[0], part: string) => {
      try {
        openZip(rawZip(entries)).read(part);
      } catch (e) {
        return e instanceof ImportError ? e.code : String(e);
      }
      return 'read';
    };
    const tiny = deflateRawSync(Buffer.from('x'));
    expect(code([{ name: 'a.xml', data: tiny, method: 8, size: 250 * 1024 * 1024 }], 'a.xml')).toBe('inflated-too-large');
    expect(code([{ name: 'a.xml', data: tiny, method: 8, size: 50 * 1024 * 1024 }], 'a.xml')).toBe('compression-ratio');
    // the parts read are counted together
    const parts = [0, 1].map((i) => ({ name: `p${i}.xml`, data: new Uint8Array(180 * 1024 * 1024 / 200 + 1), method: 8 as const, size: 180 * 1024 * 1024 }));
    const zip = openZip(rawZip(parts), () => new Uint8Array(180 * 1024 * 1024));
    expect(zip.read('p0.xml')).toHaveLength(180 * 1024 * 1024);
    expect(() => zip.read('p1.xml')).toThrow(expect.objectContaining({ code: 'inflated-too-large' }));
  });

  it('reads a zip64 archive (sizes and offsets in the zip64 records)', () => {
    const text = '<workbook>zip64</workbook>';
    const data = deflateRawSync(Buffer.from(text));
    expect(strFromU8(openZip(zip64([{ name: 'xl/workbook.xml', data, size: text.length }])).read('xl/workbook.xml')!)).toBe(text);
  });

  it('refuses a directory that claims more entries than the file could hold', () => {
    const bytes = Uint8Array.from(zipSync({ 'a.xml': strToU8('a') }));
    // entries in all: 65,279, in an archive of a hundred bytes
    bytes[bytes.length - 12] = 0xff;
    bytes[bytes.length - 11] = 0xfe;
    expect(() => openZip(bytes)).toThrow(/zip/);
  });
});

/** A zip64 archive as large-file writers make it: 0xffffffff in the headers, the true figures in zip64 fields. */
function zip64(entries: { name: string; data: Uint8Array; size: number }[]): Uint8Array {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(e.size), 4);
    extra.writeBigUInt64LE(BigInt(e.data.length), 12);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    out.push(local, name, extra, Buffer.from(e.data));
    const cextra = Buffer.alloc(28);
    cextra.writeUInt16LE(1, 0);
    cextra.writeUInt16LE(24, 2);
    cextra.writeBigUInt64LE(BigInt(e.size), 4);
    cextra.writeBigUInt64LE(BigInt(e.data.length), 12);
    cextra.writeBigUInt64LE(BigInt(offset), 20);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(45, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(0xffffffff, 20);
    c.writeUInt32LE(0xffffffff, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(cextra.length, 30);
    c.writeUInt32LE(0xffffffff, 42);
    central.push(c, name, cextra);
    offset += 30 + name.length + extra.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(directory.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...out, directory, end64, locator, end]);
}
