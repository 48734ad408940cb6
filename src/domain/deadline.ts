import { countedStatus, isDoneStatus, type StatusOption } from './status';
import { chineseNumber } from './text';

/**
 * 完成时限 as people write it (“2026年6月底前”, “每学期”, “长期坚持”, “开学前一周”), understood: a due date where the
 * text names one, a recurrence where it names a rhythm. The text itself is never changed; this only reads it.
 *
 * A text with several dates (“3月—6月”, “6月中旬、12月中旬”, “6月底前完成初稿，9月底前全部完成”) is due at the
 * latest of them. A month without a day is due at its end (“6月” → 6月30日), 上旬/中旬/下旬 at the 10th/20th/end,
 * 月初 at the 10th. A month without a year takes the list's year (its period or title), else this year. School terms
 * (开学, 期末, 寒暑假) are placed on the usual calendar (terms start about 1 March and 1 September) and marked
 * approximate.
 */
export type Recurrence = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'halfyearly' | 'semester' | 'yearly' | 'ongoing' | 'immediate';

export interface Deadline {
  /** the last day to finish on, YYYY-MM-DD */
  due?: string;
  recurrence?: Recurrence;
  /** the due date was derived from a school calendar or a season, not named */
  approximate?: boolean;
  /** a short reading for people: “2026-06-30 前”, “每学期” */
  label: string;
}

export interface DeadlineContext {
  /** YYYY-MM-DD or a Date (read in local time) */
  today: string | Date;
  /** the year the list is about (2026年上半年 → 2026): what a month without a year belongs to */
  listYear?: number;
}

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  daily: '每天',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  halfyearly: '每半年',
  semester: '每学期',
  yearly: '每年',
  ongoing: '长期坚持',
  immediate: '立行立改',
};

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Full-width digits and punctuation to ASCII, Chinese numerals before 年/月/日/号/季度 to digits, spaces out. */
function normalise(text: string): string {
  let s = text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(/[．。](?=\d)/g, '.').replace(/[／]/g, '/').replace(/[－―—–~～〜]+/g, '-').replace(/\s+/g, '');
  s = s.replace(/([〇零一二两三四五六七八九十]+)(?=年|月|日|号|季度|个月|周)/g, (m) => String(chineseNumber(m)));
  return s;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = ({ y, m, d }: Ymd) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const valid = ({ y, m, d }: Ymd) => y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);

function toYmd(today: string | Date): Ymd {
  if (typeof today === 'string') {
    const [y, m, d] = today.split('-').map(Number);
    return { y: y!, m: m!, d: d! };
  }
  return { y: today.getFullYear(), m: today.getMonth() + 1, d: today.getDate() };
}

function addDays(date: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const RECURRING: [RegExp, Recurrence][] = [
  [/立行立改|立即整改|立查立改|即知即改|马上就办/, 'immediate'],
  [/每(天|日)/, 'daily'],
  [/每(周|星期)|每个星期/, 'weekly'],
  [/每(个)?月|按月|月度/, 'monthly'],
  [/每(个)?季(度)?|按季(度)?/, 'quarterly'],
  [/每半年/, 'halfyearly'],
  [/每(个)?学期|学期初|每学年/, 'semester'],
  [/每年|每一年|按年|年度(召开|开展|报告|考核|评议)/, 'yearly'],
  [/长期|持续|常态(化)?|经常性|一直|始终|久久为功|即日起(?!.*\d+月)/, 'ongoing'],
];

/** The school year's usual dates: spring term about 1 March to mid July, autumn term 1 September to mid January. */
function termStart(today: Ymd, ahead: boolean): Ymd {
  const md = today.m * 100 + today.d;
  if (!ahead) return md >= 301 && md < 901 ? { y: today.y, m: 3, d: 1 } : md >= 901 ? { y: today.y, m: 9, d: 1 } : { y: today.y - 1, m: 9, d: 1 };
  return md < 301 ? { y: today.y, m: 3, d: 1 } : md < 901 ? { y: today.y, m: 9, d: 1 } : { y: today.y + 1, m: 3, d: 1 };
}

function termEnd(today: Ymd): Ymd {
  const md = today.m * 100 + today.d;
  if (md >= 216 && md <= 715) return { y: today.y, m: 7, d: 15 };
  return md > 715 ? { y: today.y + 1, m: 1, d: 20 } : { y: today.y, m: 1, d: 20 };
}

/** Dates named relative to the school calendar or the season; null when the text names none. */
function schoolDate(s: string, today: Ymd, year: number): Ymd | null {
  if (/开学前(一|1)周/.test(s)) return addDays(termStart(today, true), -7);
  if (/开学前/.test(s)) return addDays(termStart(today, true), -1);
  if (/开学(后)?(一|1)个月/.test(s)) return addDays(termStart(today, false), 30);
  if (/开学(初|季|时|后|第一周|首周)/.test(s)) return addDays(termStart(today, false), 14);
  if (/(学期末|期末|学期结束|本学期)/.test(s)) return termEnd(today);
  if (/暑假前|放暑假前/.test(s)) return { y: year, m: 7, d: 10 };
  if (/寒假前|放寒假前/.test(s)) return { y: today.m >= 8 ? today.y + 1 : today.y, m: 1, d: 15 };
  if (/本月(底|末|内)/.test(s)) return { y: today.y, m: today.m, d: lastDay(today.y, today.m) };
  if (/国庆(节)?前/.test(s)) return { y: year, m: 9, d: 30 };
  if (/元旦前/.test(s)) return { y: year, m: 12, d: 31 };
  return null;
}

/** The end of a 旬 or part of a month: 上旬 the 10th, 中旬 the 20th, 下旬/底/末 the last day, 初 the 10th. */
function dayOfPart(part: string, y: number, m: number): number {
  if (/上旬|初/.test(part)) return 10;
  if (/中旬|中/.test(part)) return 20;
  return lastDay(y, m);
}

/**
 * The dates a text names, in order, each month without a year taking the year last named (or the default one): “2026年
 * 3月—6月” → 2026-03-31, 2026-06-30.
 */
function namedDates(s: string, defaultYear: number): Ymd[] {
  const found: Ymd[] = [];
  let year = defaultYear;
  const re =
    /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})[-/.](\d{1,2})(?![-/.\d])|(?:(\d{4}|次年|明年|今年|本年)年?)?(\d{1,2})月(?:(\d{1,2})(?:日|号)|(上旬|中旬|下旬|底|末|初|中))?|(\d{1,2})(?=[-至到](?:\d{4}年)?\d{1,2}月)|(\d{4})年(底|末|内|年底|上半年|下半年|年中|第?([1-4])季度|度)?|(年底|年末|年内|本年度|年中|上半年|下半年)|第?([1-4一二三四])季度|(?<![\d./-])(\d{2})[./](\d{1,2})[./](\d{1,2})(?![\d./])|(?<![\d./-])(\d{1,2})[./](\d{1,2})(?![\d./])|(?<!\d)(20\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?!\d)/g;
  for (const m of s.matchAll(re)) {
    if (m[1]) {
      year = Number(m[1]);
      found.push({ y: year, m: Number(m[2]), d: Number(m[3]) });
    } else if (m[4]) {
      year = Number(m[4]);
      const month = Number(m[5]);
      found.push({ y: year, m: month, d: month >= 1 && month <= 12 ? lastDay(year, month) : 1 });
    } else if (m[7]) {
      const y = m[6];
      if (y) year = y === '次年' || y === '明年' ? defaultYear + 1 : y === '今年' || y === '本年' ? defaultYear : Number(y);
      const month = Number(m[7]);
      if (month < 1 || month > 12) continue;
      const day = m[8] ? Number(m[8]) : dayOfPart(m[9] ?? '', year, month);
      found.push({ y: year, m: month, d: day });
    } else if (m[10]) {
      // the start of a range of months (“3-6月”): a month too
      const month = Number(m[10]);
      if (month >= 1 && month <= 12) found.push({ y: year, m: month, d: lastDay(year, month) });
    } else if (m[11]) {
      year = Number(m[11]);
      found.push(yearPart(year, m[12] ?? '', m[13]));
    } else if (m[14]) {
      found.push(yearPart(year, m[14]));
    } else if (m[15]) {
      const q = /\d/.test(m[15]) ? Number(m[15]) : chineseNumber(m[15]);
      found.push({ y: year, m: q * 3, d: lastDay(year, q * 3) });
    } else if (m[16]) {
      // a year of two digits, as a date is jotted down: 24.6.30
      year = 2000 + Number(m[16]);
      found.push({ y: year, m: Number(m[17]), d: Number(m[18]) });
    } else if (m[19]) {
      // a month and a day without a year: 6.30, 6/30 (the list's year, or the one last named)
      found.push({ y: year, m: Number(m[19]), d: Number(m[20]) });
    } else if (m[21]) {
      // eight digits, as a date is typed into a number cell: 20260630
      year = Number(m[21]);
      found.push({ y: year, m: Number(m[22]), d: Number(m[23]) });
    }
  }
  return found.filter(valid);
}

function yearPart(y: number, part: string, quarter?: string): Ymd {
  if (quarter) {
    const m = Number(quarter) * 3;
    return { y, m, d: lastDay(y, m) };
  }
  if (/上半年|年中/.test(part)) return { y, m: 6, d: 30 };
  return { y, m: 12, d: 31 };
}

export function parseDeadline(text: string, ctx: DeadlineContext): Deadline {
  const raw = text.trim();
  if (!raw) return { label: '' };
  const s = normalise(raw);
  // a template's blank (“2024年x月上旬”) names no date
  if (/[xX×＊*？?]+[月日号]/.test(s)) return { label: raw };
  const today = toYmd(ctx.today);
  const year = ctx.listYear ?? today.y;

  let recurrence: Recurrence | undefined;
  for (const [re, r] of RECURRING) {
    if (re.test(s)) {
      recurrence = r;
      break;
    }
  }
  // a rhythm's own days (“每月30日前”, “每年9月”) are not a deadline; a full date beside it (“长期坚持，2026年6月底前
  // 建立制度”) is
  const dates = namedDates(s, year);
  const explicit = recurrence && recurrence !== 'ongoing' && recurrence !== 'immediate' ? [] : dates;
  let due: Ymd | undefined;
  for (const d of explicit) if (!due || iso(d) > iso(due)) due = d;
  let approximate = false;
  if (!due && !recurrence) {
    const school = schoolDate(s, today, year);
    if (school) {
      due = school;
      approximate = true;
    }
  }
  if (!due && recurrence === undefined && /即日起|立即|马上|当天|当日/.test(s)) recurrence = 'immediate';

  const out: Deadline = { label: '' };
  if (due) out.due = iso(due);
  if (recurrence) out.recurrence = recurrence;
  if (approximate) out.approximate = true;
  out.label = due ? `${approximate ? '约 ' : ''}${out.due} 前` : recurrence ? RECURRENCE_LABELS[recurrence] : raw;
  return out;
}

/** The year a list is about, from its period or title (2026年上半年 → 2026); undefined if neither names one. */
export function listYearOf(list: { period: string; title: string }): number | undefined {
  const m = /(\d{4})\s*年/.exec(list.period) ?? /(\d{4})\s*年/.exec(list.title);
  return m ? Number(m[1]) : undefined;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now = new Date()): string {
  return iso(toYmd(now));
}

/**
 * Whether a measure is overdue on `ctx.today`: its deadline names a due date that has passed and its status is not a
 * done one. Returns the deadline read, for saying why; null when not overdue.
 */
export function overdueDeadline(deadline: string, status: string, options: readonly StatusOption[], ctx: DeadlineContext): Deadline | null {
  if (!deadline.trim() || isDoneStatus(options, status)) return null;
  const today = typeof ctx.today === 'string' ? ctx.today : todayIso(ctx.today);
  const d = readCached(deadline, today, ctx.listYear);
  if (!d.due) return null;
  return d.due < today ? d : null;
}

/**
 * Whether a row's measure is overdue, and by which deadline: the grid's red mark, the 逾期 filter and its count. A
 * measure closed by record is finished whatever its status text says (status.ts countedStatus); a problem's row
 * without a measure has nothing due.
 */
export function overdueRow(
  row: { measureId: string | null; deadline: string; status: string; closed: string },
  options: readonly StatusOption[],
  ctx: DeadlineContext,
): Deadline | null {
  return row.measureId ? overdueDeadline(row.deadline, countedStatus(row), options, ctx) : null;
}

// A long list repeats a few dozen deadline texts over thousands of rows, and the filter bar counts overdue measures
// after every edit: each text is read once per day and list year.
const readings = new Map<string, Deadline>();

function readCached(text: string, today: string, listYear: number | undefined): Deadline {
  const key = `${today}|${listYear ?? ''}|${text}`;
  let d = readings.get(key);
  if (!d) {
    if (readings.size > 10000) readings.clear();
    d = parseDeadline(text, listYear === undefined ? { today } : { today, listYear });
    readings.set(key, d);
  }
  return d;
}
