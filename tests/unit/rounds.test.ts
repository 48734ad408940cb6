import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { archiveRound, createRound, defaultRoundName, deleteRound, holdRound } from '../../src/domain/cycle/rounds';
import { loadListContent } from '../../src/storage/queries';
import { UndoStack } from '../../src/storage/undoStack';
import { newDb } from './dbHelpers';
import { fixture } from './helpers';

describe('研判 rounds', () => {
  it('are named as offices name them', () => {
    expect(defaultRoundName('first-half', '2026-03-15')).toBe('2026年上半年研判会');
    expect(defaultRoundName('second-half', '2026-09-15')).toBe('2026年下半年研判会');
    expect(defaultRoundName('quarter', '2026-08-01')).toBe('2026年第三季度研判会');
    expect(defaultRoundName('special', '2026-05-01')).toBe('2026年专项研判会');
  });

  it('one list never has two rounds of one name', () => {
    const { round } = createRound('list1', { name: '2026年上半年研判会', date: '2026-03-15', kind: 'first-half' });
    expect(() => createRound('list1', { name: ' 2026年上半年研判会 ', date: '2026-03-20', kind: 'first-half' }, [round])).toThrow('本清单已有“2026年上半年研判会”');
    expect(createRound('list2', { name: '2026年上半年研判会', date: '2026-03-20', kind: 'first-half' }, [round]).round.name).toBe('2026年上半年研判会');
  });

  it('a held round keeps the list as it stood, stored with the round in one step that undo takes back', async () => {
    const db = await newDb();
    const undoStack = new UndoStack(db);
    const { content, directory } = fixture();
    const { patch, round } = createRound('list1', { name: '2026年上半年研判会', date: '2026-03-15', kind: 'first-half' });
    await undoStack.run(patch);
    await undoStack.run(holdRound(round, (await loadListContent(db, 'list1'))!, directory, 42));
    const held = (await db.rounds.get(round.id))!;
    expect(held).toMatchObject({ state: 'held', heldAt: 42 });
    const snap = (await db.snapshots.get(held.snapshotId!))!;
    expect(snap.measures.map((m) => m.text)).toEqual(content.measures.map((m) => m.text));
    expect(snap.measures.find((m) => m.id === 'm12')!.departments).toEqual(['党办', '德育处']);

    // later renames and edits do not touch what the round said
    await undoStack.run({ label: '改名', ops: [{ type: 'update', table: 'departments', id: 'd-dangban', changes: { name: '党政办' } }] });
    await undoStack.run({ label: '改', ops: [{ type: 'update', table: 'measures', id: 'm11', changes: { status: '已完成' } }] });
    const again = (await db.snapshots.get(held.snapshotId!))!;
    expect(again.measures.find((m) => m.id === 'm12')!.departments).toEqual(['党办', '德育处']);
    expect(again.measures.find((m) => m.id === 'm11')!.status).toBe('');

    expect(() => holdRound(held, content, directory)).toThrow(/已召开过/);
    expect(() => deleteRound(held)).toThrow(/不能删除/);
    await undoStack.run(archiveRound(held));
    expect((await db.rounds.get(round.id))!.state).toBe('archived');

    await undoStack.undo(); // archive
    await undoStack.undo(); // status
    await undoStack.undo(); // rename
    await undoStack.undo(); // hold
    expect((await db.rounds.get(round.id))!.state).toBe('preparing');
    expect(await db.snapshots.count()).toBe(0);
  });
});

describe('roundBefore', () => {
  it('is the held round before a round, or the latest held for the list as it is now', async () => {
    const { roundBefore } = await import('../../src/domain/cycle/roundOrder');
    const round = (id: string, date: string, held: boolean) =>
      ({ id, listId: 'l', name: id, date, kind: 'special', state: held ? 'held' : 'preparing', snapshotId: held ? `s-${id}` : null, heldAt: held ? 1 : null }) as const;
    // out of order, and one in preparation: by date, held ones only
    const rounds = [round('sep', '2026-09-15', true), round('dec', '2026-12-20', false), round('mar', '2026-03-15', true)];
    expect(roundBefore(rounds, null)?.id).toBe('sep');
    expect(roundBefore(rounds, 'sep')?.id).toBe('mar');
    expect(roundBefore(rounds, 'mar')).toBeNull();
    expect(roundBefore([], null)).toBeNull();
  });
});
