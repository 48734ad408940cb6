import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPatchDetailed } from '../../src/storage/applyPatch';
import type { SanqingdanDb } from '../../src/storage/db';
import { ListStore } from '../../src/storage/listStore';
import { newDb } from './dbHelpers';

const dbs: SanqingdanDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const settle = (store: ListStore) =>
  new Promise<void>((resolve) => {
    if (store.getSnapshot() !== undefined) return resolve();
    const off = store.subscribe(() => {
      off();
      resolve();
    });
  });

describe('the open list in memory', () => {
  it('takes this tab’s changes from the touched records, without reading the list again', async () => {
    const db = await newDb();
    dbs.push(db);
    const store = new ListStore(db, 'list1');
    await settle(store);
    const { touched } = await applyPatchDetailed(db, { label: 'x', ops: [{ type: 'update', table: 'measures', id: 'm11', changes: { text: '新文本' } }] });
    store.apply(touched);
    expect(store.getSnapshot()!.measures.find((m) => m.id === 'm11')!.text).toBe('新文本');
  });

  it('keeps a change that arrives while it is still reading the list, even if the read predates it', async () => {
    const db = await newDb();
    dbs.push(db);
    const store = new ListStore(db, 'list1'); // reading starts now, and will not see the change below
    const original = (await db.measures.get('m11'))!;
    const touched = new Map([['measures' as const, new Map([['m11', { ...original, text: '读取期间的修改' } as Record<string, unknown>]])]]);
    store.apply(touched); // the change's records arrive before the read resolves
    await settle(store);
    expect(store.getSnapshot()!.measures.find((m) => m.id === 'm11')!.text).toBe('读取期间的修改');
  });

  it('reads back what another tab changed, by id', async () => {
    const db = await newDb();
    dbs.push(db);
    const store = new ListStore(db, 'list1');
    await settle(store);
    await applyPatchDetailed(db, { label: 'other tab', ops: [{ type: 'update', table: 'problems', id: 'p1', changes: { text: '另一标签页改的' } }] });
    await store.refresh({ problems: ['p1'] });
    expect(store.getSnapshot()!.problems.find((p) => p.id === 'p1')!.text).toBe('另一标签页改的');
  });
});
