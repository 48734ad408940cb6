import { describe, expect, it } from 'vitest';
import { listStatistics } from '../../src/domain/cycle/statistics';
import { summaryImport } from '../../src/domain/cycle/summaryImport';
import type { ImportRow } from '../../src/domain/import/types';
import { fixture } from './helpers';

const TODAY = '2026-12-02';
const dueDate = (text: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);

describe('listStatistics', () => {
  it('counts by status, level, department and leader, with the completion rate and the overdue measures', () => {
    const { content, directory } = fixture();
    content.measures[0] = { ...content.measures[0]!, status: '已完成', deadline: '2026-03-31' };
    content.measures[1] = { ...content.measures[1]!, status: '推进中', deadline: '2026-06-30' };
    content.measures[2] = { ...content.measures[2]!, status: '已销号' };
    const s = listStatistics(content, directory, { today: TODAY, dueDate });
    expect(s.problems).toBe(3);
    expect(s.measures).toBe(3);
    expect(s.byStatus).toEqual({ 已完成: 1, 推进中: 1, 已销号: 1 });
    expect(s.byLevel).toEqual({ 高: 1, 中: 1, 未填写: 1 });
    expect(s.byCategory).toEqual({ 主要阵地: 1 });
    expect(s.byDepartment).toEqual({
      党办: { measures: 2, done: 1, overdue: 1 },
      德育处: { measures: 1, done: 0, overdue: 1 },
      教务处: { measures: 1, done: 1, overdue: 0 },
    });
    expect(s.byLeader).toEqual({ 张建国: { measures: 1, done: 1, overdue: 0 } });
    expect(s.completionRate).toBeCloseTo(2 / 3, 4);
    expect(s.overdue).toEqual([{ measureId: 'm12', problemId: 'p1', serial: 1, measure: '专人审核留言', deadline: '2026-06-30', due: '2026-06-30' }]);
  });

  it('counts a measure closed by record as 已销号, done and never overdue, whatever its status text says', () => {
    const { content, directory } = fixture();
    const closed = { date: '2026-09-20', note: '经党办验收', by: '李老师', at: 1 };
    content.measures[0] = { ...content.measures[0]!, status: '推进中', deadline: '2026-03-31', closed };
    content.measures[1] = { ...content.measures[1]!, status: '推进中', deadline: '2026-06-30' };
    content.measures[2] = { ...content.measures[2]!, status: '已销号' };
    const s = listStatistics(content, directory, { today: TODAY, dueDate });
    // the record and the text 已销号 are counted the same
    expect(s.byStatus).toEqual({ 已销号: 2, 推进中: 1 });
    expect(s.completionRate).toBeCloseTo(2 / 3, 4);
    expect(s.overdue.map((o) => o.measureId)).toEqual(['m12']);
    expect(s.byDepartment['党办']).toEqual({ measures: 2, done: 1, overdue: 1 });
    expect(s.byLeader['张建国']).toEqual({ measures: 1, done: 1, overdue: 0 });
  });

  it('reads the same list without closure records by its texts alone', () => {
    const { content, directory } = fixture();
    content.measures[0] = { ...content.measures[0]!, status: '推进中' };
    const s = listStatistics(content, directory, { today: TODAY, dueDate });
    expect(s.byStatus).toEqual({ 推进中: 2, 未填写: 1 });
    expect(s.completionRate).toBe(0);
  });

  it('is zero for an empty list', () => {
    const { content, directory } = fixture();
    const s = listStatistics({ ...content, problems: [], measures: [] }, directory, { today: TODAY, dueDate });
    expect(s).toMatchObject({ problems: 0, measures: 0, completionRate: 0, overdue: [] });
  });
});

describe('summaryImport', () => {
  it('points overdue measures at their Excel rows', () => {
    const row = (problem: string, measure: string, excelRow: number, more: Partial<ImportRow> = {}): ImportRow => ({
      problem, measure, departments: ['党办'], leaders: ['张书记'], excelRow, sheet: '三清单', ...more,
    });
    const s = summaryImport(
      [
        row('家长群不实信息传播', '每月研判一次', 3, { status: '推进中', deadline: '2026-05-31' }),
        row('', '开学前发布说明', 4, { status: '已完成', deadline: '2026-02-20', departments: ['德育处', '党办'] }),
      ],
      '清单.xlsx',
      { today: TODAY, dueDate },
    );
    expect(s.byDepartment).toEqual({ 党办: { measures: 2, done: 1, overdue: 1 }, 德育处: { measures: 1, done: 1, overdue: 0 } });
    expect(s.overdue).toEqual([{ row: 3, sheet: '三清单', measure: '每月研判一次', deadline: '2026-05-31', due: '2026-05-31' }]);
    expect(s.completionRate).toBe(0.5);
  });
});
