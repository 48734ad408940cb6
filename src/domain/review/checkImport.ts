import { importPatch } from '../import/importPlan';
import type { WorkbookImport } from '../import/importWorkbook';
import type { ImportRow } from '../import/types';
import { applyInMemory, emptyTables, listFromTables } from '../memoryState';
import { checkList, type CheckOptions } from './checkList';
import { RULES } from './rules';
import type { FindingField, RuleId, Severity } from './types';

/** A finding as the command line reports it: where it is in the workbook, not which record. */
export interface WorkbookFinding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  row: number; // 1-based Excel row
  field: FindingField;
  message: string;
}

export interface WorkbookCheck {
  findings: WorkbookFinding[];
  /** findings per rule id (every rule, zero included) */
  counts: Record<RuleId, number>;
  severityCounts: Record<Severity, number>;
}

/**
 * Checks an imported workbook as the app checks a list: the rows become a list in memory (the same import as the app's),
 * the list is reviewed, and each finding is pointed back at the Excel row it came from.
 */
export function checkImport(result: Pick<WorkbookImport, 'rows'>, fileName: string, options: CheckOptions): WorkbookCheck {
  const tables = emptyTables();
  const { patch, listId } = importPatch(
    { mode: 'new', rows: result.rows, mapped: new Map(), meta: { unit: '', title: fileName, period: '' } },
    { departments: [], leaders: [] },
    fileName,
  );
  applyInMemory(tables, patch);
  // the import creates one measure per row, in row order, and each problem at its first row
  const rowOfMeasure = new Map<string, ImportRow>();
  const rowOfProblem = new Map<string, ImportRow>();
  let i = 0;
  for (const op of patch.ops) {
    if (op.type !== 'create' || op.table !== 'measures') continue;
    const row = result.rows[i++];
    if (!row) break;
    const measure = op.value as { id: string; problemId: string };
    rowOfMeasure.set(measure.id, row);
    if (!rowOfProblem.has(measure.problemId)) rowOfProblem.set(measure.problemId, row);
  }
  const { content, directory } = listFromTables(tables, listId);
  const findings: WorkbookFinding[] = [];
  for (const f of checkList(content, directory, options)) {
    const row = (f.measureId && rowOfMeasure.get(f.measureId)) || rowOfProblem.get(f.problemId);
    if (!row) continue;
    findings.push({ rule: f.rule, severity: f.severity, sheet: row.sheet ?? '', row: row.excelRow, field: f.field, message: f.message });
  }
  const counts = Object.fromEntries(RULES.map((r) => [r.id, 0])) as Record<RuleId, number>;
  const severityCounts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const f of findings) {
    counts[f.rule]++;
    severityCounts[f.severity]++;
  }
  return { findings, counts, severityCounts };
}
