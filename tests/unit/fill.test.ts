import { describe, expect, it } from 'vitest';
import { clearRange, fillDown, fillRight, fillValue } from '../../src/domain/fill';
import type { ProgressEntry, Round } from '../../src/domain/cycle/types';
import { peopleIndex } from '../../src/grid/gridRow';
import { applyPatchTo, fixture, names, rowOf, rowsOf } from './helpers';

const { content, directory } = fixture();
const rows = rowsOf(content);
const people = peopleIndex(directory);

describe('filling and clearing ranges of cells', () => {
  it('fill down copies the first row over the others, departments as the same records', () => {
    const patch = fillDown(content, directory, people, rows.slice(0, 3), ['departments', 'status'], null);
    expect(patch.label).toBe('向下填充');
    const { rows: after, directory: dir } = applyPatchTo(content, directory, patch);
    expect(names(dir, rowOf(after, 'm21').departmentIds)).toEqual(['党办']);
    expect(rowOf(after, 'm12').status).toBe('');
    expect(dir.departments).toHaveLength(3); // no department created from a name
  });

  it('fill down of one cell takes the row above; a problem cell takes the problem above', () => {
    const one = applyPatchTo(content, directory, fillDown(content, directory, people, [rows[1]!], ['measure'], rows[0]!)).rows;
    expect(rowOf(one, 'm12').measure).toBe('清理新媒体账号');
    // the problem column: rows 0–1 are one problem, so its own fill comes from the row above the problem
    const p = applyPatchTo(content, directory, fillDown(content, directory, people, [rows[2]!], ['problem'], rows[1]!)).rows;
    expect(rowOf(p, 'm21').problem).toBe('校园网络阵地管理不严');
    const none = fillDown(content, directory, people, rows.slice(0, 2), ['problem'], null);
    expect(none.ops).toEqual([]);
  });

  it('fill right copies the first column over the others, or the column to the left', () => {
    const { rows: after } = applyPatchTo(content, directory, fillRight(content, directory, people, [rows[2]!], ['status'], 'deadline'));
    expect(rowOf(after, 'm21').status).toBe('长期坚持');
  });

  it('clearing a range writes a problem once and leaves 序号 alone', () => {
    const patch = clearRange(content, directory, rows.slice(0, 2), ['serial', 'problem', 'measure']);
    expect(patch.ops.filter((o) => o.table === 'problems')).toHaveLength(1);
    const { rows: after } = applyPatchTo(content, directory, patch);
    expect(after.slice(0, 2).map((r) => [r.serial, r.problem, r.measure])).toEqual([
      [1, '', ''],
      [1, '', ''],
    ]);
  });

  it('one value over a range fills every cell, names resolved once', () => {
    const patch = fillValue(content, directory, rows.slice(0, 3), ['departments', 'note'], '纪委');
    const { rows: after, directory: dir } = applyPatchTo(content, directory, patch);
    expect(dir.departments.filter((d) => d.name === '纪委')).toHaveLength(1);
    expect(patch.label).toBe('粘贴到 3 行 × 2 列（新建部门：纪委）');
    expect(after.slice(0, 3).map((r) => [names(dir, r.departmentIds).join(), r.note])).toEqual([
      ['纪委', '纪委'],
      ['纪委', '纪委'],
      ['纪委', '纪委'],
    ]);
  });
});

describe('the 本轮进展情况 cells', () => {
  const round: Round = { id: 'r1', listId: content.list.id, name: '下半年研判会', date: '2026-09-30', kind: 'special', state: 'preparing', snapshotId: null, heldAt: null };
  const entry = (measureId: string, text: string): ProgressEntry => ({ id: `e-${measureId}`, listId: content.list.id, measureId, roundId: 'r1', status: '', text, date: '2026-09-01', at: 1 });
  const withProgress = rows.map((r) => (r.rowId === 'm11' ? { ...r, progress: '已完成台账' } : r));
  const target = { rounds: [round], entries: [entry('m11', '已完成台账')], date: '2026-09-02' };

  it('fill down writes the round’s entries, Delete removes them, in one step with the other cells', () => {
    const filled = fillDown(content, directory, people, withProgress.slice(0, 2), ['progress'], null, target);
    expect(filled.ops).toEqual([expect.objectContaining({ type: 'create', table: 'progress', value: expect.objectContaining({ measureId: 'm12', text: '已完成台账', roundId: 'r1' }) })]);
    const cleared = clearRange(content, directory, withProgress.slice(0, 2), ['measure', 'progress'], target);
    expect(cleared.ops.filter((o) => o.table === 'progress')).toEqual([{ type: 'delete', table: 'progress', id: 'e-m11' }]);
    expect(cleared.ops.some((o) => o.table === 'measures')).toBe(true);
    expect(cleared.note).toBeUndefined();
  });

  it('with no round in preparation writes none, and the change says why', () => {
    const patch = fillValue(content, directory, rows.slice(0, 2), ['progress'], '已部署', { rounds: [{ ...round, state: 'held' }], entries: [], date: '2026-09-02' });
    expect(patch.ops).toEqual([]);
    expect(patch.note).toContain('“本轮进展情况”未写入：');
  });
});
