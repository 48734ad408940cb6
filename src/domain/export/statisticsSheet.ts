import { diffSnapshots, type MeasureDiff } from '../cycle/diff';
import { takeSnapshot } from '../cycle/snapshot';
import { listStatistics, percentText, UNFILLED, type ListStatistics, type ResponsibilityCount } from '../cycle/statistics';
import type { Snapshot } from '../cycle/types';
import type { DeadlineReading } from '../deadlineReading';
import { byId, namesFor } from '../directory';
import { forEachRow } from '../rows';
import { levelKey, levelRank } from '../riskLevel';
import { statusOptionsOf } from '../status';
import type { Directory, Id, ListContent } from '../types';
import { fitCellText } from './excelLimits';
import { pageFor, rowBreaks, type RowBlock } from './pageLayout';
import { headingHeight, heightFor, wrappedLines } from './textWidth';
import type { CellStyle, SheetSpec, SpecCell, SpecMerge, SpecRow } from './workbookSpec';

/** The round the figures are counted from (本轮新增 and 本轮销号): the latest held one before the list or round exported. */
export interface StatisticsSince {
  name: string;
  date: string; // YYYY-MM-DD
  snapshot: Snapshot;
}

export interface ClosedMeasure {
  measureId: Id;
  serial: number;
  measure: string;
  departments: string[];
  date: string; // 销号日期
}

export interface NewMeasure {
  measureId: Id;
  serial: number;
  measure: string;
  departments: string[];
  leaders: string[];
}

/** What the 统计汇总 sheet shows: the 通报's figures (listStatistics), with what was closed and added since `since`. */
export interface StatisticsFigures {
  stats: ListStatistics;
  /** the measures the 完成率 counts as finished (已完成, 已销号 …) */
  completed: number;
  /** 本轮销号: closed since the round (by closure record, as the 通报 counts them); without a round, every closure of the period */
  closed: ClosedMeasure[];
  /** 本轮新增: measures not in the round's snapshot; null without a round to compare with */
  added: NewMeasure[] | null;
  since: StatisticsSince | null;
}

export function statisticsFigures(content: ListContent, directory: Directory, reading: DeadlineReading, since?: StatisticsSince | null): StatisticsFigures {
  const stats = listStatistics(content, directory, reading);
  // byStatus holds the statuses as counted (closure records as 已销号): its finished ones are the 完成率's numerator
  const completed = Object.entries(stats.byStatus).reduce((n, [status, count]) => (reading.isCompleted(status) ? n + count : n), 0);
  const serialOf = new Map<Id, number>();
  forEachRow(content.problems, content.measures, (_p, m, serial) => {
    if (m) serialOf.set(m.id, serial);
  });
  const people = byId([...directory.departments, ...directory.leaders]);
  const measureById = new Map(content.measures.map((m) => [m.id, m]));
  const real = (d: MeasureDiff) => !!d.measure.trim(); // a blank row is no measure (as listStatistics counts)
  if (!since) {
    const closed = content.measures
      .filter((m) => m.closed && m.text.trim() && serialOf.has(m.id))
      .map((m) => ({ measureId: m.id, serial: serialOf.get(m.id)!, measure: m.text, departments: namesFor(people, m.departmentIds), date: m.closed!.date }))
      .sort((a, b) => a.serial - b.serial);
    return { stats, completed, closed, added: null, since: null };
  }
  const diff = diffSnapshots(since.snapshot, takeSnapshot(content, directory, 'statistics', 0));
  const closed = diff.closed.filter(real).map((d) => ({
    measureId: d.measureId,
    serial: serialOf.get(d.measureId) ?? 0,
    measure: d.measure,
    departments: d.departments,
    date: measureById.get(d.measureId)?.closed?.date ?? '',
  }));
  const added = diff.added.filter(real).map((d) => ({ measureId: d.measureId, serial: serialOf.get(d.measureId) ?? 0, measure: d.measure, departments: d.departments, leaders: d.leaders }));
  return { stats, completed, closed, added, since };
}

const share = (n: number, of: number): string => (of ? percentText(n / of) : '—');

// A4 portrait: 序号 | the names and texts | four figures
const WIDTHS = [7, 37, 10, 10, 10, 10];
const LAST = WIDTHS.length - 1;
const TITLE_PT = 20;

/** Statuses in the list's own order, then the others by count; 未填写 last. */
function statusOrder(content: ListContent, counts: Record<string, number>): [string, number][] {
  const order = new Map(statusOptionsOf(content.list).map((o, i) => [o.name, i]));
  return Object.entries(counts).sort(
    (a, b) =>
      Number(a[0] === UNFILLED) - Number(b[0] === UNFILLED) ||
      (order.get(a[0]) ?? Infinity) - (order.get(b[0]) ?? Infinity) ||
      b[1] - a[1] ||
      a[0].localeCompare(b[0], 'zh-CN'),
  );
}

/** Levels from the highest, others by count, 未填写 last. */
function levelOrder(counts: Record<string, number>): [string, number][] {
  const rank = (k: string) => (k === UNFILLED ? Infinity : levelRank(levelKey(k)));
  return Object.entries(counts).sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
}

/** Departments or leaders in the directory's order (the office's own), the others after. */
function peopleOrder(counts: Record<string, ResponsibilityCount>, names: readonly string[]): [string, ResponsibilityCount][] {
  const order = new Map(names.map((n, i) => [n, i]));
  return Object.entries(counts).sort((a, b) => (order.get(a[0]) ?? Infinity) - (order.get(b[0]) ?? Infinity) || a[0].localeCompare(b[0], 'zh-CN'));
}

/**
 * 统计汇总: the 通报's figures as a sheet for the meeting — 基本情况 (problems, measures, the 完成率, overdue, closed and new
 * since the last held round), the counts by status, level, category, department and leader, and the overdue, closed
 * and new measures by name. The figures are listStatistics', so they equal the 通报's and `cli -- summary`'s. A4
 * portrait, one page wide, each table kept on one page where it fits.
 */
export function statisticsSheet(name: string, title: string, content: ListContent, directory: Directory, figures: StatisticsFigures, today: string): SheetSpec {
  const { stats, completed, closed, added, since } = figures;
  const rows: SpecRow[] = [];
  const merges: SpecMerge[] = [];
  const blocks: RowBlock[] = [];
  const width = (from: number, to: number) => WIDTHS.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const tableWidth = width(0, LAST);

  const heading = `${title}统计汇总`;
  rows.push({ cells: [{ value: fitCellText(heading).text, style: 'title' }], height: headingHeight(wrappedLines(heading, tableWidth, TITLE_PT), TITLE_PT) });
  merges.push({ top: 0, left: 0, bottom: 0, right: LAST, style: 'title' });
  const basis = since ? `对比：${since.name}（${since.date}）` : '对比：尚无已召开的研判轮次';
  const subtitle = `统计日期：${today}${'　'.repeat(3)}${basis}`;
  rows.push({ cells: [{ value: subtitle, style: 'subtitle' }], height: heightFor(wrappedLines(subtitle, tableWidth)) });
  merges.push({ top: 1, left: 0, bottom: 1, right: LAST, style: 'subtitle' });

  /**
   * One row of cells spanning the sheet: each [value, first column, last column, style]. Merged ranges take the
   * style of their cell, so the borders go round the whole of it.
   */
  const line = (parts: [string | number, number, number, CellStyle][]) => {
    const r = rows.length;
    const cells: (SpecCell | null)[] = Array(WIDTHS.length).fill(null);
    let lines = 1;
    for (const [value, from, to, style] of parts) {
      const v = typeof value === 'string' ? fitCellText(value).text : value;
      cells[from] = { value: v, style };
      if (to > from) merges.push({ top: r, left: from, bottom: r, right: to, style });
      lines = Math.max(lines, wrappedLines(String(v), width(from, to)));
    }
    rows.push({ cells, height: Math.max(22, heightFor(lines)) });
  };
  let section = 0;
  const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const table = (caption: string, header: [string, number, number][], body: [string | number, number, number, CellStyle][][]) => {
    const start = rows.length;
    rows.push({ cells: [], height: 10 });
    const text = `${NUMBERS[section++] ?? section}、${caption}`;
    rows.push({ cells: [{ value: text, style: 'section' }], height: 26 });
    merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: LAST, style: 'section' });
    line(header.map(([h, from, to]) => [h, from, to, 'header']));
    rows[rows.length - 1]!.height = Math.max(26, rows[rows.length - 1]!.height!);
    for (const b of body) line(b);
    blocks.push({ start, end: rows.length - 1 });
  };
  const none = (text: string): [string, number, number, CellStyle][][] => [[[text, 0, LAST, 'bodyCenter']]];

  // 一、基本情况
  const levelsText = levelOrder(stats.byLevel)
    .filter(([k]) => k !== UNFILLED)
    .map(([k, n]) => `${k} ${n} 个`)
    .join('、');
  const sinceText = since ? `自“${since.name}”以来` : '';
  table(
    '基本情况',
    [
      ['项目', 0, 1],
      ['数量', 2, 2],
      ['说明', 3, LAST],
    ],
    [
      [['风险问题', 0, 1, 'body'], [stats.problems, 2, 2, 'bodyCenter'], [levelsText, 3, LAST, 'body']],
      [['防控措施', 0, 1, 'body'], [stats.measures, 2, 2, 'bodyCenter'], ['各进展的条数见“按进展情况统计”', 3, LAST, 'body']],
      [['完成率', 0, 1, 'body'], [percentText(stats.completionRate), 2, 2, 'bodyCenter'], [`已完成、已销号 ${completed} 条 / 措施 ${stats.measures} 条`, 3, LAST, 'body']],
      [['逾期未完成', 0, 1, 'body'], [stats.overdue.length, 2, 2, 'bodyCenter'], ['已过完成时限、尚未完成的措施', 3, LAST, 'body']],
      [[since ? '本轮销号' : '本期销号', 0, 1, 'body'], [closed.length, 2, 2, 'bodyCenter'], [since ? `${sinceText}销号的措施` : '有销号记录的措施', 3, LAST, 'body']],
      [['本轮新增', 0, 1, 'body'], [added ? added.length : '—', 2, 2, 'bodyCenter'], [added ? `${sinceText}新增的措施` : '尚无已召开的研判轮次，不统计新增', 3, LAST, 'body']],
      [['责任部门', 0, 1, 'body'], [Object.keys(stats.byDepartment).length, 2, 2, 'bodyCenter'], ['承担措施的部门', 3, LAST, 'body']],
      [['责任领导', 0, 1, 'body'], [Object.keys(stats.byLeader).length, 2, 2, 'bodyCenter'], ['负责措施的领导', 3, LAST, 'body']],
    ],
  );

  const counts = (label: string, unit: string, entries: [string, number][], total: number) =>
    table(
      `按${label}统计`,
      [
        [label, 0, 1],
        [unit, 2, 2],
        ['占比', 3, LAST],
      ],
      entries.length
        ? [
            ...entries.map(([k, n]): [string | number, number, number, CellStyle][] => [[k, 0, 1, 'body'], [n, 2, 2, 'bodyCenter'], [share(n, total), 3, LAST, 'bodyCenter']]),
            [['合计', 0, 1, 'header'], [total, 2, 2, 'bodyCenter'], [total ? '100.0%' : '—', 3, LAST, 'bodyCenter']],
          ]
        : none('无'),
    );
  counts('进展情况', '措施数', statusOrder(content, stats.byStatus), stats.measures);
  counts('风险等级', '问题数', levelOrder(stats.byLevel), stats.problems);
  // only the problems with a 类别 are counted (a list without categories has no such table)
  const categories = Object.entries(stats.byCategory).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  if (categories.length) {
    const blank = stats.problems - categories.reduce((s, [, n]) => s + n, 0);
    counts('类别', '问题数', blank ? [...categories, [UNFILLED, blank]] : categories, stats.problems);
  }

  const responsibility = (label: string, entries: [string, ResponsibilityCount][]) =>
    table(
      `按${label}统计`,
      [
        [label, 0, 1],
        ['措施数', 2, 2],
        ['已完成', 3, 3],
        ['逾期', 4, 4],
        ['完成率', 5, 5],
      ],
      entries.length
        ? entries.map(([k, c]) => [
            [k || '（未命名）', 0, 1, 'body'],
            [c.measures, 2, 2, 'bodyCenter'],
            [c.done, 3, 3, 'bodyCenter'],
            [c.overdue, 4, 4, 'bodyCenter'],
            [share(c.done, c.measures), 5, 5, 'bodyCenter'],
          ])
        : none(`没有填写${label}的措施`),
    );
  responsibility('责任部门', peopleOrder(stats.byDepartment, directory.departments.map((d) => d.name)));
  responsibility('责任领导', peopleOrder(stats.byLeader, directory.leaders.map((l) => l.name)));

  const departmentsOf = new Map(content.measures.map((m) => [m.id, m.departmentIds]));
  const people = byId([...directory.departments, ...directory.leaders]);
  table(
    '逾期未完成的措施',
    [
      ['序号', 0, 0],
      ['措施清单', 1, 1],
      ['完成时限', 2, 2],
      ['责任部门', 3, LAST],
    ],
    stats.overdue.length
      ? stats.overdue.map((o) => [
          [o.serial, 0, 0, 'bodyCenter'],
          [o.measure, 1, 1, 'body'],
          [o.deadline, 2, 2, 'bodyCenter'],
          [namesFor(people, departmentsOf.get(o.measureId) ?? []).join('、'), 3, LAST, 'body'],
        ])
      : none('无逾期未完成的措施'),
  );
  table(
    since ? `本轮销号的措施（${sinceText}）` : '本期销号的措施',
    [
      ['序号', 0, 0],
      ['措施清单', 1, 1],
      ['销号日期', 2, 3],
      ['责任部门', 4, LAST],
    ],
    closed.length
      ? closed.map((c) => [
          [c.serial, 0, 0, 'bodyCenter'],
          [c.measure, 1, 1, 'body'],
          [c.date, 2, 3, 'bodyCenter'],
          [c.departments.join('、'), 4, LAST, 'body'],
        ])
      : none('无'),
  );
  table(
    since ? `本轮新增的措施（${sinceText}）` : '本轮新增的措施',
    [
      ['序号', 0, 0],
      ['措施清单', 1, 1],
      ['责任部门', 2, 3],
      ['责任领导', 4, LAST],
    ],
    added === null
      ? none('尚无已召开的研判轮次，不统计新增')
      : added.length
        ? added.map((a) => [
            [a.serial, 0, 0, 'bodyCenter'],
            [a.measure, 1, 1, 'body'],
            [a.departments.join('、'), 2, 3, 'body'],
            [a.leaders.join('、'), 4, LAST, 'body'],
          ])
        : none('无'),
  );

  const page = pageFor(WIDTHS, false);
  const heights = rows.map((r) => r.height ?? 15);
  return {
    name,
    columnWidths: WIDTHS,
    rows,
    merges,
    blocks,
    print: { landscape: false, scale: page.scale, rowBreaks: rowBreaks(heights, blocks, 0, page), footer: '&C第 &P 页 共 &N 页' },
  };
}
