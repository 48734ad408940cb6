import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { importPastedTable, PASTED_TABLE_NAME, pastedTable, pastedTableTarget } from '../../src/domain/import/pastedTable';
import { defaultListTitle } from '../../src/domain/lists';

const rowsOf = (text: string) => {
  const table = pastedTable(text)!;
  const result = importWorkbook(table.sheets);
  return { table, result, rows: result.rows.map((r) => [r.problem, r.measure, r.departments.join('|'), r.leaders.join('|')]) };
};

describe('a table pasted where no cell takes it', () => {
  it('is read by its header, a merged problem (empty below its first row) over its measures', () => {
    const text = '问题清单\t措施清单\t责任部门\t责任领导\r\n家长群传播不实信息\t建立家长群管理制度\t德育处\t分管副校长\r\n\t"班主任每周\n巡查"\t"德育处\n各年级"\t校长\r\n';
    const { table, result, rows } = rowsOf(text);
    expect(table.notes).toEqual([]);
    expect(result.analyses[0]!.sheet).toBe(PASTED_TABLE_NAME);
    expect(rows).toEqual([
      ['家长群传播不实信息', '建立家长群管理制度', '德育处', '分管副校长'],
      ['家长群传播不实信息', '班主任每周\n巡查', '德育处|各年级', '校长'],
    ]);
  });

  it('without a header, is read in the grid’s column order, after a 序号 when the first column numbers the rows, and says so', () => {
    const { table, rows } = rowsOf('1\t教材选用存在问题\t落实教材审核\t教务处\t分管副校长\r\n2\t网络阵地管理\t落实审核制度\t党办\t党委书记\r\n');
    expect(rows).toEqual([
      ['教材选用存在问题', '落实教材审核', '教务处', '分管副校长'],
      ['网络阵地管理', '落实审核制度', '党办', '党委书记'],
    ]);
    expect(table.notes[0]!.message).toContain('问题清单、措施清单、责任部门、责任领导');

    const plain = rowsOf('教材选用存在问题\t落实教材审核\t教务处\r\n');
    expect(plain.rows).toEqual([['教材选用存在问题', '落实教材审核', '教务处', '']]);
    expect(plain.table.notes[0]!.message).toContain('已按列的顺序读作：问题清单、措施清单、责任部门。');
  });

  it('is nothing when only empty cells were copied', () => {
    expect(pastedTable('\t\t\r\n\t\r\n')).toBeNull();
    expect(pastedTable('')).toBeNull();
  });
});

describe('pastedTableTarget', () => {
  it('fills an empty open list with any table, and takes only a table with its header over a list with rows', () => {
    expect(pastedTableTarget({ listId: 'L1', empty: true })).toEqual({ into: 'L1', needsHeader: false });
    expect(pastedTableTarget({ listId: null, empty: true })).toEqual({ needsHeader: false });
    expect(pastedTableTarget({ listId: 'L1', empty: false })).toEqual({ needsHeader: true });
  });
});

describe('importPastedTable', () => {
  it('reads a headerless paste with the note first, the paste’s own line numbers and a new list’s title', () => {
    const table = pastedTable('1\t网络阵地管理不严\t每周巡查\t党办\n\t\t每月通报\t党办\n')!;
    const read = importPastedTable(table, new Date(2026, 11, 3));
    expect(read.title).toBe(defaultListTitle(new Date(2026, 11, 3)));
    expect(read.warnings[0]!.message).toContain('粘贴的内容没有表头');
    expect(read.rows.map((r) => [r.excelRow, r.problem, r.measure])).toEqual([
      [1, '网络阵地管理不严', '每周巡查'],
      [2, '网络阵地管理不严', '每月通报'],
    ]);
  });
});
