import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { nodeInflate } from '../../src/xlsx/nodeInflate';
import { openZip, type Inflate } from '../../src/xlsx/zip';

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
});
