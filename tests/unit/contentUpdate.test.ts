import { describe, expect, it } from 'vitest';
import { changedRecords, findMeasure, findProblem, replaceInPlace } from '../../src/domain/contentUpdate';
import { fixture } from './helpers';

describe('a list snapshot changed by records replaced in place', () => {
  it('tells the records it replaced to a consumer that saw the snapshot before, and leaves that one as it was', () => {
    const { content } = fixture();
    const m12 = { ...content.measures[1]!, status: '已完成' };
    const p2 = { ...content.problems[1]!, text: '改过的问题' };
    const next = replaceInPlace(content, [p2], [m12]);
    expect(changedRecords(content, next)).toEqual({ problems: [p2], measures: [m12] });
    expect(next.measures.map((m) => m.id)).toEqual(content.measures.map((m) => m.id));
    expect(next.measures[1]).toBe(m12);
    expect(next.measures[0]).toBe(content.measures[0]);
    expect(content.measures[1]!.status).toBe('推进中');
    // the records are found by id in the new snapshot
    expect(findMeasure(next, 'm12')).toBe(m12);
    expect(findProblem(next, 'p2')).toBe(p2);
    expect(findMeasure(content, 'm12')).toBe(content.measures[1]);
  });

  it('gives everything to a consumer that did not see the snapshot it was made from', () => {
    const { content } = fixture();
    const one = replaceInPlace(content, [], [{ ...content.measures[0]!, note: '一' }]);
    const two = replaceInPlace(one, [], [{ ...content.measures[1]!, note: '二' }]);
    expect(changedRecords(content, two)).toBe('all');
    expect(changedRecords(null, one)).toBe('all');
    expect(changedRecords(content, { ...one })).toBe('all'); // a copy is a snapshot of its own
    expect(changedRecords(one, two)).not.toBe('all');
  });
});
