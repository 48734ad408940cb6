import { describe, expect, it } from 'vitest';
import { buildRows, measureCells, measuresByProblem, problemRowId, rowOf } from '../../src/domain/rows';
import { makeMeasure, makeProblem } from './helpers';

describe('buildRows', () => {
  const problems = [
    makeProblem('p2', '外请讲座审核把关不严', 2048, { level: '中' }),
    makeProblem('p3', '宣传栏内容更新不及时', 3072),
    makeProblem('p1', '校园网络阵地管理不严', 1024, { level: '高', category: '主要阵地' }),
  ];
  const measures = [
    makeMeasure('m12', 'p1', '专人审核留言', 2048, { status: '推进中' }),
    makeMeasure('m21', 'p2', '落实“一会一报”', 1024, { departmentIds: ['d1'], leaderIds: ['l1'], deadline: '长期坚持' }),
    makeMeasure('m11', 'p1', '清理新媒体账号', 512),
    makeMeasure('m13', 'p1', '建立账号台账', 4096),
  ];
  const rows = buildRows(problems, measures);

  it('lists problems by order and each problem’s measures by order', () => {
    expect(rows.map((r) => r.rowId)).toEqual(['m11', 'm12', 'm13', 'm21', 'p-p3']);
  });

  it('numbers problems from 1, the same number on every row of a problem', () => {
    expect(rows.map((r) => r.serial)).toEqual([1, 1, 1, 2, 3]);
  });

  it('repeats problem fields on every measure row of the problem', () => {
    for (const r of rows.slice(0, 3)) {
      expect(r).toMatchObject({ problemId: 'p1', problem: '校园网络阵地管理不严', level: '高', category: '主要阵地' });
    }
  });

  it('copies the measure fields onto its row', () => {
    expect(rows[3]).toMatchObject({
      rowId: 'm21',
      measureId: 'm21',
      problemId: 'p2',
      measure: '落实“一会一报”',
      departmentIds: ['d1'],
      leaderIds: ['l1'],
      deadline: '长期坚持',
      status: '',
    });
  });

  it('shows a problem without measures as one row with measureId null and rowId p-<id>', () => {
    const last = rows[4]!;
    expect(last.rowId).toBe(problemRowId('p3'));
    expect(last.rowId).toBe('p-p3');
    expect(last).toMatchObject({ measureId: null, problemId: 'p3', problem: '宣传栏内容更新不及时', measure: '', departmentIds: [], leaderIds: [] });
  });

  it('gives no rows for no problems, even with orphan measures', () => {
    expect(buildRows([], measures)).toEqual([]);
  });

  it('does not modify the inputs', () => {
    expect(problems.map((p) => p.id)).toEqual(['p2', 'p3', 'p1']);
    expect(measures.map((m) => m.id)).toEqual(['m12', 'm21', 'm11', 'm13']);
  });
});

describe('measuresByProblem', () => {
  it('groups measures by problem, each group sorted by order', () => {
    const grouped = measuresByProblem([
      makeMeasure('b', 'p1', '', 2),
      makeMeasure('x', 'p2', '', 1),
      makeMeasure('a', 'p1', '', 1),
    ]);
    expect(grouped.get('p1')!.map((m) => m.id)).toEqual(['a', 'b']);
    expect(grouped.get('p2')!.map((m) => m.id)).toEqual(['x']);
    expect(grouped.has('p3')).toBe(false);
  });
});

describe('rowOf', () => {
  it('fills the measure’s cells exactly as measureCells does (an edit in place uses measureCells)', () => {
    const p = makeProblem('p1', '问题', 1024);
    const m = makeMeasure('m1', 'p1', '措施', 1024, { departmentIds: ['d1'], leaderIds: ['l1'], deadline: '长期坚持', status: '推进中', note: '备注' });
    for (const measure of [m, null]) {
      const row = rowOf(p, measure, 1, 0);
      const cells = measureCells(measure);
      expect(Object.fromEntries(Object.keys(cells).map((k) => [k, row[k as keyof typeof row]]))).toEqual(cells);
      // and nothing else of the measure's: a cell added to rowOf alone would not follow an edit in place
      const ofRowOrProblem = ['rowId', 'problemId', 'measureId', 'serial', 'measureIndex', 'problem', 'level', 'category'];
      expect(Object.keys(row).filter((k) => !ofRowOrProblem.includes(k)).sort()).toEqual(Object.keys(cells).sort());
    }
  });
});
