import { useMemo, useState } from 'react';
import { DIFF_FIELD_LABEL, diffFor, diffNames, type MeasureDiff, type RoundDiff } from '../../domain/cycle/diff';

interface Props {
  diff: RoundDiff;
  departments: string[];
  leaders: string[];
}

const SECTIONS = [
  ['added', '新增'],
  ['closed', '销号'],
  ['reopened', '重新打开'],
  ['changed', '有变化'],
  ['removed', '删除'],
  ['carried', '上期带入'],
] as const;

/** Two rounds side by side: what is new, closed, changed (field by field, old → new), removed or carried. */
export function DiffView({ diff, departments, leaders }: Props) {
  const [by, setBy] = useState<'' | `d:${string}` | `l:${string}`>('');
  const departmentNames = useMemo(() => diffNames(diff, 'departments', departments), [diff, departments]);
  const leaderNames = useMemo(() => diffNames(diff, 'leaders', leaders), [diff, leaders]);
  const shown = useMemo(() => (by ? diffFor(diff, by.startsWith('d:') ? 'departments' : 'leaders', by.slice(2)) : diff), [diff, by]);
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="diff-view__bar">
        <span data-testid="diff-summary">
          新增 {shown.added.length} · 销号 {shown.closed.length} · 有变化 {shown.changed.length} · 删除 {shown.removed.length}
          {shown.carried.length ? ` · 上期带入 ${shown.carried.length}` : ''}
          {!by && diff.unchanged ? ` · 未变 ${diff.unchanged}` : ''}
        </span>
        <select aria-label="按部门或领导" data-testid="diff-by" value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
          <option value="">全部部门和领导</option>
          <optgroup label="责任部门">
            {departmentNames.map((d) => (
              <option key={d} value={`d:${d}`}>
                {d}
              </option>
            ))}
          </optgroup>
          <optgroup label="责任领导">
            {leaderNames.map((l) => (
              <option key={l} value={`l:${l}`}>
                {l}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {SECTIONS.map(([key, label]) =>
        shown[key].length ? (
          <section key={key} className={`diff-section diff-section--${key}`} data-testid={`diff-${key}`}>
            <h3>
              {label}（{shown[key].length}）
            </h3>
            <ul>
              {shown[key].map((d) => (
                <DiffItem key={d.measureId} d={d} withChanges={key === 'changed' || key === 'carried'} />
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {SECTIONS.every(([key]) => shown[key].length === 0) && <p className="muted">两次之间没有变化。</p>}
    </div>
  );
}

function DiffItem({ d, withChanges }: { d: MeasureDiff; withChanges: boolean }) {
  return (
    <li className="diff-item">
      <div className="diff-item__problem muted">{d.problem || '（问题未填写）'}</div>
      <div className="diff-item__measure">{d.measure || '（措施未填写）'}</div>
      <div className="diff-item__who muted">{[d.departments.join('、'), d.leaders.join('、')].filter(Boolean).join(' · ')}</div>
      {withChanges && d.changes.length > 0 && (
        <table className="diff-changes">
          <tbody>
            {d.changes.map((c) => (
              <tr key={c.field}>
                <th>{DIFF_FIELD_LABEL[c.field]}</th>
                <td className="diff-old">{c.from || '（空）'}</td>
                <td className="diff-arrow">→</td>
                <td className="diff-new">{c.to || '（空）'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
