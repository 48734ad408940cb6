import type { ContentIndex, Id, ListContent, LiveListContent, Measure, Problem } from './types';

const built = new WeakMap<ListContent, ContentIndex>();

/** Each record's position in `records`. */
export function indexPositions(records: readonly { id: Id }[]): Map<Id, number> {
  const map = new Map<Id, number>();
  for (let i = 0; i < records.length; i++) map.set(records[i]!.id, i);
  return map;
}

/**
 * The index of a snapshot: the one the open list keeps up to date (an edit in place keeps positions, so the index
 * carries over and an edit looks its records up without indexing the whole list), or one built once per snapshot.
 */
export function contentIndex(content: LiveListContent): ContentIndex {
  if (content.index) return content.index;
  let index = built.get(content);
  if (!index) {
    index = { problems: indexPositions(content.problems), measures: indexPositions(content.measures) };
    built.set(content, index);
  }
  return index;
}

export const findProblem = (content: ListContent, id: Id): Problem | undefined => {
  const i = contentIndex(content).problems.get(id);
  return i === undefined ? undefined : content.problems[i];
};

export const findMeasure = (content: ListContent, id: Id): Measure | undefined => {
  const i = contentIndex(content).measures.get(id);
  return i === undefined ? undefined : content.measures[i];
};
