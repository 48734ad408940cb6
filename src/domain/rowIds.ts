import type { Id } from './types';

/**
 * Stable ids travel in a hidden last column of each list sheet: it moves with its row when rows are inserted, deleted
 * or sorted in Excel/WPS, is not printed, and a row the user adds simply has none. A very hidden sheet names the list.
 */
export const ID_COLUMN_HEADER = '数据标识（请勿修改）';
export const ID_SHEET = '_三清单';
export const ID_SHEET_FORMAT = 'sanqingdan-export-1';

/** The id cell of a row: `<measureId>/<problemId>` (no measure id for a problem without measures). */
export const idCell = (measureId: Id | null, problemId: Id): string => `${measureId ?? ''}/${problemId}`;

export function parseIdCell(text: string): { measureId: Id | null; problemId: Id } | null {
  // read by hand, as /^([0-9a-f]*)\/([0-9a-f]+)$/ would: a match array and its groups for every row of a long import
  // were a tenth of its table analysis
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash < 0 || slash === t.length - 1) return null;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (i !== slash && !((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return null;
  }
  return { measureId: slash > 0 ? t.slice(0, slash) : null, problemId: t.slice(slash + 1) };
}

/** The list id an exported workbook carries, if it is one of ours. */
export function exportedListId(sheets: readonly { name: string; rows: string[][] }[]): Id | null {
  const s = sheets.find((x) => x.name === ID_SHEET);
  if (!s || s.rows[0]?.[1] !== ID_SHEET_FORMAT) return null;
  return s.rows.find((r) => r[0] === '清单ID')?.[1] ?? null;
}

