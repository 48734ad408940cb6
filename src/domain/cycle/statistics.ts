import { countedStatus, DEFAULT_STATUSES, isCompletedStatus, isDoneStatus } from '../status';
import { forEachRow } from '../rows';
import { LevelTally } from '../riskLevel';
import type { Directory, Id, ListContent, Measure } from '../types';

/** Per department or leader: how many measures it has, how many are done, how many are past their due date. */
export interface ResponsibilityCount {
  measures: number;
  done: number;
  overdue: number;
}

export interface OverdueMeasure {
  measureId: Id;
  problemId: Id;
  serial: number;
  measure: string;
  deadline: string;
  due: string;
}

export interface ListStatistics {
  problems: number;
  measures: number;
  /** measures by their status as written (a measure closed by record as 已销号); “未填写” for none */
  byStatus: Record<string, number>;
  /** problems by their 风险等级 (一级, Ⅰ级 and I级 as one, shown as the list writes it most); “未填写” for none */
  byLevel: Record<string, number>;
  byCategory: Record<string, number>;
  byDepartment: Record<string, ResponsibilityCount>;
  byLeader: Record<string, ResponsibilityCount>;
  /** measures done (已完成, 已销号 — by text or by closure record — and their usual synonyms) over all measures, 0 for a list without measures */
  completionRate: number;
  overdue: OverdueMeasure[];
}

export interface StatisticsOptions {
  today: string; // YYYY-MM-DD
  dueDate?: (deadline: string, today: string) => string | null;
  isDone?: (status: string) => boolean;
  /** statuses of finished work (the list's own); the default statuses' otherwise */
  isCompleted?: (status: string) => boolean;
}

export const UNFILLED = '未填写';

/** 66.7%: a rate as the 通报, the 研判材料 and the 统计汇总 write it. */
export const percentText = (rate: number): string => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/** With the default statuses: finished work, counted in the 完成率 (长期坚持 is never overdue, but not completed). */
export const isCompleted = (status: string): boolean => isCompletedStatus(DEFAULT_STATUSES, status);
const isDoneLike = (status: string): boolean => isDoneStatus(DEFAULT_STATUSES, status);

/**
 * The figures of a 通报 or a 研判会: counts by status, level, category, department and leader, the completion rate and
 * the overdue measures, in one pass over the list's rows.
 */
export function listStatistics(content: ListContent, directory: Directory, options: StatisticsOptions): ListStatistics {
  const deptName = new Map(directory.departments.map((d) => [d.id, d.name]));
  const leaderName = new Map(directory.leaders.map((l) => [l.id, l.name]));
  const notOverdue = options.isDone ?? isDoneLike;
  const stats: ListStatistics = {
    problems: content.problems.length,
    measures: 0,
    byStatus: {},
    byLevel: {},
    byCategory: {},
    byDepartment: {},
    byLeader: {},
    completionRate: 0,
    overdue: [],
  };
  let completed = 0;
  const levels = new LevelTally();
  const bump = (map: Record<string, number>, key: string) => (map[key || UNFILLED] = (map[key || UNFILLED] ?? 0) + 1);
  const responsible = (map: Record<string, ResponsibilityCount>, name: string, done: boolean, overdue: boolean) => {
    const entry = (map[name] ??= { measures: 0, done: 0, overdue: 0 });
    entry.measures++;
    if (done) entry.done++;
    if (overdue) entry.overdue++;
  };
  forEachRow(content.problems, content.measures, (problem, measure: Measure | null, serial, index) => {
    if (index === 0) {
      levels.add(problem.level.trim() || UNFILLED);
      if (problem.category.trim()) bump(stats.byCategory, problem.category.trim());
    }
    // a blank measure (a new problem's first row, a table's empty cell) is no measure yet
    if (!measure || !measure.text.trim()) return;
    stats.measures++;
    // a measure closed by record is 已销号 whatever its text says (status.ts countedStatus)
    const status = countedStatus(measure);
    bump(stats.byStatus, status);
    const done = (options.isCompleted ?? isCompleted)(status);
    if (done) completed++;
    const due = options.dueDate && measure.deadline.trim() ? options.dueDate(measure.deadline.trim(), options.today) : null;
    const overdue = !!due && due < options.today && !notOverdue(status);
    if (overdue) {
      stats.overdue.push({ measureId: measure.id, problemId: problem.id, serial, measure: measure.text, deadline: measure.deadline, due: due! });
    }
    for (const id of measure.departmentIds) responsible(stats.byDepartment, deptName.get(id) ?? '', done, overdue);
    for (const id of measure.leaderIds) responsible(stats.byLeader, leaderName.get(id) ?? '', done, overdue);
  });
  const { [UNFILLED]: unfilled, ...byLevel } = levels.counts();
  stats.byLevel = unfilled ? { ...byLevel, [UNFILLED]: unfilled } : byLevel;
  stats.completionRate = stats.measures ? Math.round((completed / stats.measures) * 10000) / 10000 : 0;
  return stats;
}
