import { newId } from '../ids';
import { forEachRow } from '../rows';
import type { Directory, Id, ListContent } from '../types';
import type { Snapshot, SnapshotMeasure, SnapshotProblem } from './types';

/**
 * The list as it stands, with names instead of ids: what a round freezes, and what “now” is compared with. One pass
 * over the rows (a 20,000-row list is frozen in a few milliseconds; storing it is one record).
 */
export function takeSnapshot(content: ListContent, directory: Directory, roundId: Id, now = Date.now()): Snapshot {
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
    });
  });
  const { unit, title, period } = content.list;
  return { id: newId(), roundId, listId: content.list.id, takenAt: now, list: { unit, title, period }, problems, measures };
}
