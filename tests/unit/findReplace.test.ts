import { describe, expect, it } from 'vitest';
import { countIn, findMatches, replaceAll, replaceIn, replaceOne } from '../../src/domain/findReplace';
import { applyPatchTo, fixture, makeMeasure, rowOf, rowsOf } from './helpers';

const { content, directory } = fixture();
content.measures.push(makeMeasure('m22', 'p2', '审核讲座内容', 2048, { note: '审核留痕，审核人签字' }));
const rows = rowsOf(content);

describe('find and replace over problem, measure and note text', () => {
  it('finds the cells in row order, a problem once however many rows it spans', () => {
    const found = findMatches(rows, '审核');
    expect(found.map((m) => `${m.row.rowId}:${m.field}:${m.count}`)).toEqual([
      'm12:measure:1',
      'm21:problem:1',
      'm22:measure:1',
      'm22:note:2',
    ]);
    expect(findMatches(rows, '')).toEqual([]);
    // deadline and status are not searched
    expect(findMatches(rows, '长期坚持')).toEqual([]);
  });

  it('matches Latin letters regardless of case and takes the needle literally', () => {
    expect(countIn('QQ群和qq群', 'qq')).toBe(2);
    expect(replaceIn('a.b a.b', '.', '·')).toBe('a·b a·b');
    expect(replaceIn('费用$1', '$1', '$&')).toBe('费用$&');
  });

  it('replaces one cell, or every found cell as one step', () => {
    const found = findMatches(rows, '审核');
    const one = applyPatchTo(content, directory, replaceOne(content, directory, found[0]!, '审核', '审查'));
    expect(rowOf(one.rows, 'm12').measure).toBe('专人审查留言');
    expect(rowOf(one.rows, 'm22').measure).toBe('审核讲座内容');

    const patch = replaceAll(content, directory, found, '审核', '审查');
    expect(patch.label).toBe('全部替换“审核”为“审查”（5 处）');
    const { rows: after } = applyPatchTo(content, directory, patch);
    expect(rowOf(after, 'm12').measure).toBe('专人审查留言');
    expect(rowOf(after, 'm21').problem).toBe('外请讲座审查把关不严');
    expect(rowOf(after, 'm22').problem).toBe('外请讲座审查把关不严');
    expect(rowOf(after, 'm22').note).toBe('审查留痕，审查人签字');
    expect(findMatches(after, '审核')).toEqual([]);
    // the problem is written once, each measure once
    expect(patch.ops.filter((o) => o.table === 'problems')).toHaveLength(1);
    expect(patch.ops.filter((o) => o.table === 'measures')).toHaveLength(2);
  });
});
