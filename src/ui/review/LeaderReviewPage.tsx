import { useMemo, useState } from 'react';
import { listStatistics } from '../../domain/cycle/statistics';
import { analysisMaterial } from '../../domain/review/analysisMaterial';
import { markReview, REVIEW_STATE_LABEL, reviewCounts, reviewingLeaders, reviewState, type ReviewState } from '../../domain/review/leaderReview';
import { leaderReviewSheet } from '../../domain/review/leaderReviewSheet';
import { ruleSpec, SEVERITY_LABEL } from '../../domain/review/rules';
import type { Finding } from '../../domain/review/types';
import type { Directory, Id, ListContent, Measure } from '../../domain/types';
import { DialogButtons, Modal } from '../Modal';
import { ReportView } from '../report/ReportView';
import { attempt } from '../run';
import type { CheckSettings } from './useFindings';
import './review.css';

interface Props {
  content: ListContent;
  directory: Directory;
  findings: readonly Finding[];
  settings: CheckSettings;
}

const WHOLE_UNIT = '';

/**
 * Each leader's March review: the measures of the departments they supervise (and those naming them), the checks'
 * findings on each, and 已审核 / 退回修改 with a comment per measure; then the 研判 material for their report.
 */
export function LeaderReviewPage({ content, directory, findings, settings }: Props) {
  const leaders = useMemo(() => reviewingLeaders(content, directory), [content, directory]);
  const [leaderId, setLeaderId] = useState<Id>(leaders[0]?.id ?? WHOLE_UNIT);
  const [returning, setReturning] = useState<Measure[] | null>(null);
  const [material, setMaterial] = useState(false);
  const leader = directory.leaders.find((l) => l.id === leaderId) ?? null;
  const { scope, problems: sheet } = useMemo(() => leaderReviewSheet(content, directory, leader?.id ?? null, findings), [content, directory, leader, findings]);
  const counts = reviewCounts(scope);

  const mark = (measures: Measure[], state: ReviewState, comment = '') => attempt(() => markReview(measures, state, comment, leader?.name ?? ''));

  const doc = useMemo(() => {
    if (!material) return null;
    const ids = new Set(scope.map((m) => m.id));
    const problems = sheet.map((g) => g.problem);
    const stats = listStatistics({ ...content, problems, measures: scope }, directory, settings);
    return analysisMaterial({ content, directory, leader: leader ? { id: leader.id, name: leader.name } : null, measureIds: ids, stats, findings });
  }, [material, scope, content, sheet, directory, settings, leader, findings]);

  return (
    <div className="review-page" data-testid="review-page">
      <div className="filter-bar">
        <label>
          审核领导{' '}
          <select data-testid="review-leader" value={leaderId} onChange={(e) => setLeaderId(e.target.value)}>
            {leaders.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
                {l.post ? `（${l.post}）` : ''}
              </option>
            ))}
            <option value={WHOLE_UNIT}>全部（办公室汇总）</option>
          </select>
        </label>
        <span data-testid="review-counts">
          待审核 {counts.pending} · 已审核 {counts.approved} · 退回修改 {counts.returned}
        </span>
        {leader && (
          <button type="button" data-testid="review-approve-all" disabled={counts.pending === 0} onClick={() => void mark(scope.filter((m) => reviewState(m) === 'pending'), 'approved')}>
            待审核的全部标为已审核
          </button>
        )}
        <button type="button" className="primary" data-testid="material-open" onClick={() => setMaterial(true)}>
          研判材料
        </button>
      </div>
      {!leader && scope.length > 0 && <p className="muted">办公室汇总：查看全部措施的审核情况；标记已审核或退回修改请先选择审核领导。</p>}
      {scope.length === 0 && <p className="muted">{leader ? `${leader.name}没有需要审核的措施（既非责任领导，也不分管相关部门）。` : '本清单还没有措施。'}</p>}
      <div className="review-page__problems">
        {sheet.map(({ problem: p, serial, findings: problemFindings, measures }) => (
          <section key={p.id} className="review-problem">
            <h3>
              <span className="review-problem__serial">{serial}</span> {p.text || '（问题未填写）'}
            </h3>
            <FindingLines findings={problemFindings} />
            <ul>
              {measures.map(({ measure: m, departments, leaders: leaderNames, findings: measureFindings }) => {
                const state = reviewState(m);
                return (
                  <li key={m.id} className={`review-measure review-measure--${state}`} data-testid="review-measure" data-measure-id={m.id}>
                    <div className="review-measure__text">{m.text || '（措施未填写）'}</div>
                    <div className="review-measure__meta muted">
                      {departments || '无责任部门'}
                      {leaderNames ? ` · 责任领导：${leaderNames}` : ''}
                      {m.deadline ? ` · ${m.deadline}` : ''}
                    </div>
                    <FindingLines findings={measureFindings} />
                    <div className="review-measure__state">
                      <span className={`review-state review-state--${state}`} data-testid="review-state">
                        {REVIEW_STATE_LABEL[state]}
                      </span>
                      {m.review?.comment && <span className="review-measure__comment">“{m.review.comment}”</span>}
                      {m.review && <span className="muted">（{m.review.by} {new Date(m.review.at).toLocaleDateString('zh-CN')}）</span>}
                      {leader && (
                        <span className="review-measure__buttons">
                          <button type="button" data-testid="review-approve" disabled={state === 'approved'} onClick={() => void mark([m], 'approved')}>
                            已审核
                          </button>
                          <button type="button" data-testid="review-return" onClick={() => setReturning([m])}>
                            退回修改…
                          </button>
                          {state !== 'pending' && (
                            <button type="button" className="link" onClick={() => void mark([m], 'pending')}>
                              改回待审核
                            </button>
                          )}
                        </span>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      {returning && (
        <ReturnDialog
          onClose={() => setReturning(null)}
          onSubmit={async (comment) => {
            const ok = await mark(returning, 'returned', comment);
            if (ok) setReturning(null);
          }}
        />
      )}
      {doc && <ReportView doc={doc} fileName={doc.title} onClose={() => setMaterial(false)} testId="material-view" />}
    </div>
  );
}

function FindingLines({ findings }: { findings: readonly Finding[] | undefined }) {
  if (!findings?.length) return null;
  return (
    <ul className="review-findings">
      {findings.map((f, i) => (
        <li key={i} className={`sev-line sev-line--${f.severity}`} title={ruleSpec(f.rule).label}>
          <span className={`sev sev--${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> {f.message}
        </li>
      ))}
    </ul>
  );
}

function ReturnDialog({ onClose, onSubmit }: { onClose: () => void; onSubmit: (comment: string) => Promise<void> }) {
  const [comment, setComment] = useState('');
  return (
    <Modal
      title="退回修改"
      onClose={onClose}
      testId="return-dialog"
      footer={<DialogButtons onCancel={onClose} confirmLabel="退回" testId="return-confirm" onConfirm={() => void onSubmit(comment)} />}
    >
      <label>
        需要修改什么（写给责任部门）
        <textarea rows={3} style={{ width: '100%' }} data-testid="return-comment" value={comment} onChange={(e) => setComment(e.target.value)} placeholder="例如：措施写成了问句，请写明具体做法和频次" />
      </label>
    </Modal>
  );
}
