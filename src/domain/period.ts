/**
 * The 期次 a new list is suggested: the period its table's title names (“2026年上半年意识形态领域风险“三清单””), else
 * the half-year of today. A file made for last period and imported today is last period's list, so the title wins.
 */

/** The half-year of `now`: what a list made from nothing is for. */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}年${now.getMonth() < 6 ? '上' : '下'}半年`;
}

// a year written in Chinese numerals, as formal titles do (二〇二六年): its digits one by one
const CN_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CN_YEAR = /[〇○零一二三四五六七八九]{4}(?=\s*(?:年|[-—–~～至到]))/g;

// 一 to 四 for a quarter or a term, whether written 1, 一 or 第一
const ORDINAL: Record<string, string> = { '1': '一', '2': '二', '3': '三', '4': '四', 一: '一', 二: '二', 三: '三', 四: '四' };

/** Full-width digits and dashes made plain (NFKC), spaces dropped, a Chinese-numeral year written in digits. */
function plain(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(CN_YEAR, (y) => [...y].map((c) => CN_DIGIT[c]).join(''));
}

// a school year, “2025-2026学年第一学期”, “2025—2026学年度上学期”, “2025至2026学年”
const SCHOOL_YEAR = /(?<!\d)((?:19|20)\d{2})(?:年)?[-—–~～至到]((?:19|20)\d{2})(?:年)?学年(?:度)?(?:(?:第([一二12])|([上下]))学期)?/;
// a calendar year and what part of it follows: “2026年上半年”, “2026年度”, “2026年第一季度”, “2026年春季学期”
const YEAR = /(?<!\d)((?:19|20)\d{2})年(度)?(.{0,6})/;

/** The part of the year after “2026年”, as the period names it; '' when it names none (the whole year, then). */
function partOfYear(after: string): string | null {
  let m = /^(上|下)半年/.exec(after);
  if (m) return `${m[1]}半年`;
  m = /^第?([1-4一二三四])季度/.exec(after);
  if (m) return `第${ORDINAL[m[1]!]}季度`;
  m = /^(春|秋)季?学期/.exec(after);
  if (m) return `${m[1]}季学期`;
  m = /^(春|秋)季/.exec(after);
  if (m) return `${m[1]}季`;
  m = /^第([12一二])学期/.exec(after);
  if (m) return `第${ORDINAL[m[1]!]}学期`;
  m = /^(上|下)学期/.exec(after);
  if (m) return `${m[1]}学期`;
  m = /^(1[0-2]|0?[1-9])月/.exec(after);
  if (m) return `${Number(m[1])}月`;
  // “2026年6” without 月, a date (2026年6月30日) cut short: not a period we can name
  if (/^\d/.test(after)) return null;
  return '';
}

/** What a title names: the period, and whether it names a year alone (“2026年意识形态领域风险“三清单””). */
function readTitle(title: string): { period: string; year: number; yearOnly: boolean } | null {
  const text = plain(title);
  const school = SCHOOL_YEAR.exec(text);
  const year = YEAR.exec(text);
  // whichever the title names first: “2025-2026学年” starts before its “2026年…” would
  if (school && (!year || school.index <= year.index)) {
    const term = school[3] ? `第${ORDINAL[school[3]]}学期` : school[4] ? `${school[4]}学期` : '';
    return { period: `${school[1]}-${school[2]}学年${term}`, year: Number(school[1]), yearOnly: false };
  }
  if (!year) return null;
  const part = partOfYear(year[3] ?? '');
  if (part === null) return null;
  return { period: part ? `${year[1]}年${part}` : `${year[1]}年度`, year: Number(year[1]), yearOnly: !part && !year[2] };
}

/**
 * The period a table's title names, written as the app writes periods (half-width digits): “2026年上半年”,
 * “2025年度”, “2026年第一季度”, “2026年春季学期”, “2025-2026学年第一学期”; null when the title names none. A title
 * naming a year alone (“2025年意识形态领域风险“三清单””) is read as that year's list: “2025年度”.
 */
export function periodFromTitle(title: string): string | null {
  return readTitle(title)?.period ?? null;
}

/**
 * The 期次 offered for a list made from a table: the one its title names, else today's half-year. A title naming this
 * year alone is taken as this half-year's list, as the app's own default title (“2026年意识形态领域风险“三清单””,
 * also what a pasted table without a title gets) goes with the half-year.
 */
export function suggestedPeriod(title: string, now = new Date()): string {
  const read = readTitle(title);
  if (!read || (read.yearOnly && read.year === now.getFullYear())) return currentPeriod(now);
  return read.period;
}
