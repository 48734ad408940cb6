import { byId, namesFor, type Person } from '../domain/directory';
import { buildRows, type RiskRow } from '../domain/rows';
import type { Directory, Id, ListContent } from '../domain/types';

/** A row as the grid shows it: the domain row plus the names its ids stand for, so a rename re-renders the cells. */
export interface GridRow extends RiskRow {
  departmentsText: string;
  leadersText: string;
}

export function peopleIndex(directory: Directory): Map<Id, Person> {
  return byId<Person>([...directory.departments, ...directory.leaders]);
}

export function buildGridRows(content: ListContent, people: ReadonlyMap<Id, Person>): GridRow[] {
  return buildRows(content.problems, content.measures).map((r) => ({
    ...r,
    departmentsText: namesFor(people, r.departmentIds).join('\n'),
    leadersText: namesFor(people, r.leaderIds).join('\n'),
  }));
}
