import { KIND_LABEL, nameIndex, recordsOf, type Person } from '../directory';
import { createList, type ListMeta } from '../lists';
import { concatPatches, remove, update, type Op, type Patch } from '../patch';
import { appendFlatRows, emptyContent } from '../rowsToList';
import { nameKey } from '../text';
import type { Directory, Id, ListContent, PersonKind, RiskList } from '../types';
import { EditContext } from '../editContext';
import { applyUpdate } from './importUpdate';
import type { ImportRow } from './types';

/** update: an edited copy of an exported list goes back into that list, matched by the ids it carries. */
export type ImportMode = 'new' | 'append' | 'replace' | 'update';

/** Why a record was offered for a new name: never chosen for the user, only shown as a choice. */
export type SimilarReason = 'contains' | 'contained' | 'surname';

export interface SimilarRecord {
  id: Id;
  name: string;
  reason: SimilarReason;
  /** the record's name or alias that resembles the new name */
  via: string;
}

/** A department or leader name in the file that matches no record: created, unless the user maps it to one. */
export interface NewName {
  kind: PersonKind;
  name: string;
  count: number; // rows that use it
  /** existing records whose names resemble it, offered first in the preview; none is chosen by default */
  similar: SimilarRecord[];
}

/** A name in the file that is an existing record: the same name after normalisation, or one of its aliases. */
export interface MatchedName {
  kind: PersonKind;
  name: string;
  count: number;
  id: Id;
  record: string; // the record's name
  reason: 'same' | 'alias';
}

export interface NameReport {
  matched: MatchedName[];
  fresh: NewName[];
}

/**
 * The department and leader names of the file against the directory. A name maps to a record only when it is that
 * record's name after normalisation (spaces, widths, invisible characters) or one of its aliases; a name that merely
 * resembles one (陈校长 and 校长, 办公室 and 党政办公室, 张书记 and 张国栋) is new, with the records it resembles
 * offered as choices. Two people are never merged by a guess.
 */
export function nameReport(rows: readonly ImportRow[], directory: Directory): NameReport {
  const found = new Map<string, NewName>();
  const matched = new Map<string, MatchedName>();
  // indexed once, not per name: this runs for every row of the file when the preview opens
  const known = { department: nameIndex(directory.departments), leader: nameIndex(directory.leaders) };
  const keys = new Map<string, string>();
  const keyed = { department: keyedRecords(directory.departments), leader: keyedRecords(directory.leaders) };
  for (const row of rows) {
    for (const [kind, names] of [['department', row.departments], ['leader', row.leaders]] as const) {
      for (const name of names) {
        let nk = keys.get(name);
        if (nk === undefined) keys.set(name, (nk = nameKey(name)));
        const key = `${kind}:${nk}`;
        const record = known[kind].get(nk);
        if (record) {
          const entry = matched.get(key);
          if (entry) entry.count++;
          else matched.set(key, { kind, name, count: 1, id: record.id, record: record.name, reason: nameKey(record.name) === nk ? 'same' : 'alias' });
          continue;
        }
        const entry = found.get(key);
        if (entry) entry.count++;
        else found.set(key, { kind, name, count: 1, similar: similarTo(keyed[kind], kind, name) });
      }
    }
  }
  return { matched: [...matched.values()], fresh: [...found.values()] };
}

/** The names of the file that match no record (see nameReport). */
export function newNames(rows: readonly ImportRow[], directory: Directory): NewName[] {
  return nameReport(rows, directory).fresh;
}

/** Common compound surnames: the surname of 欧阳娜娜 is 欧阳, not 欧. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '轩辕', '呼延'];
/** Characters that begin posts and bodies, not surnames: 副校长, 党委书记, 校长, 分管领导… */
const NOT_SURNAME = new Set([...'副正党校分主总院处科部办团教德政纪工财后保信宣组人学年班各中小大第一二三四五六七八九十前本全该兼常执首原代']);
const HAN_NAME = /^[\u4e00-\u9fa5]{2,4}$/;

/** A person's surname, when the name looks like a person's (张国栋, 张书记), else ''. */
function surnameOf(name: string): string {
  if (!HAN_NAME.test(name)) return '';
  const two = name.slice(0, 2);
  if (COMPOUND_SURNAMES.includes(two)) return name.length > 2 ? two : '';
  return NOT_SURNAME.has(name[0]!) ? '' : name[0]!;
}

const SIMILAR_ORDER: Record<SimilarReason, number> = { contains: 0, contained: 1, surname: 2 };
const MAX_SIMILAR = 6;

/**
 * Records a new name resembles: one contains the other (陈校长 ⊃ 校长, 办公室 ⊂ 党政办公室), or, for leaders, the
 * same surname (张书记 and 张国栋). Offered, never chosen.
 */
export function similarRecords(records: readonly Person[], kind: PersonKind, name: string): SimilarRecord[] {
  return similarTo(keyedRecords(records), kind, name);
}

interface KeyedRecord {
  record: Person;
  names: { name: string; key: string; surname: string }[];
}

/** Records with their names' keys and surnames worked out once, not once per new name. */
function keyedRecords(records: readonly Person[]): KeyedRecord[] {
  return records.map((record) => ({
    record,
    names: ('aliases' in record ? [record.name, ...record.aliases] : [record.name]).map((name) => {
      const key = nameKey(name);
      return { name, key, surname: surnameOf(key) };
    }),
  }));
}

function similarTo(records: readonly KeyedRecord[], kind: PersonKind, name: string): SimilarRecord[] {
  const key = nameKey(name);
  if (!key) return [];
  const surname = kind === 'leader' ? surnameOf(key) : '';
  const out: SimilarRecord[] = [];
  for (const { record, names } of records) {
    let best: SimilarRecord | null = null;
    for (const n of names) {
      const nk = n.key;
      if (!nk || nk === key) continue;
      let reason: SimilarReason | null = null;
      if (nk.length >= 2 && key.includes(nk)) reason = 'contains';
      else if (key.length >= 2 && nk.includes(key)) reason = 'contained';
      else if (surname && n.surname === surname) reason = 'surname';
      if (reason && (!best || SIMILAR_ORDER[reason] < SIMILAR_ORDER[best.reason])) best = { id: record.id, name: record.name, reason, via: n.name };
    }
    if (best) out.push(best);
  }
  out.sort((a, b) => SIMILAR_ORDER[a.reason] - SIMILAR_ORDER[b.reason]);
  return out.slice(0, MAX_SIMILAR);
}

/** Why a record was offered for a new name, as the preview says it. */
export function similarText(s: SimilarRecord, name: string): string {
  switch (s.reason) {
    case 'contains':
      return `“${name}”包含“${s.via}”`;
    case 'contained':
      return `“${s.via}”包含“${name}”`;
    case 'surname':
      return `与“${s.via}”同姓`;
  }
}

/** Why a name of the file was matched to a record, as the preview says it. */
export function matchedText(m: MatchedName): string {
  const label = KIND_LABEL[m.kind];
  return m.reason === 'same' ? `与已有${label}同名` : `是${label}“${m.record}”的别名`;
}

export interface ImportPlan {
  mode: ImportMode;
  rows: readonly ImportRow[];
  /** `${kind}:${nameKey}` → the existing record a new name stands for */
  mapped: ReadonlyMap<string, Id>;
  meta?: ListMeta; // for a new list
  target?: ListContent; // for append / replace / update
}

export const mappingKey = (kind: PersonKind, name: string): string => `${kind}:${nameKey(name)}`;

/**
 * The whole import as one patch: it lands at once or not at all, and one undo takes it back. A name the user mapped
 * to an existing department becomes that department's alias, so the next import of the same name maps by itself.
 */
export function importPatch(plan: ImportPlan, directory: Directory, fileName: string): { patch: Patch; listId: Id } {
  const people = (kind: PersonKind) => new Map(recordsOf(directory, kind).map((r) => [r.id, r] as const));
  const depts = people('department');
  const leaders = people('leader');
  const rename = (kind: PersonKind, names: string[]) =>
    names.map((n) => {
      const id = plan.mapped.get(mappingKey(kind, n));
      return (id && (kind === 'department' ? depts : leaders).get(id)?.name) || n;
    });
  const renamePosts = (posts: Record<string, string> | undefined) => {
    if (!posts) return posts;
    const out: Record<string, string> = {};
    for (const [name, post] of Object.entries(posts)) out[rename('leader', [name])[0]!] = post;
    return out;
  };
  // names mapped in the preview to existing records take those records' names (usually none are)
  const rows =
    plan.mapped.size === 0
      ? plan.rows
      : plan.rows.map((r) => ({
          ...r,
          departments: rename('department', r.departments),
          leaders: rename('leader', r.leaders),
          ...(r.posts ? { posts: renamePosts(r.posts) } : {}),
        }));

  const aliasOps: Op[] = [];
  const added = new Map<Id, string[]>();
  for (const [key, id] of plan.mapped) {
    if (!key.startsWith('department:')) continue;
    const dept = directory.departments.find((d) => d.id === id);
    const name = plan.rows.flatMap((r) => r.departments).find((n) => mappingKey('department', n) === key);
    if (!dept || !name) continue;
    const aliases = added.get(id) ?? [...dept.aliases];
    if (!aliases.some((a) => nameKey(a) === nameKey(name))) aliases.push(name);
    added.set(id, aliases);
  }
  for (const [id, aliases] of added) aliasOps.push(update('departments', id, { aliases }));

  const label = `导入“${fileName}”（${rows.length} 条措施）`;
  let list: RiskList;
  let content: ListContent;
  const parts: Patch[] = [{ label: '', ops: aliasOps }];
  if (plan.mode === 'new') {
    const created = createList(plan.meta ?? { unit: '', title: fileName.replace(/\.xlsx$/i, ''), period: '' });
    list = created.list;
    content = emptyContent(list);
    parts.push(created.patch);
  } else if (plan.mode === 'update') {
    if (!plan.target) throw new Error('update needs the list the workbook came from');
    const ctx = new EditContext(plan.target, { departments: [...directory.departments], leaders: [...directory.leaders] });
    applyUpdate(ctx, rows);
    parts.push(ctx.changes.build(''));
    return { patch: concatPatches(`用“${fileName}”更新清单（${rows.length} 行）`, parts), listId: plan.target.list.id };
  } else {
    if (!plan.target) throw new Error('append/replace needs a target list');
    list = plan.target.list;
    content = plan.target;
    if (plan.mode === 'replace') {
      parts.push({
        label: '',
        ops: [...plan.target.measures.map((m) => remove('measures', m.id)), ...plan.target.problems.map((p) => remove('problems', p.id))],
      });
      content = emptyContent(list);
    }
  }
  parts.push(appendFlatRows(content, directory, rows, ''));
  return { patch: concatPatches(label, parts), listId: list.id };
}
