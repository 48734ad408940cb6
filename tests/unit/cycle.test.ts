import { describe, expect, it } from 'vitest';
import { carryCounts, startNextPeriod } from '../../src/domain/cycle/carryOver';
import { closeMeasures, closeProblem, reopen } from '../../src/domain/cycle/closure';
import { diffFor, diffNames, diffSnapshots } from '../../src/domain/cycle/diff';
import { takeSnapshot } from '../../src/domain/cycle/snapshot';
import { applyToWorld, contentOf, fixture, worldOf } from './helpers';

const TODAY = '2026-12-02';
const dueDate = (text: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);

describe('snapshots', () => {
  it('keep the names they showed, whatever happens to the directory later', () => {
    const { content, directory } = fixture();
    const snap = takeSnapshot(content, directory, 'r1', 1);
    directory.departments[0] = { ...directory.departments[0]!, name: '党政办' };
    expect(snap.measures.find((m) => m.id === 'm12')!.departments).toEqual(['党办', '德育处']);
    expect(snap.problems.map((p) => [p.serial, p.text])).toEqual([
      [1, '校园网络阵地管理不严'],
      [2, '外请讲座审核把关不严'],
      [3, '宣传栏内容更新不及时'],
    ]);
    expect(snap.list.title).toBe(content.list.title);
  });
});

describe('diffSnapshots', () => {
  it('lists new, removed, closed and changed measures field by field', () => {
    const { content, directory } = fixture();
    const march = takeSnapshot(content, directory, 'r1');
    let world = worldOf(content, directory);
    world = applyToWorld(world, closeMeasures([content.measures[0]!], { date: '2026-09-10', note: '已验收', by: '党办' }));
    world = applyToWorld(world, { label: '', ops: [{ type: 'update', table: 'measures', id: 'm21', changes: { status: '推进中', deadline: '2026年12月底前' } }, { type: 'delete', table: 'measures', id: 'm12' }] });
    world = applyToWorld(world, { label: '', ops: [{ type: 'create', table: 'measures', value: { ...content.measures[2]!, id: 'm31', problemId: 'p3', text: '每月更新宣传栏', order: 1 } }] });
    const september = takeSnapshot(contentOf(world, 'list1'), directory, 'r2');
    const d = diffSnapshots(march, september);
    expect(d.added.map((m) => m.measureId)).toEqual(['m31']);
    expect(d.removed.map((m) => m.measureId)).toEqual(['m12']);
    expect(d.closed.map((m) => m.measureId)).toEqual(['m11']);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.changes).toEqual([
      { field: 'deadline', from: '长期坚持', to: '2026年12月底前' },
      { field: 'status', from: '', to: '推进中' },
    ]);
    expect(diffFor(d, 'departments', '教务处').changed).toHaveLength(1);
    expect(diffFor(d, 'departments', '党办').changed).toHaveLength(0);
    // the filter offers the names the two rounds showed, even one renamed since, in the directory's order
    const named = diffNames(d, 'departments', ['教务处']);
    expect(named[0]).toBe('教务处');
    expect(named).toEqual([...new Set([...d.added, ...d.removed, ...d.closed, ...d.changed].flatMap((m) => m.departments))].sort((a, b) => (a === '教务处' ? -1 : b === '教务处' ? 1 : a.localeCompare(b, 'zh-CN'))));
    expect(diffNames(d, 'departments', ['已撤销的部门'])).not.toContain('已撤销的部门');
  });
});

describe('diffSnapshots and each round’s 进展情况', () => {
  it('compares what two held rounds reported for a measure, and not a round with the list as it is now', () => {
    const { content, directory } = fixture();
    const march = takeSnapshot(content, directory, 'r1', 1, new Map([['m11', '三月：已建台账']]));
    const september = takeSnapshot(content, directory, 'r2', 2, new Map([['m11', '九月：每月核查'], ['m21', '九月：已落实']]));
    expect(diffSnapshots(march, september).changed.map((m) => [m.measureId, m.changes])).toEqual([
      ['m11', [{ field: 'progress', from: '三月：已建台账', to: '九月：每月核查' }]],
      ['m21', [{ field: 'progress', from: '', to: '九月：已落实' }]],
    ]);
    // “now” keeps no round's text: nothing to compare it by
    expect(diffSnapshots(september, takeSnapshot(content, directory, 'now', 3)).changed).toEqual([]);
  });
});

describe('销号 and reopening', () => {
  it('closing a problem closes its open measures; reopening clears the mark', () => {
    const { content, directory } = fixture();
    const patch = closeProblem(content.problems[0]!, content.measures.slice(0, 2), { date: '2026-09-10', note: '整改到位', by: '王海燕' }, 5);
    let world = applyToWorld(worldOf(content, directory), patch);
    const closed = contentOf(world, 'list1');
    expect(closed.problems[0]!.closed).toEqual({ date: '2026-09-10', note: '整改到位', by: '王海燕', at: 5 });
    expect(closed.measures.filter((m) => m.closed).map((m) => m.id)).toEqual(['m11', 'm12']);
    world = applyToWorld(world, reopen({ kind: 'measure', record: closed.measures[0]! }));
    expect(contentOf(world, 'list1').measures[0]!.closed).toBeNull();
    expect(() => closeMeasures(content.measures, { date: '九月', note: '', by: '' })).toThrow(/销号日期/);
  });
});

describe('startNextPeriod', () => {
  it('carries only the open work, statuses reset, links back and flags past deadlines', () => {
    const { content, directory } = fixture();
    let world = worldOf(content, directory);
    world = applyToWorld(world, closeMeasures([content.measures[2]!], { date: '2026-06-01', note: '', by: '' }));
    world = applyToWorld(world, { label: '', ops: [{ type: 'update', table: 'measures', id: 'm11', changes: { status: '推进中', deadline: '2026-06-30' } }] });
    const current = contentOf(world, 'list1');
    const r = startNextPeriod(current, { unit: '示例市第一中学', title: '三清单', period: '2027年上半年' }, { closed: 'skip', status: 'reset', today: TODAY, dueDate });
    const next = contentOf(applyToWorld(world, r.patch), r.list.id);
    expect(next.problems.map((p) => p.text)).toEqual(['校园网络阵地管理不严', '宣传栏内容更新不及时']); // p2's only measure was closed
    expect(next.measures.map((m) => [m.text, m.status, m.carriedFrom])).toEqual([
      ['清理新媒体账号', '未开始', 'm11'],
      ['专人审核留言', '未开始', 'm12'],
    ]);
    expect(next.problems[0]!.carriedFrom).toBe('p1');
    expect(r.pastDeadlines).toEqual([next.measures[0]!.id]);
    expect(r.patch.label).toContain('2 个问题、2 条措施');

    const kept = startNextPeriod(current, { unit: '', title: '三清单', period: '' }, { closed: 'carry-closed', status: 'keep', today: TODAY });
    const all = contentOf(applyToWorld(world, kept.patch), kept.list.id);
    expect(Object.fromEntries(all.measures.map((m) => [m.carriedFrom, [m.status, !!m.closed]]))).toEqual({
      m11: ['推进中', false],
      m12: ['推进中', false],
      m21: ['', true],
    });
  });

  it('leaves behind a measure whose status says 已销号 without a closure record, as the counts take it for closed', () => {
    const { content, directory } = fixture();
    content.measures[1] = { ...content.measures[1]!, status: '已销号' };
    const world = worldOf(content, directory);
    expect(carryCounts(content)).toEqual({ openMeasures: 2, closedMeasures: 1 });
    const r = startNextPeriod(content, { unit: '', title: '下一期', period: '' }, { closed: 'skip', status: 'reset', today: TODAY });
    const next = contentOf(applyToWorld(world, r.patch), r.list.id);
    expect(next.measures.map((m) => m.carriedFrom)).toEqual(['m11', 'm21']);
    // carried for the record, it keeps its 已销号 (not reset to 未开始)
    const kept = startNextPeriod(content, { unit: '', title: '下一期', period: '' }, { closed: 'carry-closed', status: 'reset', today: TODAY });
    const all = contentOf(applyToWorld(world, kept.patch), kept.list.id);
    expect(all.measures.find((m) => m.carriedFrom === 'm12')!.status).toBe('已销号');
  });

  it('a carried list compared with the old one shows its measures as carried', () => {
    const { content, directory } = fixture();
    const r = startNextPeriod(content, { unit: '', title: '下一期', period: '' }, { closed: 'skip', status: 'keep', today: TODAY });
    const next = contentOf(applyToWorld(worldOf(content, directory), r.patch), r.list.id);
    const d = diffSnapshots(takeSnapshot(content, directory, 'a'), takeSnapshot(next, directory, 'b'));
    expect(d.carried).toHaveLength(3);
    expect(d.added).toHaveLength(0);
    expect(d.removed).toHaveLength(0);
  });
});

describe('snapshotContent', () => {
  it('gives back the list as it stood, names as records', async () => {
    const { snapshotContent } = await import('../../src/domain/cycle/snapshot');
    const { buildRows } = await import('../../src/domain/rows');
    const { content, directory } = fixture();
    const snap = takeSnapshot(content, directory, 'r1');
    const again = snapshotContent(snap);
    const names = (ids: string[]) => ids.map((id) => again.directory.departments.find((d) => d.id === id)!.name);
    const rows = buildRows(again.content.problems, again.content.measures);
    expect(rows.map((r) => [r.serial, r.problem, r.measure, names(r.departmentIds)])).toEqual(
      buildRows(content.problems, content.measures).map((r) => [r.serial, r.problem, r.measure, r.departmentIds.map((id) => directory.departments.find((d) => d.id === id)!.name)]),
    );
  });
});

describe('diffWorkbook', () => {
  it('writes one row per change, old → new, readable by ExcelJS', async () => {
    const { diffWorkbook } = await import('../../src/domain/cycle/diffSheet');
    const { writeXlsx } = await import('../../src/xlsx/writeXlsx');
    const ExcelJS = (await import('exceljs')).default;
    const { content, directory } = fixture();
    const before = takeSnapshot(content, directory, 'a');
    const after = takeSnapshot({ ...content, measures: content.measures.map((m) => (m.id === 'm21' ? { ...m, status: '推进中' } : m)) }, directory, 'b');
    const spec = diffWorkbook(diffSnapshots(before, after), '两轮对比', '2026年上半年研判会 → 当前');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writeXlsx(spec)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual([undefined, '类别', '问题清单', '措施清单', '责任部门', '责任领导', '变化项', '原内容', '现内容']);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['变化', '外请讲座审核把关不严', '落实“一会一报”', '教务处', undefined, '进展/状态', undefined, '推进中']); // empty cells are not written
  });
});
