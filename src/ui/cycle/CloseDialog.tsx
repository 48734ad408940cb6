import { useState } from 'react';
import type { ClosureInput } from '../../domain/cycle/closure';
import { todayIso } from '../../domain/deadline';
import { DialogButtons, Modal } from '../Modal';

interface Props {
  /** what is being closed, e.g. “措施“每月研判一次”” or “问题 3 及其 2 条措施” */
  what: string;
  /** shown above the fields, e.g. that the measure is not done yet; 销号 stays allowed */
  warning?: string;
  onSubmit: (input: ClosureInput) => Promise<boolean>;
  onClose: () => void;
}


/** 销号: the date, the 验收意见 and who accepted it; recorded in the row's history, reopenable. */
export function CloseDialog({ what, warning, onSubmit, onClose }: Props) {
  const [input, setInput] = useState<ClosureInput>({ date: todayIso(), note: '', by: '' });
  const submit = async () => {
    if (await onSubmit(input)) onClose();
  };
  return (
    <Modal
      title="销号"
      onClose={onClose}
      testId="close-dialog"
      footer={<DialogButtons onCancel={onClose} confirmLabel="销号" testId="close-submit" onConfirm={() => void submit()} />}
    >
      <p>{what}</p>
      {warning && (
        <p className="close-warning" role="alert" data-testid="close-warning">
          {warning}
        </p>
      )}
      <label className="field">
        <span>销号日期</span>
        <input type="date" value={input.date} data-testid="close-date" onChange={(e) => setInput({ ...input, date: e.target.value })} />
      </label>
      <label className="field">
        <span>验收意见</span>
        <textarea rows={3} value={input.note} data-testid="close-note" placeholder="例如：已完成整改，经党办验收" onChange={(e) => setInput({ ...input, note: e.target.value })} />
      </label>
      <label className="field">
        <span>验收人</span>
        <input value={input.by} data-testid="close-by" placeholder="例如：党办 李老师" onChange={(e) => setInput({ ...input, by: e.target.value })} />
      </label>
    </Modal>
  );
}
