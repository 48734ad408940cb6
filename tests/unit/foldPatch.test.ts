import { describe, expect, it } from 'vitest';
import { foldPatchOver, recordsToRead, type Rec } from '../../src/domain/foldPatch';
import { applyInMemory, emptyTables, listFromTables } from '../../src/domain/memoryState';
import type { Patch, TableName } from '../../src/domain/patch';
import { fixture, makeMeasure } from './helpers';

const asRec = (r: object) => r as unknown as Rec;

/** The fold over records as a transaction would have read them from `stored`. */
function foldOver(stored: Map<string, Rec>, patch: Patch) {
  const before = new Map<TableName, Map<string, Rec | undefined>>();
  const fresh = new Map<TableName, Set<string>>();
  for (const [t, ids] of recordsToRead(patch)) {
    before.set(t, new Map(ids.read.map((id) => [id, stored.get(id)])));
    fresh.set(t, ids.fresh);
  }
  return foldPatchOver(patch, before, fresh);
}

describe('what a patch does to records, in one place', () => {
  const { content } = fixture();
  const stored = new Map(content.measures.map((m) => [m.id, asRec(m)]));

  it('merges an update into the record, and its inverse restores only the fields it changed', () => {
    const folded = foldOver(stored, { label: '改', ops: [{ type: 'update', table: 'measures', id: 'm12', changes: { status: '已完成' } }] });
    expect(folded.writes.get('measures')!.puts).toEqual([{ ...content.measures[1], status: '已完成' }]);
    expect(folded.inverse.ops).toEqual([{ type: 'update', table: 'measures', id: 'm12', changes: { status: '推进中' } }]);
    expect(folded.entry!.changes[0]!.fields).toEqual([{ field: 'status', old: '推进中', new: '已完成' }]);
    expect(folded.listIds).toEqual(['list1']);
  });

  it('does not bring back a record deleted before its update, nor write one created and deleted within the patch', () => {
    const created = makeMeasure('m-new', 'p1', '新措施', 4096);
    const folded = foldOver(stored, {
      label: '删',
      ops: [
        { type: 'delete', table: 'measures', id: 'm11' },
        { type: 'update', table: 'measures', id: 'm11', changes: { note: '迟到的修改' } },
        { type: 'create', table: 'measures', value: created },
        { type: 'delete', table: 'measures', id: 'm-new' },
      ],
    });
    expect(recordsToRead({ label: '', ops: [{ type: 'create', table: 'measures', value: created }] }).get('measures')!.read).toEqual([]);
    expect(folded.writes.get('measures')).toEqual({ adds: [], puts: [], deletes: ['m11'] });
    expect(folded.inverse.ops).toEqual([{ type: 'put', table: 'measures', value: content.measures[0] }]);
    expect([...folded.touched.get('measures')!]).toEqual([['m11', undefined]]);
  });

  it('logs what a person changed, not when it was written; undo restores both', () => {
    const list = { id: 'list1', title: '旧标题', unit: '', period: '', createdAt: 1, updatedAt: 1 };
    const folded = foldOver(new Map([['list1', asRec(list)]]), { label: '改', ops: [{ type: 'update', table: 'lists', id: 'list1', changes: { title: '新标题', updatedAt: 2 } }] });
    expect(folded.entry!.changes[0]!.fields).toEqual([{ field: 'title', old: '旧标题', new: '新标题' }]);
    expect(folded.inverse.ops).toEqual([{ type: 'update', table: 'lists', id: 'list1', changes: { title: '旧标题', updatedAt: 1 } }]);
  });

  it('changes nothing, logs nothing, for a patch that leaves records as they were', () => {
    const folded = foldOver(stored, { label: '同', ops: [{ type: 'update', table: 'measures', id: 'm21', changes: { deadline: '长期坚持' } }] });
    expect(folded.writes.get('measures')).toEqual({ adds: [], puts: [], deletes: [] });
    expect(folded.entry).toBeNull();
    expect(folded.inverse.ops).toEqual([]);
  });

  it('folds the same way into tables in memory (the command line), where a deleted record leaves its table', () => {
    const tables = emptyTables();
    applyInMemory(tables, { label: '建', ops: [{ type: 'put', table: 'lists', value: content.list }, ...content.measures.map((m) => ({ type: 'put' as const, table: 'measures' as const, value: m }))] });
    applyInMemory(tables, {
      label: '改',
      ops: [
        { type: 'delete', table: 'measures', id: 'm11' },
        { type: 'update', table: 'measures', id: 'm11', changes: { note: '迟到的修改' } },
        { type: 'update', table: 'measures', id: 'm12', changes: { status: '已完成' } },
      ],
    });
    expect(tables.measures.has('m11')).toBe(false);
    expect(listFromTables(tables, 'list1').content.measures.map((m) => `${m.id} ${m.status}`).sort()).toEqual(['m12 已完成', 'm21 ']);
  });
});
