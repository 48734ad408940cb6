import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { changedRecords } from '../../src/domain/contentUpdate';
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

  it('publishes an edit in place as records replaced in the previous snapshot, keeping order and the other records', async () => {
    const db = await newDb();
    dbs.push(db);
    const store = new ListStore(db, 'list1');
    await settle(store);
    const before = store.getSnapshot()!;
    const { touched } = await applyPatchDetailed(db, {
      label: 'x',
      ops: [
        { type: 'update', table: 'measures', id: 'm12', changes: { status: '已完成' } },
        { type: 'update', table: 'problems', id: 'p2', changes: { text: '新的问题' } },
      ],
    });
    store.apply(touched);
    const after = store.getSnapshot()!;
    const replaced = changedRecords(before, after);
    expect(replaced !== 'all' && replaced.measures.map((m) => m.id)).toEqual(['m12']);
    expect(replaced !== 'all' && replaced.problems.map((p) => p.id)).toEqual(['p2']);
    expect(after.measures.map((m) => m.id)).toEqual(before.measures.map((m) => m.id));
    expect(after.measures.find((m) => m.id === 'm12')!.status).toBe('已完成');
    expect(after.problems.find((p) => p.id === 'p2')!.text).toBe('新的问题');
    expect(after.measures.find((m) => m.id === 'm11')).toBe(before.measures.find((m) => m.id === 'm11'));
    expect(before.measures.find((m) => m.id === 'm12')!.status).toBe('推进中'); // the old snapshot is left as it was
  });

  it('gives the whole list when a change moves, adds or removes a row: the list is sorted again', async () => {
    const db = await newDb();
    dbs.push(db);
    const store = new ListStore(db, 'list1');
    await settle(store);
    const sortedAgain = (apply: () => void) => {
      const before = store.getSnapshot()!;
      apply();
      return changedRecords(before, store.getSnapshot()!) === 'all';
    };
    const moved = await applyPatchDetailed(db, { label: 'x', ops: [{ type: 'update', table: 'measures', id: 'm12', changes: { order: 1 } }] });
    expect(sortedAgain(() => store.apply(moved.touched))).toBe(true);
    expect(store.getSnapshot()!.measures.map((m) => m.id).slice(0, 2)).toEqual(['m12', 'm11']);

    const across = await applyPatchDetailed(db, { label: 'x', ops: [{ type: 'update', table: 'measures', id: 'm21', changes: { problemId: 'p1' } }] });
    expect(sortedAgain(() => store.apply(across.touched))).toBe(true);

    const removed = await applyPatchDetailed(db, { label: 'x', ops: [{ type: 'delete', table: 'measures', id: 'm11' }] });
    expect(sortedAgain(() => store.apply(removed.touched))).toBe(true);
    expect(store.getSnapshot()!.measures.map((m) => m.id)).not.toContain('m11');
  });
});


describe('the directory in memory', () => {
  it('keeps a change made while it is still reading the directory', async () => {
    const { DirectoryStore } = await import('../../src/storage/directoryStore');
    const db = await newDb();
    dbs.push(db);
    const store = new DirectoryStore(db); // its first read starts now and will not see the change below
    const original = (await db.departments.get('d-deyu'))!;
    const write = db.departments.update('d-deyu', { name: '学生发展中心' });
    store.apply(new Map([['departments' as const, new Map([['d-deyu', { ...original, name: '学生发展中心' } as Record<string, unknown>]])]]));
    await write;
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline && !store.getSnapshot()?.departments.some((d) => d.name === '学生发展中心')) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(store.getSnapshot()!.departments.map((d) => d.name)).toContain('学生发展中心');
  });
});
