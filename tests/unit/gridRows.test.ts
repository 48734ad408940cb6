import { describe, expect, it } from 'vitest';
import { replaceInPlace as editedInPlace } from '../../src/domain/contentUpdate';
import { changedRows, GridRowsBuilder, type GridRowsVersion } from '../../src/grid/gridRows';
import { fixture } from './helpers';

/** The ids of the rows `next` replaced in place since `prev`, or 'all'. */
function replacedIds(prev: GridRowsVersion, next: GridRowsVersion): string[] | 'all' {
  const changed = changedRows(prev, next);
  return changed === 'all' ? changed : changed.map((r) => r.rowId);
}

describe('grid rows from list snapshots', () => {
  it('replaces only the rows an edit in place changed, and says which', () => {
    const { content, directory } = fixture();
    const builder = new GridRowsBuilder();
    const first = builder.build(content, directory);
    const m12 = { ...content.measures.find((m) => m.id === 'm12')!, status: '已完成', departmentIds: ['d-jiaowu'] };
    const second = builder.build(editedInPlace(content, [], [m12]), directory);

    expect(replacedIds(first, second)).toEqual(['m12']);
    const row = second.rows.find((r) => r.rowId === 'm12')!;
    expect(row.status).toBe('已完成');
    expect(row.departmentsText).toBe('教务处');
    expect(second.rows.filter((r) => r.rowId !== 'm12')).toEqual(first.rows.filter((r) => r.rowId !== 'm12'));
    expect(second.rows.find((r) => r.rowId === 'm11')).toBe(first.rows.find((r) => r.rowId === 'm11'));
  });

  it('shows the current round’s 进展情况, and a change of it replaces only the rows whose text changed', () => {
    const { content, directory } = fixture();
    const builder = new GridRowsBuilder();
    const first = builder.build(content, directory, new Map([['m11', '三月进展']]));
    expect(first.rows.map((r) => r.progress)).toEqual(['三月进展', '', '', '']);
    const second = builder.build(content, directory, new Map([['m11', '三月进展'], ['m21', '九月进展']]));
    expect(replacedIds(first, second)).toEqual(['m21']);
    expect(second.rows.find((r) => r.rowId === 'm21')!.progress).toBe('九月进展');
    expect(second.rows.find((r) => r.rowId === 'm11')).toBe(first.rows.find((r) => r.rowId === 'm11'));
    // an edit of the measure keeps its progress text
    const m21 = { ...content.measures.find((m) => m.id === 'm21')!, note: '备注' };
    const third = builder.build(editedInPlace(content, [], [m21]), directory, new Map([['m11', '三月进展'], ['m21', '九月进展']]));
    expect(third.rows.find((r) => r.rowId === 'm21')).toMatchObject({ note: '备注', progress: '九月进展' });
  });

  it('changes every row of an edited problem, including a problem without measures', () => {
    const { content, directory } = fixture();
    const builder = new GridRowsBuilder();
    const first = builder.build(content, directory);
    const p1 = { ...content.problems[0]!, text: '改过的问题' };
    const p3 = { ...content.problems[2]!, level: '高' };
    const next = builder.build(editedInPlace(content, [p1, p3], []), directory);
    expect((replacedIds(first, next) as string[]).sort()).toEqual(['m11', 'm12', 'p-p3']);
    expect(next.rows.filter((r) => r.problemId === 'p1').map((r) => r.problem)).toEqual(['改过的问题', '改过的问题']);
    expect(next.rows.find((r) => r.problemId === 'p3')!.level).toBe('高');
  });

  it('rebuilds all rows when the snapshot is not an edit of the last one it saw', () => {
    const { content, directory } = fixture();
    const builder = new GridRowsBuilder();
    const first = builder.build(content, directory);
    const skipped = editedInPlace(content, [], [{ ...content.measures[0]!, note: '一' }]);
    const later = editedInPlace(skipped, [], [{ ...content.measures[1]!, note: '二' }]);
    const version = builder.build(later, directory); // `skipped` was never built
    expect(replacedIds(first, version)).toBe('all');
    expect(version.rows.map((r) => r.note)).toEqual(['一', '二', '', '']);

    const renamed = { ...directory, departments: directory.departments.map((d) => (d.id === 'd-dangban' ? { ...d, name: '党委办公室' } : d)) };
    const again = builder.build(later, renamed);
    expect(replacedIds(version, again)).toBe('all');
    expect(again.rows[0]!.departmentsText).toBe('党委办公室');
  });
});
