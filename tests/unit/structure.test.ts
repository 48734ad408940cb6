import { describe, expect, it } from 'vitest';
import { addProblem, deleteRows, dropRows, insertMeasure, insertRow, moveRows } from '../../src/domain/structure';
import type { ListContent } from '../../src/domain/types';
import { applyPatchTo, fixture, makeMeasure, opKeys, rowOf, rowsOf, view } from './helpers';

const { content, directory } = fixture();
const rows = rowsOf(content);
const after = (patch: Parameters<typeof applyPatchTo>[2], c: ListContent = content) => applyPatchTo(c, directory, patch);

describe('fixture as the user sees it', () => {
  it('has three problems, the last without measures', () => {
    expect(view(rows)).toEqual([
      '1 校园网络阵地管理不严 | 清理新媒体账号',
      '1 校园网络阵地管理不严 | 专人审核留言',
      '2 外请讲座审核把关不严 | 落实“一会一报”',
      '3 宣传栏内容更新不及时 | ',
    ]);
  });
});

describe('addProblem', () => {
  it('adds an empty problem at the end and focuses its row', () => {
    const change = addProblem(content);
    expect(change.patch.ops).toHaveLength(1);
    const next = after(change.patch);
    expect(next.rows).toHaveLength(5);
    const last = next.rows[4]!;
    expect(last).toMatchObject({ serial: 4, problem: '', measureId: null, rowId: change.focusRowId });
    expect(next.content.problems[3]!.listId).toBe('list1');
  });

  it('adds right after a given problem, moving the following problems down one number', () => {
    const change = addProblem(content, 'p1');
    const next = after(change.patch);
    expect(next.rows.map((r) => r.serial + ':' + r.problem)).toEqual([
      '1:校园网络阵地管理不严',
      '1:校园网络阵地管理不严',
      '2:',
      '3:外请讲座审核把关不严',
      '4:宣传栏内容更新不及时',
    ]);
    expect(rowOf(next.rows, change.focusRowId!).serial).toBe(2);
    // midpoint insert: only the new problem is written
    expect(change.patch.ops.map((o) => o.type)).toEqual(['create']);
  });

  it('adds the first problem of an empty list', () => {
    const empty: ListContent = { ...content, problems: [], measures: [] };
    const next = after(addProblem(empty).patch, empty);
    expect(next.rows).toHaveLength(1);
    expect(next.rows[0]!.serial).toBe(1);
  });
});

describe('insertMeasure', () => {
  it('inserts a new measure below a measure row, inside the same problem', () => {
    const change = insertMeasure(content, rowOf(rows, 'm11'), 'below');
    const next = after(change.patch);
    expect(next.rows.map((r) => r.rowId)).toEqual(['m11', change.focusRowId, 'm12', 'm21', 'p-p3']);
    expect(rowOf(next.rows, change.focusRowId!)).toMatchObject({ problemId: 'p1', serial: 1, measure: '' });
  });

  it('inserts above a measure row', () => {
    const change = insertMeasure(content, rowOf(rows, 'm11'), 'above');
    const next = after(change.patch);
    expect(next.rows.map((r) => r.rowId).slice(0, 3)).toEqual([change.focusRowId, 'm11', 'm12']);
  });

  it('inserts at the end of the problem', () => {
    const change = insertMeasure(content, rowOf(rows, 'm11'), 'end');
    const next = after(change.patch);
    expect(next.rows.map((r) => r.rowId).slice(0, 3)).toEqual(['m11', 'm12', change.focusRowId]);
  });

  it('on a problem-only row creates two measures so the user sees one more row', () => {
    const problemRow = rowOf(rows, 'p-p3');
    for (const where of ['above', 'below'] as const) {
      const change = insertMeasure(content, problemRow, where);
      expect(change.patch.ops.filter((o) => o.type === 'create' && o.table === 'measures')).toHaveLength(2);
      const next = after(change.patch);
      const p3rows = next.rows.filter((r) => r.problemId === 'p3');
      expect(p3rows).toHaveLength(2);
      expect(p3rows.every((r) => r.measureId !== null)).toBe(true);
      expect(next.rows).toHaveLength(rows.length + 1);
      const focusIndex = p3rows.findIndex((r) => r.rowId === change.focusRowId);
      expect(focusIndex).toBe(where === 'above' ? 0 : 1);
    }
  });
});

describe('新增措施 on a problem without measures', () => {
  it('fills its one blank row: exactly one measure, no extra row', () => {
    const change = insertMeasure(content, rowOf(rows, 'p-p3'), 'end');
    expect(change.patch.ops.filter((o) => o.type === 'create' && o.table === 'measures')).toHaveLength(1);
    const next = after(change.patch);
    const p3rows = next.rows.filter((r) => r.problemId === 'p3');
    expect(p3rows).toHaveLength(1);
    expect(p3rows[0]!.measureId).toBe(change.focusRowId);
    expect(next.rows).toHaveLength(rows.length);
  });
});

describe('insertRow', () => {
  it('scope measure inserts a measure', () => {
    const change = insertRow(content, rowOf(rows, 'm21'), 'measure', 'above');
    const next = after(change.patch);
    expect(rowOf(next.rows, change.focusRowId!).problemId).toBe('p2');
    expect(next.content.problems).toHaveLength(3);
  });

  it('scope problem above inserts a new problem before the row’s problem', () => {
    const change = insertRow(content, rowOf(rows, 'm21'), 'problem', 'above');
    const next = after(change.patch);
    expect(next.rows.map((r) => `${r.serial}:${r.problem}`)).toEqual([
      '1:校园网络阵地管理不严',
      '1:校园网络阵地管理不严',
      '2:',
      '3:外请讲座审核把关不严',
      '4:宣传栏内容更新不及时',
    ]);
    expect(next.rows[2]!.rowId).toBe(change.focusRowId);
  });

  it('scope problem below inserts after all measures of the row’s problem, even from its first row', () => {
    const change = insertRow(content, rowOf(rows, 'm11'), 'problem', 'below');
    const next = after(change.patch);
    expect(next.rows.map((r) => r.rowId)).toEqual(['m11', 'm12', change.focusRowId, 'm21', 'p-p3']);
    expect(rowOf(next.rows, change.focusRowId!).serial).toBe(2);
  });

  it('scope problem above the first problem puts the new problem first', () => {
    const change = insertRow(content, rowOf(rows, 'm12'), 'problem', 'above');
    const next = after(change.patch);
    expect(next.rows[0]!.rowId).toBe(change.focusRowId);
    expect(next.rows[0]!.serial).toBe(1);
    expect(rowOf(next.rows, 'm11').serial).toBe(2);
  });
});

describe('deleteRows', () => {
  it('deletes one measure and keeps its problem when other measures remain', () => {
    const change = deleteRows(content, [rowOf(rows, 'm11')]);
    expect(opKeys(change.patch)).toEqual(['delete:measures:m11']);
    expect(change.patch.label).toBe('删除 1 条措施');
    expect(after(change.patch).rows.map((r) => r.rowId)).toEqual(['m12', 'm21', 'p-p3']);
  });

  it('deleting every measure of a problem deletes the problem too', () => {
    const change = deleteRows(content, [rowOf(rows, 'm11'), rowOf(rows, 'm12')]);
    expect(opKeys(change.patch).sort()).toEqual(['delete:measures:m11', 'delete:measures:m12', 'delete:problems:p1']);
    expect(change.patch.label).toBe('删除 1 个问题、2 条措施');
    const next = after(change.patch);
    expect(next.rows.map((r) => `${r.serial}:${r.rowId}`)).toEqual(['1:m21', '2:p-p3']);
  });

  it('deleting a problem-only row deletes the problem', () => {
    const change = deleteRows(content, [rowOf(rows, 'p-p3')]);
    expect(opKeys(change.patch)).toEqual(['delete:problems:p3']);
  });

  it("scope 'problem' deletes the whole problem with all its measures from one row", () => {
    const change = deleteRows(content, [rowOf(rows, 'm12')], 'problem');
    expect(opKeys(change.patch).sort()).toEqual(['delete:measures:m11', 'delete:measures:m12', 'delete:problems:p1']);
    expect(after(change.patch).rows.map((r) => r.problemId)).toEqual(['p2', 'p3']);
  });

  it('no rows gives an empty patch', () => {
    expect(deleteRows(content, []).patch.ops).toEqual([]);
  });
});

describe('moveRows', () => {
  it('moves a problem down with all its measures', () => {
    const change = moveRows(content, [rowOf(rows, 'm12')], 'problem', 1);
    expect(change.patch.label).toBe('下移问题');
    const next = after(change.patch);
    expect(next.rows.map((r) => r.rowId)).toEqual(['m21', 'm11', 'm12', 'p-p3']);
    expect(next.rows.map((r) => r.serial)).toEqual([1, 2, 2, 3]);
    expect(change.focusRowId).toBe('m12');
  });

  it('moves a problem up', () => {
    const change = moveRows(content, [rowOf(rows, 'p-p3')], 'problem', -1);
    expect(after(change.patch).rows.map((r) => r.rowId)).toEqual(['m11', 'm12', 'p-p3', 'm21']);
  });

  it('moves a selection of problems together', () => {
    const change = moveRows(content, [rowOf(rows, 'm21'), rowOf(rows, 'p-p3')], 'problem', -1);
    expect(after(change.patch).rows.map((r) => r.problemId)).toEqual(['p2', 'p3', 'p1', 'p1']);
  });

  it('at the edge returns an empty patch', () => {
    expect(moveRows(content, [rowOf(rows, 'm11')], 'problem', -1).patch.ops).toEqual([]);
    expect(moveRows(content, [rowOf(rows, 'p-p3')], 'problem', 1).patch.ops).toEqual([]);
    expect(moveRows(content, [rowOf(rows, 'm11')], 'measure', -1).patch.ops).toEqual([]);
    expect(moveRows(content, [rowOf(rows, 'm12')], 'measure', 1).patch.ops).toEqual([]);
    // the only measure of a problem cannot move within it
    expect(moveRows(content, [rowOf(rows, 'm21')], 'measure', 1).patch.ops).toEqual([]);
  });

  it('moves a measure within its problem, up and down', () => {
    const down = moveRows(content, [rowOf(rows, 'm11')], 'measure', 1);
    expect(after(down.patch).rows.map((r) => r.rowId)).toEqual(['m12', 'm11', 'm21', 'p-p3']);
    const up = moveRows(content, [rowOf(rows, 'm12')], 'measure', -1);
    expect(after(up.patch).rows.map((r) => r.rowId)).toEqual(['m12', 'm11', 'm21', 'p-p3']);
    expect(up.patch.label).toBe('上移措施');
  });

  it('never moves a measure into another problem', () => {
    const next = after(moveRows(content, [rowOf(rows, 'm12')], 'measure', 1).patch);
    expect(rowOf(next.rows, 'm12').problemId).toBe('p1');
  });

  it('moves a measure one place in a longer problem, writing only that measure', () => {
    const c: ListContent = {
      ...content,
      measures: [
        ...content.measures,
        makeMeasure('m13', 'p1', '建立账号台账', 3072),
        makeMeasure('m14', 'p1', '定期通报', 4096),
      ],
    };
    const change = moveRows(c, rowsOf(c).filter((r) => r.rowId === 'm12'), 'measure', 1);
    expect(opKeys(change.patch)).toEqual(['update:measures:m12']);
    expect(after(change.patch, c).rows.filter((r) => r.problemId === 'p1').map((r) => r.rowId)).toEqual(['m11', 'm13', 'm12', 'm14']);
  });
});

describe('dropRows', () => {
  it('drags a measure into another problem: its problemId and order change', () => {
    const change = dropRows(content, [rowOf(rows, 'm11')], rowOf(rows, 'm21'), 'measure', false);
    const next = after(change.patch);
    expect(next.rows.map((r) => `${r.serial}:${r.rowId}`)).toEqual(['1:m12', '2:m11', '2:m21', '3:p-p3']);
    const moved = next.content.measures.find((m) => m.id === 'm11')!;
    expect(moved.problemId).toBe('p2');
    expect(moved.order).toBeLessThan(1024);
    // the measure keeps its text and people
    expect(rowOf(next.rows, 'm11')).toMatchObject({ measure: '清理新媒体账号', departmentIds: ['d-dangban'], problem: '外请讲座审核把关不严' });
  });

  it('drops a measure after the target when after is true', () => {
    const change = dropRows(content, [rowOf(rows, 'm11')], rowOf(rows, 'm21'), 'measure', true);
    expect(after(change.patch).rows.map((r) => r.rowId)).toEqual(['m12', 'm21', 'm11', 'p-p3']);
  });

  it('drops measures onto a problem-only row, giving that problem its measures', () => {
    const change = dropRows(content, [rowOf(rows, 'm11'), rowOf(rows, 'm12')], rowOf(rows, 'p-p3'), 'measure', false);
    const next = after(change.patch);
    // p1 lost every measure and now shows as a problem-only row
    expect(next.rows.map((r) => `${r.problemId}:${r.rowId}`)).toEqual(['p1:p-p1', 'p2:m21', 'p3:m11', 'p3:m12']);
  });

  it('dropping a measure on itself changes nothing', () => {
    expect(dropRows(content, [rowOf(rows, 'm11')], rowOf(rows, 'm11'), 'measure', true).patch.ops).toEqual([]);
  });

  it('moves a problem before or after a target problem', () => {
    const before = dropRows(content, [rowOf(rows, 'p-p3')], rowOf(rows, 'm12'), 'problem', false);
    expect(after(before.patch).rows.map((r) => r.problemId)).toEqual(['p3', 'p1', 'p1', 'p2']);
    const afterTarget = dropRows(content, [rowOf(rows, 'm11')], rowOf(rows, 'm21'), 'problem', true);
    expect(after(afterTarget.patch).rows.map((r) => r.problemId)).toEqual(['p2', 'p1', 'p1', 'p3']);
  });

  it('dropping a problem on itself changes nothing', () => {
    expect(dropRows(content, [rowOf(rows, 'm11')], rowOf(rows, 'm12'), 'problem', true).patch.ops).toEqual([]);
  });
});
