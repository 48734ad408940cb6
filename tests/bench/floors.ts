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
export function floorRead(bytes: Uint8Array): number {
  const decoder = new TextDecoder();
  let cells = 0;
  for (const { name, data, size } of zipEntries(bytes)) {
    if (!name.startsWith('xl/worksheets/') && name !== 'xl/sharedStrings.xml') continue;
    const xml = decoder.decode(inflateRawSync(data, { chunkSize: Math.max(size + 1, 64) }));
    const re = /<(?:c|si)[\s>]/g;
    while (re.exec(xml)) cells++;
  }
  return cells;
}

export function floorWrite(parts: Zippable): Uint8Array {
  return zipSync(parts, { level: 6 });
}
