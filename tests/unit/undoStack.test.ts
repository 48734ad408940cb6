import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { editCell } from '../../src/domain/editing';
import type { Patch } from '../../src/domain/patch';
import { deleteRows } from '../../src/domain/structure';
import type { SanqingdanDb } from '../../src/storage/db';
import { loadDirectory, loadListContent } from '../../src/storage/queries';
import { UNDO_LIMIT, UndoStack } from '../../src/storage/undoStack';
import { createList } from '../../src/domain/lists';
import { newDb, snapshot } from './dbHelpers';
import { rowOf, rowsOf } from './helpers';

const dbs: SanqingdanDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup() {
  const db = await newDb();
  dbs.push(db);
  return { db, undoStack: new UndoStack(db) };
}

const editText = (id: string, text: string, label = '编辑“措施清单”'): Patch => ({
  label,
  ops: [{ type: 'update', table: 'measures', id, changes: { text } }],
});
const textOf = async (db: SanqingdanDb, id: string) => (await db.measures.get(id))?.text;

describe('UndoStack', () => {
  it('starts with nothing to undo or redo', async () => {
    const { undoStack } = await setup();
    expect(undoStack.getState()).toEqual({ undoLabel: null, redoLabel: null });
    expect(await undoStack.undo()).toBeNull();
    expect(await undoStack.redo()).toBeNull();
  });

  it('run applies the patch and offers it for undo under its label', async () => {
    const { db, undoStack } = await setup();
    await undoStack.run(editText('m11', '全面清理新媒体账号'));
    expect(await textOf(db, 'm11')).toBe('全面清理新媒体账号');
    expect(undoStack.getState()).toEqual({ undoLabel: '编辑“措施清单”', redoLabel: null });
  });

  it('undo restores the data, returns the label and offers redo; redo re-applies', async () => {
    const { db, undoStack } = await setup();
    const before = await snapshot(db);
    await undoStack.run(editText('m11', '全面清理新媒体账号'));
    const afterRun = await snapshot(db);

    expect(await undoStack.undo()).toBe('编辑“措施清单”');
    expect(await snapshot(db)).toStrictEqual(before);
    expect(undoStack.getState()).toEqual({ undoLabel: null, redoLabel: '编辑“措施清单”' });

    expect(await undoStack.redo()).toBe('编辑“措施清单”');
    expect(await snapshot(db)).toStrictEqual(afterRun);
    expect(undoStack.getState()).toEqual({ undoLabel: '编辑“措施清单”', redoLabel: null });
  });

  it('undoes several steps in reverse order, with the labels of the steps', async () => {
    const { db, undoStack } = await setup();
    await undoStack.run(editText('m11', '第一次', '第一步'));
    await undoStack.run(editText('m11', '第二次', '第二步'));
    expect(undoStack.getState().undoLabel).toBe('第二步');
    expect(await undoStack.undo()).toBe('第二步');
    expect(await textOf(db, 'm11')).toBe('第一次');
    expect(undoStack.getState()).toEqual({ undoLabel: '第一步', redoLabel: '第二步' });
    expect(await undoStack.undo()).toBe('第一步');
    expect(await textOf(db, 'm11')).toBe('清理新媒体账号');
    expect(undoStack.getState()).toEqual({ undoLabel: null, redoLabel: '第一步' });
  });

  it('a new run after undo clears redo', async () => {
    const { db, undoStack } = await setup();
    await undoStack.run(editText('m11', '第一次', '第一步'));
    await undoStack.undo();
    expect(undoStack.getState().redoLabel).toBe('第一步');
    await undoStack.run(editText('m12', '另一处修改', '第三步'));
    expect(undoStack.getState()).toEqual({ undoLabel: '第三步', redoLabel: null });
    expect(await undoStack.redo()).toBeNull();
    expect(await textOf(db, 'm11')).toBe('清理新媒体账号');
  });

  it('a patch that changes nothing is not an undo step and keeps redo', async () => {
    const { undoStack } = await setup();
    await undoStack.run(editText('m11', '第一次', '第一步'));
    await undoStack.undo();
    await undoStack.run(editText('m11', '清理新媒体账号', '无变化')); // same text as stored
    await undoStack.run({ label: '空', ops: [] });
    expect(undoStack.getState()).toEqual({ undoLabel: null, redoLabel: '第一步' });
  });

  it('runs changes one after another in the order given, even when not awaited', async () => {
    const { db, undoStack } = await setup();
    const runs = [undoStack.run(editText('m11', '甲', '一')), undoStack.run(editText('m11', '乙', '二')), undoStack.run(editText('m11', '丙', '三'))];
    const undos = [undoStack.undo(), undoStack.undo()];
    await Promise.all([...runs, ...undos]);
    expect(await textOf(db, 'm11')).toBe('甲');
    expect(undoStack.getState()).toEqual({ undoLabel: '一', redoLabel: '二' });
  });

  it('a failing run rejects, is not recorded, and later steps still work', async () => {
    const { db, undoStack } = await setup();
    await undoStack.run(editText('m11', '第一次', '第一步'));
    const bad = { label: '坏', ops: [{ type: 'put', table: 'measures', value: { text: '没有id' } }] } as unknown as Patch;
    await expect(undoStack.run(bad)).rejects.toBeTruthy();
    expect(undoStack.getState().undoLabel).toBe('第一步');
    await undoStack.run(editText('m12', '第二次', '第二步'));
    expect(await undoStack.undo()).toBe('第二步');
    expect(await undoStack.undo()).toBe('第一步');
    expect(await textOf(db, 'm11')).toBe('清理新媒体账号');
  });

  it('an undo that cannot be saved keeps the step for a retry', async () => {
    const { db, undoStack } = await setup();
    await undoStack.run(editText('m11', '第一次', '第一步'));
    db.close();
    await expect(undoStack.undo()).rejects.toBeTruthy();
    expect(undoStack.getState()).toEqual({ undoLabel: '第一步', redoLabel: null });
    await db.open();
    expect(await undoStack.undo()).toBe('第一步');
    expect(await textOf(db, 'm11')).toBe('清理新媒体账号');
  });

  it('notifies subscribers on every change of state, until they unsubscribe', async () => {
    const { undoStack } = await setup();
    const seen: (string | null)[] = [];
    const unsubscribe = undoStack.subscribe(() => seen.push(undoStack.getState().undoLabel));
    await undoStack.run(editText('m11', '甲', '一'));
    await undoStack.undo();
    unsubscribe();
    await undoStack.redo();
    expect(seen).toEqual(['一', null]);
  });

  it('undoes a domain change that deleted a problem with its measures and a new department', async () => {
    const { db, undoStack } = await setup();
    const before = await snapshot(db);
    const content = (await loadListContent(db, 'list1'))!;
    const directory = await loadDirectory(db);
    await undoStack.run(editCell(content, directory, rowOf(rowsOf(content), 'm21'), 'departments', [{ name: '图书馆' }]));
    await undoStack.run(deleteRows(content, [rowOf(rowsOf(content), 'm11')], 'problem').patch);
    expect(await db.problems.get('p1')).toBeUndefined();
    expect(await db.departments.count()).toBe(4);
    await undoStack.undo();
    await undoStack.undo();
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('keeps both stacks across a reload: a new undo stack on the same database undoes and redoes the old steps', async () => {
    const { db, undoStack } = await setup();
    await undoStack.run(editText('m11', '第一次', '第一步'));
    await undoStack.run(editText('m11', '第二次', '第二步'));
    await undoStack.undo();
    // a reload: the page’s undo stack is gone, the database is not
    const after = new UndoStack(db);
    await after.refresh();
    expect(after.getState()).toEqual({ undoLabel: '第一步', redoLabel: '第二步' });
    expect(await after.redo()).toBe('第二步');
    expect(await textOf(db, 'm11')).toBe('第二次');
    expect(await after.undo()).toBe('第二步');
    expect(await after.undo()).toBe('第一步');
    expect(await textOf(db, 'm11')).toBe('清理新媒体账号');
    expect(after.getState()).toEqual({ undoLabel: null, redoLabel: '第一步' });
  });

  it('two histories on one database (two tabs) never apply a step twice', async () => {
    const { db, undoStack } = await setup();
    const other = new UndoStack(db);
    await undoStack.run(editText('m11', '甲', '一'));
    await undoStack.run(editText('m12', '乙', '二'));
    expect(await other.undo()).toBe('二');
    expect(await undoStack.undo()).toBe('一'); // not 二 again
    expect(await textOf(db, 'm11')).toBe('清理新媒体账号');
    expect(await undoStack.undo()).toBeNull();
  });

  it('a change that fails writes no step, and a step is written only with its change', async () => {
    const { db, undoStack } = await setup();
    const bad = { label: '坏', ops: [editText('m11', '不应保存').ops[0], { type: 'put', table: 'measures', value: { text: '没有id' } }] } as unknown as Patch;
    await expect(undoStack.run(bad)).rejects.toBeTruthy();
    expect(await db.undoSteps.count()).toBe(0);
    expect(await db.undoPatches.count()).toBe(0);
    expect(await textOf(db, 'm11')).toBe('清理新媒体账号');
  });

  it('keeps the last 200 steps of a list, dropping the oldest', async () => {
    const { db, undoStack } = await setup();
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) await undoStack.run(editText('m11', `第${i}次`, `第${i}步`));
    expect(await db.undoSteps.count()).toBe(UNDO_LIMIT);
    expect(await db.undoPatches.count()).toBe(UNDO_LIMIT);
    let last: string | null = null;
    for (let i = 0; i < UNDO_LIMIT; i++) last = await undoStack.undo();
    expect(last).toBe('第6步');
    expect(await undoStack.undo()).toBeNull();
    expect(await textOf(db, 'm11')).toBe('第5次');
  }, 60_000);

  it('says when the next undo would delete a whole list (the undo of its creation)', async () => {
    const { undoStack } = await setup();
    const { patch } = createList({ unit: '', title: '新清单', period: '' });
    await undoStack.run(patch);
    expect(undoStack.getState().undoRemovesList).toBe('新清单');
    await undoStack.run(editText('m11', '甲', '一'));
    expect(undoStack.getState().undoRemovesList).toBeUndefined();
    await undoStack.undo();
    expect(undoStack.getState().undoRemovesList).toBe('新清单');
  });
});
