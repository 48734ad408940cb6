import { DomainError } from '../errors';
import { update, type Patch } from '../patch';
import { cleanText } from '../text';
import type { Directory, Id, Leader, ListContent, Measure, MeasureReview, Problem } from '../types';

export type ReviewState = 'pending' | MeasureReview['state'];

export const REVIEW_STATE_LABEL: Record<ReviewState, string> = { pending: '待审核', approved: '已审核', returned: '退回修改' };

export const reviewState = (m: Measure): ReviewState => m.review?.state ?? 'pending';

/**
 * The measures a leader reviews in March: those naming the leader as 责任领导, and those of the departments the leader
 * supervises (分管领导), each once, in list order.
 */
export function leaderScope(content: ListContent, directory: Directory, leaderId: Id): Measure[] {
  const supervised = new Set(directory.departments.filter((d) => d.supervisorId === leaderId).map((d) => d.id));
  return content.measures.filter((m) => m.leaderIds.includes(leaderId) || m.departmentIds.some((id) => supervised.has(id)));
}

/** The leaders who have something to review: named on a measure or supervising a department of one. */
export function reviewingLeaders(content: ListContent, directory: Directory): Leader[] {
  const ids = new Set<Id>();
  const supervisorOf = new Map(directory.departments.map((d) => [d.id, d.supervisorId]));
  for (const m of content.measures) {
    for (const id of m.leaderIds) ids.add(id);
    for (const d of m.departmentIds) {
      const s = supervisorOf.get(d);
      if (s) ids.add(s);
    }
  }
  return directory.leaders.filter((l) => ids.has(l.id));
}

/**
 * Marks measures 已审核 or 退回修改 (with what to change) in one step; 待审核 takes the mark away. The change log keeps
 * each mark with its date, so the row's history shows who reviewed what when.
 */
export function markReview(measures: readonly Measure[], state: ReviewState, comment: string, by: string, now = Date.now()): Patch {
  const text = cleanText(comment);
  if (state === 'returned' && !text) throw new DomainError('退回修改时请写明需要修改什么。');
  const review: MeasureReview | null = state === 'pending' ? null : { state, comment: text, by: cleanText(by), at: now };
  const label = `${REVIEW_STATE_LABEL[state]}${measures.length === 1 ? '措施' : ` ${measures.length} 条措施`}${by ? `（${cleanText(by)}）` : ''}`;
  return { label, ops: measures.map((m) => update('measures', m.id, { review })) };
}

/** Counts of a leader's measures by review state. */
export function reviewCounts(measures: readonly Measure[]): Record<ReviewState, number> {
  const counts: Record<ReviewState, number> = { pending: 0, approved: 0, returned: 0 };
  for (const m of measures) counts[reviewState(m)]++;
  return counts;
}

/** A finding dismissed with a reason stays on the record it is about (and in the log); dismissing again replaces it. */
export function dismissFinding(target: { kind: 'problem'; record: Problem } | { kind: 'measure'; record: Measure }, rule: string, reason: string, now = Date.now()): Patch {
  const text = cleanText(reason);
  if (!text) throw new DomainError('请写明忽略这条提醒的理由，例如“长期性工作，无固定时限”。');
  const dismissed = [...(target.record.dismissed ?? []).filter((d) => d.rule !== rule), { rule, reason: text, at: now }];
  return target.kind === 'problem'
    ? { label: '忽略检查提醒', ops: [update('problems', target.record.id, { dismissed })] }
    : { label: '忽略检查提醒', ops: [update('measures', target.record.id, { dismissed })] };
}

export function restoreFinding(target: { kind: 'problem'; record: Problem } | { kind: 'measure'; record: Measure }, rule: string): Patch {
  const dismissed = (target.record.dismissed ?? []).filter((d) => d.rule !== rule);
  return target.kind === 'problem'
    ? { label: '恢复检查提醒', ops: [update('problems', target.record.id, { dismissed })] }
    : { label: '恢复检查提醒', ops: [update('measures', target.record.id, { dismissed })] };
}
