import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { usageCounts as domainUsageCounts } from '../../src/domain/directory';
import type { SanqingdanDb } from '../../src/storage/db';
import { loadDirectory, loadListContent, loadLists, measuresReferencing, usageCounts } from '../../src/storage/queries';
import { newDb } from './dbHelpers';
import { fixture, makeDept, makeLeader, makeList, makeMeasure, makeProblem, worldOf, type World } from './helpers';

const dbs: SanqingdanDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** The fixture plus a second list sharing 党办, and records stored in no particular order. */
function twoLists(): World {
  const { content, directory } = fixture();
  const w = worldOf(content, directory, [makeList({ id: 'list2', title: '第二份清单', createdAt: 1_600_000_000_000 })]);
  return {
    ...w,
    problems: [...w.problems].reverse().concat(makeProblem('q1', '第二份清单的问题', 1024, { listId: 'list2' })),
    measures: [...w.measures]
      .reverse()
      .concat(makeMeasure('n1', 'q1', '第二份清单的措施', 1024, { listId: 'list2', departmentIds: ['d-dangban'], leaderIds: ['l-wang'] })),
  };
}

async function setup(world: World = twoLists()) {
  const db = await newDb(world);
  dbs.push(db);
  return db;
}

describe('loadListContent', () => {
  it('loads only the list’s problems and measures, sorted by order', async () => {
    const db = await setup();
    const c = (await loadListContent(db, 'list1'))!;
    expect(c.list.title).toBe('2026年意识形态领域风险“三清单”');
    expect(c.problems.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(c.measures.map((m) => m.order)).toEqual([...c.measures.map((m) => m.order)].sort((a, b) => a - b));
    expect(c.measures.map((m) => m.id).sort()).toEqual(['m11', 'm12', 'm21']);
    const other = (await loadListContent(db, 'list2'))!;
    expect(other.problems.map((p) => p.id)).toEqual(['q1']);
    expect(other.measures.map((m) => m.id)).toEqual(['n1']);
  });

  it('returns null for a list that does not exist', async () => {
    const db = await setup();
    expect(await loadListContent(db, 'no-such-list')).toBeNull();
  });
});

describe('loadLists and loadDirectory', () => {
  it('lists are ordered by creation time', async () => {
    const db = await setup();
    expect((await loadLists(db)).map((l) => l.id)).toEqual(['list2', 'list1']);
  });

  it('departments and leaders are ordered by Chinese name (pinyin)', async () => {
    const db = await setup({
      lists: [],
      problems: [],
      measures: [],
      departments: [makeDept('a', '教务处'), makeDept('b', '党办'), makeDept('c', '德育处')],
      leaders: [makeLeader('x', '张建国'), makeLeader('y', '王海燕'), makeLeader('z', '陈静')],
      rounds: [],
      snapshots: [],
      progress: [],
    });
    const dir = await loadDirectory(db);
    expect(dir.departments.map((d) => d.name)).toEqual(['党办', '德育处', '教务处']);
    expect(dir.leaders.map((l) => l.name)).toEqual(['陈静', '王海燕', '张建国']);
  });
});

describe('measuresReferencing', () => {
  it('finds every measure of every list referencing a department, through the multi-entry index', async () => {
    const db = await setup();
    const found = await measuresReferencing(db, 'department', 'd-dangban');
    expect(found.map((m) => m.id).sort()).toEqual(['m11', 'm12', 'n1']);
    expect((await measuresReferencing(db, 'department', 'd-deyu')).map((m) => m.id)).toEqual(['m12']);
  });

  it('finds measures referencing a leader', async () => {
    const db = await setup();
    expect((await measuresReferencing(db, 'leader', 'l-wang')).map((m) => m.id)).toEqual(['n1']);
    expect(await measuresReferencing(db, 'leader', 'l-none')).toEqual([]);
  });

  it('follows updates of the reference arrays', async () => {
    const db = await setup();
    await db.measures.update('m11', { departmentIds: ['d-jiaowu'] });
    expect((await measuresReferencing(db, 'department', 'd-dangban')).map((m) => m.id).sort()).toEqual(['m12', 'n1']);
    expect((await measuresReferencing(db, 'department', 'd-jiaowu')).map((m) => m.id).sort()).toEqual(['m11', 'm21']);
  });
});

describe('usageCounts (storage)', () => {
  it('counts references per department and leader across lists', async () => {
    const db = await setup();
    expect(Object.fromEntries(await usageCounts(db, 'department'))).toEqual({ 'd-dangban': 3, 'd-deyu': 1, 'd-jiaowu': 1 });
    expect(Object.fromEntries(await usageCounts(db, 'leader'))).toEqual({ 'l-zhang': 1, 'l-wang': 1 });
  });

  it('agrees with the domain count over all measures', async () => {
    const world = twoLists();
    const db = await setup(world);
    expect(await usageCounts(db, 'department')).toEqual(domainUsageCounts(world.measures, 'department'));
  });

  it('an unused department is absent', async () => {
    const db = await setup();
    expect((await usageCounts(db, 'department')).has('d-none')).toBe(false);
  });
});
