import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNKS_PER_TABLE, chunkIdOf } from '../../src/storage/chunkedTable';
import type { SanqingdanDb } from '../../src/storage/db';
import { newDb } from './dbHelpers';
import { makeMeasure } from './helpers';

const dbs: SanqingdanDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('problems and measures stored in chunks', () => {
  it('writes thousands of records as a few hundred stored records, and reads each back by id and by list', async () => {
    const db = await newDb(null);
    dbs.push(db);
    const measures = Array.from({ length: 3000 }, (_, i) => ({ ...makeMeasure(`m${i}`, 'p1', `措施${i}`, i), listId: i % 2 ? 'a' : 'b' }));
    await db.measures.bulkAdd(measures);
    expect(await db.chunks.count()).toBeLessThanOrEqual(CHUNKS_PER_TABLE);
    expect(await db.measures.get('m1234')).toEqual(measures[1234]);
    expect((await db.measures.bulkGet(['m1', 'nope', 'm2'])).map((m) => m?.text)).toEqual(['措施1', undefined, '措施2']);
    expect((await db.measures.forList('a')).length).toBe(1500);
    expect((await db.measures.toArray()).length).toBe(3000);
  });

  it('refuses to add a record whose id is taken, writing nothing of that call', async () => {
    const db = await newDb(null);
    dbs.push(db);
    await db.measures.bulkAdd([makeMeasure('m1', 'p1', '原有', 1)]);
    await expect(db.measures.bulkAdd([makeMeasure('m2', 'p1', '新', 2), makeMeasure('m1', 'p1', '重复', 3)])).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.measures.get('m2')).toBeUndefined();
    expect((await db.measures.get('m1'))!.text).toBe('原有');
  });

  it('updates and deletes by id, and keeps ids no plain object could (such as "__proto__")', async () => {
    const db = await newDb(null);
    dbs.push(db);
    await db.measures.bulkPut([makeMeasure('__proto__', 'p1', '怪标识', 1), makeMeasure('m2', 'p1', '普通', 2)]);
    expect(await db.measures.update('__proto__', { note: '改' })).toBe(1);
    expect(await db.measures.update('missing', { note: '改' })).toBe(0);
    expect((await db.measures.get('__proto__'))!.note).toBe('改');
    await db.measures.bulkDelete(['m2']);
    expect((await db.measures.toArray()).map((m) => m.id)).toEqual(['__proto__']);
    expect(() => chunkIdOf('measures', '')).toThrow();
  });
});
