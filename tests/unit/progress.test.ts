import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { backupSummary, makeBackup, parseBackup, restorePatch } from '../../src/domain/backup';
import {
  currentProgress,
  currentRound,
  progressBlocked,
  progressLog,
  recordProgress,
  shownRound,
} from '../../src/domain/cycle/progress';
import { createRound, deleteRound, holdRound } from '../../src/domain/cycle/rounds';
import { snapshotContent } from '../../src/domain/cycle/snapshot';
import type { ProgressEntry, Round } from '../../src/domain/cycle/types';
import { deleteList } from '../../src/domain/lists';
import { buildRows } from '../../src/domain/rows';
import { deleteRows } from '../../src/domain/structure';
import type { SanqingdanDb } from '../../src/storage/db';
import { listProgress, loadAll, loadListContent } from '../../src/storage/queries';
import { UndoStack } from '../../src/storage/undoStack';
import { newDb, snapshot } from './dbHelpers';
import { fixture } from './helpers';

const dbs: SanqingdanDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const open = async () => {
  const db = await newDb();
  dbs.push(db);
  return { db, undoStack: new UndoStack(db) };
};

const round = (id: string, date: string, state: Round['state'] = 'preparing'): Round => ({
  id,
  listId: 'list1',
  name: `研判会${id}`,
  date,
  kind: 'special',
  state,
  snapshotId: null,
  heldAt: null,
});

const { content } = fixture();
const m11 = content.measures.find((m) => m.id === 'm11')!;
const m12 = content.measures.find((m) => m.id === 'm12')!;

describe('which round progress is written for', () => {
  it('is the round in preparation, the earliest of several; with none, the last held is shown read-only', () => {
    const march = round('march', '2026-03-15', 'held');
    const sept = round('sept', '2026-09-15');
    const special = round('special', '2026-06-01');
    expect(currentRound([sept, march, special])!.id).toBe('special');
    expect(shownRound([sept, march])).toEqual({ round: sept, editable: true });
    expect(currentRound([march])).toBeNull();
    expect(shownRound([march])).toEqual({ round: march, editable: false });
    expect(shownRound([])).toBeNull();
    expect(progressBlocked([])).toContain('请先在“研判轮次”页新建本次研判会');
    expect(progressBlocked([march])).toContain('新建下一次研判会');
    expect(progressBlocked([march, sept])).toBeNull();
  });

  it('a held round refuses new progress, and an entry belongs to its round only', () => {
    const held = round('march', '2026-03-15', 'held');
    expect(() => recordProgress(held, m11, { text: '补写', date: '2026-04-01' }, [])).toThrow(/已召开，进展情况已冻结/);
    expect(() => recordProgress(round('x', '2026-03-15'), m11, { text: '进展', date: '三月' }, [])).toThrow(/进展日期/);
  });

  it('writes, edits and clears one entry per measure and round, taking the status the measure has now', () => {
    const march = round('march', '2026-03-15');
    const created = recordProgress(march, m12, { text: ' 已安排专人每日审核 ', date: '2026-03-10', by: '党办 李老师' }, [], 5);
    expect(created.ops).toHaveLength(1);
    const entry = (created.ops[0] as { value: ProgressEntry }).value;
    expect(entry).toMatchObject({ listId: 'list1', measureId: 'm12', roundId: 'march', status: '推进中', text: '已安排专人每日审核', date: '2026-03-10', at: 5, by: '党办 李老师' });

    const edited = recordProgress(march, { ...m12, status: '已完成' }, { text: '已完成审核制度', date: '2026-03-12' }, [entry], 6);
    expect(edited.ops).toEqual([{ type: 'update', table: 'progress', id: entry.id, changes: { text: '已完成审核制度', status: '已完成', date: '2026-03-12', at: 6 } }]);
    expect(recordProgress(march, m12, { text: '已安排专人每日审核', date: '2026-03-12' }, [entry]).ops).toEqual([]);
    expect(recordProgress(march, m12, { text: '  ', date: '2026-03-12' }, [entry]).ops).toEqual([{ type: 'delete', table: 'progress', id: entry.id }]);
    expect(recordProgress(march, m11, { text: '', date: '2026-03-12' }, [entry]).ops).toEqual([]);
    // another round's entry is never the one edited
    const sept = round('sept', '2026-09-15');
    const september = recordProgress(sept, m12, { text: '九月进展', date: '2026-09-01' }, [entry]);
    expect(september.ops[0]).toMatchObject({ type: 'create', table: 'progress', value: { roundId: 'sept', text: '九月进展' } });
  });
});

describe('progress through the rounds, stored', () => {
  it('March stays when September is written; holding freezes the entries and the snapshot keeps the text; one step each to undo', async () => {
    const { db, undoStack } = await open();
    const { directory } = fixture();
    const entries = () => listProgress(db, 'list1');
    const live = async () => (await loadListContent(db, 'list1'))!;

    const first = createRound('list1', { name: '2026年上半年研判会', date: '2026-03-15', kind: 'first-half' });
    await undoStack.run(first.patch);
    await undoStack.run(recordProgress(first.round, m12, { text: '三月：已建立留言审核制度', date: '2026-03-10' }, await entries()));
    // the status changes after the text was written, before the meeting: the meeting saw the new one
    await undoStack.run({ label: '改', ops: [{ type: 'update', table: 'measures', id: 'm12', changes: { status: '已完成' } }] });
    await undoStack.run(holdRound((await db.rounds.get(first.round.id))!, await live(), directory, 100, await entries()));

    const held = (await db.rounds.get(first.round.id))!;
    const snap = (await db.snapshots.get(held.snapshotId!))!;
    expect(snap.measures.find((m) => m.id === 'm12')!.progress).toBe('三月：已建立留言审核制度');
    expect(snap.measures.find((m) => m.id === 'm11')!.progress).toBe('');
    expect((await entries())[0]).toMatchObject({ roundId: held.id, status: '已完成', text: '三月：已建立留言审核制度' });
    expect(() => recordProgress(held, m12, { text: '改三月', date: '2026-04-01' }, [])).toThrow(/已冻结/);

    // the grid shows the held round's text (read-only) until the next round exists
    expect(currentProgress(await entries(), [held]).get('m12')!.text).toBe('三月：已建立留言审核制度');

    const second = createRound('list1', { name: '2026年下半年研判会', date: '2026-09-15', kind: 'second-half' }, [held]);
    await undoStack.run(second.patch);
    const rounds = await db.rounds.toArray();
    expect(currentProgress(await entries(), rounds).get('m12')).toBeUndefined(); // September has nothing yet
    await undoStack.run({ label: '改', ops: [{ type: 'update', table: 'measures', id: 'm12', changes: { status: '长期坚持' } }] });
    await undoStack.run(recordProgress(second.round, { ...m12, status: '长期坚持' }, { text: '九月：每日审核，未发现问题', date: '2026-09-01' }, await entries()));

    const all = await entries();
    expect(all.map((e) => e.text).sort()).toEqual(['三月：已建立留言审核制度', '九月：每日审核，未发现问题']);
    expect(currentProgress(all, rounds).get('m12')!.text).toBe('九月：每日审核，未发现问题');
    const m12now = (await live()).measures.find((m) => m.id === 'm12')!;
    expect(progressLog(m12now, all, rounds).map((r) => [r.round.name, r.status, r.text, r.date])).toEqual([
      ['2026年上半年研判会', '已完成', '三月：已建立留言审核制度', '2026-03-10'],
      ['2026年下半年研判会', '长期坚持', '九月：每日审核，未发现问题', '2026-09-01'],
    ]);
    // a measure without entries still lists the round it is due for
    expect(progressLog(m11, all, rounds).map((r) => [r.round.name, r.text])).toEqual([['2026年下半年研判会', '']]);

    await undoStack.undo(); // September's entry
    expect((await entries()).map((e) => e.text)).toEqual(['三月：已建立留言审核制度']);
  });

  it('deleting a measure, a list or a round in preparation takes its entries in the same step; undo brings them back', async () => {
    const { db, undoStack } = await open();
    await undoStack.run(createRound('list1', { name: '2026年上半年研判会', date: '2026-03-15', kind: 'first-half' }).patch);
    const r1 = (await db.rounds.toArray())[0]!;
    await undoStack.run(recordProgress(r1, m11, { text: 'A', date: '2026-03-01' }, []));
    await undoStack.run(recordProgress(r1, m12, { text: 'B', date: '2026-03-01' }, await listProgress(db, 'list1')));
    const before = await snapshot(db);

    const live = (await loadListContent(db, 'list1'))!;
    const m11row = buildRows(live.problems, live.measures).find((x) => x.measureId === 'm11')!;
    await undoStack.run(deleteRows(live, [m11row]).patch);
    expect((await listProgress(db, 'list1')).map((e) => e.text)).toEqual(['B']);
    await undoStack.undo();
    expect(await snapshot(db)).toEqual(before);

    await undoStack.run(deleteList(live));
    expect(await db.progress.count()).toBe(0);
    await undoStack.undo();
    expect(await snapshot(db)).toEqual(before);

    await undoStack.run(deleteRound(r1));
    expect(await db.progress.count()).toBe(0);
    await undoStack.undo();
    expect(await snapshot(db)).toEqual(before);
  });

  it('backups hold the entries and restore them; a format-2 backup restores with none', async () => {
    const { db, undoStack } = await open();
    await undoStack.run(createRound('list1', { name: '2026年上半年研判会', date: '2026-03-15', kind: 'first-half' }).patch);
    const r1 = (await db.rounds.toArray())[0]!;
    await undoStack.run(recordProgress(r1, m11, { text: '三月进展', date: '2026-03-01' }, []));
    const backup = makeBackup(await loadAll(db), 6, '0.1.0');
    const parsed = parseBackup(JSON.stringify(backup), 'b.json');
    expect(parsed.data.progress.map((e) => e.text)).toEqual(['三月进展']);
    expect(backupSummary(parsed).lists[0]).toMatchObject({ measures: 3, rounds: 1, progress: 1 });

    const saved = await snapshot(db);
    await undoStack.run({ label: '清', ops: [{ type: 'delete', table: 'progress', id: parsed.data.progress[0]!.id }] });
    await undoStack.run(restorePatch(await loadAll(db), parsed));
    expect(await snapshot(db)).toEqual(saved);

    const { progress: _p, ...older } = backup.data;
    const v2 = parseBackup(JSON.stringify({ ...backup, version: 2, data: older }), 'old.json');
    expect(v2.data.progress).toEqual([]);
    const orphan = { ...backup, data: { ...backup.data, progress: [{ ...backup.data.progress[0]!, roundId: 'gone' }] } };
    expect(() => parseBackup(JSON.stringify(orphan), 'b.json')).toThrow(/进展情况 .* 所属的研判轮次不存在/);
  });

  it('snapshots from before progress was kept stay readable', () => {
    const { content: c, directory } = fixture();
    const r1 = round('old', '2026-03-15', 'preparing');
    const patch = holdRound(r1, c, directory, 1);
    const snap = (patch.ops[0] as { value: import('../../src/domain/cycle/types').Snapshot }).value;
    const old = { ...snap, measures: snap.measures.map(({ progress: _p, ...m }) => m) };
    expect(snapshotContent(old).content.measures.map((m) => m.text)).toEqual(c.measures.map((m) => m.text));
    const heldOld = { ...r1, state: 'held' as const, snapshotId: snap.id };
    expect(progressLog(m11, [], [heldOld])).toEqual([]);
  });
});
