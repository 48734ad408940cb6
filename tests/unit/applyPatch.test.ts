import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Op, Patch } from '../../src/domain/patch';
import { applyPatch } from '../../src/storage/applyPatch';
import type { SanqingdanDb } from '../../src/storage/db';
import { newDb, snapshot } from './dbHelpers';
import { makeDept, makeMeasure, makeProblem } from './helpers';

const dbs: SanqingdanDb[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) await db.delete();
});

async function seededDb(): Promise<SanqingdanDb> {
  const db = await newDb();
  dbs.push(db);
  return db;
}

const mixedPatch = (): Patch => ({
  label: '混合修改',
  ops: [
    { type: 'put', table: 'problems', value: makeProblem('p4', '教师有偿补课监督不够', 4096) },
    { type: 'put', table: 'measures', value: makeMeasure('m41', 'p4', '签订承诺书', 1024, { departmentIds: ['d-new'] }) },
    { type: 'put', table: 'departments', value: makeDept('d-new', '纪委') },
    { type: 'update', table: 'measures', id: 'm11', changes: { text: '全面清理新媒体账号', status: '已完成' } },
    { type: 'update', table: 'problems', id: 'p2', changes: { order: 500 } },
    { type: 'delete', table: 'measures', id: 'm12' },
    { type: 'delete', table: 'departments', id: 'd-jiaowu' },
  ],
});

describe('applyPatch', () => {
  it('applies puts, updates and deletes', async () => {
    const db = await seededDb();
    await applyPatch(db, mixedPatch());
    expect(await db.problems.get('p4')).toMatchObject({ text: '教师有偿补课监督不够' });
    expect(await db.measures.get('m41')).toMatchObject({ problemId: 'p4', departmentIds: ['d-new'] });
    expect(await db.departments.get('d-new')).toMatchObject({ name: '纪委' });
    // an update merges: changed fields replaced, the others kept
    expect(await db.measures.get('m11')).toEqual(
      makeMeasure('m11', 'p1', '全面清理新媒体账号', 1024, { departmentIds: ['d-dangban'], leaderIds: ['l-zhang'], status: '已完成' }),
    );
    expect((await db.problems.get('p2'))!.order).toBe(500);
    expect(await db.measures.get('m12')).toBeUndefined();
    expect(await db.departments.get('d-jiaowu')).toBeUndefined();
  });

  it('returns an inverse that restores the previous state exactly', async () => {
    const db = await seededDb();
    const before = await snapshot(db);
    const inverse = await applyPatch(db, mixedPatch());
    expect(inverse.label).toBe('混合修改');
    expect(await snapshot(db)).not.toEqual(before);
    await applyPatch(db, inverse);
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('the inverse of the inverse re-applies the change (redo)', async () => {
    const db = await seededDb();
    const inverse = await applyPatch(db, mixedPatch());
    const changed = await snapshot(db);
    const redo = await applyPatch(db, inverse);
    await applyPatch(db, redo);
    expect(await snapshot(db)).toStrictEqual(changed);
  });

  it('the inverse of an update carries only the fields it changed, with their old values', async () => {
    const db = await seededDb();
    const inverse = await applyPatch(db, {
      label: '编辑',
      ops: [{ type: 'update', table: 'measures', id: 'm11', changes: { text: '新措施', deadline: '', status: '推进中' } }],
    });
    // deadline was '' already: not part of the inverse
    expect(inverse.ops).toEqual([{ type: 'update', table: 'measures', id: 'm11', changes: { text: '清理新媒体账号', status: '' } }]);
  });

  it('undoing an update keeps a different field another writer changed meanwhile', async () => {
    const db = await seededDb();
    const inverse = await applyPatch(db, {
      label: '编辑“措施清单”',
      ops: [{ type: 'update', table: 'measures', id: 'm11', changes: { text: '全面清理新媒体账号' } }],
    });
    // another tab sets the status of the same measure
    await db.measures.update('m11', { status: '已完成' });
    await applyPatch(db, inverse);
    const m = await db.measures.get('m11');
    expect(m!.text).toBe('清理新媒体账号');
    expect(m!.status).toBe('已完成');
  });

  it('an update of a record deleted meanwhile is dropped rather than resurrecting it', async () => {
    const db = await seededDb();
    const inverse = await applyPatch(db, { label: '编辑', ops: [{ type: 'update', table: 'measures', id: 'gone', changes: { text: 'x' } }] });
    expect(await db.measures.get('gone')).toBeUndefined();
    expect(inverse.ops).toEqual([]);
  });

  it('a put over an existing record is undone to the old record', async () => {
    const db = await seededDb();
    const before = await snapshot(db);
    const inverse = await applyPatch(db, {
      label: '覆盖',
      ops: [{ type: 'put', table: 'departments', value: makeDept('d-deyu', '学生处', { aliases: [] }) }],
    });
    expect((await db.departments.get('d-deyu'))!.name).toBe('学生处');
    await applyPatch(db, inverse);
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('several ops on one record combine: put then update, update then delete', async () => {
    const db = await seededDb();
    const before = await snapshot(db);
    const inverse = await applyPatch(db, {
      label: '组合',
      ops: [
        { type: 'put', table: 'problems', value: makeProblem('p9', '', 9000) },
        { type: 'update', table: 'problems', id: 'p9', changes: { text: '新问题' } },
        { type: 'update', table: 'measures', id: 'm21', changes: { text: '改了又删' } },
        { type: 'delete', table: 'measures', id: 'm21' },
      ],
    });
    expect(await db.problems.get('p9')).toMatchObject({ text: '新问题', order: 9000 });
    expect(await db.measures.get('m21')).toBeUndefined();
    await applyPatch(db, inverse);
    // the deleted measure comes back as it was before the update
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('an empty patch changes nothing and has an empty inverse', async () => {
    const db = await seededDb();
    const before = await snapshot(db);
    expect(await applyPatch(db, { label: '无', ops: [] })).toEqual({ label: '无', ops: [] });
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('a patch whose op lacks an id fails as a whole and leaves the db unchanged', async () => {
    const db = await seededDb();
    const before = await snapshot(db);
    const bad = { type: 'put', table: 'measures', value: { listId: 'list1', problemId: 'p1', text: '没有id' } } as unknown as Op;
    await expect(
      applyPatch(db, {
        label: '坏补丁',
        ops: [
          { type: 'put', table: 'problems', value: makeProblem('p4', '新问题', 4096) },
          { type: 'update', table: 'problems', id: 'p1', changes: { text: '已改' } },
          bad,
        ],
      }),
    ).rejects.toMatchObject({ name: 'DataError' });
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('a failure after earlier tables were written rolls those writes back', async () => {
    const db = await seededDb();
    const before = await snapshot(db);
    const written: string[] = [];
    const tableProto = Object.getPrototypeOf(db.problems) as { bulkPut: (...args: unknown[]) => unknown };
    const originalBulkPut = tableProto.bulkPut;
    vi.spyOn(tableProto, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      written.push(this.name);
      return originalBulkPut.apply(this, args);
    });
    const uncloneable = { ...makeMeasure('m99', 'p1', '无法保存', 9000), note: () => '函数不能存入 IndexedDB' } as unknown as never;
    await expect(
      applyPatch(db, {
        label: '坏补丁',
        ops: [
          { type: 'update', table: 'problems', id: 'p1', changes: { text: '已改' } },
          { type: 'delete', table: 'problems', id: 'p3' },
          { type: 'put', table: 'measures', value: uncloneable },
        ],
      }),
    ).rejects.toMatchObject({ name: 'DataCloneError' });
    // the problems table was written before the measures write failed
    expect(written).toEqual(['problems', 'measures']);
    expect(await snapshot(db)).toStrictEqual(before);
  });
});

describe('applyPatch: records the domain creates', () => {
  it('adds them without reading them, and undoes them with a delete', async () => {
    const db = await seededDb();
    const inverse = await applyPatch(db, {
      label: '新建',
      ops: [
        { type: 'create', table: 'problems', value: makeProblem('p7', '新问题', 7000) },
        { type: 'create', table: 'measures', value: makeMeasure('m71', 'p7', '新措施', 1024) },
      ],
    });
    expect(await db.measures.get('m71')).toMatchObject({ text: '新措施' });
    expect(inverse.ops).toEqual([
      { type: 'delete', table: 'problems', id: 'p7' },
      { type: 'delete', table: 'measures', id: 'm71' },
    ]);
    await applyPatch(db, inverse);
    expect(await db.problems.get('p7')).toBeUndefined();
  });

  it('refuses to create a record whose id exists: the whole patch fails and nothing changes', async () => {
    const db = await seededDb();
    const before = await snapshot(db);
    await expect(
      applyPatch(db, {
        label: '冲突',
        ops: [
          { type: 'update', table: 'measures', id: 'm11', changes: { text: '不应保存' } },
          { type: 'create', table: 'problems', value: makeProblem('p1', '与已有问题同 id', 1) },
        ],
      }),
    ).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});
