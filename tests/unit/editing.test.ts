import { describe, expect, it } from 'vitest';
import { bulkSet, editCell, fillField } from '../../src/domain/editing';
import type { Directory, ListContent } from '../../src/domain/types';
import { applyPatchTo, fixture, makeDept, names, opKeys, rowOf, rowsOf } from './helpers';

const { content, directory } = fixture();
const rows = rowsOf(content);
const apply = (patch: Parameters<typeof applyPatchTo>[2], c: ListContent = content, d: Directory = directory) =>
  applyPatchTo(c, d, patch);

describe('editCell: problem-scoped fields', () => {
  it('editing the problem text from its second row updates the problem once, and every row of it shows the text', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm12'), 'problem', '校园网络阵地管理存在漏洞');
    expect(patch.ops).toEqual([{ type: 'update', table: 'problems', id: 'p1', changes: { text: '校园网络阵地管理存在漏洞' } }]);
    expect(patch.label).toBe('编辑“问题清单”');
    const next = apply(patch);
    expect(rowOf(next.rows, 'm11').problem).toBe('校园网络阵地管理存在漏洞');
    expect(rowOf(next.rows, 'm12').problem).toBe('校园网络阵地管理存在漏洞');
    expect(rowOf(next.rows, 'm21').problem).toBe('外请讲座审核把关不严');
  });

  it('cleans the typed value (CRLF, surrounding full-width spaces)', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'problem', '\u3000外请讲座\r\n审核不严 ');
    expect(apply(patch).content.problems.find((p) => p.id === 'p2')!.text).toBe('外请讲座\n审核不严');
  });

  it('an unchanged value gives an empty patch', () => {
    expect(editCell(content, directory, rowOf(rows, 'm11'), 'problem', '校园网络阵地管理不严 ').ops).toEqual([]);
    expect(editCell(content, directory, rowOf(rows, 'm11'), 'measure', '清理新媒体账号').ops).toEqual([]);
  });

  it('level and category are problem fields', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm12'), 'level', '低');
    expect(patch.ops).toEqual([{ type: 'update', table: 'problems', id: 'p1', changes: { level: '低' } }]);
  });

  it('the serial column cannot be edited', () => {
    expect(editCell(content, directory, rowOf(rows, 'm11'), 'serial', '9').ops).toEqual([]);
  });
});

describe('editCell: measure fields', () => {
  it('editing measure text updates only that measure', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm12'), 'measure', '明确专人审核留言');
    expect(patch.ops).toEqual([{ type: 'update', table: 'measures', id: 'm12', changes: { text: '明确专人审核留言' } }]);
  });

  it('editing measure text on a problem-only row creates the problem’s first measure', () => {
    const patch = editCell(content, directory, rowOf(rows, 'p-p3'), 'measure', '每月检查一次宣传栏');
    expect(patch.ops).toHaveLength(1);
    expect(patch.ops[0]).toMatchObject({ type: 'create', table: 'measures', value: { problemId: 'p3', listId: 'list1', text: '每月检查一次宣传栏' } });
    const next = apply(patch);
    const p3rows = next.rows.filter((r) => r.problemId === 'p3');
    expect(p3rows).toHaveLength(1);
    expect(p3rows[0]!.measureId).not.toBeNull();
    expect(p3rows[0]!.measure).toBe('每月检查一次宣传栏');
  });

  it('clearing a field on a problem-only row creates nothing', () => {
    expect(editCell(content, directory, rowOf(rows, 'p-p3'), 'deadline', '').ops).toEqual([]);
    expect(editCell(content, directory, rowOf(rows, 'p-p3'), 'departments', []).ops).toEqual([]);
  });
});

describe('editCell: departments and leaders', () => {
  it('picking existing departments by id stores their ids in the given order', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'departments', [
      { id: 'd-deyu', name: '德育处' },
      { id: 'd-jiaowu', name: '教务处' },
    ]);
    const next = apply(patch);
    expect(rowOf(next.rows, 'm21').departmentIds).toEqual(['d-deyu', 'd-jiaowu']);
  });

  it('a new name creates a department record in the same patch and references it', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'departments', [
      { id: 'd-jiaowu', name: '教务处' },
      { name: '图书馆' },
    ]);
    const created = patch.ops.filter((o) => o.type === 'create' && o.table === 'departments');
    expect(created).toHaveLength(1);
    const next = apply(patch);
    expect(next.directory.departments).toHaveLength(4);
    expect(names(next.directory, rowOf(next.rows, 'm21').departmentIds)).toEqual(['教务处', '图书馆']);
    const lib = next.directory.departments.find((d) => d.name === '图书馆')!;
    expect(lib).toMatchObject({ aliases: [], supervisorId: null });
  });

  it('a name without id that matches an existing name or alias reuses that department', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'departments', [{ name: '政教处' }, { name: '教 务 处' }]);
    expect(patch.ops.some((o) => o.table === 'departments')).toBe(false);
    expect(rowOf(apply(patch).rows, 'm21').departmentIds).toEqual(['d-deyu', 'd-jiaowu']);
  });

  it('the same new name picked twice creates one department', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'departments', [{ name: '图书馆' }, { name: '图书馆' }]);
    expect(patch.ops.filter((o) => o.table === 'departments')).toHaveLength(1);
    expect(rowOf(apply(patch).rows, 'm21').departmentIds).toHaveLength(1);
  });

  it('a typed string is split into names', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'departments', '党办、德育处\n教务处');
    expect(rowOf(apply(patch).rows, 'm21').departmentIds).toEqual(['d-dangban', 'd-deyu', 'd-jiaowu']);
  });

  it('picking departments with supervisors fills empty leaders with those supervisors', () => {
    // m21 has no leaders; 德育处 is supervised by 王海燕, 党办 by 张建国, 教务处 by nobody
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'departments', [
      { id: 'd-jiaowu', name: '教务处' },
      { id: 'd-deyu', name: '德育处' },
      { id: 'd-dangban', name: '党办' },
    ]);
    expect(patch.ops).toHaveLength(1); // one field-level update of the measure
    const row = rowOf(apply(patch).rows, 'm21');
    expect(row.leaderIds).toEqual(['l-wang', 'l-zhang']);
  });

  it('does not touch leaders when the measure already has leaders', () => {
    // m11 already has 张建国
    const patch = editCell(content, directory, rowOf(rows, 'm11'), 'departments', [{ id: 'd-deyu', name: '德育处' }]);
    expect(patch.ops).toEqual([{ type: 'update', table: 'measures', id: 'm11', changes: { departmentIds: ['d-deyu'] } }]);
    expect(rowOf(apply(patch).rows, 'm11').leaderIds).toEqual(['l-zhang']);
  });

  it('the supervisor of a department created in the same edit is none', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'departments', [{ name: '国际部' }]);
    expect(rowOf(apply(patch).rows, 'm21').leaderIds).toEqual([]);
  });

  it('picking departments on a problem-only row creates the measure with departments and supervisors', () => {
    const patch = editCell(content, directory, rowOf(rows, 'p-p3'), 'departments', [{ id: 'd-dangban', name: '党办' }]);
    const next = apply(patch);
    const row = next.rows.find((r) => r.problemId === 'p3')!;
    expect(row.measureId).not.toBeNull();
    expect(row.departmentIds).toEqual(['d-dangban']);
    expect(row.leaderIds).toEqual(['l-zhang']);
    expect(opKeys(patch)).toHaveLength(1);
  });

  it('a new leader name creates a leader record', () => {
    const patch = editCell(content, directory, rowOf(rows, 'm21'), 'leaders', [{ name: '赵志强' }]);
    const next = apply(patch);
    expect(next.directory.leaders.map((l) => l.name)).toContain('赵志强');
    expect(names(next.directory, rowOf(next.rows, 'm21').leaderIds)).toEqual(['赵志强']);
  });
});

describe('bulkSet', () => {
  const three = [rowOf(rows, 'm11'), rowOf(rows, 'm12'), rowOf(rows, 'm21')];

  it('sets deadline and status on several rows as one patch', () => {
    const patch = bulkSet(content, directory, three, { deadline: '2026年6月底前', status: '已完成' });
    expect(patch.label).toBe('批量设置 3 行');
    // one update per measure, carrying both fields
    expect(opKeys(patch)).toEqual(['update:measures:m11', 'update:measures:m12', 'update:measures:m21']);
    for (const op of patch.ops) expect(op).toMatchObject({ changes: { deadline: '2026年6月底前', status: '已完成' } });
    const next = apply(patch);
    for (const id of ['m11', 'm12', 'm21']) expect(rowOf(next.rows, id)).toMatchObject({ deadline: '2026年6月底前', status: '已完成' });
  });

  it('sets departments on several rows, creating a new department only once, and fills empty leaders', () => {
    const patch = bulkSet(content, directory, three, { departments: [{ id: 'd-deyu', name: '德育处' }, { name: '团委' }] });
    expect(patch.ops.filter((o) => o.table === 'departments')).toHaveLength(1);
    const next = apply(patch);
    for (const id of ['m11', 'm12', 'm21']) expect(names(next.directory, rowOf(next.rows, id).departmentIds)).toEqual(['德育处', '团委']);
    expect(rowOf(next.rows, 'm11').leaderIds).toEqual(['l-zhang']); // kept
    expect(rowOf(next.rows, 'm12').leaderIds).toEqual(['l-wang']); // filled from 德育处
    expect(rowOf(next.rows, 'm21').leaderIds).toEqual(['l-wang']);
  });

  it('with leaders given as well, leaders are set as given and not filled from supervisors', () => {
    const patch = bulkSet(content, directory, three, {
      departments: [{ id: 'd-deyu', name: '德育处' }],
      leaders: [{ id: 'l-zhang', name: '张建国' }],
    });
    const next = apply(patch);
    for (const id of ['m11', 'm12', 'm21']) {
      expect(rowOf(next.rows, id).leaderIds).toEqual(['l-zhang']);
      expect(rowOf(next.rows, id).departmentIds).toEqual(['d-deyu']);
    }
  });

  it('includes a problem-only row by creating its measure', () => {
    const patch = bulkSet(content, directory, [rowOf(rows, 'p-p3')], { status: '未开始' });
    const next = apply(patch);
    expect(next.rows.find((r) => r.problemId === 'p3')).toMatchObject({ status: '未开始' });
    expect(next.rows.find((r) => r.problemId === 'p3')!.measureId).not.toBeNull();
  });
});

describe('fillField', () => {
  it('clearing departments on several rows is one patch labelled 清除内容', () => {
    const patch = fillField(content, directory, [rowOf(rows, 'm11'), rowOf(rows, 'm12')], 'departments', []);
    expect(patch.label).toBe('清除内容');
    const next = apply(patch);
    expect(rowOf(next.rows, 'm11').departmentIds).toEqual([]);
    expect(rowOf(next.rows, 'm12').departmentIds).toEqual([]);
    expect(rowOf(next.rows, 'm11').leaderIds).toEqual(['l-zhang']);
  });

  it('fills a problem field across rows of the same problem with one update', () => {
    const patch = fillField(content, directory, [rowOf(rows, 'm11'), rowOf(rows, 'm12'), rowOf(rows, 'm21')], 'level', '高');
    // p1 already has 高; only p2 changes
    expect(opKeys(patch)).toEqual(['update:problems:p2']);
  });
});

describe('editCell with a directory given out of sync', () => {
  it('a picked id that no longer exists is resolved by name instead of leaving a dangling id', () => {
    const dir: Directory = { ...directory, departments: [...directory.departments, makeDept('d-x', '团委')] };
    const patch = editCell(content, dir, rowOf(rows, 'm21'), 'departments', [{ id: 'd-gone', name: '团委' }]);
    expect(rowOf(apply(patch, content, dir).rows, 'm21').departmentIds).toEqual(['d-x']);
  });
});
