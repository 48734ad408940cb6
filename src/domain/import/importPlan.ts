import { KIND_LABEL, recordsOf } from '../directory';
import { NameResolver, type SimilarRecord } from '../names/nameResolver';
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

export type { SimilarReason, SimilarRecord } from '../names/nameResolver';

/** A department or leader name in the file that matches no record: created, unless the user maps it to one. */
export interface NewName {
  kind: PersonKind;
  name: string;
  count: number; // rows that use it
  /** existing records whose names resemble it, offered first in the preview; none is chosen by default */
  similar: SimilarRecord[];
  /** a new leader's post as the file first writes it with the name (张国栋（副校长）): the new record's 职务 */
  post?: string;
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
  // one resolver per kind, not per name: this runs for every row of the file when the preview opens
  const resolvers = { department: NameResolver.of(directory, 'department'), leader: NameResolver.of(directory, 'leader') };
  const keys = new Map<string, string>();
  for (const row of rows) {
    for (const [kind, names] of [['department', row.departments], ['leader', row.leaders]] as const) {
      for (const name of names) {
        let nk = keys.get(name);
        if (nk === undefined) keys.set(name, (nk = nameKey(name)));
        const key = `${kind}:${nk}`;
        const post = kind === 'leader' ? row.posts?.[name] : undefined;
        const entry = matched.get(key) ?? found.get(key);
        if (entry) {
          entry.count++;
          if (post && 'similar' in entry && !entry.post) entry.post = post;
          continue;
        }
        const r = resolvers[kind].resolve(name);
        if (r.found) matched.set(key, { kind, name, count: 1, id: r.record.id, record: r.record.name, reason: r.reason });
        else found.set(key, { kind, name, count: 1, similar: r.similar, ...(post ? { post } : {}) });
      }
    }
  }
  return { matched: [...matched.values()], fresh: [...found.values()] };
}

/** The names of the file that match no record (see nameReport). */
export function newNames(rows: readonly ImportRow[], directory: Directory): NewName[] {
  return nameReport(rows, directory).fresh;
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
