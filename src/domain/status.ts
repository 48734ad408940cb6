import { DomainError } from './errors';
import { cleanName } from './text';

/**
 * The statuses (进展/状态) a list offers, each with a colour, and whether it counts as done (a done measure is never
 * overdue). A list keeps its own (RiskList.statuses); a list without uses the defaults. A cell may still hold any text:
 * a status not in the list is kept and shown in a neutral colour.
 */
export interface StatusOption {
  name: string;
  color: StatusColor;
  done: boolean;
}

export const STATUS_COLORS = {
  gray: { label: '灰', hex: '#8a8f98' },
  blue: { label: '蓝', hex: '#2563eb' },
  amber: { label: '橙', hex: '#d97706' },
  green: { label: '绿', hex: '#15803d' },
  teal: { label: '青', hex: '#0e7490' },
  purple: { label: '紫', hex: '#7c3aed' },
  red: { label: '红', hex: '#b91c1c' },
  pink: { label: '粉', hex: '#db2777' },
} as const;
export type StatusColor = keyof typeof STATUS_COLORS;
export const STATUS_COLOR_IDS = Object.keys(STATUS_COLORS) as StatusColor[];

/** The colour of a status no list names (free text). */
export const OTHER_STATUS_HEX = '#64748b';

export const DEFAULT_STATUSES: readonly StatusOption[] = [
  { name: '未开始', color: 'gray', done: false },
  { name: '推进中', color: 'blue', done: false },
  { name: '已完成', color: 'green', done: true },
  { name: '已销号', color: 'teal', done: true },
  { name: '长期坚持', color: 'purple', done: true },
];

export const statusOptionsOf = (list: { statuses?: readonly StatusOption[] }): readonly StatusOption[] =>
  list.statuses && list.statuses.length ? list.statuses : DEFAULT_STATUSES;

export function findStatus(options: readonly StatusOption[], text: string): StatusOption | null {
  const t = text.trim();
  return t ? (options.find((o) => o.name === t) ?? null) : null;
}

// free text that says the work is finished (or is standing work, which cannot fall behind a date)
const DONE_TEXT = /已(经)?(完成|办结|整改|落实|销号)|整改完成|完成整改|全部完成|已解决|^(?:完成|办结|完毕)$|长期坚持|常态化|持续推进/;
/** a 完成情况 column ticked, or at 100%, or a 是否完成 column answered 是 */
const TICKED_DONE = /^(?:[√✓✔☑✅]|100\s*[%％]|是)$/;
/** …unless it says the work is still going on: 正在整改，已完成60%, 整改中（已完成阶段性整改）, 未完成 */
const UNDER_WAY = /未|尚|正在|中(?:$|[（(，,。；;])|\d\s*[%％]|阶段性|部分/;

/** Whether a measure with this status is done: a done-like option, or free text that says so. */
export function isDoneStatus(options: readonly StatusOption[], text: string): boolean {
  const o = findStatus(options, text);
  if (o) return o.done;
  return TICKED_DONE.test(text.trim()) || (DONE_TEXT.test(text) && !UNDER_WAY.test(text));
}

// standing work: never overdue, but not completed either (the 完成率 counts finished work)
const ONGOING_TEXT = /长期坚持|常态化|持续推进/;

/** Whether a status means the work is finished (已完成, 已销号, …): done, and not standing work. */
export function isCompletedStatus(options: readonly StatusOption[], text: string): boolean {
  return isDoneStatus(options, text) && !ONGOING_TEXT.test(text);
}

/** The status a closure record (销号, see cycle/closure.ts) stands for wherever statuses are counted. */
export const CLOSED_STATUS = '已销号';

/**
 * One notion of 销号 for the counts. A measure can be 已销号 in two ways: by its status text (a status option a user
 * picks or an imported table writes) or by a closure record (销号… in the cell menu: date, 验收意见, who). Wherever
 * statuses are counted — the 完成率 and the tables of the 统计汇总 and the 通报, the grid's status legend and filter,
 * the overdue check — a measure closed by record counts as 已销号 whatever its text says (closing it accepted the
 * work), and the text 已销号 alone counts the same (it is a finished status). The cell still shows the text as
 * written. Choosing 已销号 in a cell offers the real 销号 (the grid asks for the date and 验收意见). Imported tables
 * carry no closure records, so their figures (`cli -- summary`) are those of their texts.
 */
export function countedStatus(record: { status: string; closed?: Closed }): string {
  return record.closed ? CLOSED_STATUS : record.status.trim();
}

/** How a record says it is closed by record: a measure's closure, a row's 销号 date ('' when open). */
type Closed = object | string | null;

export function statusHex(options: readonly StatusOption[], text: string): string | null {
  if (!text.trim()) return null;
  const o = findStatus(options, text);
  return o ? STATUS_COLORS[o.color].hex : OTHER_STATUS_HEX;
}

/** The statuses as the settings dialog gives them: names cleaned, blanks dropped, a repeated name refused. */
export function cleanStatusOptions(options: readonly StatusOption[]): StatusOption[] {
  const out: StatusOption[] = [];
  const seen = new Set<string>();
  for (const o of options) {
    const name = cleanName(o.name);
    if (!name) continue;
    if (seen.has(name)) throw new DomainError(`状态“${name}”重复了，请删去一个或改名。`);
    seen.add(name);
    out.push({ name, color: STATUS_COLOR_IDS.includes(o.color) ? o.color : 'gray', done: !!o.done });
  }
  if (out.length === 0) throw new DomainError('请至少保留一个状态（例如“未开始”“已完成”）。');
  return out;
}

export interface StatusCount {
  /** '' for measures with no status */
  name: string;
  hex: string | null;
  count: number;
  /** one of the list's options (else free text found in the cells) */
  listed: boolean;
}

/** How many measures have each status: the list's options in order (zero included), then free texts, then none. */
export function statusCounts(options: readonly StatusOption[], statuses: Iterable<string>): StatusCount[] {
  const counts = new Map<string, number>();
  for (const s of statuses) {
    const t = s.trim();
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const out: StatusCount[] = options.map((o) => ({ name: o.name, hex: STATUS_COLORS[o.color].hex, count: counts.get(o.name) ?? 0, listed: true }));
  const listed = new Set(options.map((o) => o.name));
  const free = [...counts.keys()].filter((k) => k && !listed.has(k)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  for (const name of free) out.push({ name, hex: OTHER_STATUS_HEX, count: counts.get(name)!, listed: false });
  const none = counts.get('') ?? 0;
  if (none) out.push({ name: '', hex: null, count: none, listed: false });
  return out;
}
