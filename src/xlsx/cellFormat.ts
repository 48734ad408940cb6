/**
 * Turning stored numbers into the text a user saw in Excel, for the cases a three-list holds: dates (by the cell's
 * number format), whole numbers and plain decimals.
 */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (DATE_FORMAT_IDS.has(id)) return true;
  if (!code) return false;
  // drop quoted text, escaped characters and [colour]/[locale] sections before looking for date/time tokens
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymdhsYMDHS年月日]/.test(bare) && !/^[#0.,%\s]*$/.test(bare) && !/general/i.test(bare);
}

const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function serialToDate(serial: number, date1904: boolean): string {
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY_MS);
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = ms % DAY_MS;
  return time === 0 || serial >= 1 ? day : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 15 significant digits, as Excel shows, so 0.1+0.2 stored as 0.30000000000000004 reads 0.3. */
export function numberText(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
}
