import { newId } from '../ids';
import { forEachRow } from '../rows';
import type { Directory, Id, ListContent } from '../types';
import type { Snapshot, SnapshotMeasure, SnapshotProblem } from './types';

/**
 * The list as it stands, with names instead of ids: what a round freezes, and what “now” is compared with. One pass
 * over the rows (a 20,000-row list is frozen in a few milliseconds; storing it is one record).
 */
export function takeSnapshot(
  content: ListContent,
  directory: Directory,
  roundId: Id,
  now = Date.now(),
  /** the round's 进展情况 by measure, when a round is held (a comparison with "now" has none) */
  progress?: ReadonlyMap<Id, string>,
): Snapshot {
  const deptName = new Map(directory.departments.map((d) => [d.id, d.name]));
  const leaderName = new Map(directory.leaders.map((l) => [l.id, l.name]));
  const problems: SnapshotProblem[] = [];
  const measures: SnapshotMeasure[] = [];
  forEachRow(content.problems, content.measures, (p, m, serial, index) => {
    if (index === 0) {
      problems.push({ id: p.id, serial, text: p.text, level: p.level, category: p.category, closed: p.closed ?? null });
    }
    if (!m) return;
    measures.push({
      id: m.id,
      problemId: p.id,
      text: m.text,
      departments: m.departmentIds.map((id) => deptName.get(id) ?? '').filter(Boolean),
      leaders: m.leaderIds.map((id) => leaderName.get(id) ?? '').filter(Boolean),
      deadline: m.deadline,
      status: m.status,
      note: m.note,
      closed: m.closed ?? null,
      carriedFrom: m.carriedFrom ?? null,
      ...(progress ? { progress: progress.get(m.id) ?? '' } : {}),
    });
  });
  const { unit, title, period } = content.list;
  return { id: newId(), roundId, listId: content.list.id, takenAt: now, list: { unit, title, period }, problems, measures };
}

/**
 * A snapshot as a list again (names become records of their own), so that a held round prints and exports with the
 * same layout code as the live list, exactly as it stood.
 */
export function snapshotContent(snapshot: Snapshot): { content: ListContent; directory: Directory } {
  const departments = new Map<string, Directory['departments'][number]>();
  const leaders = new Map<string, Directory['leaders'][number]>();
  const dept = (name: string) => {
    let d = departments.get(name);
    if (!d) departments.set(name, (d = { id: `d:${name}`, name, aliases: [], supervisorId: null }));
    return d.id;
  };
  const leader = (name: string) => {
    let l = leaders.get(name);
    if (!l) leaders.set(name, (l = { id: `l:${name}`, name, post: '' }));
    return l.id;
  };
  const order = new Map<Id, number>();
  const content: ListContent = {
    list: { id: snapshot.listId, ...snapshot.list, createdAt: snapshot.takenAt, updatedAt: snapshot.takenAt },
    problems: snapshot.problems.map((p, i) => ({ id: p.id, listId: snapshot.listId, text: p.text, order: i + 1, level: p.level, category: p.category, closed: p.closed })),
    measures: snapshot.measures.map((m) => {
      const n = (order.get(m.problemId) ?? 0) + 1;
      order.set(m.problemId, n);
      return {
        id: m.id,
        listId: snapshot.listId,
        problemId: m.problemId,
        text: m.text,
        order: n,
        departmentIds: m.departments.map(dept),
        leaderIds: m.leaders.map(leader),
        deadline: m.deadline,
        status: m.status,
        note: m.note,
        closed: m.closed,
        carriedFrom: m.carriedFrom,
      };
    }),
  };
  return { content, directory: { departments: [...departments.values()], leaders: [...leaders.values()] } };
}

/**
 * The round's 进展情况 as the snapshot froze it, by measure (only the measures that had one): the 本轮进展情况 column of
 * the held round's print and export, as the grid showed it for that round.
 */
export function snapshotProgress(snapshot: Snapshot): Record<Id, string> {
  const out: Record<Id, string> = {};
  for (const m of snapshot.measures) if (m.progress) out[m.id] = m.progress;
  return out;
}
