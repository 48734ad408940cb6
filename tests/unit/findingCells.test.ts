import { describe, expect, it } from 'vitest';
import { findingCells, firstMeasures } from '../../src/domain/review/findingCells';
import type { Finding } from '../../src/domain/review/types';
import { fixture } from './helpers';

const f = (over: Partial<Finding>): Finding => ({ rule: 'measure-no-leader', severity: 'warning', listId: 'list1', problemId: 'p1', measureId: 'm11', field: 'leaders', message: 'w', ...over });

describe('findingCells', () => {
  it('marks each cell once, an error over a warning, problem findings on the problem’s first row, dismissed ones not at all', () => {
    const { content } = fixture();
    const cells = findingCells(
      [
        f({}),
        f({ rule: 'leader-not-supervisor', severity: 'error', message: 'e' }),
        f({ rule: 'problem-vague', measureId: null, field: 'problem', message: 'p' }),
        f({ rule: 'problem-no-measure', problemId: 'p3', measureId: null, field: 'measure', message: 'n' }),
        f({ measureId: 'm21', problemId: 'p2', dismissed: { reason: 'x', at: 1 } }),
      ],
      firstMeasures(content),
    );
    expect(cells).toEqual([
      { rowId: 'm11', field: 'leaders', severity: 'error', message: 'w\ne' },
      { rowId: 'm11', field: 'problem', severity: 'warning', message: 'p' },
      { rowId: 'p-p3', field: 'measure', severity: 'warning', message: 'n' },
    ]);
  });
});
