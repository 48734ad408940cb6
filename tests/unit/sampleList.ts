import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyInMemory, emptyTables, listFromTables } from '../../src/domain/memoryState';
import { samplePatch, type SampleFile } from '../../src/domain/sample';
import type { Directory, ListContent } from '../../src/domain/types';

/** The app's sample list (打开示例), loaded into memory as the app would store it. */
export function sampleList(): { content: ListContent; directory: Directory } {
  const sample = JSON.parse(readFileSync(fileURLToPath(new URL('../../samples/sample-list.json', import.meta.url)), 'utf8')) as SampleFile;
  const tables = emptyTables();
  const { patch, list } = samplePatch(sample, { departments: [], leaders: [] });
  applyInMemory(tables, patch);
  return listFromTables(tables, list.id);
}
