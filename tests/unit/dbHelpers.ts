/**
 * IndexedDB test helpers. Test files using them must `import 'fake-indexeddb/auto'` first.
 */
import { SanqingdanDb } from '../../src/storage/db';
import { fixture, worldOf, type World } from './helpers';

/** A fresh database with a unique name, optionally filled with `world` (the standard fixture by default). */
export async function newDb(world: World | null = defaultWorld()): Promise<SanqingdanDb> {
  const db = new SanqingdanDb('t-' + Math.random());
  if (world) {
    await db.lists.bulkPut(world.lists);
    await db.problems.bulkPut(world.problems);
    await db.measures.bulkPut(world.measures);
    await db.departments.bulkPut(world.departments);
    await db.leaders.bulkPut(world.leaders);
  }
  return db;
}

function defaultWorld(): World {
  const { content, directory } = fixture();
  return worldOf(content, directory);
}

/** Every table, records sorted by id: two snapshots are equal only if the stored data is. */
export async function snapshot(db: SanqingdanDb): Promise<World> {
  const sorted = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    lists: sorted(await db.lists.toArray()),
    problems: sorted(await db.problems.toArray()),
    measures: sorted(await db.measures.toArray()),
    departments: sorted(await db.departments.toArray()),
    leaders: sorted(await db.leaders.toArray()),
    rounds: sorted(await db.rounds.toArray()),
    snapshots: sorted(await db.snapshots.toArray()),
    progress: sorted(await db.progress.toArray()),
  };
}
