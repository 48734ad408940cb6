import type { RuleId, Severity } from './types';

export interface RuleSpec {
  id: RuleId;
  severity: Severity;
  /** a short name for counts and filters */
  label: string;
}

/** Every review rule, in the order the 检查 panel lists them. */
export const RULES: readonly RuleSpec[] = [
  { id: 'problem-empty', severity: 'error', label: '问题为空' },
  { id: 'problem-no-measure', severity: 'error', label: '问题没有措施' },
  { id: 'measure-empty', severity: 'error', label: '措施为空' },
  { id: 'measure-not-actionable', severity: 'error', label: '措施不可操作' },
  { id: 'measure-no-department', severity: 'error', label: '缺责任部门' },
  { id: 'problem-vague', severity: 'warning', label: '问题不具体' },
  { id: 'measure-vague', severity: 'warning', label: '措施笼统' },
  { id: 'problem-duplicate', severity: 'warning', label: '问题重复' },
  { id: 'measure-duplicate', severity: 'warning', label: '措施重复' },
  { id: 'measure-no-leader', severity: 'warning', label: '缺责任领导' },
  { id: 'measure-no-deadline', severity: 'warning', label: '缺完成时限' },
  { id: 'leader-not-supervisor', severity: 'warning', label: '领导不分管该部门' },
  { id: 'overdue', severity: 'warning', label: '已逾期' },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export const ruleSpec = (id: RuleId): RuleSpec => BY_ID.get(id)!;

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '提醒' };
