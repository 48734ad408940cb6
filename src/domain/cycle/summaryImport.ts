import type { ImportRow } from '../import/types';
import { workbookList } from '../workbookList';
import { listStatistics, type ListStatistics, type StatisticsOptions } from './statistics';

/** The statistics of an imported table as the command line prints them: overdue measures by their Excel row. */
export interface WorkbookSummary extends Omit<ListStatistics, 'overdue'> {
  overdue: { row: number; sheet: string; measure: string; deadline: string; due: string }[];
}

export function summaryImport(rows: readonly ImportRow[], fileName: string, options: StatisticsOptions): WorkbookSummary {
  const { content, directory, rowOfMeasure } = workbookList(rows, fileName);
  const stats = listStatistics(content, directory, options);
  return {
    ...stats,
    overdue: stats.overdue.map((o) => {
      const row = rowOfMeasure.get(o.measureId);
      return { row: row?.excelRow ?? 0, sheet: row?.sheet ?? '', measure: o.measure, deadline: o.deadline, due: o.due };
    }),
  };
}
