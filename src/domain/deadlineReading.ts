import { listYearOf, parseDeadline } from './deadline';
import { isCompletedStatus, isDoneStatus, statusOptionsOf, type StatusOption } from './status';
import type { RiskList } from './types';

/** How the checks, the statistics and the grid read deadlines and statuses for one list on one day. */
export interface DeadlineReading {
  today: string; // YYYY-MM-DD
  /** the due date a 完成时限 names (a month without a year is in the list's year), null when none */
  dueDate: (deadline: string, today: string) => string | null;
  /** a status that means the work needs no more doing (never overdue) */
  isDone: (status: string) => boolean;
  /** a status of finished work (what the 完成率 counts): done, and not standing work such as 长期坚持 */
  isCompleted: (status: string) => boolean;
}

export function deadlineReading(list: Pick<RiskList, 'period' | 'title'> & { statuses?: readonly StatusOption[] }, today: string): DeadlineReading {
  const listYear = listYearOf(list);
  const options = statusOptionsOf(list);
  return {
    today,
    dueDate: (deadline, day) => parseDeadline(deadline, { today: day, ...(listYear !== undefined ? { listYear } : {}) }).due ?? null,
    isDone: (status) => isDoneStatus(options, status),
    isCompleted: (status) => isCompletedStatus(options, status),
  };
}
