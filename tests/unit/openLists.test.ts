import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { create } from '../../src/domain/patch';
import { applyPatchDetailed } from '../../src/storage/applyPatch';
import type { SanqingdanDb } from '../../src/storage/db';
import type { ListStore } from '../../src/storage/listStore';
import { OpenLists } from '../../src/storage/openLists';
import { newDb } from './dbHelpers';
import { makeList, makeMeasure, makeProblem } from './helpers';

const dbs: SanqingdanDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A fresh database with the standard fixture, and its open lists. */
async function openLists(): Promise<{ db: SanqingdanDb; lists: OpenLists }> {
  const db = await newDb();
  dbs.push(db);
  return { db, lists: new OpenLists(db) };
}

const aTick = () => new Promise((resolve) => setTimeout(resolve, 5));
const measuresOf = (store: ListStore) => store.getSnapshot()?.measures.map((m) => m.text);

/** A new list with one problem and two measures, as an import writes it. */
const importPatch = {
  label: '导入',
  ops: [
    create('lists', makeList({ id: 'imported', title: '导入的清单' })),
    create('problems', makeProblem('ip1', '导入的问题', 1024, { listId: 'imported' })),
    create('measures', makeMeasure('im1', 'ip1', '第一条措施', 1024, { listId: 'imported' })),
    create('measures', makeMeasure('im2', 'ip1', '第二条措施', 2048, { listId: 'imported' })),
  ],
};

describe('the lists open in memory', () => {
  it('a list opened ahead of an import takes its records as they are stored, and is kept until shown', async () => {
    const { db, lists } = await openLists();
    const opened = lists.openAhead('imported');
    const store = lists.get('imported');
    await aTick(); // its read of the (still empty) list has finished
    const { touched } = await applyPatchDetailed(db, importPatch);
    lists.apply(touched);
    expect(measuresOf(store)).toEqual(['第一条措施', '第二条措施']);

    // no view has shown it yet: a view's release in between (say, of another list's view) does not drop it
    lists.release(store);
    await aTick();
    expect(lists.get('imported')).toBe(store);

    // a view shows it and goes away: now it is dropped, and read again when shown again
    const off = store.subscribe(() => undefined);
    lists.shown(store);
    off();
    lists.release(store);
    await aTick();
    expect(lists.get('imported')).not.toBe(store);
    opened.release(); // late: harmless
  });

  it('a list opened ahead is dropped when its opener lets go without showing it (the import failed)', async () => {
    const { lists } = await openLists();
    const opened = lists.openAhead('imported');
    const store = lists.get('imported');
    opened.release();
    await aTick();
    expect(lists.get('imported')).not.toBe(store);
  });

  it('a list a view still shows is not dropped by a release', async () => {
    const { lists } = await openLists();
    const store = lists.get('list1');
    const off = store.subscribe(() => undefined);
    lists.release(store);
    await aTick();
    expect(lists.get('list1')).toBe(store);
    off();
  });
});
