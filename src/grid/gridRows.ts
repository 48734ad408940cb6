import type { Person } from '../domain/directory';
import { namesText } from '../domain/directory';
import { changedRecords, InPlaceUpdates } from '../domain/contentUpdate';
import type { Directory, Id, ListContent, Measure, Problem } from '../domain/types';
import { measureCells } from '../domain/rows';
import { buildGridRows, NO_PROGRESS, peopleIndex, reuseUnchanged, type GridRow } from './gridRow';

/** The grid's rows at one moment. */
export interface GridRowsVersion {
  rows: readonly GridRow[];
  /** position of each row in `rows` */
  indexOf: ReadonlyMap<string, number>;
  /** position of each problem's first row: a problem's rows are consecutive */
  problemStart: ReadonlyMap<Id, number>;
  /** rows that are measures (a problem without measures shows as a row too) */
  measureCount: number;
}

const rowUpdates = new InPlaceUpdates<GridRowsVersion, readonly GridRow[]>();

/**
 * The rows `next` replaced in place since `prev` (same rows, same order), which the grid can apply as a transaction;
 * 'all' when the rows may differ in any way and must be given whole (see contentUpdate.ts).
 */
export const changedRows = (prev: GridRowsVersion | null | undefined, next: GridRowsVersion): readonly GridRow[] | 'all' =>
  rowUpdates.changed(prev, next);

/**
 * Turns each list snapshot into grid rows: all rows, rebuilt from the snapshot, keeping the objects of rows that did
 * not change. The fast path: an edit of cells (a snapshot replacing records in place of the previous one) replaces only
 * the rows of the records it changed: at 20,000 rows, rebuilding and re-diffing every row made an edit take a quarter
 * of a second.
 */
export class GridRowsBuilder {
  private content: ListContent | null = null;
  private directory: Directory | null = null;
  private people: ReadonlyMap<Id, Person> = new Map();
  private version: GridRowsVersion | null = null;
  private progress: ReadonlyMap<Id, string> = NO_PROGRESS;

  /** `progress`: each measure's 进展情况 in the round shown; a change of it alone replaces the rows whose text changed. */
  build(content: ListContent, directory: Directory, progress: ReadonlyMap<Id, string> = NO_PROGRESS): GridRowsVersion {
    const same = content === this.content && directory === this.directory;
    if (this.version && same && progress === this.progress) return this.version;
    const previous = this.version;
    const replaced = changedRecords(this.content, content);
    this.version =
      previous && same
        ? this.progressInPlace(previous, progress)
        : previous && replaced !== 'all' && directory === this.directory && progress === this.progress
          ? this.inPlace(previous, replaced.problems, replaced.measures)
          : this.rebuild(content, directory, previous, progress);
    this.content = content;
    this.directory = directory;
    this.progress = progress;
    return this.version;
  }

  private progressInPlace(previous: GridRowsVersion, progress: ReadonlyMap<Id, string>): GridRowsVersion {
    const rows = previous.rows.slice();
    const updated: GridRow[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const text = r.measureId ? (progress.get(r.measureId) ?? '') : '';
      if (text === r.progress) continue;
      rows[i] = { ...r, progress: text };
      updated.push(rows[i]!);
    }
    const version = { ...previous, rows };
    rowUpdates.record(previous, version, updated);
    return version;
  }

  private rebuild(content: ListContent, directory: Directory, previous: GridRowsVersion | null, progress: ReadonlyMap<Id, string>): GridRowsVersion {
    if (directory !== this.directory) this.people = peopleIndex(directory);
    const before = new Map<string, GridRow>();
    if (previous) for (const r of previous.rows) before.set(r.rowId, r);
    const rows = reuseUnchanged(buildGridRows(content, this.people, progress), before);
    const indexOf = new Map<string, number>();
    const problemStart = new Map<Id, number>();
    let measureCount = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      indexOf.set(r.rowId, i);
      if (r.measureIndex === 0) problemStart.set(r.problemId, i);
      if (r.measureId) measureCount++;
    }
    return { rows, indexOf, problemStart, measureCount };
  }

  private inPlace(previous: GridRowsVersion, problems: readonly Problem[], measures: readonly Measure[]): GridRowsVersion {
    const rows = previous.rows.slice();
    const updated = new Map<string, GridRow>();
    const replace = (index: number, row: GridRow) => {
      rows[index] = row;
      updated.set(row.rowId, row);
    };
    for (const m of measures) {
      const i = previous.indexOf.get(m.id)!;
      replace(i, {
        ...rows[i]!,
        ...measureCells(m),
        departmentsText: namesText(this.people, m.departmentIds),
        leadersText: namesText(this.people, m.leaderIds),
      });
    }
    for (const p of problems) {
      for (let i = previous.problemStart.get(p.id)!; i < rows.length && rows[i]!.problemId === p.id; i++) {
        replace(i, { ...rows[i]!, problem: p.text, level: p.level, category: p.category });
      }
    }
    const version = { ...previous, rows };
    rowUpdates.record(previous, version, [...updated.values()]);
    return version;
  }
}
