import { useState } from 'react';
import type { CarryOptions } from '../../domain/cycle/carryOver';
import type { ListMeta } from '../../domain/lists';
import { DialogButtons, Modal } from '../Modal';

interface Props {
  initial: ListMeta;
  /** how many problems and measures are open (would be carried) and closed */
  counts: { openMeasures: number; closedMeasures: number };
  onSubmit: (meta: ListMeta, options: Pick<CarryOptions, 'closed' | 'status'>) => Promise<boolean>;
  onClose: () => void;
}

/**
 * 开始下一期: the next period's list from this one's open work. The user chooses whether 已销号 items come along (as
 * closed, for the record) and whether statuses start again at 未开始.
 */
export function NextPeriodDialog({ initial, counts, onSubmit, onClose }: Props) {
  const [meta, setMeta] = useState(initial);
  const [closed, setClosed] = useState<CarryOptions['closed']>('skip');
  const [status, setStatus] = useState<CarryOptions['status']>('reset');
  const submit = async () => {
    if (await onSubmit(meta, { closed, status })) onClose();
  };
  return (
    <Modal
      title="开始下一期"
      onClose={onClose}
      testId="list-dialog"
      footer={<DialogButtons onCancel={onClose} confirmLabel="开始下一期" testId="list-dialog-submit" onConfirm={() => void submit()} />}
    >
      <p className="muted">
        新一期清单将带入本期未销号的 {counts.openMeasures} 条措施及其问题，并记住它们来自本期（可在对比中看到）。
        {counts.closedMeasures > 0 && ` 本期已销号 ${counts.closedMeasures} 条。`}
      </p>
      <label className="field">
        <span>标题</span>
        <input value={meta.title} data-testid="list-title" onChange={(e) => setMeta({ ...meta, title: e.target.value })} />
      </label>
      <label className="field">
        <span>单位名称</span>
        <input value={meta.unit} data-testid="list-unit" onChange={(e) => setMeta({ ...meta, unit: e.target.value })} />
      </label>
      <label className="field">
        <span>期次</span>
        <input value={meta.period} data-testid="list-period" onChange={(e) => setMeta({ ...meta, period: e.target.value })} />
      </label>
      <fieldset className="choice">
        <legend>已销号的问题和措施</legend>
        <label>
          <input type="radio" name="closed" checked={closed === 'skip'} data-testid="carry-skip-closed" onChange={() => setClosed('skip')} /> 不带入（通常做法）
        </label>
        <label>
          <input type="radio" name="closed" checked={closed === 'carry-closed'} data-testid="carry-closed" onChange={() => setClosed('carry-closed')} /> 带入，保持已销号
        </label>
      </fieldset>
      <fieldset className="choice">
        <legend>进展/状态</legend>
        <label>
          <input type="radio" name="status" checked={status === 'reset'} data-testid="carry-reset-status" onChange={() => setStatus('reset')} /> 重置为“未开始”（“长期坚持”保留）
        </label>
        <label>
          <input type="radio" name="status" checked={status === 'keep'} data-testid="carry-keep-status" onChange={() => setStatus('keep')} /> 保留本期的进展
        </label>
      </fieldset>
      <p className="muted">完成时限已过的措施会在新一期中标为逾期，请逐条复核时限。</p>
    </Modal>
  );
}
