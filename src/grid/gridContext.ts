import type { DeadlineContext } from '../domain/deadline';
import { listYearOf, todayIso } from '../domain/deadline';
import { statusOptionsOf, type StatusOption } from '../domain/status';
import type { Directory, RiskList } from '../domain/types';

/** What cell editors and renderers read from the grid's `context`: departments and leaders, the list's statuses, today. */
export interface GridContext {
  directory: Directory;
  statuses: readonly StatusOption[];
  deadlines: DeadlineContext;
}

export function gridContextOf(directory: Directory, list: RiskList | undefined, now = new Date()): GridContext {
  const listYear = list ? listYearOf(list) : undefined;
  return {
    directory,
    statuses: list ? statusOptionsOf(list) : statusOptionsOf({}),
    deadlines: listYear === undefined ? { today: todayIso(now) } : { today: todayIso(now), listYear },
  };
}
