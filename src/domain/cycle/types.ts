import type { Closure, Id } from '../types';

export type { Closure };

/** 上半年 / 下半年 研判会, the quarterly reviews some units hold, and 专项 (a one-off review). */
export type RoundKind = 'first-half' | 'second-half' | 'quarter' | 'special';

export const ROUND_KIND_LABEL: Record<RoundKind, string> = {
  'first-half': '上半年',
  'second-half': '下半年',
  quarter: '季度',
  special: '专项',
};

/** 准备中 → 已召开 (the snapshot is frozen) → 已归档. */
export type RoundState = 'preparing' | 'held' | 'archived';

export const ROUND_STATE_LABEL: Record<RoundState, string> = { preparing: '准备中', held: '已召开', archived: '已归档' };

/** A 研判轮次 of one list: the meeting, and once held the list as it stood then. */
export interface Round {
  id: Id;
  listId: Id;
  name: string; // 2026年上半年研判会
  date: string; // YYYY-MM-DD, the meeting's date
  kind: RoundKind;
  state: RoundState;
  /** set when held: the frozen snapshot (read-only forever) */
  snapshotId: Id | null;
  heldAt: number | null;
}

/**
 * The list as it stood at a round, with the names it showed (a later rename or deletion of a department or leader
 * does not change what the round said).
 */
export interface Snapshot {
  id: Id;
  roundId: Id;
  listId: Id;
  takenAt: number;
  list: { unit: string; title: string; period: string };
  problems: SnapshotProblem[];
  measures: SnapshotMeasure[];
}

export interface SnapshotProblem {
  id: Id;
  serial: number;
  text: string;
  level: string;
  category: string;
  closed: Closure | null;
}

export interface SnapshotMeasure {
  id: Id;
  problemId: Id;
  text: string;
  departments: string[];
  leaders: string[];
  deadline: string;
  status: string;
  note: string;
  closed: Closure | null;
  /** the measure of the period before that this one carries on */
  carriedFrom: Id | null;
  /** the round's 进展情况 for this measure (progress.ts); absent in snapshots taken before progress was kept */
  progress?: string;
}

/**
 * One measure's 进展情况 at one round: what the department reported for that meeting, and the status it stood at.
 * Each round has its own entry, so September's report never overwrites March's; a held round's entries are frozen.
 */
export interface ProgressEntry {
  id: Id;
  listId: Id;
  measureId: Id;
  roundId: Id;
  /** the measure's status at that round: as it was when the entry was written, fixed when the round is held */
  status: string;
  text: string;
  date: string; // YYYY-MM-DD, the day the progress was reported
  at: number; // last written
  by?: string; // who wrote it, when known
}
