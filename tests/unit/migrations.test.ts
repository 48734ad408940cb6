import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPatch } from '../../src/storage/applyPatch';
import { chunksOf } from '../../src/storage/chunkedTable';
import { SanqingdanDb } from '../../src/storage/db';
import { SCHEMA_VERSIONS } from '../../src/storage/schema';
import { UndoStack } from '../../src/storage/undoStack';
import { snapshot } from './dbHelpers';
import { fixture, worldOf, type World } from './helpers';

const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Writes `world` the way an app of schema version `v` stored it (before version 3, one record per problem/measure). */
async function writeAsVersion(db: Dexie, v: number, world: World): Promise<void> {
  await db.table('lists').bulkPut(world.lists);
  if (v < 3) {
    await db.table('problems').bulkPut(world.problems);
    await db.table('measures').bulkPut(world.measures);
  } else {
    await db.table('chunks').bulkPut([...chunksOf('problems', world.problems), ...chunksOf('measures', world.measures)]);
  }
  await db.table('departments').bulkPut(world.departments);
  await db.table('leaders').bulkPut(world.leaders);
}

const sorted = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('schema migrations', () => {
  const { content, directory } = fixture();
  const world = worldOf(content, directory);
  const expected = {
    lists: sorted(world.lists),
    problems: sorted(world.problems),
    measures: sorted(world.measures),
    departments: sorted(world.departments),
    leaders: sorted(world.leaders),
    rounds: [],
    snapshots: [],
    progress: [],
  };

  for (let v = 1; v < SCHEMA_VERSIONS.length; v++) {
    it(`data written with schema version ${v} opens with the current one, nothing lost, and undo works across a reload`, async () => {
      const name = `migrate-${v}-${Math.random()}`;
      // a browser that last ran an app of schema version v
      const old = new Dexie(name);
      for (const s of SCHEMA_VERSIONS.slice(0, v)) old.version(s.version).stores(s.stores);
      await old.open();
      await writeAsVersion(old, v, world);
      old.close();

      const current = new SanqingdanDb(name);
      dbs.push(current);
      expect(await snapshot(current)).toEqual(expected);
      expect(current.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version);
      expect(await current.changeLog.count()).toBe(0);
      expect(await current.undoSteps.count()).toBe(0);

      // and it works: a change is saved, logged and undoable, after a reload too
      const first = new UndoStack(current);
      await first.run({ label: '迁移后编辑', ops: [{ type: 'update', table: 'measures', id: 'm11', changes: { note: '迁移后' } }] });
      expect((await current.measures.get('m11'))!.note).toBe('迁移后');
      expect(await current.changeLog.count()).toBe(1);
      current.close();

      const reopened = new SanqingdanDb(name);
      dbs.push(reopened);
      const second = new UndoStack(reopened);
      await second.refresh();
      expect(second.getState().undoLabel).toBe('迁移后编辑');
      expect(await second.undo()).toBe('迁移后编辑');
      expect((await reopened.measures.get('m11'))!.note).toBe(world.measures.find((m) => m.id === 'm11')!.note);
    });
  }

  it('rounds and snapshots of schema version 5 open with version 6 intact, with no progress entries yet, and take new ones', async () => {
    const name = `migrate-rounds-${Math.random()}`;
    const old = new Dexie(name);
    for (const s of SCHEMA_VERSIONS.slice(0, 5)) old.version(s.version).stores(s.stores);
    await old.open();
    await writeAsVersion(old, 5, world);
    const round = { id: 'r1', listId: 'list1', name: '2026年上半年研判会', date: '2026-03-15', kind: 'first-half', state: 'held', snapshotId: 's1', heldAt: 1 };
    const snap = { id: 's1', roundId: 'r1', listId: 'list1', takenAt: 1, list: { unit: '', title: 't', period: '' }, problems: [], measures: [] };
    await old.table('rounds').put(round);
    await old.table('snapshots').put(snap);
    old.close();

    const current = new SanqingdanDb(name);
    dbs.push(current);
    expect(await current.rounds.toArray()).toEqual([round]);
    expect(await current.snapshots.toArray()).toEqual([snap]);
    expect(await current.progress.count()).toBe(0);
    const entry = { id: 'e1', listId: 'list1', measureId: 'm11', roundId: 'r1', status: '', text: '三月进展', date: '2026-03-10', at: 2 };
    await applyPatch(current, { label: '进展', ops: [{ type: 'create', table: 'progress', value: entry }] });
    expect(await current.progress.where('measureId').equals('m11').toArray()).toEqual([entry]);
  });

  it('a plain applyPatch (no undo) still works on a migrated database', async () => {
    const name = `migrate-plain-${Math.random()}`;
    const old = new Dexie(name);
    for (const s of SCHEMA_VERSIONS.slice(0, 1)) old.version(s.version).stores(s.stores);
    await old.open();
    await writeAsVersion(old, 1, world);
    old.close();
    const current = new SanqingdanDb(name);
    dbs.push(current);
    await applyPatch(current, { label: 'x', ops: [{ type: 'update', table: 'problems', id: 'p1', changes: { level: '高' } }] });
    expect((await current.problems.get('p1'))!.level).toBe('高');
  });
});
