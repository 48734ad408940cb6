import { FIELDS, type FieldId } from '../fields';
import { nameKey } from '../text';

/** Header texts seen for each column (see `synonyms` in fields.ts). */
export const HEADER_SYNONYMS: Record<FieldId, readonly string[]> = Object.fromEntries(FIELDS.map((f) => [f.id, f.synonyms])) as Record<FieldId, readonly string[]>;

/** Person columns that are not the responsible department or leader (we do not import people's names as such). */
const NOT_A_FIELD = /负责人|责任人|联系人|电话|签字|经办人/;
/** …of which these never hold the department's or leader's names, whatever else they say (分管校长签字) */
const NOT_NAMES = /联系人|电话|签字|经办人/;

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

/**
 * Headers this app writes for what an import does not read: the round's 本轮进展情况 (entries of a round, not of the
 * table). Never another field's column: 本轮进展情况 would otherwise be read as the status (it ends in 进展情况).
 */
const NOT_IMPORTED = new Set(FIELDS.filter((f) => f.store.kind === 'roundProgress').flatMap((f) => [headerKey(f.label), headerKey(f.exportLabel)]));

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
  if (!key || key.length > 24 || NOT_IMPORTED.has(key)) return null;
  const exact = EXACT.get(key);
  if (exact) return { field: exact, exact: true };
  // a person column (部门负责人) is not imported, but one that names the department or leader along with the person
  // (责任部门及责任人, 分管领导/责任人) is that column
  if (NOT_A_FIELD.test(key)) {
    if (NOT_NAMES.test(key)) return null;
    const named = CONTAINED.find((c) => c.key.length >= 4 && (c.field === 'departments' || c.field === 'leaders') && key.includes(c.key));
    return named ? { field: named.field, exact: false } : null;
  }
  // the longest synonym found wins; of two as long, the one the header ends with, as a Chinese compound names what it
  // is last (问题类型 is a type, 措施完成时限 a deadline, 部门领导 a leader); else the field ranked first
  let best: { key: string; field: FieldId; end: number } | null = null;
  for (const c of CONTAINED) {
    if (best && c.key.length < best.key.length) break;
    const at = key.lastIndexOf(c.key);
    if (at < 0) continue;
    const end = at + c.key.length;
    if (!best || end > best.end) best = { ...c, end };
  }
  return best ? { field: best.field, exact: false } : null;
}

/**
 * A column holding departments and people together: a 责任清单 in one column (问题清单 | 措施清单 | 责任清单), or one
 * headed for both (责任单位/责任人, 责任部门及责任领导). Its cells are read by responsibilityNames.
 */
const RESPONSIBILITY_LIST = /^(?:责任清单|责任|责任分工|责任落实)$/;
const UNIT_AND_PERSON = /^(?:责任)?(?:部门|单位|处室|科室)(?:\/|及|和|、)(?:责任人|负责人|责任领导|分管领导|领导)$/;

export const isResponsibilityList = (header: string): boolean => RESPONSIBILITY_LIST.test(headerKey(header));
export const isMixedResponsibility = (header: string): boolean => isResponsibilityList(header) || UNIT_AND_PERSON.test(headerKey(header));

/** A column of responsible people named as such, not as leaders (责任人, 负责人, 直接责任人…): read as the leaders where no 责任领导 column is. */
const PERSON_HEADER = /^(?:责任人|责任人员|负责人|直接责任人|主要负责人|第一责任人|管控负责人|具体责任人|整改责任人)$/;
export const isPersonHeader = (header: string): boolean => PERSON_HEADER.test(headerKey(header));
