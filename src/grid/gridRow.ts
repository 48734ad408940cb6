import { byId, namesText, type Person } from '../domain/directory';
import type { NamesOf } from '../domain/fields';
import { forEachRow, rowOf, type RiskRow } from '../domain/rows';
import type { Directory, Id, ListContent } from '../domain/types';

/** A row as the grid shows it: the domain row plus the names its ids stand for, so a rename re-renders the cells. */
export interface GridRow extends RiskRow {
  departmentsText: string;
  leadersText: string;
  /** the 进展情况 of the round the grid shows (cycle/progress.ts shownRound) */
  progress: string;
}

/** The names the grid's rows carry already (see GridRow), for the registry's cell texts. */
export const gridNames: NamesOf = (r, person) => (person === 'department' ? (r as GridRow).departmentsText : (r as GridRow).leadersText);

export const NO_PROGRESS: ReadonlyMap<Id, string> = new Map();

export function peopleIndex(directory: Directory): Map<Id, Person> {
  return byId<Person>([...directory.departments, ...directory.leaders]);
}

export function buildGridRows(content: ListContent, people: ReadonlyMap<Id, Person>, progress: ReadonlyMap<Id, string> = NO_PROGRESS): GridRow[] {
  const rows: GridRow[] = [];
  // the names filled in on the row as made: this runs on every structural change, for every row
  forEachRow(content.problems, content.measures, (p, m, serial, measureIndex) => {
    const row = rowOf(p, m, serial, measureIndex) as GridRow;
    row.departmentsText = m ? namesText(people, m.departmentIds) : '';
    row.leadersText = m ? namesText(people, m.leaderIds) : '';
    row.progress = m ? (progress.get(m.id) ?? '') : '';
    rows.push(row);
  });
  return rows;
}

/**
 * Reuses the previous object for every row whose values did not change. The live query hands over fresh objects on
 * every database change (in any tab); passing those to the grid would refresh every row and close an editor the user
 * has open, so only rows that really changed get new objects.
 */
export function reuseUnchanged(next: GridRow[], previous: ReadonlyMap<string, GridRow>): GridRow[] {
  if (previous.size === 0) return next;
  return next.map((row) => {
    const old = previous.get(row.rowId);
    return old && sameRow(old, row) ? old : row;
  });
}

function sameRow(a: GridRow, b: GridRow): boolean {
  for (const key of Object.keys(b) as (keyof GridRow)[]) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i])) continue;
    return false;
  }
  return true;
}
