import { summaryImport } from './domain/cycle/summaryImport';
import type { ImportRow } from './domain/import/types';
import { todayIso } from './domain/deadline';
import { deadlineReading } from './domain/deadlineReading';
import { checkImport } from './domain/review/checkImport';

/**
 * The command line's review commands over an imported table: `check` prints the findings of the March review,
 * `summary` the statistics of a 通报. Both read the file as `import` does (the loader is the CLI's own, with its
 * messages for bad input) and exit 0 whatever they find.
 */
export interface LoadedTable {
  name: string;
  rows: readonly ImportRow[];
  /** the table's title, for the year a month without a year belongs to */
  title: string;
}

export interface ReviewDeps {
  load: (path: string) => LoadedTable;
  fail: (message: string, code?: number) => never;
  print: (text: string) => void;
}

/** `--today YYYY-MM-DD` (default: today here); any other flag is an error. */
export function parseReviewArgs(args: readonly string[], usage: string, fail: ReviewDeps['fail']): { path: string; today: string } {
  let path: string | undefined;
  let today = todayIso();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--today') {
      const value = args[++i] ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) fail(`--today 需要形如 2026-12-02 的日期，收到“${value}”。`, 2);
      today = value;
    } else if (a.startsWith('--')) fail(`不认识的选项“${a}”。${usage}`, 2);
    else if (!path) path = a;
    else fail(usage, 2);
  }
  if (!path) fail(usage, 2);
  return { path, today };
}

export function checkCommand(args: readonly string[], usage: string, deps: ReviewDeps): void {
  const { path, today } = parseReviewArgs(args, usage, deps.fail);
  const table = deps.load(path);
  const result = checkImport(table.rows, table.name, deadlineReading({ period: '', title: table.title }, today));
  deps.print(JSON.stringify(result));
}

export function summaryCommand(args: readonly string[], usage: string, deps: ReviewDeps): void {
  const { path, today } = parseReviewArgs(args, usage, deps.fail);
  const table = deps.load(path);
  deps.print(JSON.stringify(summaryImport(table.rows, table.name, deadlineReading({ period: '', title: table.title }, today))));
}
