import { describe, expect, it } from 'vitest';
import { mergePatch, type CopySource } from '../../src/domain/consolidate/applyMerge';
import { mergedRows, type Resolution } from '../../src/domain/consolidate/decisions';
import { BaseIndex } from '../../src/domain/consolidate/match';
import { mergeCopies, type CopyInput } from '../../src/domain/consolidate/merge';
import { listRows, type BaseRow } from '../../src/domain/consolidate/model';
import { mergeReport } from '../../src/domain/consolidate/report';
import { similarity } from '../../src/domain/consolidate/similarity';
import type { ImportRow } from '../../src/domain/import/types';
import { namesFor } from '../../src/domain/directory';
import { applyPatchTo, fixture, makeMeasure, makeProblem } from './helpers';

/** A list of two problems and five measures, with departments, as the office keeps it. */
function school() {
  const { directory, content } = fixture();
  content.problems = [
    makeProblem('p1', '校园网络阵地管理不严，个别新媒体账号无人审核', 1024, { level: '高' }),
    makeProblem('p2', '外请讲座、报告会审核把关不严', 2048),
  ];
  content.measures = [
    makeMeasure('m11', 'p1', '全面清理学校各类新媒体账号，建立台账', 1024, { departmentIds: ['d-dangban'], leaderIds: ['l-zhang'] }),
    makeMeasure('m12', 'p1', '安排专人审核公众号留言和评论', 2048, { departmentIds: ['d-deyu'], status: '推进中' }),
    makeMeasure('m13', 'p1', '每月开展一次网络舆情研判', 3072, { departmentIds: ['d-deyu'] }),
    makeMeasure('m21', 'p2', '落实讲座报告会“一会一报”审批制度', 1024, { departmentIds: ['d-jiaowu'], deadline: '长期坚持' }),
    makeMeasure('m22', 'p2', '建立外请专家背景审查和备案机制，并在讲座前进行内容审核', 2048, { departmentIds: ['d-jiaowu', 'd-deyu'] }),
  ];
  return { directory, content, base: listRows(content, directory) };
}

/** The rows a department gets back: ours carry the ids, a retyped table does not. */
function copyRows(base: readonly BaseRow[], withIds: boolean, keep: (r: BaseRow) => boolean = () => true): ImportRow[] {
  return base.filter(keep).map((r, i) => ({
    problem: r.problem,
    measure: r.measure,
    departments: [...r.departments],
    leaders: [...r.leaders],
    level: r.level,
    deadline: r.deadline,
    status: r.status,
    note: r.note,
    excelRow: i + 4,
    ...(withIds ? { ids: { measureId: r.measureId, problemId: r.problemId } } : {}),
  }));
}

describe('similarity', () => {
  it('is 1 for the same text, whatever its numbering, spaces and punctuation', () => {
    expect(similarity('1．全面清理学校各类新媒体账号，建立台账', '全面清理学校各类新媒体账号 建立台账')).toBe(1);
  });
  it('stays high for a reworded measure and low for another one', () => {
    expect(similarity('安排专人审核公众号留言和评论', '安排专人负责审核学校公众号的留言、评论')).toBeGreaterThan(0.5);
    expect(similarity('安排专人审核公众号留言和评论', '每月开展一次网络舆情研判')).toBeLessThan(0.2);
  });
});

describe('matching a copy to the list', () => {
  it('matches by the hidden ids first, in whatever order the rows come back', () => {
    const { base } = school();
    const rows = copyRows(base, true).reverse();
    rows[0]!.measure = '完全不同的文字，但仍是同一行'; // the id says which row it is
    const matches = new BaseIndex(base).match(rows, 0.6);
    expect(matches.map((m) => m.how)).toEqual(['id', 'id', 'id', 'id', 'id']);
    expect(matches.map((m) => m.baseKey)).toEqual(['m22', 'm21', 'm13', 'm12', 'm11']);
  });

  it('matches a retyped table by text: reordered, reworded; a new row stays new', () => {
    const { base } = school();
    const rows = copyRows(base, false);
    const [a, b, c, d, e] = rows as [ImportRow, ImportRow, ImportRow, ImportRow, ImportRow];
    b.measure = '安排专人负责审核学校公众号的留言、评论'; // reworded
    const fresh: ImportRow = { ...c, measure: '组织师生参加网络安全知识竞赛', excelRow: 20 };
    const matches = new BaseIndex(base).match([e, d, fresh, c, b, a], 0.6);
    expect(matches.map((m) => [m.how, m.baseKey])).toEqual([
      ['text', 'm22'],
      ['text', 'm21'],
      ['new', null],
      ['text', 'm13'],
      ['text', 'm12'],
      ['text', 'm11'],
    ]);
    expect(matches[4]!.score).toBeLessThan(1);
    // a stricter threshold takes the reworded row for a new one
    expect(new BaseIndex(base).match([b], 0.95)[0]!.how).toBe('new');
  });

  it('takes a measure rewritten in place, between rows that match, under its problem, for that measure', () => {
    const { base } = school();
    const rows = copyRows(base, false);
    rows[1]!.measure = '每周巡查一次公众号后台';
    const matches = new BaseIndex(base).match(rows, 0.6);
    expect(matches.map((m) => m.baseKey)).toEqual(['m11', 'm12', 'm13', 'm21', 'm22']);
    // not under another problem
    rows[1]!.problem = '另一个问题';
    expect(new BaseIndex(base).match(rows, 0.6)[1]!.how).toBe('new');
  });

  it('takes the pieces of a measure split in two rows as one change and one split', () => {
    const { base } = school();
    const rows = copyRows(base, false, (r) => r.measureId === 'm22');
    const part1 = { ...rows[0]!, measure: '建立外请专家背景审查和备案机制' };
    const part2 = { ...rows[0]!, measure: '在讲座前进行内容审核', excelRow: rows[0]!.excelRow + 1 };
    const matches = new BaseIndex(base).match([part1, part2], 0.6);
    expect(matches.map((m) => [m.how, m.baseKey])).toEqual([
      ['text', 'm22'],
      ['split', 'm22'],
    ]);
    // and a row copied in Excel with its hidden id cell is a split of that row too
    const withIds = copyRows(base, true, (r) => r.measureId === 'm22');
    const dup = new BaseIndex(base).match([{ ...withIds[0]!, measure: '建立外请专家背景审查和备案机制' }, { ...withIds[0]!, measure: '在讲座前进行内容审核' }], 0.6);
    expect(dup.map((m) => m.how)).toEqual(['id', 'split']);
  });
});

describe('merging copies', () => {
  it('lists per copy the unchanged rows, the changes field by field, the new and the missing rows', () => {
    const { base, directory } = school();
    const rows = copyRows(base, true, (r) => r.departments.includes('德育处'));
    // 德育处 gets m12, m13, m22; changes m12's status, drops m13, adds a row under p1
    rows[0]!.status = '已完成';
    rows.splice(1, 1);
    rows.push({ ...rows[0]!, measure: '建立网评员队伍', status: '', ids: undefined, excelRow: 9 });
    const copy: CopyInput = { file: '德育处.xlsx', rows, title: '示例市第一中学三清单（德育处）' };
    const r = mergeCopies(base, [copy], { directory });
    const c = r.copies[0]!;
    expect(c.department).toBe('德育处');
    expect(c.unchanged).toBe(1); // m22
    expect(c.proposals.map((p) => [p.baseKey, p.field, p.from, p.to])).toEqual([['m12', 'status', '推进中', '已完成']]);
    const problemOf = (key: string | null) => base.find((x) => x.key === key)?.problemId;
    expect(c.added.map((a) => [a.values.measure, problemOf(a.underKey), a.values.problem])).toEqual([['建立网评员队伍', 'p1', base[0]!.problem]]);
    // missing is counted against the department's own rows, and nothing is deleted unless chosen
    expect(c.missing.map((m) => m.baseKey)).toEqual(['m13']);
    const merged = mergedRows(r, {}, directory);
    expect(merged.map((m) => m.measure)).toContain('每月开展一次网络舆情研判');
    expect(merged.filter((m) => m.added).map((m) => m.measure)).toEqual(['建立网评员队伍']);
    expect(mergedRows(r, { deletions: new Set([c.missing[0]!.id]) }, directory).map((m) => m.measure)).not.toContain('每月开展一次网络舆情研判');
    // the row added under p1 comes after p1's last measure
    expect(merged.map((m) => m.measure).indexOf('建立网评员队伍')).toBe(3);
  });

  it('a part that names no department is taken for the one department all its rows share', () => {
    const { base, directory } = school();
    const rows = copyRows(base, false, (r) => r.departments.includes('教务处')).slice(1); // m21 deleted
    const r = mergeCopies(base, [{ file: 'copy1.xlsx', rows }], { directory });
    expect(r.copies[0]!.department).toBe('教务处');
    expect(r.missing.map((m) => m.baseKey)).toEqual(['m21']);
  });

  it('the same change in two copies is one change from both; different changes are a conflict', () => {
    const { base, directory } = school();
    const a = copyRows(base, true);
    const b = copyRows(base, true);
    a[3]!.deadline = '2026年6月底前';
    b[3]!.deadline = '2026年6月底前';
    a[4]!.note = '已报备 3 人';
    b[4]!.note = '已报备 5 人';
    const r = mergeCopies(base, [{ file: 'a.xlsx', rows: a }, { file: 'b.xlsx', rows: b }], { directory });
    expect(r.changes.map((c) => [c.baseKey, c.field, c.to, c.copies])).toEqual([['m21', 'deadline', '2026年6月底前', [0, 1]]]);
    expect(r.conflicts).toHaveLength(1);
    const conflict = r.conflicts[0]!;
    expect([conflict.baseKey, conflict.field, conflict.mine, conflict.appChanged]).toEqual(['m22', 'note', '', false]);
    expect(conflict.values.map((v) => [v.copy, v.value])).toEqual([
      [0, '已报备 3 人'],
      [1, '已报备 5 人'],
    ]);
    // unresolved, the list keeps its value; resolved, the chosen one (or both texts)
    const note = (res?: Resolution) => mergedRows(r, res ? { resolutions: new Map([[conflict.id, res]]) } : {}, directory).find((m) => m.baseKey === 'm22')!.note;
    expect(note()).toBe('');
    expect(note({ choice: 'mine' })).toBe('');
    expect(note({ choice: 'theirs', copy: 1 })).toBe('已报备 5 人');
    expect(note({ choice: 'both' })).toBe('已报备 3 人\n已报备 5 人');
  });

  it('a field changed in the app since it was sent and differently in a copy is a conflict; unchanged in the copy, the app wins', () => {
    const { base, directory } = school();
    const snapshot = Object.fromEntries(base.map(({ key, problemId: _p, measureId: _m, index: _i, ...v }) => [key, v]));
    // since sending, the office set m12 to 已完成 and m13's note
    const now = base.map((r) => (r.key === 'm12' ? { ...r, status: '已完成' } : r.key === 'm13' ? { ...r, note: '每月 5 日前' } : r));
    const rows = copyRows(base, true); // the copy as sent (snapshot values)
    rows[1]!.status = '部分完成'; // the department changed it too
    const r = mergeCopies(now, [{ file: '德育处.xlsx', rows, asSent: true }], { directory, snapshot });
    expect(r.conflicts.map((c) => [c.baseKey, c.field, c.sent, c.mine, c.appChanged, c.values[0]!.value])).toEqual([['m12', 'status', '推进中', '已完成', true, '部分完成']]);
    expect(r.changes).toEqual([]); // m13's note: the copy did not touch it, the app's stays
    // without the snapshot, the base is the list's current value: the copy's old note would look like a change
    const plain = mergeCopies(now, [{ file: '德育处.xlsx', rows }], { directory, snapshot });
    expect(plain.conflicts).toEqual([]);
    expect(plain.changes.map((c) => [c.baseKey, c.field, c.to])).toEqual([
      ['m12', 'status', '部分完成'],
      ['m13', 'note', ''],
    ]);
  });

  it('a problem changed in its merged cell is one change of the problem, not one per row', () => {
    const { base, directory } = school();
    const rows = copyRows(base, true);
    for (const r of rows.slice(0, 3)) r.problem = '校园网络阵地管理不严';
    const r = mergeCopies(base, [{ file: 'x.xlsx', rows }], { directory });
    expect(r.changes.map((c) => [c.target, c.field, c.to])).toEqual([['problem:p1', 'problem', '校园网络阵地管理不严']]);
  });

  it('a row moved under another problem is not a change of its problem', () => {
    const { base, directory } = school();
    const rows = copyRows(base, true);
    rows[2]!.problem = base[3]!.problem; // m13 cut and inserted under p2 in Excel
    const r = mergeCopies(base, [{ file: 'x.xlsx', rows }], { directory });
    expect(r.changes).toEqual([]);
  });

  it('names a department by its alias as the same department, and never by a guess', () => {
    const { base, directory } = school();
    const rows = copyRows(base, false, (r) => r.measureId === 'm12');
    rows[0]!.departments = ['政教处']; // an alias of 德育处: no change
    const r = mergeCopies(base, [{ file: 'x.xlsx', rows }], { directory });
    expect(r.changes).toEqual([]);
    rows[0]!.departments = ['德育'];
    expect(mergeCopies(base, [{ file: 'x.xlsx', rows }], { directory }).changes.map((c) => c.to)).toEqual([['德育']]);
  });
});

describe('applying a merge', () => {
  it('is one patch: changes, resolutions, new rows and chosen deletions; each changed measure names its source', () => {
    const { base, directory, content } = school();
    const a = copyRows(base, true);
    a[1]!.status = '已完成';
    a[3]!.departments = ['教务处', '团委']; // a new department: created once, by its exact name
    a.push({ problem: '宣传思想阵地', measure: '每学期检查一次宣传栏', departments: ['政教处'], leaders: [], excelRow: 30 });
    const b = copyRows(base, true, (r) => r.departments.includes('德育处'));
    b[0]!.status = '部分完成';
    b.splice(1, 1); // m13 missing from 德育处's copy
    const r = mergeCopies(base, [{ file: '全表.xlsx', rows: a }, { file: '德育处.xlsx', rows: b, department: '德育处' }], { directory });
    const conflict = r.conflicts.find((c) => c.baseKey === 'm12')!;
    const sources: CopySource[] = [
      { file: '全表.xlsx', sheets: ['三清单'], department: null, date: '2026-12-02' },
      { file: '德育处.xlsx', sheets: ['德育处'], department: '德育处', date: '2026-12-02' },
    ];
    const missing = r.missing.find((m) => m.baseKey === 'm13')!;
    const patch = mergePatch(content, directory, r, { resolutions: new Map([[conflict.id, { choice: 'theirs', copy: 1 }]]), deletions: new Set([missing.id]) }, sources);
    expect(patch.label).toBe('合并 2 份反馈（全表.xlsx、德育处）');
    const after = applyPatchTo(content, directory, patch);
    const m = (id: string) => after.content.measures.find((x) => x.id === id);
    expect(m('m12')!.status).toBe('部分完成');
    expect(m('m12')!.source).toBe('德育处，“德育处.xlsx”，工作表“德育处”，2026-12-02');
    expect(m('m13')).toBeUndefined();
    const people = new Map([...after.directory.departments, ...after.directory.leaders].map((p) => [p.id, p] as const));
    expect(namesFor(people, m('m21')!.departmentIds)).toEqual(['教务处', '团委']);
    expect(after.directory.departments.filter((d) => d.name === '团委')).toHaveLength(1);
    const added = after.rows.find((x) => x.measure === '每学期检查一次宣传栏')!;
    expect(added.problem).toBe('宣传思想阵地');
    expect(namesFor(people, added.departmentIds)).toEqual(['德育处']); // the alias 政教处
    expect(after.content.measures.find((x) => x.text === '每学期检查一次宣传栏')!.source).toContain('全表.xlsx');
    expect(m('m11')!.source).toBeUndefined(); // untouched rows keep no source
  });
});

describe('new names in a foreign copy', () => {
  it('are created once by their exact name, or, when the user maps one, become that record and its alias', () => {
    const { base, directory, content } = school();
    const rows = copyRows(base, false, (r) => r.measureId === 'm21');
    rows[0]!.departments = ['教学处'];
    const r = mergeCopies(base, [{ file: 'x.xlsx', rows }], { directory });
    const source = [{ file: 'x.xlsx', sheets: [], department: null, date: '2026-12-02' }];
    const created = applyPatchTo(content, directory, mergePatch(content, directory, r, {}, source));
    expect(created.directory.departments.map((d) => d.name)).toContain('教学处');
    const mapped = applyPatchTo(content, directory, mergePatch(content, directory, r, { mapped: new Map([['department:教学处', 'd-jiaowu']]) }, source));
    expect(mapped.directory.departments.map((d) => d.name)).not.toContain('教学处');
    expect(mapped.content.measures.find((m) => m.id === 'm21')!.departmentIds).toEqual(['d-jiaowu']);
    expect(mapped.directory.departments.find((d) => d.id === 'd-jiaowu')!.aliases).toEqual(['教学处']);
  });
});

describe('the merge report', () => {
  it('says what came from whom, what was left to decide, and who did not answer', () => {
    const { base, directory } = school();
    const rows = copyRows(base, true, (r) => r.departments.includes('德育处'));
    rows[0]!.status = '已完成';
    rows.splice(1, 1);
    const r = mergeCopies(base, [{ file: '德育处_三清单.xlsx', rows }], { directory });
    const report = mergeReport(r, {}, directory);
    expect(report.copies).toEqual([{ file: '德育处_三清单.xlsx', department: '德育处', rows: 2, unchanged: 1, changed: 1, added: 0, missing: 1 }]);
    expect(report.lines.map((l) => [l.kind, l.department, l.what, l.field, l.from, l.to])).toEqual([
      ['修改', '德育处', '安排专人审核公众号留言和评论', '进展情况', '推进中', '已完成'],
      ['缺少', '德育处', '每月开展一次网络舆情研判', '', '', ''],
    ]);
    expect(report.notReturned).toEqual(['党办', '教务处']);
  });

  it('shows each side of a conflict and what was chosen', () => {
    const { base, directory } = school();
    const a = copyRows(base, true);
    const b = copyRows(base, true);
    a[3]!.deadline = '6月底前';
    b[3]!.deadline = '7月底前';
    const r = mergeCopies(base, [{ file: 'a.xlsx', rows: a }, { file: 'b.xlsx', rows: b }], { directory });
    const id = r.conflicts[0]!.id;
    const lines = (res?: Resolution) => mergeReport(r, res ? { resolutions: new Map([[id, res]]) } : {}, directory).lines.map((l) => [l.file, l.kind, l.field, l.from, l.to]);
    expect(lines()).toEqual([
      ['a.xlsx', '冲突', '完成时限', '长期坚持', '6月底前（保留本清单）'],
      ['b.xlsx', '冲突', '完成时限', '长期坚持', '7月底前（保留本清单）'],
    ]);
    expect(lines({ choice: 'theirs', copy: 1 })[0]![4]).toBe('6月底前（采用 b.xlsx）');
  });
});
