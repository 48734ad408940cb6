import { FIELDS, type FieldId } from '../fields';
import { nameKey } from '../text';

/** Header texts seen for each column (see `synonyms` in fields.ts). */
export const HEADER_SYNONYMS: Record<FieldId, readonly string[]> = Object.fromEntries(FIELDS.map((f) => [f.id, f.synonyms])) as Record<FieldId, readonly string[]>;

/** Person columns that are not the responsible department or leader (we do not import people's names as such). */
const NOT_A_FIELD = /负责人|责任人|联系人|电话|签字|经办人/;

const EXACT = new Map<string, FieldId>();
const CONTAINED: { key: string; field: FieldId }[] = [];
for (const f of [...FIELDS].sort((a, b) => a.headerRank - b.headerRank)) {
  for (const w of f.synonyms) {
    const key = headerKey(w);
    if (!EXACT.has(key)) EXACT.set(key, f.id);
    if (key.length >= 2) CONTAINED.push({ key, field: f.id });
  }
}
// the longest synonym found in a header wins; of two as long, the field ranked first (the sort keeps the rank order)
CONTAINED.sort((a, b) => b.key.length - a.key.length);

/** A header cell as compared: no spaces or line breaks, full-width folded, no required-field marks or trailing colon. */
export function headerKey(text: string): string {
  return nameKey(text).replace(/[*＊:：]/g, '').replace(/[（(]/g, '（').replace(/[)）]/g, '）');
}

export interface HeaderMatch {
  field: FieldId;
  exact: boolean;
}

// Data cells are checked too (a header repeated on each printed page is skipped), and their texts repeat (党办, 长期坚持):
// each distinct text is matched once. Bounded, so a huge sheet of distinct texts cannot grow it without limit.
const matched = new Map<string, HeaderMatch | null>();

export function matchHeader(text: string): HeaderMatch | null {
  let m = matched.get(text);
  if (m === undefined) {
    if (matched.size > 5000) matched.clear();
    matched.set(text, (m = matchHeaderKey(text)));
  }
  return m;
}

function matchHeaderKey(text: string): HeaderMatch | null {
  const key = headerKey(text);
  if (!key || key.length > 24) return null;
  const exact = EXACT.get(key);
  if (exact) return { field: exact, exact: true };
  if (NOT_A_FIELD.test(key)) return null;
  for (const c of CONTAINED) if (key.includes(c.key)) return { field: c.field, exact: false };
  return null;
}
