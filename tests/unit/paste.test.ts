import { describe, expect, it } from 'vitest';
import type { FieldId } from '../../src/domain/fields';
import { isHeaderLine, pasteBlock } from '../../src/domain/paste';
import { parseTsv } from '../../src/domain/tsv';
import type { ProgressEntry, Round } from '../../src/domain/cycle/types';
import type { Directory, ListContent } from '../../src/domain/types';
import { applyPatchTo, fixture, makeMeasure, names, rowOf, rowsOf, view } from './helpers';

const { content, directory } = fixture();
const rows = rowsOf(content);
const MEASURE_COLUMNS: FieldId[] = ['measure', 'departments', 'leaders', 'deadline', 'status', 'note'];
const PROBLEM_COLUMNS: FieldId[] = ['problem', 'measure', 'departments', 'leaders', 'deadline', 'status', 'note'];

function paste(startIndex: number, columns: FieldId[], clipboard: string, c: ListContent = content, d: Directory = directory) {
  const change = pasteBlock(c, d, rowsOf(c), startIndex, columns, parseTsv(clipboard));
  return { change, ...applyPatchTo(c, d, change.patch) };
}

describe('pasteBlock: a block over existing rows', () => {
  it('overwrites the cells of a 3x3 block pasted at row 0, column 措施清单', () => {
    const clipboard = '加强账号管理\t党办\t张建国\r\n落实留言审核\t德育处\t王海燕\r\n严格讲座审批\t教务处\t张建国\r\n';
    const { change, rows: after, directory: dir } = paste(0, MEASURE_COLUMNS, clipboard);
    expect(change.patch.label).toBe('粘贴 3 行 × 3 列');
    expect(change.focusRowId).toBe('m11');
    expect(after.map((r) => [r.rowId, r.measure, names(dir, r.departmentIds).join('、'), names(dir, r.leaderIds).join('、')])).toEqual([
      ['m11', '加强账号管理', '党办', '张建国'],
      ['m12', '落实留言审核', '德育处', '王海燕'],
      ['m21', '严格讲座审批', '教务处', '张建国'],
      ['p-p3', '', '', ''],
    ]);
    // only the pasted columns are touched
    expect(rowOf(after, 'm12').status).toBe('推进中');
    expect(rowOf(after, 'm21').deadline).toBe('长期坚持');
    // no new records: every name was known, no new rows
    expect(change.patch.ops.every((o) => o.type === 'update' && o.table === 'measures')).toBe(true);
  });

  it('reads pasted names as the import reads a cell: role marks and posts come off, the records are the known ones', () => {
    const { change, rows: after, directory: dir } = paste(0, ['departments', 'leaders'], '党办（牵头）、德育处（配合）\t王海燕（副校长）\r\n');
    expect(names(dir, rowOf(after, 'm11').departmentIds)).toEqual(['党办', '德育处']);
    expect(names(dir, rowOf(after, 'm11').leaderIds)).toEqual(['王海燕']);
    // nothing new: 党办（牵头） is 党办, not a department of its own
    expect(change.patch.ops.every((o) => o.type === 'update' && o.table === 'measures')).toBe(true);
  });

  it('writes each measure once even though several of its cells change', () => {
    const { change } = paste(0, MEASURE_COLUMNS, '甲\t德育处\t王海燕\t2026年6月底前\r\n');
    expect(change.patch.ops).toEqual([
      {
        type: 'update',
        table: 'measures',
        id: 'm11',
        changes: { text: '甲', departmentIds: ['d-deyu'], leaderIds: ['l-wang'], deadline: '2026年6月底前' },
      },
    ]);
  });

  it('pasting a leaders column as well does not fill leaders from supervisors', () => {
    // 德育处 is supervised by 王海燕, but the pasted leaders cell is empty
    const { rows: after } = paste(2, MEASURE_COLUMNS, '严格讲座审批\t德育处\t\r\n');
    expect(rowOf(after, 'm21').leaderIds).toEqual([]);
  });

  it('pasting only departments into a measure without leaders fills in the supervisors', () => {
    const { rows: after } = paste(2, ['departments', 'leaders'], '德育处\r\n');
    // the block is one column wide: the leaders column is not part of it
    expect(rowOf(after, 'm21').departmentIds).toEqual(['d-deyu']);
    expect(rowOf(after, 'm21').leaderIds).toEqual(['l-wang']);
  });

  it('ignores cells beyond the displayed columns', () => {
    const { rows: after } = paste(2, ['status'], '已完成\t多余\t多余\r\n');
    expect(rowOf(after, 'm21')).toMatchObject({ status: '已完成', note: '', measure: '落实“一会一报”' });
  });
});

describe('pasteBlock: lines beyond the last row', () => {
  it('creates new measures under the last row’s problem for overflow lines', () => {
    const clipboard = [
      '清理账号\t党办\t张建国',
      '审核留言\t德育处\t王海燕',
      '一会一报\t教务处\t',
      '每月检查宣传栏\t党办\t张建国',
      '双人校对\t"党办\n德育处"\t',
      '更新电子屏\t\t',
    ].join('\r\n') + '\r\n';
    const { change, rows: after, content: c } = paste(0, MEASURE_COLUMNS, clipboard);
    expect(view(after)).toEqual([
      '1 校园网络阵地管理不严 | 清理账号',
      '1 校园网络阵地管理不严 | 审核留言',
      '2 外请讲座审核把关不严 | 一会一报',
      '3 宣传栏内容更新不及时 | 每月检查宣传栏',
      '3 宣传栏内容更新不及时 | 双人校对',
      '3 宣传栏内容更新不及时 | 更新电子屏',
    ]);
    // the problem-only row got its first measure, then two more; no new problem
    expect(c.problems).toHaveLength(3);
    expect(after.slice(3).every((r) => r.measureId !== null && r.problemId === 'p3')).toBe(true);
    expect(after[4]!.departmentIds).toEqual(['d-dangban', 'd-deyu']);
    expect(change.patch.ops.filter((o) => o.type === 'create' && o.table === 'measures')).toHaveLength(3);
  });

  it('a line landing on a problem-only row fills that row instead of adding one', () => {
    const { rows: after } = paste(2, ['measure'], '一会一报\r\n审查报告人\r\n');
    expect(after.map((r) => `${r.problemId}:${r.measure}`)).toEqual(['p1:清理新媒体账号', 'p1:专人审核留言', 'p2:一会一报', 'p3:审查报告人']);
  });

  it('appends below a problem that has measures, after its last measure', () => {
    const onlyP2: ListContent = { ...content, problems: content.problems.filter((p) => p.id !== 'p3') };
    const { rows: after } = paste(2, ['measure'], '一会一报\r\n审查报告人\r\n现场旁听\r\n', onlyP2);
    expect(view(after)).toEqual([
      '1 校园网络阵地管理不严 | 清理新媒体账号',
      '1 校园网络阵地管理不严 | 专人审核留言',
      '2 外请讲座审核把关不严 | 一会一报',
      '2 外请讲座审核把关不严 | 审查报告人',
      '2 外请讲座审核把关不严 | 现场旁听',
    ]);
  });

  it('pasting into an empty list creates a problem for the lines', () => {
    const empty: ListContent = { ...content, problems: [], measures: [] };
    const { rows: after } = paste(0, PROBLEM_COLUMNS, '新问题\t措施一\r\n\t措施二\r\n', empty);
    expect(view(after)).toEqual(['1 新问题 | 措施一', '1 新问题 | 措施二']);
  });
});

describe('pasteBlock: problem column from merged cells', () => {
  it('an empty problem cell below a filled one does not clear the existing problem', () => {
    const clipboard = '校园网络阵地管理存在漏洞\t清理账号\r\n\t审核留言\r\n';
    const { change, rows: after } = paste(0, PROBLEM_COLUMNS, clipboard);
    expect(rowOf(after, 'm11').problem).toBe('校园网络阵地管理存在漏洞');
    expect(rowOf(after, 'm12').problem).toBe('校园网络阵地管理存在漏洞');
    expect(rowOf(after, 'm12').measure).toBe('审核留言');
    // the problem is written once
    expect(change.patch.ops.filter((o) => o.table === 'problems')).toHaveLength(1);
  });

  it('a later, different problem cell of the same problem splits it: no pasted text is dropped', () => {
    const { rows: after, content: c } = paste(0, PROBLEM_COLUMNS, '第一种说法\t\r\n第二种说法\t\r\n');
    expect(rowOf(after, 'm11').problem).toBe('第一种说法');
    expect(rowOf(after, 'm12').problem).toBe('第二种说法');
    expect(c.problems).toHaveLength(4);
  });

  it('keeps the problem text when the first pasted cell for it is empty but a later one is not', () => {
    const { rows: after } = paste(0, PROBLEM_COLUMNS, '\t甲\r\n新问题文字\t乙\r\n');
    expect(rowOf(after, 'm11').problem).toBe('新问题文字');
  });

  it('overflow lines with an empty problem cell continue the previous problem; a new text starts a new problem', () => {
    const clipboard = [
      '宣传栏内容更新不及时\t每月检查\t党办',
      '\t双人校对\t政教处',
      '教师有偿补课监督不够\t签订承诺书\t纪委',
      '\t专项检查\t纪委',
    ].join('\r\n');
    const { rows: after, directory: dir, content: c } = paste(3, PROBLEM_COLUMNS, clipboard);
    expect(view(after).slice(3)).toEqual([
      '3 宣传栏内容更新不及时 | 每月检查',
      '3 宣传栏内容更新不及时 | 双人校对',
      '4 教师有偿补课监督不够 | 签订承诺书',
      '4 教师有偿补课监督不够 | 专项检查',
    ]);
    expect(c.problems).toHaveLength(4);
    expect(names(dir, after[4]!.departmentIds)).toEqual(['德育处']);
    // 纪委 is created once although it appears twice
    expect(dir.departments.filter((d) => d.name === '纪委')).toHaveLength(1);
    expect(after[5]!.departmentIds).toEqual(after[6]!.departmentIds);
  });

  it('an overflow line repeating the previous problem text continues it', () => {
    const clipboard = '宣传栏内容更新不及时\t每月检查\r\n宣传栏内容更新不及时\t双人校对\r\n';
    const { content: c, rows: after } = paste(3, PROBLEM_COLUMNS, clipboard);
    expect(c.problems).toHaveLength(3);
    expect(after.filter((r) => r.problemId === 'p3').map((r) => r.measure)).toEqual(['每月检查', '双人校对']);
  });

  // the overflow line is compared with the problem text as this paste leaves it, not as it was before
  it('an overflow line repeating a problem text that this paste just wrote continues that problem', () => {
    const clipboard = '宣传栏内容更新不及时、标语不规范\t每月检查\r\n宣传栏内容更新不及时、标语不规范\t双人校对\r\n';
    const { content: c, rows: after } = paste(3, PROBLEM_COLUMNS, clipboard);
    expect(view(after).slice(3)).toEqual([
      '3 宣传栏内容更新不及时、标语不规范 | 每月检查',
      '3 宣传栏内容更新不及时、标语不规范 | 双人校对',
    ]);
    expect(c.problems).toHaveLength(3);
  });

  it('empty problem cells under a pasted problem (an Excel merge) leave the next problem’s text alone', () => {
    // rows 1 and 2 belong to problems 1 and 2; the block's second line has an empty problem cell. Row 1 is problem 1's
    // second row: its different text splits it off (row 0 keeps problem 1's text, which nothing was pasted over)
    const { rows: after } = paste(1, PROBLEM_COLUMNS, '讲座新说法\t甲\r\n\t乙\r\n');
    expect(rowOf(after, 'm11').problem).toBe(rows[0]!.problem);
    expect(rowOf(after, 'm12').problem).toBe('讲座新说法');
    expect(rowOf(after, rows[2]!.rowId).problem).toBe(rows[2]!.problem);
    expect(rowOf(after, rows[2]!.rowId).measure).toBe('乙');
  });

  it('level and category of a new problem come from its first pasted line', () => {
    const empty: ListContent = { ...content, problems: [], measures: [] };
    const change = pasteBlock(empty, directory, [], 0, ['category', 'problem', 'level', 'measure'], [
      ['主要阵地', '新问题', '高', '措施一'],
      ['', '', '', '措施二'],
    ]);
    const { content: c, rows: after } = applyPatchTo(empty, directory, change.patch);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({ text: '新问题', level: '高', category: '主要阵地' });
    expect(after.map((r) => r.measure)).toEqual(['措施一', '措施二']);
  });
});

describe('pasteBlock: department names in cells', () => {
  it('resolves names separated by line breaks by name or alias, and creates unknown names once', () => {
    const clipboard = '"政教处\n图书馆"\r\n"图书馆\r\n党务办公室"\r\n"ＩＴ中心\n图 书 馆"\r\n';
    const { change, rows: after, directory: dir } = paste(0, ['departments'], clipboard);
    expect(names(dir, rowOf(after, 'm11').departmentIds)).toEqual(['德育处', '图书馆']);
    expect(names(dir, rowOf(after, 'm12').departmentIds)).toEqual(['图书馆', '党办']);
    expect(names(dir, rowOf(after, 'm21').departmentIds)).toEqual(['ＩＴ中心', '图书馆']);
    const created = change.patch.ops.filter((o) => o.type === 'create' && o.table === 'departments');
    expect(created).toHaveLength(2);
    expect(dir.departments.map((d) => d.name).sort()).toEqual(['ＩＴ中心', '党办', '图书馆', '德育处', '教务处'].sort());
    // every referenced id exists
    const ids = new Set(dir.departments.map((d) => d.id));
    for (const r of after) for (const id of r.departmentIds) expect(ids.has(id)).toBe(true);
  });

  it('also splits names on 、 and ，', () => {
    const { rows: after, directory: dir } = paste(2, ['departments'], '教务处、党办，德育处\r\n');
    expect(names(dir, rowOf(after, 'm21').departmentIds)).toEqual(['教务处', '党办', '德育处']);
  });

  it('an empty departments cell clears the departments', () => {
    const { rows: after } = paste(0, ['measure', 'departments'], '清理新媒体账号\t\r\n');
    expect(rowOf(after, 'm11').departmentIds).toEqual([]);
  });
});

describe('pasteBlock: never drops a value', () => {
  // one problem with three measures, as in the issue: three lines with three different problem texts pasted over it
  const three = fixture();
  three.content.measures.push(makeMeasure('m13', 'p1', '定期巡查', 3072, { status: '未开始' }));

  it('each line whose problem differs from the line above becomes its own problem, in place, and says so', () => {
    const clipboard = '网络阵地甲\t措施一\r\n网络阵地乙\t措施二\r\n网络阵地丙\t措施三\r\n';
    const { change, rows: after, content: c } = paste(0, ['problem', 'measure'], clipboard, three.content, three.directory);
    expect(view(after)).toEqual([
      '1 网络阵地甲 | 措施一',
      '2 网络阵地乙 | 措施二',
      '3 网络阵地丙 | 措施三',
      '4 外请讲座审核把关不严 | 落实“一会一报”',
      '5 宣传栏内容更新不及时 | ',
    ]);
    expect(c.problems).toHaveLength(5);
    // the measures kept their other cells: they moved, they were not recreated
    expect(rowOf(after, 'm13').status).toBe('未开始');
    // the new problems keep the level and category of the problem they were split from
    expect(c.problems.find((p) => p.text === '网络阵地丙')).toMatchObject({ level: '高', category: '主要阵地' });
    expect(change.summary).toContain('有 2 行的问题与上一行不同，已拆分为新问题');
  });

  it('a line repeating the text above, or left empty (the merge), stays with the problem above, and so do the rows below', () => {
    const { rows: after } = paste(0, ['problem', 'measure'], '网络阵地甲\t措施一\r\n网络阵地乙\t措施二\r\n', three.content, three.directory);
    // row 3 (m13) was not pasted over: it follows row 2 into the split-off problem, as rows under a merge do
    expect(view(after).slice(0, 3)).toEqual(['1 网络阵地甲 | 措施一', '2 网络阵地乙 | 措施二', '2 网络阵地乙 | 定期巡查']);
    const again = paste(0, ['problem', 'measure'], '网络阵地甲\t措施一\r\n\t措施二\r\n网络阵地甲\t措施三\r\n', three.content, three.directory);
    expect(view(again.rows).slice(0, 3)).toEqual(['1 网络阵地甲 | 措施一', '1 网络阵地甲 | 措施二', '1 网络阵地甲 | 措施三']);
    expect(again.change.summary).toBe('');
  });

  it('undoing the paste (its inverse, one patch) restores the problem and its three measures', () => {
    const clipboard = '甲\t一\r\n乙\t二\r\n丙\t三\r\n';
    const { change } = paste(0, ['problem', 'measure'], clipboard, three.content, three.directory);
    // one patch holds the new problems and the moved measures: one undoable step
    expect(change.patch.ops.filter((o) => o.type === 'create' && o.table === 'problems')).toHaveLength(2);
    expect(change.patch.ops.filter((o) => o.type === 'update' && o.table === 'measures' && 'problemId' in o.changes)).toHaveLength(2);
  });

  it('a header line copied with the table is skipped, not made a department called 责任部门', () => {
    const clipboard = '问题清单\t措施清单\t责任部门\t责任领导\r\n网络阵地甲\t措施一\t纪委\t李校长\r\n';
    const { change, rows: after, directory: dir } = paste(0, ['problem', 'measure', 'departments', 'leaders'], clipboard);
    expect(view(after)[0]).toBe('1 网络阵地甲 | 措施一');
    expect(dir.departments.map((d) => d.name)).not.toContain('责任部门');
    expect(dir.leaders.map((l) => l.name)).not.toContain('责任领导');
    expect(change.patch.label).toBe('粘贴 1 行 × 4 列（新建部门：纪委；新建领导：李校长）');
    expect(change.summary).toContain('已跳过 1 行表头');
    expect(change.summary).toContain('新建部门：纪委');
    expect(change.summary).toContain('新建领导：李校长');
  });

  it('data lines that merely contain column words are not headers', () => {
    expect(isHeaderLine(['新问题', '措施一'])).toBe(false);
    expect(isHeaderLine(['序号', '问题清单', '措施清单', '责任部门', '责任领导', '完成时限'])).toBe(true);
    expect(isHeaderLine(['责任部门'])).toBe(false);
    expect(isHeaderLine(['党办', '责任部门'])).toBe(false);
  });
});

describe('pasteBlock: the 本轮进展情况 column', () => {
  const round = (state: Round['state']): Round => ({ id: 'r1', listId: content.list.id, name: '上半年研判会', date: '2026-06-30', kind: 'special', state, snapshotId: null, heldAt: null });
  const progressOps = (patch: { ops: readonly { table: string; type: string }[] }) => patch.ops.filter((o) => o.table === 'progress');

  it('writes the pasted texts as the round’s entries, in the same step, new rows included', () => {
    const target = { rounds: [round('preparing')], entries: [], date: '2026-06-01' };
    const change = pasteBlock(content, directory, rows, 1, ['measure', 'progress'], parseTsv('落实留言审核\t已审核 120 条\n严格讲座审批\t\n新措施\t已开展 2 次\n'), target);
    const created = change.patch.ops.filter((o) => o.type === 'create');
    const entries = created.filter((o) => o.table === 'progress').map((o) => (o as unknown as { value: ProgressEntry }).value);
    expect(entries.map((e) => [e.roundId, e.text, e.date])).toEqual([
      ['r1', '已审核 120 条', '2026-06-01'],
      ['r1', '已开展 2 次', '2026-06-01'],
    ]);
    expect(entries[0]!.measureId).toBe('m12');
    // the second entry is the new measure's, created by the same paste
    const newMeasure = created.find((o) => o.table === 'measures') as unknown as { value: { id: string } };
    expect(entries[1]!.measureId).toBe(newMeasure.value.id);
    expect(change.summary).toContain('写入“上半年研判会”进展 2 条');
  });

  it('with no round in preparation writes none of them, and says why', () => {
    for (const rounds of [[], [round('held')]]) {
      const change = pasteBlock(content, directory, rows, 0, ['measure', 'progress'], parseTsv('加强账号管理\t已清理\n'), { rounds, entries: [], date: '2026-06-01' });
      expect(progressOps(change.patch)).toEqual([]);
      expect(change.summary).toContain('“本轮进展情况”未写入：');
      expect(change.summary).toContain('研判');
      // the other cells are pasted
      expect(change.patch.ops.some((o) => o.table === 'measures')).toBe(true);
    }
  });
});
