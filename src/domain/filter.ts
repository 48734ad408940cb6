import { namesFor, type Person } from './directory';
import { pinyinMatch, pinyinQuery } from './pinyinMatch';
import type { RiskRow } from './rows';
import { includesText, nameKey } from './text';
import type { Id } from './types';

/** What the filter bar asks for. Empty fields do not filter. */
export interface RowFilter {
  text: string;
  departmentId: Id | '';
  leaderId: Id | '';
  status: string; // '' for any; STATUS_NONE for rows with no status
  /** only the rows this says are overdue (made by the filter bar from the list's statuses and today) */
  overdue?: (row: RiskRow) => boolean;
}

export const STATUS_NONE = '\u0000none';
export const EMPTY_FILTER: RowFilter = { text: '', departmentId: '', leaderId: '', status: '' };

export const isFilterActive = (f: RowFilter): boolean =>
  f.text.trim() !== '' || f.departmentId !== '' || f.leaderId !== '' || f.status !== '' || !!f.overdue;

/** A predicate over rows; quick search covers every text a user sees in the row, department and leader names too. */
export function rowPredicate(filter: RowFilter, people: ReadonlyMap<Id, Person>): (row: RiskRow) => boolean {
  const needle = nameKey(filter.text);
  const pinyin = pinyinQuery(filter.text);
  return (row) => {
    if (filter.departmentId && !row.departmentIds.includes(filter.departmentId)) return false;
    if (filter.leaderId && !row.leaderIds.includes(filter.leaderId)) return false;
    if (filter.status === STATUS_NONE ? row.status !== '' : filter.status && row.status !== filter.status) return false;
    if (filter.overdue && !filter.overdue(row)) return false;
    if (!needle) return true;
    const texts = [
      row.problem,
      row.measure,
      row.deadline,
      row.status,
      row.note,
      row.level,
      row.category,
      String(row.serial),
      ...namesFor(people, row.departmentIds),
      ...namesFor(people, row.leaderIds),
    ];
    if (texts.some((t) => includesText(t, needle))) return true;
    // “jwc” finds the rows of 教务处: names and statuses by pinyin (pinyinMatch.ts), not long texts
    if (pinyin === null) return false;
    const names = [...namesFor(people, row.departmentIds), ...namesFor(people, row.leaderIds), row.status];
    return names.some((t) => pinyinMatch(t, pinyin) !== null);
  };
}

/** The distinct statuses in use, for the status filter. */
export function statusesInUse(rows: readonly RiskRow[]): string[] {
  return [...new Set(rows.map((r) => r.status).filter((s) => s !== ''))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
