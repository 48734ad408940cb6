/**
 * Turning stored numbers into the text a user saw in Excel, for the cases a three-list holds: dates (by the cell's
 * number format), whole numbers and plain decimals.
 *
 * A date is read as its format shows it, with two exceptions that keep the importer's dates uniform: a day (month
 * and day, with or without the year: built-in 14, 16, 28, 31, yyyy-mm-dd, yyyy/m/d, yyyy"年"m"月"d"日", m"月"d"日", m/d,
 * d-mmm-yy) reads YYYY-MM-DD, as it always has (a deadline is a day whichever way it was shown, and the year a format
 * leaves out is still the cell's), and a month (year and month, no day: built-in 27, 36, 50, 52, 57, yyyy"年"m"月",
 * yyyy/m, mmm-yy, [$-804] variants) reads “2026年6月”, the month it means rather than its first day. Everything else
 * is shown as zh-CN Excel shows it: 下午3时30分, 2026/6/30 9:30, and any [DBNum1]–[DBNum3] format in Chinese numerals
 * (二〇二六年六月, 二〇二六年六月三十日), which is what the user reads in the cell.
 *
 * A number is shown with the decimals its format fixes (0.00, #,##0.0: 2024.10, not 2024.1, which a deadline typed
 * as a number needs), otherwise as its shortest text.
 */

/**
 * The built-in date and time formats as zh-CN Excel shows them (the ids 27–36 and 50–58 are the East Asian ones,
 * whose codes a file does not write: [MS-XLS] 2.4.126 / ECMA-376 Part 1 18.8.30, zh-cn).
 */
const BUILT_IN: Record<number, string> = {
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export type DateFormat =
  | { kind: 'day' } // YYYY-MM-DD
  | { kind: 'month' } // 2026年6月
  | { kind: 'shown'; render: (serial: number, date1904: boolean) => string };

/** The date format of number format `id` (with its code, when the file defines one); null when it shows no date. */
export function dateFormat(id: number, code: string | undefined): DateFormat | null {
  const source = code ?? BUILT_IN[id];
  if (!source) return null;
  const tokens = tokenize(firstSection(source));
  if (!tokens) return null;
  return classify(tokens);
}

/** A number format that fixes how many decimals are shown (0.00, #,##0.0): the only number formats the importer follows. */
export interface FixedFormat {
  kind: 'fixed';
  decimals: number;
}

export type CellFormat = DateFormat | FixedFormat;

const BUILT_IN_DECIMALS: Record<number, number> = { 2: 2, 4: 2, 39: 2, 40: 2 };

/** The fixed decimals of number format `id` (its code, when the file defines one); null for dates and other formats. */
export function fixedFormat(id: number, code: string | undefined): FixedFormat | null {
  if (code === undefined) return BUILT_IN_DECIMALS[id] ? { kind: 'fixed', decimals: BUILT_IN_DECIMALS[id]! } : null;
  // quoted text and escaped characters (0.00"元") show beside the number; percent, exponent and fraction formats
  // change the number itself and are left to its plain text
  const section = firstSection(code).replace(/"[^"]*"|\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (/[%eE/?]/.test(section)) return null;
  const fixed = /[0#]\.(0+)/.exec(section);
  return fixed ? { kind: 'fixed', decimals: Math.min(fixed[1]!.length, 15) } : null;
}

/** A number as a fixed format shows it: its decimals always written, up to the format's count (2024.10, 0.30). */
export const fixedText = (value: number, format: FixedFormat): string => (Math.abs(value) < 1e15 ? value.toFixed(format.decimals) : numberText(value));

export function isDateFormat(id: number, code: string | undefined): boolean {
  return dateFormat(id, code) !== null;
}

/** Formats a serial with a date format as the importer reads it (see the top of this file). */
export function formatDate(format: DateFormat, serial: number, date1904: boolean): string {
  if (!(serial >= 0 && serial < 2958466)) return numberText(serial); // Excel shows ##### for these
  if (format.kind === 'day') return serialToDate(serial, date1904);
  if (format.kind === 'month') {
    const p = parts(serial, date1904);
    return `${p.year}年${p.month}月`;
  }
  return format.render(serial, date1904);
}

type Token =
  | { t: 'lit'; s: string }
  | { t: 'year'; n: number } // n: 2 or 4 digits
  | { t: 'month'; n: number } // 1, 2: number; 3: short name; 4: name; 5: first letter
  | { t: 'day'; n: number } // 1, 2: number; 3: short weekday; 4: weekday
  | { t: 'aaa'; n: number } // Chinese weekday: 3 二, 4 星期二
  | { t: 'hour'; n: number }
  | { t: 'minute'; n: number }
  | { t: 'second'; n: number }
  | { t: 'fraction'; n: number } // .0, .00, .000 after seconds
  | { t: 'elapsed'; unit: 'h' | 'm' | 's'; n: number }
  | { t: 'ampm'; am: string; pm: string };

interface Flags {
  dbnum: 0 | 1 | 2 | 3;
  chinese: boolean; // a zh locale tag: Chinese month and weekday names
}

/** The part of a format for positive numbers: up to the first `;` outside quotes and brackets. */
function firstSection(code: string): string {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\\' && !quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '[') bracket = true;
    else if (!quoted && c === ']') bracket = false;
    else if (!quoted && !bracket && c === ';') return code.slice(0, i);
  }
  return code;
}

const FLAGS = new WeakMap<Token[], Flags>();

/** The format's tokens, or null when it is no date format (digits placeholders, text, General). */
function tokenize(code: string): Token[] | null {
  if (code.length > 256) return null;
  const flags: Flags = { dbnum: 0, chinese: false };
  const out: Token[] = [];
  const lower = code.toLowerCase();
  let i = 0;
  const lit = (s: string) => {
    const last = out[out.length - 1];
    if (last?.t === 'lit') last.s += s;
    else out.push({ t: 'lit', s });
  };
  const run = (ch: string): number => {
    let n = 0;
    while (lower[i + n] === ch) n++;
    return n;
  };
  while (i < code.length) {
    const c = lower[i]!;
    if (c === '"') {
      const close = code.indexOf('"', i + 1);
      lit(code.slice(i + 1, close < 0 ? code.length : close));
      i = close < 0 ? code.length : close + 1;
    } else if (c === '\\') {
      lit(code[i + 1] ?? '');
      i += 2;
    } else if (c === '_') {
      lit(' ');
      i += 2;
    } else if (c === '*') {
      i += 2; // a fill character: nothing in a text
    } else if (c === '[') {
      const close = code.indexOf(']', i);
      const inner = code.slice(i + 1, close < 0 ? code.length : close);
      i = close < 0 ? code.length : close + 1;
      const li = inner.toLowerCase();
      if (/^(h+|m+|s+)$/.test(li)) out.push({ t: 'elapsed', unit: li[0] as 'h' | 'm' | 's', n: li.length });
      else if (/^dbnum[123]$/.test(li)) flags.dbnum = Number(li[5]) as 1 | 2 | 3;
      else if (li.startsWith('$')) {
        const locale = li.slice(li.indexOf('-') + 1);
        const lcid = parseInt(locale, 16);
        if (/^zh/.test(locale) || [0x804, 0x404, 0xc04, 0x1004, 0x1404].includes(lcid & 0xffff)) flags.chinese = true;
        // the system's long date or time (Windows writes these LCIDs), which replaces the rest: as a Chinese system shows it
        if ((lcid & 0xffff) === 0xf800) return tokenize('yyyy"年"m"月"d"日"');
        if ((lcid & 0xffff) === 0xf400) return tokenize('h:mm:ss');
        const currency = inner.slice(1, inner.indexOf('-') < 0 ? inner.length : inner.indexOf('-'));
        if (currency) lit(currency);
      }
      // colours and conditions show nothing
    } else if (lower.startsWith('general', i) || code.startsWith('G/通用格式', i)) {
      return null;
    } else if (c === '0' || c === '#' || c === '?' || c === '@' || c === '%' || c === 'e' && lower[i + 1] === '+') {
      // a digit placeholder, text or a percentage: a number format (a fraction of seconds is read after `s` below)
      return null;
    } else if (c === 'y' || c === 'e') {
      const n = c === 'e' ? run('e') : run('y');
      out.push({ t: 'year', n: n <= 2 ? 2 : 4 });
      i += n;
    } else if (c === 'm') {
      const n = run('m');
      out.push({ t: 'month', n: Math.min(n, 5) });
      i += n;
    } else if (c === 'd') {
      const n = run('d');
      out.push({ t: 'day', n: Math.min(n, 4) });
      i += n;
    } else if (c === 'a' && lower.startsWith('aaa', i)) {
      const n = run('a');
      out.push({ t: 'aaa', n: n >= 4 ? 4 : 3 });
      i += n;
    } else if (c === 'h') {
      const n = run('h');
      out.push({ t: 'hour', n: Math.min(n, 2) });
      i += n;
    } else if (c === 's') {
      const n = run('s');
      out.push({ t: 'second', n: Math.min(n, 2) });
      i += n;
      if (code[i] === '.' && code[i + 1] === '0') {
        i++;
        const z = run('0');
        out.push({ t: 'fraction', n: Math.min(z, 3) });
        i += z;
      }
    } else if (lower.startsWith('am/pm', i)) {
      out.push({ t: 'ampm', am: 'AM', pm: 'PM' });
      i += 5;
    } else if (lower.startsWith('a/p', i)) {
      out.push({ t: 'ampm', am: 'A', pm: 'P' });
      i += 3;
    } else if (code.startsWith('上午/下午', i)) {
      out.push({ t: 'ampm', am: '上午', pm: '下午' });
      i += 5;
    } else {
      lit(code[i]!);
      i++;
    }
  }
  // m after an hour or before a second is minutes
  for (let k = 0; k < out.length; k++) {
    const tok = out[k]!;
    if (tok.t !== 'month' || tok.n > 2) continue;
    const before = out.slice(0, k).reverse().find((x) => x.t !== 'lit');
    const after = out.slice(k + 1).find((x) => x.t !== 'lit');
    if (before?.t === 'hour' || before?.t === 'elapsed' || after?.t === 'second' || (after?.t === 'elapsed' && after.unit === 's')) {
      out[k] = { t: 'minute', n: tok.n };
    }
  }
  if (!out.some((x) => x.t !== 'lit' && x.t !== 'ampm')) return null;
  FLAGS.set(out, flags);
  return out;
}

function classify(tokens: Token[]): DateFormat {
  const flags = FLAGS.get(tokens)!;
  const has = (t: Token['t']) => tokens.some((x) => x.t === t);
  const timeLike = has('hour') || has('minute') || has('second') || has('elapsed') || has('ampm') || has('fraction');
  const dayOfMonth = tokens.some((x) => x.t === 'day' && x.n <= 2);
  if (!flags.dbnum && !timeLike && has('year') && has('month') && !dayOfMonth) return { kind: 'month' };
  // (a day shown without its year, 6月30日 or 6/30, is still that day of its year: the serial holds the year the user
  // entered, which a deadline must keep; read alone, “6月30日” would be given the list's year or this one)
  if (!flags.dbnum && !timeLike && has('month') && dayOfMonth) return { kind: 'day' };
  return { kind: 'shown', render: (serial, date1904) => render(tokens, flags, serial, date1904) };
}

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number; // 0 Sunday
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function parts(serial: number, date1904: boolean): Parts {
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before it are a day later than the epoch says
  const shifted = !date1904 && serial < 60 ? serial + 1 : serial;
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(shifted * DAY_MS);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millis: d.getUTCMilliseconds(),
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_CAPITAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CN_WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** A count (month, day, hour…) in Chinese numerals as Excel's [DBNum1]/[DBNum2] write dates: 六, 十二, 三十一. */
function chineseCount(n: number, capital: boolean): string {
  const digits = capital ? CN_CAPITAL : CN_DIGITS;
  const ten = capital ? '拾' : '十';
  if (n < 10) return capital || n > 0 ? digits[n]! : '〇';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 && !capital ? '' : digits[tens]}${ten}${ones ? digits[ones] : ''}`;
}

function numerals(text: string, dbnum: Flags['dbnum'], isYear: boolean): string {
  if (!dbnum) return text;
  if (dbnum === 3) return text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const digits = dbnum === 2 ? CN_CAPITAL : CN_DIGITS;
  return isYear ? text.replace(/\d/g, (d) => digits[Number(d)]!) : chineseCount(Number(text), dbnum === 2);
}

function render(tokens: Token[], flags: Flags, serial: number, date1904: boolean): string {
  const twelve = tokens.some((x) => x.t === 'ampm');
  const fraction = tokens.find((x) => x.t === 'fraction')?.n ?? 0;
  // seconds are rounded to what the format shows, as Excel does, before the parts are taken
  const step = DAY_MS / 86400 / 10 ** fraction;
  const rounded = (Math.round((serial * DAY_MS) / step) * step) / DAY_MS;
  const p = parts(rounded, date1904);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  for (const x of tokens) {
    switch (x.t) {
      case 'lit':
        out += x.s;
        break;
      case 'year':
        out += numerals(x.n === 2 ? pad(p.year % 100, 2) : String(p.year), flags.dbnum, true);
        break;
      case 'month':
        if (x.n <= 2) out += numerals(pad(p.month, x.n), flags.dbnum, false);
        else if (flags.chinese || flags.dbnum) {
          const name = `${chineseCount(p.month, false)}月`;
          out += x.n === 3 ? (flags.dbnum ? name : `${p.month}月`) : x.n === 4 ? name : name[0];
        } else out += x.n === 3 ? MONTHS[p.month - 1]!.slice(0, 3) : x.n === 4 ? MONTHS[p.month - 1] : MONTHS[p.month - 1]![0];
        break;
      case 'day':
        if (x.n <= 2) out += numerals(pad(p.day, x.n), flags.dbnum, false);
        else if (flags.chinese || flags.dbnum) out += x.n === 3 ? `周${CN_WEEKDAYS[p.weekday]}` : `星期${CN_WEEKDAYS[p.weekday]}`;
        else out += x.n === 3 ? DAYS[p.weekday]!.slice(0, 3) : DAYS[p.weekday];
        break;
      case 'aaa':
        out += x.n === 3 ? CN_WEEKDAYS[p.weekday] : `星期${CN_WEEKDAYS[p.weekday]}`;
        break;
      case 'hour': {
        const h = twelve ? p.hour % 12 || 12 : p.hour;
        out += numerals(pad(h, x.n), flags.dbnum, false);
        break;
      }
      case 'minute':
        out += numerals(pad(p.minute, x.n), flags.dbnum, false);
        break;
      case 'second':
        out += numerals(pad(p.second, x.n), flags.dbnum, false);
        break;
      case 'fraction':
        out += `.${pad(p.millis, 3).slice(0, x.n)}`;
        break;
      case 'elapsed': {
        const total = x.unit === 'h' ? rounded * 24 : x.unit === 'm' ? rounded * 1440 : rounded * 86400;
        out += pad(Math.floor(total + 1e-9), x.n);
        break;
      }
      case 'ampm':
        out += p.hour < 12 ? x.am : x.pm;
        break;
    }
  }
  return out.trim();
}

export function serialToDate(serial: number, date1904: boolean): string {
  const p = parts(serial, date1904);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  const whole = Math.round(serial * DAY_MS) % DAY_MS === 0;
  return whole || serial >= 1 ? day : `${pad(p.hour)}:${pad(p.minute)}`;
}

/** 15 significant digits, as Excel shows, so 0.1+0.2 stored as 0.30000000000000004 reads 0.3. */
export function numberText(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
}
