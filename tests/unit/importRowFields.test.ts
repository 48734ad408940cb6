import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/domain/fields';
import { extractAll, importWorkbook, remapColumn } from '../../src/domain/import/importWorkbook';
import { filledFields, importedFields, importRowText } from '../../src/domain/import/rowFields';
import type { SheetTable } from '../../src/domain/import/types';

const table = (rows: string[][]): SheetTable => ({ name: '三清单', hidden: false, rows, merges: [] });

// the columns in another order than the grid's, 类别 with nothing in it
const LEDGER = table([
  ['某某学校2026年上半年意识形态领域风险“三清单”'],
  ['序号', '风险等级', '问题清单', '措施清单', '责任部门', '责任领导', '完成时限', '整改情况', '类别', '备注'],
  ['1', '高', '网络阵地管理不到位', '建立账号台账', '党办、信息中心', '张校长', '2026年6月30日', '推进中', '', '每月抽查'],
  ['2', '中', '讲座审核不严', '严格落实一会一报', '教务处', '', '长期坚持', '', '', ''],
]);

describe('importedFields', () => {
  it("lists every field the mapping imports, in the grid's column order, without 序号", () => {
    const { analyses } = importWorkbook([LEDGER]);
    expect(importedFields(analyses)).toEqual(['category', 'problem', 'level', 'measure', 'departments', 'leaders', 'deadline', 'status', 'note']);
  });

  it('follows a column mapped to another field, or to none', () => {
    const { analyses } = importWorkbook([LEDGER]);
    const noteColumn = analyses[0]!.columns.find((c) => c.field === 'note')!.index;
    const levelColumn = analyses[0]!.columns.find((c) => c.field === 'level')!.index;
    let next = remapColumn(analyses, '三清单', noteColumn, null);
    expect(importedFields(next)).not.toContain('note');
    next = remapColumn(next, '三清单', levelColumn, 'note');
    expect(importedFields(next)).toEqual(['category', 'problem', 'measure', 'departments', 'leaders', 'deadline', 'status', 'note']);
  });

  it('always has the problem and the measure, which every imported row is', () => {
    const { analyses } = importWorkbook([table([['问题清单', '措施清单'], ['问题', '措施']])]);
    expect(importedFields(remapColumn(analyses, '三清单', 0, null))).toEqual(['problem', 'measure']);
  });

  it('never lists a field an import does not write', () => {
    const { analyses } = importWorkbook([LEDGER]);
    const all = analyses.map((a) => ({ ...a, columns: FIELDS.map((f, index) => ({ index, header: f.label, field: f.id, detected: f.id })) }));
    expect(importedFields(all)).not.toContain('serial');
    expect(importedFields(all)).not.toContain('progress');
  });
});

describe('importRowText and filledFields', () => {
  it("gives each field's text as the grid shows it, names one per line", () => {
    const { rows } = importWorkbook([LEDGER]);
    const first = rows[0]!;
    expect(importRowText(first, 'departments')).toBe('党办\n信息中心');
    expect(importRowText(first, 'leaders')).toBe('张校长');
    expect(importRowText(first, 'level')).toBe('高');
    expect(importRowText(first, 'status')).toBe('推进中');
    expect(importRowText(first, 'category')).toBe('');
    expect(importRowText(first, 'serial')).toBe('');
  });

  it('names the fields beyond problem and measure that some row fills, not the empty ones', () => {
    const { rows } = importWorkbook([LEDGER]);
    expect(filledFields(rows)).toEqual(['level', 'departments', 'leaders', 'deadline', 'status', 'note']);
    const { analyses } = importWorkbook([LEDGER]);
    const noteColumn = analyses[0]!.columns.find((c) => c.field === 'note')!.index;
    const without = extractAll([LEDGER], remapColumn(analyses, '三清单', noteColumn, null)).rows;
    expect(filledFields(without)).not.toContain('note');
    expect(filledFields([])).toEqual([]);
  });
});
