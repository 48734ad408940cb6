import { describe, expect, it } from 'vitest';
import { checkList } from '../../src/domain/review/checkList';
import type { Finding } from '../../src/domain/review/types';
import type { ListContent } from '../../src/domain/types';
import { fixture, makeMeasure, makeProblem } from './helpers';

const TODAY = '2026-12-02';
// a stand-in for the deadline parser: ISO dates only (the parser has its own tests)
const dueDate = (text: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);

const rulesAt = (findings: Finding[], measureId: string | null, problemId?: string): string[] =>
  findings.filter((f) => f.measureId === measureId && (problemId === undefined || f.problemId === problemId)).map((f) => f.rule).sort();

function withRows(edit: (c: ListContent) => void) {
  const { content, directory } = fixture();
  edit(content);
  return { findings: checkList(content, directory, { today: TODAY, dueDate }), content, directory };
}

describe('checkList', () => {
  it('finds what the fixture lacks: leaders, deadlines and the measures of p3', () => {
    const { findings } = withRows(() => {});
    expect(rulesAt(findings, 'm11')).toEqual(['measure-no-deadline']);
    expect(rulesAt(findings, 'm12')).toEqual(['measure-no-deadline', 'measure-no-leader']);
    expect(rulesAt(findings, 'm21')).toEqual(['measure-no-leader']);
    expect(rulesAt(findings, null, 'p3')).toEqual(['problem-no-measure']);
    expect(findings.every((f) => f.listId === 'list1' && f.message.length > 10)).toBe(true);
  });

  it('finds no overdue measure among those closed by record, whatever their status text says', () => {
    const late = (closed: boolean) =>
      withRows((c) => {
        c.measures[0] = { ...c.measures[0]!, deadline: '2026-06-30', status: '推进中', closed: closed ? { date: '2026-07-01', note: '验收合格', by: '王', at: 1 } : null };
      });
    expect(late(false).findings.filter((f) => f.rule === 'overdue').map((f) => f.measureId)).toEqual(['m11']);
    expect(late(true).findings.filter((f) => f.rule === 'overdue')).toEqual([]);
  });

  it('flags empty texts, with their severities', () => {
    const { findings } = withRows((c) => {
      c.problems[1] = { ...c.problems[1]!, text: '  ' };
      c.measures.push(makeMeasure('m13', 'p1', '', 3072, { departmentIds: ['d-dangban'] }));
    });
    const empty = findings.find((f) => f.rule === 'problem-empty')!;
    expect(empty).toMatchObject({ problemId: 'p2', measureId: null, field: 'problem', severity: 'error' });
    expect(rulesAt(findings, 'm13')).toEqual(['measure-empty']);
  });

  it('flags duplicates after normalisation, pointing at the first one', () => {
    const { findings } = withRows((c) => {
      c.problems.push(makeProblem('p4', '4. 校园网络阵地管理不严。', 4096));
      c.measures.push(makeMeasure('m41', 'p4', '清理新媒体账号！', 1024, { departmentIds: ['d-dangban'], leaderIds: ['l-zhang'], deadline: '长期坚持' }));
    });
    const dup = findings.find((f) => f.rule === 'problem-duplicate')!;
    expect(dup.problemId).toBe('p4');
    expect(dup.message).toContain('第 1 个问题');
    expect(rulesAt(findings, 'm41')).toEqual(['measure-duplicate']);
  });

  it('flags a measure written as a question or a risk, and a vague one, but not both for one measure', () => {
    const { findings } = withRows((c) => {
      c.measures[0] = { ...c.measures[0]!, text: '各部门是否有力组织教职工进行了深入学习，可能存在对条文规定不知晓的情况。', deadline: '长期坚持' };
      c.measures[2] = { ...c.measures[2]!, text: '进一步加强管理', leaderIds: ['l-zhang'] };
    });
    const q = findings.find((f) => f.measureId === 'm11' && f.rule === 'measure-not-actionable')!;
    expect(q.message).toContain('问句');
    expect(rulesAt(findings, 'm11')).toEqual(['measure-not-actionable']);
    expect(rulesAt(findings, 'm21')).toEqual(['measure-vague']);
  });

  it('flags a leader who supervises none of the measure’s departments, but not the 书记 or a missing 分工', () => {
    const { findings } = withRows((c) => {
      c.measures[0] = { ...c.measures[0]!, departmentIds: ['d-deyu'], leaderIds: ['l-zhang'], deadline: '长期坚持' }; // 书记: first responsible
      c.measures[1] = { ...c.measures[1]!, departmentIds: ['d-dangban'], leaderIds: ['l-wang'], deadline: '长期坚持' }; // 党办 is 张's
      c.measures[2] = { ...c.measures[2]!, departmentIds: ['d-jiaowu'], leaderIds: ['l-wang'] }; // 教务处 has no 分管领导 recorded
    });
    expect(rulesAt(findings, 'm11')).toEqual([]);
    const drift = findings.find((f) => f.rule === 'leader-not-supervisor')!;
    expect(drift).toMatchObject({ measureId: 'm12', field: 'leaders', severity: 'warning' });
    expect(drift.message).toContain('王海燕');
    expect(drift.message).toContain('党办');
    expect(rulesAt(findings, 'm21')).toEqual([]);
  });

  it('flags a measure past its due date unless its status is done', () => {
    const { findings } = withRows((c) => {
      c.measures[0] = { ...c.measures[0]!, deadline: '2026-06-30', status: '推进中' };
      c.measures[1] = { ...c.measures[1]!, deadline: '2026-06-30', status: '已完成', leaderIds: ['l-zhang'] };
      c.measures[2] = { ...c.measures[2]!, deadline: '2027-06-30', leaderIds: ['l-zhang'] };
    });
    expect(rulesAt(findings, 'm11')).toEqual(['overdue']);
    expect(findings.find((f) => f.rule === 'overdue')!.message).toContain('2026-06-30');
    expect(rulesAt(findings, 'm12')).toEqual([]);
    expect(rulesAt(findings, 'm21')).toEqual([]);
  });

  it('checks 20,000 measures in one pass', () => {
    const { content, directory } = fixture();
    const problems = [];
    const measures = [];
    for (let i = 0; i < 5000; i++) {
      problems.push(makeProblem(`p${i}`, `第${i}个年级家长群内可能出现不实信息传播`, i));
      for (let k = 0; k < 4; k++) measures.push(makeMeasure(`m${i}-${k}`, `p${i}`, `每月组织第${i}-${k}次家长会解读政策`, k, { departmentIds: ['d-deyu'], leaderIds: ['l-wang'], deadline: '2027-06-30' }));
    }
    const findings = checkList({ ...content, problems, measures }, directory, { today: TODAY, dueDate });
    expect(findings).toEqual([]);
  });
});

describe('checkImport', () => {
  it('points findings at the Excel rows and counts every rule', async () => {
    const { checkImport } = await import('../../src/domain/review/checkImport');
    const rows = [
      { problem: '网络舆情', measure: '进一步加强管理', departments: ['党办'], leaders: ['张书记'], deadline: '长期坚持', excelRow: 3, sheet: 'S' },
      { problem: '', measure: '是否开展了主题教育？', departments: [], leaders: [], deadline: '2026-06-30', excelRow: 4, sheet: 'S' },
    ];
    const check = checkImport(rows, 'x.xlsx', { today: TODAY, dueDate });
    const at = (row: number) => check.findings.filter((f) => f.row === row).map((f) => f.rule).sort();
    expect(at(3)).toEqual(['measure-vague', 'problem-vague']);
    expect(at(4)).toEqual(['measure-no-department', 'measure-no-leader', 'measure-not-actionable', 'overdue']);
    expect(check.findings.every((f) => f.sheet === 'S')).toBe(true);
    expect(check.counts['measure-vague']).toBe(1);
    expect(check.counts['problem-empty']).toBe(0);
    expect(check.severityCounts).toEqual({ error: 2, warning: 4 });
  });
});

describe('leader review and dismissed findings', () => {
  it('a dismissed finding is kept with its reason; restoring it brings it back', async () => {
    const { dismissFinding, restoreFinding } = await import('../../src/domain/review/leaderReview');
    const { applyToWorld, contentOf, worldOf } = await import('./helpers');
    const { content, directory } = fixture();
    const m = content.measures[2]!;
    let world = applyToWorld(worldOf(content, directory), dismissFinding({ kind: 'measure', record: m }, 'measure-no-leader', '由校长统一负责', 7));
    let findings = checkList(contentOf(world, 'list1'), directory, { today: TODAY });
    expect(findings.find((f) => f.measureId === 'm21' && f.rule === 'measure-no-leader')!.dismissed).toEqual({ reason: '由校长统一负责', at: 7 });
    world = applyToWorld(world, restoreFinding({ kind: 'measure', record: contentOf(world, 'list1').measures.find((x) => x.id === 'm21')! }, 'measure-no-leader'));
    findings = checkList(contentOf(world, 'list1'), directory, { today: TODAY });
    expect(findings.find((f) => f.measureId === 'm21' && f.rule === 'measure-no-leader')!.dismissed).toBeUndefined();
    expect(() => dismissFinding({ kind: 'measure', record: m }, 'measure-no-leader', ' ')).toThrow(/理由/);
  });

  it('a leader reviews the measures naming them and those of the departments they supervise', async () => {
    const { leaderScope, markReview, reviewCounts, reviewingLeaders } = await import('../../src/domain/review/leaderReview');
    const { applyToWorld, contentOf, worldOf } = await import('./helpers');
    const { content, directory } = fixture();
    expect(leaderScope(content, directory, 'l-wang').map((m) => m.id)).toEqual(['m12']); // 德育处 is 王's
    expect(leaderScope(content, directory, 'l-zhang').map((m) => m.id)).toEqual(['m11', 'm12']);
    expect(reviewingLeaders(content, directory).map((l) => l.name)).toEqual(['张建国', '王海燕']);
    const mine = leaderScope(content, directory, 'l-zhang');
    let world = applyToWorld(worldOf(content, directory), markReview([mine[0]!], 'approved', '', '张建国', 1));
    world = applyToWorld(world, markReview([mine[1]!], 'returned', '写明审核频次', '张建国', 2));
    const after = leaderScope(contentOf(world, 'list1'), directory, 'l-zhang');
    expect(after.map((m) => m.review)).toEqual([
      { state: 'approved', comment: '', by: '张建国', at: 1 },
      { state: 'returned', comment: '写明审核频次', by: '张建国', at: 2 },
    ]);
    expect(reviewCounts(after)).toEqual({ pending: 0, approved: 1, returned: 1 });
    expect(() => markReview(after, 'returned', '', '张建国')).toThrow(/写明/);
  });
  it('a leader’s review page groups their measures under their problems, with the list’s 序号 and the open findings', async () => {
    const { leaderReviewSheet } = await import('../../src/domain/review/leaderReviewSheet');
    const { content, directory } = fixture();
    const findings = checkList(content, directory, { today: TODAY, dueDate });
    const dismissedOne = findings.map((f) => (f.measureId === 'm11' ? { ...f, dismissed: { reason: '长期工作', at: 1 } } : f));
    const wang = leaderReviewSheet(content, directory, 'l-wang', dismissedOne);
    expect(wang.scope.map((m) => m.id)).toEqual(['m12']);
    expect(wang.problems.map((g) => [g.serial, g.measures.map((m) => m.measure.id)])).toEqual([[1, ['m12']]]);
    expect(wang.problems[0]!.measures[0]!.departments).toBe('党办、德育处');
    expect(wang.problems[0]!.measures[0]!.findings.map((f) => f.rule).sort()).toEqual(['measure-no-deadline', 'measure-no-leader']);
    const office = leaderReviewSheet(content, directory, null, dismissedOne);
    expect(office.scope).toHaveLength(content.measures.length);
    // p3 has no measure, so it is no group of the page; the finding about it is the panel's
    expect(office.problems.map((g) => g.serial)).toEqual([1, 2]);
    expect(office.problems[0]!.measures[0]!.findings).toEqual([]); // m11's only finding was dismissed
  });
});

describe('研判 material', () => {
  it('lays out a leader’s risks and measures as the report’s paragraphs, with the open findings', async () => {
    const { analysisMaterial } = await import('../../src/domain/review/analysisMaterial');
    const { leaderScope } = await import('../../src/domain/review/leaderReview');
    const { listStatistics } = await import('../../src/domain/cycle/statistics');
    const { documentText } = await import('../../src/domain/cycle/bulletinText');
    const { content, directory } = fixture();
    const scope = leaderScope(content, directory, 'l-zhang');
    const ids = new Set(scope.map((m) => m.id));
    const stats = listStatistics({ ...content, measures: scope, problems: content.problems.filter((p) => scope.some((m) => m.problemId === p.id)) }, directory, { today: TODAY });
    const findings = checkList(content, directory, { today: TODAY });
    const doc = analysisMaterial({ content, directory, leader: { id: 'l-zhang', name: '张建国' }, measureIds: ids, stats, findings });
    const text = documentText(doc);
    expect(doc.title).toBe('张建国意识形态分析研判材料');
    expect(text).toContain('张建国分管部门共梳理风险点 1 个、防控措施 2 条');
    expect(doc.sections[1]!.paragraphs).toEqual(['1. 校园网络阵地管理不严（风险等级：高）。']);
    expect(doc.sections[2]!.paragraphs).toEqual(['针对风险点1：', '（1）清理新媒体账号（责任部门：党办）。', '（2）专人审核留言（责任部门：党办、德育处）。']);
    expect(doc.sections[3]!.paragraphs[0]).toContain('缺完成时限 2 条');
  });
});

describe('quick fixes', () => {
  it('fill the 分管领导, merge a repeated problem into the first, drop a repeated measure', async () => {
    const { quickFix } = await import('../../src/domain/review/quickFixes');
    const { applyToWorld, contentOf, worldOf } = await import('./helpers');
    const { content, directory } = fixture();
    content.problems.push(makeProblem('p4', '4. 校园网络阵地管理不严', 4096));
    content.measures.push(makeMeasure('m41', 'p4', '每周巡查校园网留言', 1024, { departmentIds: ['d-deyu'] }));
    content.measures.push(makeMeasure('m42', 'p4', '清理新媒体账号', 2048, { departmentIds: ['d-dangban'] }));
    const findings = checkList(content, directory, { today: TODAY });
    const fix = (rule: string, measureId: string | null) => quickFix(findings.find((f) => f.rule === rule && f.measureId === measureId)!, content, directory);

    const leader = fix('measure-no-leader', 'm41')!;
    expect(leader.label).toBe('填入分管领导“王海燕”');
    expect(contentOf(applyToWorld(worldOf(content, directory), leader.patch), 'list1').measures.find((m) => m.id === 'm41')!.leaderIds).toEqual(['l-wang']);
    expect(fix('measure-no-leader', 'm21')).toBeNull(); // 教务处 has no 分管领导 recorded

    const merged = contentOf(applyToWorld(worldOf(content, directory), fix('problem-duplicate', null)!.patch), 'list1');
    expect(merged.problems.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(merged.measures.filter((m) => m.problemId === 'p1').map((m) => m.id)).toEqual(['m11', 'm12', 'm41', 'm42']);

    const dropped = contentOf(applyToWorld(worldOf(content, directory), fix('measure-duplicate', 'm42')!.patch), 'list1');
    expect(dropped.measures.map((m) => m.id)).not.toContain('m42');
  });
});
