import { useDeferredValue, useMemo } from 'react';
import { todayIso } from '../../domain/deadline';
import { deadlineReading, type DeadlineReading } from '../../domain/deadlineReading';
import { checkList, type CheckOptions } from '../../domain/review/checkList';
import type { Finding } from '../../domain/review/types';
import type { Directory, ListContent, RiskList } from '../../domain/types';

/** What the checks measure against: today, and how a deadline and a status are read (the list's status list). */
export type CheckSettings = CheckOptions;

/**
 * The review's findings for a list, recomputed when it changes. Deferred, so that an edit is shown first and the
 * findings of a long list follow (checking 20,000 measures takes a fifth of a second); off while `enabled` is false.
 */
export function useFindings(content: ListContent, directory: Directory, settings: CheckSettings, enabled: boolean): readonly Finding[] {
  const deferred = useDeferredValue(content);
  return useMemo(() => (enabled ? checkList(deferred, directory, settings) : []), [enabled, deferred, directory, settings]);
}

/** How the list's deadlines and statuses are read today (its own statuses and year): one reading for its pages. */
export function useDeadlineReading(list: RiskList): DeadlineReading {
  const today = todayIso();
  return useMemo(() => deadlineReading(list, today), [list, today]);
}
