import type { Id, ListContent, Measure, Problem } from './types';

/**
 * The fast path of an edit, kept here so that the rest of the code reads as if every change rebuilt everything.
 *
 * Every reader sees plain snapshots (ListContent for a list, the grid's rows version for the grid): a change gives a
 * new snapshot, and rebuilding from it is always right. That is the slow path, and the one to read first. An edit of
 * cells is most changes, though, and rebuilding at tens of thousands of rows made each edit slow; so a snapshot made
 * from the one before it by replacing records where they stand (the same records, in the same order, under the same
 * problems) remembers so, and a consumer asks `changed(prev, next)`: the records replaced, or 'all' when it must
 * rebuild. Anything that adds, removes or moves a record is 'all'; so is any pair of snapshots that were not made one
 * from the other (a consumer that missed a snapshot rebuilds).
 */
export class InPlaceUpdates<S extends object, R> {
  private readonly madeFrom = new WeakMap<S, { base: S; replaced: R }>();

  /** `next` is `base` with `replaced` put where the items they replace stand. */
  record(base: S, next: S, replaced: R): void {
    this.madeFrom.set(next, { base, replaced });
  }

  /** What `next` changed since `prev`: the items replaced in place, or 'all'. */
  changed(prev: S | null | undefined, next: S): R | 'all' {
    const made = this.madeFrom.get(next);
    return prev && made && made.base === prev ? made.replaced : 'all';
  }
}

/** A list snapshot's records replaced in place since the one before. */
export interface ReplacedRecords {
  problems: readonly Problem[];
  measures: readonly Measure[];
}

const contentUpdates = new InPlaceUpdates<ListContent, ReplacedRecords>();

/** What `next` changed since `prev`: the records replaced in place, or 'all' (see InPlaceUpdates). */
export const changedRecords = (prev: ListContent | null | undefined, next: ListContent): ReplacedRecords | 'all' =>
  contentUpdates.changed(prev, next);

/**
 * `base` with records replaced where they stand: each must replace a record of `base` with the same id, `order` and
 * (for a measure) problem. Only the replaced positions are written: no sort, no index of the whole list.
 */
export function replaceInPlace(base: ListContent, problems: readonly Problem[], measures: readonly Measure[]): ListContent {
  const index = contentIndex(base);
  const next: ListContent = {
    list: base.list,
    problems: replaceAt(base.problems, problems, index.problems),
    measures: replaceAt(base.measures, measures, index.measures),
  };
  indexes.set(next, index); // positions are unchanged
  contentUpdates.record(base, next, { problems, measures });
  return next;
}

function replaceAt<T extends { id: Id }>(records: readonly T[], replacements: readonly T[], index: ReadonlyMap<Id, number>): T[] {
  if (replacements.length === 0) return records as T[];
  const out = records.slice();
  for (const r of replacements) out[index.get(r.id)!] = r;
  return out;
}

/** Where each record sits in a list snapshot's sorted arrays. */
interface ContentIndex {
  problems: ReadonlyMap<Id, number>;
  measures: ReadonlyMap<Id, number>;
}

const indexes = new WeakMap<ListContent, ContentIndex>();

function indexPositions(records: readonly { id: Id }[]): Map<Id, number> {
  const map = new Map<Id, number>();
  for (let i = 0; i < records.length; i++) map.set(records[i]!.id, i);
  return map;
}

/**
 * The index of a snapshot, built once per snapshot, and carried over by an edit in place (which keeps positions), so
 * that an edit looks its records up without indexing the whole list. The open list builds it as it publishes a snapshot.
 */
function contentIndex(content: ListContent): ContentIndex {
  let index = indexes.get(content);
  if (!index) {
    index = { problems: indexPositions(content.problems), measures: indexPositions(content.measures) };
    indexes.set(content, index);
  }
  return index;
}

/** Builds a snapshot's index now (the open list does, as it publishes one), rather than on the first edit. */
export function indexContent(content: ListContent): void {
  contentIndex(content);
}

export const findProblem = (content: ListContent, id: Id): Problem | undefined => {
  const i = contentIndex(content).problems.get(id);
  return i === undefined ? undefined : content.problems[i];
};

export const findMeasure = (content: ListContent, id: Id): Measure | undefined => {
  const i = contentIndex(content).measures.get(id);
  return i === undefined ? undefined : content.measures[i];
};

/** A grid row's measure (none for a problem's row that has no measure yet). */
export const measureOfRow = (content: ListContent, row: { measureId: Id | null | undefined }): Measure | undefined =>
  row.measureId ? findMeasure(content, row.measureId) : undefined;
