import type { ImportRow } from '../import/types';
import { workbookList } from '../workbookList';
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
export function checkImport(rows: readonly ImportRow[], fileName: string, options: CheckOptions): WorkbookCheck {
  const { content, directory, rowOfMeasure, rowOfProblem } = workbookList(rows, fileName);
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
