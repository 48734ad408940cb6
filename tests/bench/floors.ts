import { inflateRawSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { zipEntries } from './zipEntries';

/**
 * The floors the budgets are measured against, in the same run (issue: performance). Reading: unzip and one pass over
 * the shared strings and the sheet XML, touching every string and cell. Writing: zipping XML that is already built.
 *
 * The reading floor inflates with the fastest inflater Node has, zlib's (as the CLI's reader does): against fflate's
 * inflate, in JavaScript and twice as slow, the reader looked nearer its floor than it was. The archive's directory is
 * read here on its own (a dozen lines, no checks), so that the floor shares no code with the reader it measures.
 */
/**
 * Each part is decoded by the fastest decoder for what it holds, as the reader does (src/xlsx/decodePart.ts, not
 * shared): the sheets' markup by a decoder that never streamed (Node's UTF-8 fast path), the shared strings' Chinese
 * by one that has (ICU's way, 1.8 times as fast on it). With one decoder for both, the floor was ~45 ms slower at
 * 100,000 rows than the decoding the reader does, which made the reader look that much nearer its floor.
 */
const markup = new TextDecoder();
const prose = new TextDecoder();
prose.decode(new Uint8Array(0), { stream: true });
prose.decode(new Uint8Array(0));

export function floorRead(bytes: Uint8Array): number {
  let cells = 0;
  for (const { name, data, size } of zipEntries(bytes)) {
    if (!name.startsWith('xl/worksheets/') && name !== 'xl/sharedStrings.xml') continue;
    const decoder = name === 'xl/sharedStrings.xml' ? prose : markup;
    const xml = decoder.decode(inflateRawSync(data, { chunkSize: Math.max(size + 1, 64) }));
    const re = /<(?:c|si)[\s>]/g;
    while (re.exec(xml)) cells++;
  }
  return cells;
}

export function floorWrite(parts: Zippable): Uint8Array {
  return zipSync(parts, { level: 6 });
}
