import { DomainError } from '../errors';
import { update, type Patch } from '../patch';
import { CLOSED_STATUS, countedStatus, isDoneStatus, type StatusOption } from '../status';
import { cleanText } from '../text';
import type { Closure, Measure, Problem } from '../types';

export interface ClosureInput {
  date: string; // YYYY-MM-DD
  note: string; // 验收意见
  by: string;
}

function closure(input: ClosureInput, now: number): Closure {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new DomainError('请填写销号日期（年-月-日）。');
  return { date: input.date, note: cleanText(input.note), by: cleanText(input.by), at: now };
}

const clip = (s: string): string => (s.length > 16 ? `${s.slice(0, 16)}…` : s) || '（无标题）';

/** 销号 of measures: each keeps who closed it, when and why; the change log records it as one step. */
export function closeMeasures(measures: readonly Measure[], input: ClosureInput, now = Date.now()): Patch {
  const closed = closure(input, now);
  const label = measures.length === 1 ? `销号措施“${clip(measures[0]!.text)}”` : `销号 ${measures.length} 条措施`;
  return { label, ops: measures.map((m) => update('measures', m.id, { closed })) };
}

/** 销号 of a problem closes its open measures with it. */
export function closeProblem(problem: Problem, measures: readonly Measure[], input: ClosureInput, now = Date.now()): Patch {
  const closed = closure(input, now);
  return {
    label: `销号问题“${clip(problem.text)}”`,
    ops: [update('problems', problem.id, { closed }), ...measures.filter((m) => !m.closed).map((m) => update('measures', m.id, { closed }))],
  };
}

/** Reopening is a change like any other: the closure it undoes stays in the change log. */
export function reopen(target: { kind: 'problem'; record: Problem } | { kind: 'measure'; record: Measure }): Patch {
  return target.kind === 'problem'
    ? { label: `重新打开问题“${clip(target.record.text)}”`, ops: [update('problems', target.record.id, { closed: null })] }
    : { label: `重新打开措施“${clip(target.record.text)}”`, ops: [update('measures', target.record.id, { closed: null })] };
}

export const isClosed = (r: { closed?: Closure | null }): boolean => !!r.closed;

/**
 * Closed work as a user means it: a closure record, or the status text 已销号 alone (status.ts countedStatus) — what
 * 开始下一期 leaves behind, as the counts take both for 已销号.
 */
export const isClosedWork = (m: { status: string; closed?: Closure | null }): boolean => countedStatus(m) === CLOSED_STATUS;

/**
 * The 进展情况 a reader sees: a closed measure reads 已销号（2026-09-20） whatever its status text. Derived, not
 * written into the status: the closure record stays the one source (export, import, CLI and reopen read it), and
 * reopening shows the status the measure had before without keeping a copy of it.
 */
export const shownStatus = (row: { status: string; closed: string }): string => (row.closed ? `${CLOSED_STATUS}（${row.closed}）` : row.status);

/**
 * What the 销号 dialog says first about a measure whose work is not done by its status (the list's own statuses): 销号
 * stays allowed (a leader may accept work as it is), but said plainly. Null when the work is done.
 */
export function closeWarning(measure: Pick<Measure, 'status'>, options: readonly StatusOption[]): string | null {
  const status = measure.status.trim();
  return isDoneStatus(options, status) ? null : `该措施进展为‘${status || '未填写'}’，确定销号？`;
}
