import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import type { SheetTable } from '../../src/domain/import/types';

const sheet = (name: string, rows: string[][], extra: Partial<SheetTable> = {}): SheetTable => ({ name, hidden: false, rows, merges: [], ...extra });

describe('a group header naming the problem over sub-headers (安全风险点清单 template)', () => {
  // 序号 | 上报单元 | 风险点描述 (类别 | 具体名称 | 风险特征) | 风险点所在单元 (单位名称 | 负责人) | 风险等级 | 管控措施
  const rows = [
    ['安全风险点清单（样式）'],
    ['序号', '上报单元', '风险点描述', '', '', '风险点所在单元', '', '风险等级', '管控措施'],
    ['', '', '类别', '具体名称', '风险特征', '单位名称', '负责人', '', ''],
    ['1', '某中学', '校园安全', '教学楼消防通道堆放杂物', '通道堵塞', '某中学', '王某', '较大风险', '每周检查清理消防通道'],
    ['2', '某中学', '校园安全', '校门口上下学交通拥堵', '人车混行', '某中学', '李某', '一般风险', '上下学时段安排护导'],
  ];
  const merges = [
    { top: 1, left: 0, bottom: 2, right: 0 },
    { top: 1, left: 1, bottom: 2, right: 1 },
    { top: 1, left: 2, bottom: 1, right: 4 },
    { top: 1, left: 5, bottom: 1, right: 6 },
    { top: 1, left: 7, bottom: 2, right: 7 },
    { top: 1, left: 8, bottom: 2, right: 8 },
  ];

  it('reads the problem from the sub-column that names it, not from a unit column whose group mentions 风险点', () => {
    const result = importWorkbook([sheet('安全风险点清单', rows, { merges })]);
    const a = result.analyses[0]!;
    expect(a.headerRows).toBe(2);
    expect(a.columns.find((c) => c.field === 'problem')?.header).toBe('风险点描述/具体名称');
    expect(a.columns.find((c) => c.index === 5)?.field).toBeNull();
    expect(result.rows.map((r) => [r.problem, r.measure, r.category, r.level])).toEqual([
      ['教学楼消防通道堆放杂物', '每周检查清理消防通道', '校园安全', '较大风险'],
      ['校门口上下学交通拥堵', '上下学时段安排护导', '校园安全', '一般风险'],
    ]);
  });

  it('takes the first sub-column naming no field when none names the thing', () => {
    const plain = rows.map((r) => [...r]);
    plain[2]![3] = '隐患部位';
    const result = importWorkbook([sheet('表', plain, { merges })]);
    expect(result.rows.map((r) => r.problem)).toEqual(['教学楼消防通道堆放杂物', '校门口上下学交通拥堵']);
  });
});
