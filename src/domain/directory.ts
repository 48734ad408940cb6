import { DomainError } from './errors';
import { NameResolver, newRecord, type Person } from './names/nameResolver';
import { create, remove, update, type Op, type Patch } from './patch';
import { cleanName, nameKey } from './text';
import type { Department, Directory, Id, Measure, PersonKind } from './types';

/**
 * Departments and leaders are records referenced by id from measures. These operations keep that true: a rename is one
 * field, a merge or delete moves every reference in the same patch, and no measure is left pointing at nothing.
 */

export const KIND_LABEL: Record<PersonKind, string> = { department: '部门', leader: '领导' };
const TABLE = { department: 'departments', leader: 'leaders' } as const;
const MEASURE_FIELD = { department: 'departmentIds', leader: 'leaderIds' } as const;

export type { Person };
export { NameResolver };

export function recordsOf(directory: Directory, kind: PersonKind): readonly Person[] {
  return kind === 'department' ? directory.departments : directory.leaders;
}

/** One look-up (it indexes the records): for many names, make a NameResolver once and look them up through it. */
export function findByName(directory: Directory, kind: PersonKind, name: string): Person | undefined {
  return NameResolver.of(directory, kind).lookup(name);
}

/**
 * Turns names into ids: an existing record matches by name or alias; an unknown name becomes a new record, returned in
 * `created` so that the caller adds it in the same patch.
 */
export function resolveNames(
  directory: Directory,
  kind: PersonKind,
  names: readonly string[],
): { ids: Id[]; created: Person[] } {
  const resolver = NameResolver.of(directory, kind);
  const ids: Id[] = [];
  const created: Person[] = [];
  for (const raw of names) {
    const found = resolver.find(raw);
    if (!found) continue;
    if (found.created) created.push(found.record);
    if (!ids.includes(found.record.id)) ids.push(found.record.id);
  }
  return { ids, created };
}

export const createOps = (kind: PersonKind, records: readonly Person[]): Op[] =>
  records.map((r) => create(TABLE[kind], r as never));

function assertNameFree(directory: Directory, kind: PersonKind, name: string, selfId?: Id): string {
  const clean = cleanName(name);
  if (!clean) throw new DomainError(`${KIND_LABEL[kind]}名称不能为空，请输入名称。`);
  const existing = findByName(directory, kind, clean);
  if (existing && existing.id !== selfId) {
    throw new DomainError(`已有名为“${existing.name}”的${KIND_LABEL[kind]}，请换一个名称，或使用“合并”。`);
  }
  return clean;
}

export function createPerson(directory: Directory, kind: PersonKind, name: string): { patch: Patch; record: Person } {
  const record = newRecord(kind, assertNameFree(directory, kind, name));
  return { patch: { label: `新建${KIND_LABEL[kind]}“${record.name}”`, ops: createOps(kind, [record]) }, record };
}

export function renamePerson(directory: Directory, kind: PersonKind, id: Id, name: string): Patch {
  const rec = getPerson(directory, kind, id);
  const clean = assertNameFree(directory, kind, name, id);
  if (clean === rec.name) return { label: '重命名', ops: [] };
  return { label: `将${KIND_LABEL[kind]}“${rec.name}”重命名为“${clean}”`, ops: [update(TABLE[kind], id, { name: clean })] };
}

export function getPerson(directory: Directory, kind: PersonKind, id: Id): Person {
  const rec = recordsOf(directory, kind).find((r) => r.id === id);
  if (!rec) throw new DomainError(`找不到该${KIND_LABEL[kind]}，可能已在其他窗口中删除，请刷新后重试。`);
  return rec;
}

export function setDepartmentAliases(directory: Directory, id: Id, aliasesText: string): Patch {
  const dept = getPerson(directory, 'department', id) as Department;
  const aliases: string[] = [];
  const known = NameResolver.of(directory, 'department');
  for (const raw of aliasesText.split(/[\n、，,;；/]+/)) {
    const alias = cleanName(raw);
    if (!alias || nameKey(alias) === nameKey(dept.name) || aliases.some((a) => nameKey(a) === nameKey(alias))) continue;
    const other = known.lookup(alias);
    if (other && other.id !== id) {
      throw new DomainError(`别名“${alias}”已是部门“${other.name}”的名称或别名，请先合并这两个部门。`);
    }
    aliases.push(alias);
  }
  return { label: `修改部门“${dept.name}”的别名`, ops: [update('departments', id, { aliases })] };
}

export function setDepartmentSupervisor(directory: Directory, id: Id, leaderId: Id | null): Patch {
  const dept = getPerson(directory, 'department', id) as Department;
  if (leaderId) getPerson(directory, 'leader', leaderId);
  return { label: `设置部门“${dept.name}”的分管领导`, ops: [update('departments', id, { supervisorId: leaderId })] };
}

export function setLeaderPost(directory: Directory, id: Id, post: string): Patch {
  const leader = getPerson(directory, 'leader', id);
  return { label: `修改领导“${leader.name}”的职务`, ops: [update('leaders', id, { post: cleanName(post) })] };
}

/** Rewrites the references of `measures` from one record to another (or drops them when `toId` is null). */
function moveReferences(kind: PersonKind, measures: readonly Measure[], fromId: Id, toId: Id | null): Op[] {
  const field = MEASURE_FIELD[kind];
  const ops: Op[] = [];
  for (const m of measures) {
    const ids = m[field];
    if (!ids.includes(fromId)) continue;
    const next: Id[] = [];
    for (const id of ids) {
      const mapped = id === fromId ? toId : id;
      if (mapped && !next.includes(mapped)) next.push(mapped);
    }
    ops.push(update('measures', m.id, { [field]: next }));
  }
  return ops;
}

/** Departments whose supervising leader is `fromId` move to `toId`. */
function moveSupervisors(directory: Directory, fromId: Id, toId: Id | null): Op[] {
  return directory.departments
    .filter((d) => d.supervisorId === fromId)
    .map((d) => update('departments', d.id, { supervisorId: toId }));
}

/**
 * Merges `fromId` into `intoId`: every measure (of every list) that referenced `fromId` now references `intoId`, and the
 * old name becomes an alias so that later imports and pastes of that name land on the merged record.
 * `referencing` must hold every measure that references `fromId`.
 */
export function mergePersons(
  directory: Directory,
  kind: PersonKind,
  fromId: Id,
  intoId: Id,
  referencing: readonly Measure[],
): Patch {
  if (fromId === intoId) throw new DomainError(`不能把${KIND_LABEL[kind]}合并到它自己，请选择另一个。`);
  const from = getPerson(directory, kind, fromId);
  const into = getPerson(directory, kind, intoId);
  const ops = moveReferences(kind, referencing, fromId, intoId);
  if (kind === 'department') {
    const f = from as Department;
    const t = into as Department;
    const aliases = [...t.aliases];
    for (const n of [f.name, ...f.aliases]) if (!aliases.some((a) => nameKey(a) === nameKey(n))) aliases.push(n);
    ops.push(update('departments', intoId, { aliases, supervisorId: t.supervisorId ?? f.supervisorId }));
  } else {
    ops.push(...moveSupervisors(directory, fromId, intoId));
  }
  ops.push(remove(TABLE[kind], fromId));
  return { label: `将${KIND_LABEL[kind]}“${from.name}”合并到“${into.name}”`, ops };
}

/**
 * Deletes a record. Its references either move to `reassignTo` or are removed from the measures; either way none is
 * left dangling. `referencing` must hold every measure that references `id`.
 */
export function deletePerson(
  directory: Directory,
  kind: PersonKind,
  id: Id,
  reassignTo: Id | null,
  referencing: readonly Measure[],
): Patch {
  if (reassignTo) return mergePersons(directory, kind, id, reassignTo, referencing);
  const rec = getPerson(directory, kind, id);
  const ops = moveReferences(kind, referencing, id, null);
  if (kind === 'leader') ops.push(...moveSupervisors(directory, id, null));
  ops.push(remove(TABLE[kind], id));
  return { label: `删除${KIND_LABEL[kind]}“${rec.name}”`, ops };
}

/** How many measures reference each record, across all lists. */
export function usageCounts(measures: readonly Measure[], kind: PersonKind): Map<Id, number> {
  const field = MEASURE_FIELD[kind];
  const counts = new Map<Id, number>();
  for (const m of measures) for (const id of m[field]) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Display names for ids, in the given order; an unknown id (never expected) shows as nothing rather than crashing. */
export function namesFor(index: ReadonlyMap<Id, Person>, ids: readonly Id[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const p = index.get(id);
    if (p) out.push(p.name);
  }
  return out;
}

/** The names for ids as a cell shows them, one per line (no array: this runs for every row of a long list). */
export function namesText(index: ReadonlyMap<Id, Person>, ids: readonly Id[]): string {
  let text = '';
  for (const id of ids) {
    const name = index.get(id)?.name;
    if (name !== undefined) text = text ? `${text}\n${name}` : name;
  }
  return text;
}

export function byId<T extends { id: Id }>(records: readonly T[]): Map<Id, T> {
  // a plain loop: no [id, record] pair per record (this indexes whole lists, on every edit)
  const map = new Map<Id, T>();
  for (let i = 0; i < records.length; i++) map.set(records[i]!.id, records[i]!);
  return map;
}
