import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { createList, deleteList, duplicateList, listDisplayName, nextPeriod, updateListMeta } from '../../src/domain/lists';
import { applyToWorld, contentOf, fixture, makeList, rowsOf, worldOf } from './helpers';

describe('createList', () => {
  it('creates a list with clean meta and the given time', () => {
    const { patch, list } = createList({ unit: ' 示例市第五中学 ', title: '\u30002026年“三清单”\r\n', period: '2026年上半年' }, 42);
    expect(list).toMatchObject({ unit: '示例市第五中学', title: '2026年“三清单”', period: '2026年上半年', createdAt: 42, updatedAt: 42 });
    expect(patch.ops).toEqual([{ type: 'create', table: 'lists', value: list }]);
  });

  it('requires a title', () => {
    expect(() => createList({ unit: '示例中学', title: ' \u3000', period: '' })).toThrow(DomainError);
  });

  it('gives every list a new id', () => {
    const meta = { unit: '', title: '清单', period: '' };
    expect(createList(meta).list.id).not.toBe(createList(meta).list.id);
  });
});

describe('updateListMeta', () => {
  it('updates meta and updatedAt but requires a title too', () => {
    const list = makeList();
    const patch = updateListMeta(list, { unit: '示例中学', title: '新标题', period: '2026年下半年' }, 99);
    expect(patch.ops).toEqual([
      { type: 'update', table: 'lists', id: 'list1', changes: { unit: '示例中学', title: '新标题', period: '2026年下半年', updatedAt: 99 } },
    ]);
    expect(() => updateListMeta(list, { unit: '', title: '', period: '' })).toThrow(DomainError);
  });
});

describe('nextPeriod', () => {
  it('goes from the first half to the second half of the same year', () => {
    expect(nextPeriod('2026年上半年')).toBe('2026年下半年');
  });

  it('goes from the second half to the first half of the next year', () => {
    expect(nextPeriod('2026年下半年')).toBe('2027年上半年');
  });

  it('tolerates spaces', () => {
    expect(nextPeriod(' 2026 年 上半年 ')).toBe('2026年下半年');
  });

  it('keeps anything else as it is', () => {
    expect(nextPeriod('2026年第一季度')).toBe('2026年第一季度');
    expect(nextPeriod('')).toBe('');
  });
});

describe('duplicateList', () => {
  const { content, directory } = fixture();
  const meta = { unit: '示例市第一中学', title: '2026年下半年“三清单”', period: nextPeriod(content.list.period) };

  it('copies problems and measures with new ids and keeps the structure', () => {
    const { patch, list } = duplicateList(content, meta, 7);
    const world = applyToWorld(worldOf(content, directory), patch);
    const copy = contentOf(world, list.id);
    expect(copy.list).toMatchObject({ title: '2026年下半年“三清单”', period: '2026年下半年', createdAt: 7 });
    expect(copy.problems).toHaveLength(3);
    expect(copy.measures).toHaveLength(3);
    const oldIds = new Set([...content.problems, ...content.measures].map((r) => r.id));
    for (const r of [...copy.problems, ...copy.measures]) expect(oldIds.has(r.id)).toBe(false);
    const strip = (rows: ReturnType<typeof rowsOf>) =>
      rows.map(({ rowId: _r, problemId: _p, measureId, ...rest }) => ({ ...rest, hasMeasure: measureId !== null }));
    expect(strip(rowsOf(copy))).toEqual(strip(rowsOf(content)));
    // every copied measure points at a copied problem of the copy
    const copiedProblems = new Set(copy.problems.map((p) => p.id));
    for (const m of copy.measures) expect(copiedProblems.has(m.problemId)).toBe(true);
  });

  it('leaves the original list untouched and shares departments and leaders', () => {
    const { patch } = duplicateList(content, meta);
    expect(patch.ops.every((o) => o.type === 'create' && o.table !== 'departments' && o.table !== 'leaders')).toBe(true);
    const world = applyToWorld(worldOf(content, directory), patch);
    const original = contentOf(world, 'list1');
    expect(original.list).toEqual(content.list);
    expect(rowsOf(original)).toEqual(rowsOf(content));
    expect(world.problems.filter((p) => p.listId === 'list1')).toEqual(content.problems);
  });

  it('the copy’s arrays are not shared with the original', () => {
    const { patch } = duplicateList(content, meta);
    const put = patch.ops.find((o) => o.type === 'create' && o.table === 'measures' && o.value.text === '清理新媒体账号');
    expect(put && put.type === 'create' && put.table === 'measures' && put.value.departmentIds).not.toBe(content.measures[0]!.departmentIds);
  });

  it('requires a title', () => {
    expect(() => duplicateList(content, { ...meta, title: '' })).toThrow(DomainError);
  });
});

describe('deleteList', () => {
  it('deletes the list with all its problems and measures, nothing else', () => {
    const { content, directory } = fixture();
    const other = makeList({ id: 'list2', title: '另一份清单' });
    const world = worldOf(content, directory, [other]);
    const next = applyToWorld(world, deleteList(content));
    expect(next.lists.map((l) => l.id)).toEqual(['list2']);
    expect(next.problems).toEqual([]);
    expect(next.measures).toEqual([]);
    expect(next.departments).toHaveLength(3);
    expect(next.leaders).toHaveLength(2);
  });
});

describe('listDisplayName', () => {
  it('joins unit, title and period', () => {
    expect(listDisplayName({ unit: '示例中学', title: '三清单', period: '2026年上半年' })).toBe('示例中学 三清单（2026年上半年）');
    expect(listDisplayName({ unit: '', title: '三清单', period: '' })).toBe('三清单');
  });
});

describe('a list’s statuses', () => {
  const own = [{ name: ' 已报送 ', color: 'red' as const, done: true }];

  it('are saved with the list’s meta, cleaned; a repeated name is refused', () => {
    const patch = updateListMeta(makeList(), { unit: '', title: '清单', period: '', statuses: own }, 5);
    expect(patch.ops[0]).toMatchObject({ changes: { statuses: [{ name: '已报送', color: 'red', done: true }] } });
    expect(() => updateListMeta(makeList(), { unit: '', title: '清单', period: '', statuses: [...own, ...own] })).toThrow(DomainError);
  });

  it('are left as they are when the meta does not name them, and copied to the next period', () => {
    const patch = updateListMeta(makeList(), { unit: '', title: '清单', period: '' }, 5);
    expect(patch.ops[0]).not.toHaveProperty('changes.statuses');
    const { content } = fixture();
    const withOwn = { ...content, list: { ...content.list, statuses: [{ name: '已报送', color: 'red' as const, done: true }] } };
    expect(duplicateList(withOwn, { unit: '', title: '下一期', period: '' }).list.statuses).toEqual(withOwn.list.statuses);
  });
});
