import type { Closure, DismissedFinding, MeasureReview } from '../types';
import { REVIEW_STATE_LABEL } from './leaderReview';
import { ruleSpec, type RuleSpec } from './rules';
import type { RuleId } from './types';

const day = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The review, 销号 and dismissed-finding fields are records, not cell values: the change log must show them as a
 * reader says them (“退回修改：…（李明远 2026-03-05）”), never as “[object Object]”. Null when the field is not one.
 */
export function recordFieldText(field: string, value: unknown): string | null {
  if (value === null || value === undefined || typeof value !== 'object') return null;
  if (field === 'review') {
    const r = value as MeasureReview;
    return `${REVIEW_STATE_LABEL[r.state] ?? r.state}${r.comment ? `：${r.comment}` : ''}（${[r.by, day(r.at)].filter(Boolean).join(' ')}）`;
  }
  if (field === 'closed') {
    const c = value as Closure;
    return `已销号 ${c.date}${c.note ? `：${c.note}` : ''}${c.by ? `（${c.by}）` : ''}`;
  }
  if (field === 'dismissed' && Array.isArray(value)) {
    const list = value as DismissedFinding[];
    return list.length ? list.map((d) => `${(ruleSpec(d.rule as RuleId) as RuleSpec | undefined)?.label ?? d.rule}${d.reason ? `（${d.reason}）` : ''}`).join('；') : '';
  }
  return null;
}
