import { findMeasure, findProblem } from './contentUpdate';
import { byId, createOps, NameResolver, type Person } from './directory';
import { textStore, type TextField } from './fields';
import { ORDER_STEP } from './order';
import { PatchBuilder } from './patchBuilder';
import type { RiskRow } from './rows';
import type { Department, Directory, Id, Leader, ListContent, Measure, PersonKind, Problem } from './types';
import { newId } from './ids';
import { cleanText } from './text';

/** A department or leader chosen in the picker: an existing record (id) or a name to find or create. */
export interface NamePick {
  id?: Id;
  name: string;
  /** a leader's post written with the name (an imported “张国栋（副校长）”): fills the leader's 职务 when empty */
  post?: string;
}

export type { TextField };

export function emptyMeasure(listId: Id, problemId: Id, order: number): Measure {
  return { id: newId(), listId, problemId, text: '', order, departmentIds: [], leaderIds: [], deadline: '', status: '', note: '' };
}

export function emptyProblem(listId: Id, order: number): Problem {
  return { id: newId(), listId, text: '', order, level: '', category: '' };
}

/**
 * The state one user action works against: the list, the directory (growing as the action creates departments or
 * leaders) and the builder that collects its changes.
 */
export class EditContext {
  /** the changes the action makes, built into its patch (and read back through `view` as the action goes on) */
  readonly changes = new PatchBuilder();
  private readonly departments: Department[];
  private readonly leaders: Person[];
  private readonly firstMeasureOf = new Map<Id, Id>(); // problem-only rows given a measure in this action
  private readonly resolvers = new Map<PersonKind, NameResolver>();
  private readonly postsSeen = new Set<Id>();

  constructor(
    readonly content: ListContent,
    directory: Directory,
  ) {
    this.departments = [...directory.departments];
    this.leaders = [...directory.leaders];
  }

  // looked up through the snapshot's index: indexing a list of tens of thousands of rows on every edit is not free
  readonly problems = { get: (id: Id): Problem | undefined => findProblem(this.content, id) };
  readonly measures = { get: (id: Id): Measure | undefined => findMeasure(this.content, id) };

  get directory(): Directory {
    return { departments: this.departments, leaders: this.leaders as Directory['leaders'] };
  }

  measure(id: Id): Measure | undefined {
    return this.changes.view('measures', id, this.measures.get(id));
  }

  /** The measure a row edits; a problem-only row gets its first measure here. */
  ensureMeasure(row: RiskRow): Id {
    if (row.measureId) return row.measureId;
    let id = this.firstMeasureOf.get(row.problemId);
    if (!id) {
      const m = emptyMeasure(this.content.list.id, row.problemId, ORDER_STEP);
      this.changes.create('measures', m);
      this.firstMeasureOf.set(row.problemId, m.id);
      id = m.id;
    }
    return id;
  }

  /**
   * The measure a 进展情况 cell's text goes to: a problem without measures gets one for a text, as for any measure cell,
   * but not for an empty cell. Null when there is none to write to.
   */
  progressMeasure(row: RiskRow, text: string): Id | null {
    return row.measureId ?? (cleanText(text) ? this.ensureMeasure(row) : null);
  }

  /** Writes a text field to the record it is stored on (the problem's fields to the problem, shared by its measures). */
  setText(row: RiskRow, field: TextField, value: string): void {
    const store = textStore(field);
    if (store.table === 'problems') {
      const current = this.changes.view('problems', row.problemId, this.problems.get(row.problemId));
      if (current && current[store.key] !== value) this.changes.update('problems', row.problemId, { [store.key]: value });
      return;
    }
    if (!row.measureId && value === '' && !this.firstMeasureOf.has(row.problemId)) return; // nothing to create
    const id = this.ensureMeasure(row);
    const current = this.measure(id);
    if (current && current[store.key] !== value) this.changes.update('measures', id, { [store.key]: value });
  }

  /** One resolver per kind and action: the directory is indexed once, not per row (a 20,000-row update took 6 s). */
  private resolver(kind: PersonKind): NameResolver {
    let resolver = this.resolvers.get(kind);
    if (!resolver) this.resolvers.set(kind, (resolver = new NameResolver(kind, (kind === 'department' ? this.departments : this.leaders) as Person[])));
    return resolver;
  }

  /** Ids of names that exist already, in order; an unknown name gives a placeholder, so a comparison says “changed”. */
  existingIds(kind: PersonKind, names: readonly string[]): Id[] {
    const resolver = this.resolver(kind);
    return names.map((n) => resolver.lookup(n)?.id ?? `?${n}`);
  }

  /** Ids for picks, creating records for new names (once per action, however often the name appears). */
  resolve(kind: PersonKind, picks: readonly NamePick[]): Id[] {
    const resolver = this.resolver(kind);
    const ids: Id[] = [];
    for (const pick of picks) {
      let id = pick.id && resolver.has(pick.id) ? pick.id : undefined;
      if (!id) {
        const found = resolver.find(pick.name);
        if (!found) continue;
        if (found.created) for (const op of createOps(kind, [found.record])) if (op.type === 'create') this.changes.create(op.table, op.value);
        id = found.record.id;
      }
      if (kind === 'leader' && pick.post) this.fillPost(id, resolver, pick.post);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /** A leader's 职务 from a post written with the name, when the leader has none (never overwriting one). */
  private fillPost(id: Id, resolver: NameResolver, post: string): void {
    if (this.postsSeen.has(id)) return; // once per leader and action: the first post written with the name wins
    this.postsSeen.add(id);
    const record = resolver.records.find((r) => r.id === id) as Leader | undefined;
    const current = this.changes.view('leaders', id, record);
    if (current && !current.post) this.changes.update('leaders', id, { post });
  }

  /**
   * Sets a row's departments or leaders. Picking departments for a measure that has no leader yet fills in the
   * departments' supervising leaders, as the office would do by hand; `fillLeaders: false` when leaders are set too.
   */
  setPeople(row: RiskRow, kind: PersonKind, picks: readonly NamePick[], fillLeaders = true): void {
    const ids = this.resolve(kind, picks);
    if (!row.measureId && ids.length === 0 && !this.firstMeasureOf.has(row.problemId)) return;
    const id = this.ensureMeasure(row);
    const current = this.measure(id)!;
    const field = kind === 'department' ? 'departmentIds' : 'leaderIds';
    if (!sameIds(current[field], ids)) this.changes.update('measures', id, { [field]: ids });
    if (kind === 'department' && fillLeaders && current.leaderIds.length === 0) {
      const departments = this.resolver('department');
      const supervisors: Id[] = [];
      for (const d of ids) {
        const s = (departments.get(d) as Department | undefined)?.supervisorId;
        if (s && !supervisors.includes(s)) supervisors.push(s);
      }
      if (supervisors.length > 0) this.changes.update('measures', id, { leaderIds: supervisors });
    }
  }
}

export function supervisorsOf(departments: readonly Department[], ids: readonly Id[]): Id[] {
  const index = byId(departments);
  const out: Id[] = [];
  for (const id of ids) {
    const s = index.get(id)?.supervisorId;
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

export const sameIds = (a: readonly Id[], b: readonly Id[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);
