import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { filterLog } from '../../src/domain/changeLog';
import { applyPatch } from '../../src/storage/applyPatch';
import { UndoStack } from '../../src/storage/undoStack';
import { newDb } from './dbHelpers';

const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('the change log', () => {
  it('records each change in the same transaction: when, which list and record, each field old → new', async () => {
    const db = await newDb();
    dbs.push(db);
    const t0 = Date.now();
    await applyPatch(db, { label: '编辑“措施清单”', ops: [{ type: 'update', table: 'measures', id: 'm11', changes: { text: '新措施', status: '已完成' } }] });
    const [entry] = await db.changeLog.toArray();
    expect(entry).toMatchObject({ label: '编辑“措施清单”', listIds: ['list1'], recordIds: ['m11'], omitted: 0 });
    expect(entry!.at).toBeGreaterThanOrEqual(t0);
    expect(entry!.changes).toEqual([
      {
        table: 'measures',
        id: 'm11',
        kind: 'update',
        text: '新措施',
        fields: [
          { field: 'text', old: '清理新媒体账号', new: '新措施' },
          { field: 'status', old: '', new: '已完成' },
        ],
      },
    ]);
    // a row's history is found through the record index
    expect(await db.changeLog.where('recordIds').equals('m11').count()).toBe(1);
  });

  it('logs undo and redo as changes too, and nothing for a change that changes nothing', async () => {
    const db = await newDb();
    dbs.push(db);
    const undoStack = new UndoStack(db);
    await undoStack.run({ label: '编辑“备注”', ops: [{ type: 'update', table: 'measures', id: 'm12', changes: { note: '甲' } }] });
    await undoStack.run({ label: '编辑“备注”', ops: [{ type: 'update', table: 'measures', id: 'm12', changes: { note: '甲' } }] });
    await undoStack.undo();
    await undoStack.redo();
    const labels = (await db.changeLog.orderBy('at').toArray()).map((e) => e.label);
    expect(labels).toEqual(['编辑“备注”', '撤销：编辑“备注”', '重做：编辑“备注”']);
  });

  it('a failed change leaves no log entry', async () => {
    const db = await newDb();
    dbs.push(db);
    await expect(
      applyPatch(db, {
        label: '冲突',
        ops: [
          { type: 'update', table: 'measures', id: 'm11', changes: { text: '不应保存' } },
          { type: 'create', table: 'problems', value: (await db.problems.toArray())[0]! },
        ],
      }),
    ).rejects.toThrow();
    expect(await db.changeLog.count()).toBe(0);
  });

  it('filters a list’s log by date, newest first', () => {
    const day = (d: string, h: number) => new Date(`${d}T${String(h).padStart(2, '0')}:00:00`).getTime();
    const e = (id: string, at: number, listIds = ['a']) => ({ id, at, label: id, listIds, recordIds: [], changes: [], omitted: 0 });
    const log = [e('1', day('2026-03-01', 9)), e('2', day('2026-03-05', 23)), e('3', day('2026-03-06', 0)), e('4', day('2026-03-05', 10), ['b'])];
    expect(filterLog(log, 'a', '2026-03-02', '2026-03-05').map((x) => x.id)).toEqual(['2']);
    expect(filterLog(log, 'a', '', '').map((x) => x.id)).toEqual(['3', '2', '1']);
  });
});
