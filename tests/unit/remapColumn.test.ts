import { describe, expect, it } from 'vitest';
import { remapColumn, rereadWarnings } from '../../src/domain/import/importWorkbook';
import type { SheetAnalysis } from '../../src/domain/import/types';

const sheet = (name: string, fields: (string | null)[]): SheetAnalysis =>
  ({
    sheet: name,
    headerRow: 0,
    headerRows: 1,
    title: '',
    unit: '',
    columns: fields.map((field, index) => ({ index, header: `列${index + 1}`, field })),
  }) as unknown as SheetAnalysis;

const fieldsOf = (a: SheetAnalysis) => a.columns.map((c) => c.field);

describe('remapColumn', () => {
  it('maps one column of one sheet, leaving the other sheets as they were', () => {
    const before = [sheet('一', ['problem', 'measure', null]), sheet('二', ['problem', 'measure', null])];
    const after = remapColumn(before, '一', 2, 'note');
    expect(fieldsOf(after[0]!)).toEqual(['problem', 'measure', 'note']);
    expect(after[1]).toBe(before[1]);
    expect(fieldsOf(before[0]!)).toEqual(['problem', 'measure', null]);
  });

  it('takes a single-valued field from the column that had it', () => {
    const after = remapColumn([sheet('一', ['problem', 'measure', null])], '一', 2, 'measure');
    expect(fieldsOf(after[0]!)).toEqual(['problem', null, 'measure']);
  });

  it('lets departments and leaders come from several columns, and a column be left out', () => {
    let a = remapColumn([sheet('一', ['departments', null, 'measure'])], '一', 1, 'departments');
    expect(fieldsOf(a[0]!)).toEqual(['departments', 'departments', 'measure']);
    a = remapColumn(a, '一', 2, null);
    expect(fieldsOf(a[0]!)).toEqual(['departments', 'departments', null]);
  });
});

describe('rereadWarnings', () => {
  it("keeps the workbook's own warnings and replaces the rows'", () => {
    const before = [{ sheet: '一', message: '没有找到表头' }, { sheet: '一', row: 3, message: '旧的' }];
    const rows = [{ sheet: '一', row: 5, message: '新的' }];
    expect(rereadWarnings(before as never, rows as never)).toEqual([before[0], rows[0]]);
  });
});
