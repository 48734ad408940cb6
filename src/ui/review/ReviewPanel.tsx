import { useMemo, useState } from 'react';
import { dismissFinding, restoreFinding } from '../../domain/review/leaderReview';
import { quickFix } from '../../domain/review/quickFixes';
import { RULES, SEVERITY_LABEL, ruleSpec } from '../../domain/review/rules';
import type { Finding, RuleId, Severity } from '../../domain/review/types';
import type { Directory, Id, ListContent } from '../../domain/types';
import { DialogButtons, Modal } from '../Modal';
import { attempt, runPatch } from '../run';
import { placesOf, placeText } from './findingPlaces';
import './review.css';

interface Props {
  content: ListContent;
  directory: Directory;
  findings: readonly Finding[];
  /** focuses the cell a finding points at */
  onLocate: (finding: Finding) => void;
  onClose: () => void;
}

/** A long list can have thousands of findings: the panel shows them in pages. */
const PAGE = 200;

/**
 * The 检查 panel beside the grid: the review's findings with counts by rule and severity, filters by rule, department
 * and leader, a click to the cell, the obvious quick fixes, and dismissing a finding with a reason (undoable).
 */
export function ReviewPanel({ content, directory, findings, onLocate, onClose }: Props) {
  const [rule, setRule] = useState<RuleId | ''>('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [department, setDepartment] = useState<Id | ''>('');
  const [leader, setLeader] = useState<Id | ''>('');
  const [showDismissed, setShowDismissed] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [dismissing, setDismissing] = useState<Finding | null>(null);

  const places = useMemo(() => placesOf(content), [content]);
  const measureOf = useMemo(() => new Map(content.measures.map((m) => [m.id, m])), [content]);
  const open = useMemo(() => findings.filter((f) => !f.dismissed), [findings]);
  const counts = useMemo(() => {
    const byRule = new Map<RuleId, number>();
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0 };
    for (const f of open) {
      byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      bySeverity[f.severity]++;
    }
    return { byRule, bySeverity };
  }, [open]);

  const shown = useMemo(
    () =>
      findings.filter((f) => {
        if (!showDismissed && f.dismissed) return false;
        if (rule && f.rule !== rule) return false;
        if (severity && f.severity !== severity) return false;
        const m = f.measureId ? measureOf.get(f.measureId) : undefined;
        if (department && !m?.departmentIds.includes(department)) return false;
        if (leader && !m?.leaderIds.includes(leader)) return false;
        return true;
      }),
    [findings, showDismissed, rule, severity, department, leader, measureOf],
  );

  const targetOf = (f: Finding) => {
    const m = f.measureId ? measureOf.get(f.measureId) : undefined;
    if (m && f.field !== 'problem') return { kind: 'measure' as const, record: m };
    const p = content.problems.find((x) => x.id === f.problemId);
    return p ? { kind: 'problem' as const, record: p } : null;
  };

  return (
    <aside className="review-panel" data-testid="review-panel" aria-label="检查">
      <header className="review-panel__head">
        <h2>检查</h2>
        <span className="review-panel__totals" data-testid="review-totals">
          <span className="sev sev--error">{SEVERITY_LABEL.error} {counts.bySeverity.error}</span>
          <span className="sev sev--warning">{SEVERITY_LABEL.warning} {counts.bySeverity.warning}</span>
        </span>
        <button type="button" className="link" onClick={onClose} aria-label="关闭检查">
          关闭
        </button>
      </header>
      <p className="review-panel__intro muted">按“问题内容是否具体，措施是否具有可操作性”和“五个明确”检查本清单。点一条可定位到单元格。</p>
      <div className="review-panel__chips" role="group" aria-label="按规则筛选">
        {RULES.filter((r) => counts.byRule.get(r.id)).map((r) => (
          <button
            key={r.id}
            type="button"
            className={`chip chip--${r.severity}`}
            aria-pressed={rule === r.id}
            data-testid={`review-count-${r.id}`}
            onClick={() => setRule(rule === r.id ? '' : r.id)}
          >
            {r.label} <b>{counts.byRule.get(r.id)}</b>
          </button>
        ))}
        {open.length === 0 && <span className="review-panel__ok">未发现问题</span>}
      </div>
      <div className="review-panel__filters">
        <select aria-label="严重程度" value={severity} onChange={(e) => setSeverity(e.target.value as Severity | '')}>
          <option value="">全部</option>
          <option value="error">只看错误</option>
          <option value="warning">只看提醒</option>
        </select>
        <select aria-label="责任部门" value={department} onChange={(e) => setDepartment(e.target.value)}>
          <option value="">全部部门</option>
          {directory.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select aria-label="责任领导" value={leader} onChange={(e) => setLeader(e.target.value)}>
          <option value="">全部领导</option>
          {directory.leaders.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <label className="review-panel__dismissed">
          <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} />
          显示已忽略
        </label>
      </div>
      <ol className="review-panel__list">
        {shown.slice(0, limit).map((f, i) => {
          const fix = f.dismissed ? null : quickFix(f, content, directory);
          const target = targetOf(f);
          return (
            <li key={`${f.rule}:${f.problemId}:${f.measureId}:${i}`} className={`finding finding--${f.severity}${f.dismissed ? ' finding--dismissed' : ''}`} data-testid="review-finding" data-rule={f.rule}>
              <button type="button" className="finding__main" onClick={() => onLocate(f)} title="定位到单元格">
                <span className={`sev sev--${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
                <span className="finding__rule">{ruleSpec(f.rule).label}</span>
                <span className="finding__place">{placeText(f, places)}</span>
                <span className="finding__message">{f.message}</span>
                {f.dismissed && <span className="finding__reason">已忽略：{f.dismissed.reason}</span>}
              </button>
              <span className="finding__actions">
                {fix && (
                  <button type="button" className="link" data-testid="review-fix" onClick={() => void runPatch(fix.patch)}>
                    {fix.label}
                  </button>
                )}
                {target && !f.dismissed && (
                  <button type="button" className="link" data-testid="review-dismiss" onClick={() => setDismissing(f)}>
                    忽略…
                  </button>
                )}
                {target && f.dismissed && (
                  <button type="button" className="link" onClick={() => void runPatch(restoreFinding(target, f.rule))}>
                    恢复
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {shown.length > limit && (
        <button type="button" className="review-panel__more" onClick={() => setLimit(limit + PAGE)}>
          再显示 {Math.min(PAGE, shown.length - limit)} 条（共 {shown.length} 条）
        </button>
      )}
      {dismissing && (
        <DismissDialog
          finding={dismissing}
          onClose={() => setDismissing(null)}
          onSubmit={async (reason) => {
            const target = targetOf(dismissing);
            if (!target) return false;
            return attempt(() => dismissFinding(target, dismissing.rule, reason));
          }}
        />
      )}
    </aside>
  );
}

function DismissDialog({ finding, onClose, onSubmit }: { finding: Finding; onClose: () => void; onSubmit: (reason: string) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (await onSubmit(reason)) onClose();
  };
  return (
    <Modal
      title="忽略这条检查提醒"
      onClose={onClose}
      testId="dismiss-dialog"
      footer={<DialogButtons onCancel={onClose} confirmLabel="忽略" testId="dismiss-confirm" onConfirm={() => void submit()} />}
    >
      <p className="muted">{finding.message}</p>
      <label>
        理由（写入检查结果，可撤销）
        <textarea
          rows={3}
          value={reason}
          data-testid="dismiss-reason"
          onChange={(e) => setReason(e.target.value)}
          placeholder="例如：长期性工作，无固定时限"
          style={{ width: '100%' }}
        />
      </label>
    </Modal>
  );
}
