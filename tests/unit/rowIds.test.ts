import { describe, expect, it } from 'vitest';
import { idCell, parseIdCell } from '../../src/domain/rowIds';

describe('the id cell of an exported row', () => {
  it('reads back what the export writes, and nothing else', () => {
    expect(parseIdCell(idCell('0a1b', 'ff09'))).toEqual({ measureId: '0a1b', problemId: 'ff09' });
    expect(parseIdCell(idCell(null, 'ff09'))).toEqual({ measureId: null, problemId: 'ff09' });
    expect(parseIdCell(' 12/34 \n')).toEqual({ measureId: '12', problemId: '34' });
    for (const bad of ['', '/', '12/', '12', '1/2/3', '12/3G', 'x1/23', '12 /34', '１２/34', '12/34/']) expect(parseIdCell(bad), bad).toBeNull();
  });
});
