import type { FieldSubset } from '../fields';
import type { Id } from '../types';

/** The review rules' ids: a contract with the CLI's `check` output and with findings dismissed by users. */
export type RuleId =
  | 'problem-empty'
  | 'measure-empty'
  | 'problem-no-measure'
  | 'problem-vague'
  | 'problem-duplicate'
  | 'measure-duplicate'
  | 'measure-not-actionable'
  | 'measure-vague'
  | 'measure-no-department'
  | 'measure-no-leader'
  | 'measure-no-deadline'
  | 'leader-not-supervisor'
  | 'overdue';

/** 错误: the list is not fit to hand in; 提醒: worth a look, may be right as it is. */
export type Severity = 'error' | 'warning';

/** The cell a finding points at: a problem's or a measure's field. */
export type FindingField = FieldSubset<'problem' | 'measure' | 'departments' | 'leaders' | 'deadline'>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  listId: Id;
  problemId: Id;
  /** null for a finding about the problem itself */
  measureId: Id | null;
  field: FindingField;
  message: string;
  /** set when a user judged the finding right as it is: kept for the report, not counted as open */
  dismissed?: { reason: string; at: number };
}
