import { namesFor, type Person } from './directory';
import { pinyinMatch, pinyinQuery } from './pinyinMatch';
import type { RiskRow } from './rows';
import { CLOSED_STATUS, countedStatus } from './status';
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
  /** 隐藏已销号: closed measures are left out (closed by record or with the status 已销号) */
  hideClosed?: boolean;
  /** only the measures a leader returned for changes (退回修改), for the department that must change them */
  returned?: boolean;
}

export const STATUS_NONE = '\u0000none';
export const EMPTY_FILTER: RowFilter = { text: '', departmentId: '', leaderId: '', status: '' };

export const isFilterActive = (f: RowFilter): boolean =>
  f.text.trim() !== '' || f.departmentId !== '' || f.leaderId !== '' || f.status !== '' || !!f.overdue || !!f.hideClosed || !!f.returned;

/** The words of a search: “家长 班主任” is two words, both of which a row must hold somewhere. */
export function searchWords(text: string): string[] {
  return [...new Set(text.split(/[\s\u3000]+/).map(nameKey).filter((w) => w !== ''))];
}

/** A person's names as searched: a department's aliases too (政教处 finds 德育处's rows). */
function searchNames(people: ReadonlyMap<Id, Person>, ids: readonly Id[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const p = people.get(id);
    if (!p) continue;
    out.push(p.name);
    if ('aliases' in p) out.push(...p.aliases);
  }
  return out;
}

/**
 * A predicate over rows; quick search covers every text a user sees in the row, department and leader names (and the
 * departments' aliases) too. Several words must each be found, in any of the row's texts.
 */
export function rowPredicate(filter: RowFilter, people: ReadonlyMap<Id, Person>): (row: RiskRow) => boolean {
  const words = searchWords(filter.text);
  const pinyins = words.map(pinyinQuery);
  return (row) => {
    if (filter.departmentId && !row.departmentIds.includes(filter.departmentId)) return false;
    if (filter.leaderId && !row.leaderIds.includes(filter.leaderId)) return false;
    // the status the legend counts: a measure closed by record is 已销号 (status.ts countedStatus)
    const status = countedStatus(row);
    if (filter.status === STATUS_NONE ? status !== '' : filter.status && status !== filter.status) return false;
    if (filter.overdue && !filter.overdue(row)) return false;
    if (filter.returned && !row.returned) return false;
    if (filter.hideClosed && status === CLOSED_STATUS) return false; // by record or by the text 已销号
    if (words.length === 0) return true;
    const texts = [
      row.problem,
      row.measure,
      row.deadline,
      row.status,
      row.note,
      row.level,
      row.category,
      String(row.serial),
      ...searchNames(people, row.departmentIds),
      ...namesFor(people, row.leaderIds),
    ];
    // “jwc” finds the rows of 教务处: names and statuses by pinyin (pinyinMatch.ts), not long texts
    let names: string[] | null = null;
    return words.every((w, i) => {
      if (texts.some((t) => includesText(t, w))) return true;
      const pinyin = pinyins[i];
      if (!pinyin) return false;
      names ??= [...namesFor(people, row.departmentIds), ...namesFor(people, row.leaderIds), row.status];
      return names.some((t) => pinyinMatch(t, pinyin) !== null);
    });
  };
}

/** The distinct statuses in use, for the status filter. */
export function statusesInUse(rows: readonly RiskRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) if (r.status !== '') seen.add(r.status); // one pass, no array per step: it runs after each edit
  return [...seen].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
