import { useMemo } from 'react';
import { progressLog } from '../../domain/cycle/progress';
import { ROUND_STATE_LABEL } from '../../domain/cycle/types';
import type { RiskRow } from '../../domain/rows';
import type { Directory, Id } from '../../domain/types';
import { useProgress, useRecordLog, useRounds } from '../../storage/hooks';
import { Modal } from '../Modal';
import { ChangeLogEntries } from './ChangeLogEntries';

/** Every recorded change of one row: its measure's 进展情况 round by round, then the change log of its measure and problem. */
export function RowChangeLogDialog({ row, listId, directory, onClose }: { row: RiskRow; listId: Id; directory: Directory; onClose: () => void }) {
  const ids = useMemo(() => [row.problemId, ...(row.measureId ? [row.measureId] : [])], [row]);
  const entries = useRecordLog(ids);
  return (
    <Modal title={`修改记录：${(row.measure || row.problem).slice(0, 30)}`} onClose={onClose} testId="row-history" wide footer={<button type="button" onClick={onClose}>关闭</button>}>
      {row.measureId && <ProgressHistory listId={listId} measure={{ id: row.measureId, status: row.status }} />}
      {entries ? <ChangeLogEntries entries={entries} directory={directory} only={new Set(ids)} /> : <p className="muted">读取中…</p>}
    </Modal>
  );
}

/** The measure's progress log: each round's status and 进展情况 with its date, oldest first. */
function ProgressHistory({ listId, measure }: { listId: Id; measure: { id: Id; status: string } }) {
  const rounds = useRounds(listId);
  const progress = useProgress(listId);
  if (!rounds || !progress) return null;
  const log = progressLog(measure, progress, rounds);
  return (
    <section className="row-progress" data-testid="row-progress">
      <h3>各轮进展情况</h3>
      {log.length === 0 ? (
        <p className="muted">还没有研判轮次。在“研判轮次”页新建研判会后，可在表格的“进展情况”列填写本轮进展。</p>
      ) : (
        <table className="row-progress__table">
          <thead>
            <tr>
              <th>研判轮次</th>
              <th>填写日期</th>
              <th>状态</th>
              <th>进展情况</th>
            </tr>
          </thead>
          <tbody>
            {log.map((r) => (
              <tr key={r.round.id} data-testid="row-progress-round">
                <td>
                  {r.round.name}
                  <span className="muted">（{ROUND_STATE_LABEL[r.round.state]}）</span>
                </td>
                <td>{r.date || '—'}</td>
                <td>{r.status || '—'}</td>
                <td className="row-progress__text">{r.text || <span className="muted">未填写</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
