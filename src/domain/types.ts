import type { StatusOption } from './status';

/**
 * The three lists as records. A measure carries the problem it belongs to and references (ids) to the departments and
 * leaders responsible for it; names live only on Department/Leader, so a rename reaches every row at once.
 */
export type Id = string;

/** A leader's review of a measure in March: 待审核 (none yet), 已审核, or 退回修改 with what to change. */
export interface MeasureReview {
  state: 'approved' | 'returned';
  comment: string;
  by: string; // the reviewing leader's name
  at: number;
}

/** A review finding a user judged to be right as it is (“本校长期工作，无需时限”): kept, shown in the report. */
export interface DismissedFinding {
  rule: string;
  reason: string;
  at: number;
}

/** 销号: who closed a problem or measure, when, and the 验收意见. */
export interface Closure {
  date: string; // YYYY-MM-DD
  note: string;
  by: string;
  at: number;
}

export interface RiskList {
  id: Id;
  unit: string; // 单位名称
  title: string; // 标题
  period: string; // e.g. 2026年上半年
  /** the statuses its 进展/状态 cells offer (status.ts); absent: the defaults */
  statuses?: StatusOption[];
  createdAt: number;
  updatedAt: number;
}

export interface Problem {
  id: Id;
  listId: Id;
  text: string;
  order: number; // position among the list's problems
  level: string; // 风险等级, kept as the user wrote it
  category: string; // 类别
  /** 销号: set when the problem is closed (see cycle/closure.ts) */
  closed?: Closure | null;
  /** the problem of the period before that this one carries on */
  carriedFrom?: Id | null;
  /** findings about this problem dismissed with a reason, by rule id */
  dismissed?: DismissedFinding[];
}

export interface Measure {
  id: Id;
  listId: Id;
  problemId: Id;
  text: string;
  order: number; // position among the problem's measures
  departmentIds: Id[];
  leaderIds: Id[];
  deadline: string; // free text (长期坚持, 2026年6月底前) unless the user enters a date
  status: string;
  note: string;
  /** the worksheet an imported measure came from (one sheet per department is common): kept for consolidation */
  sheet?: string;
  /** 销号: set when the measure is closed */
  closed?: Closure | null;
  /** the measure of the period before that this one carries on */
  carriedFrom?: Id | null;
  /** the responsible leader's review (absent: 待审核) */
  review?: MeasureReview | null;
  /** findings about this measure dismissed with a reason, by rule id */
  dismissed?: DismissedFinding[];
  /** where the measure's last merged change came from (file, sheet, department, date): shown in its history */
  source?: string;
}

export interface Department {
  id: Id;
  name: string;
  aliases: string[]; // other names the same department goes by, e.g. 政教处 for 德育处
  supervisorId: Id | null; // 分管领导
}

export interface Leader {
  id: Id;
  name: string;
  post: string; // 职务, e.g. 党委书记
}

/**
 * Everything the grid of one list needs. Problems and measures are sorted by `order`. A snapshot made from the one
 * before by an edit in place says so through contentUpdate.ts, never through fields of its own.
 */
export interface ListContent {
  list: RiskList;
  problems: Problem[];
  measures: Measure[];
}

export interface Directory {
  departments: Department[];
  leaders: Leader[];
}

export type PersonKind = 'department' | 'leader';
