import { useState, type FormEvent } from 'react';
import type { ListMeta } from '../domain/lists';
import { Modal } from './Modal';

interface Props {
  title: string;
  submitLabel: string;
  initial: ListMeta;
  onSubmit: (meta: ListMeta) => Promise<boolean>;
  onClose: () => void;
}

/** 单位名称, 标题, 期次 of a list: for creating, editing and duplicating. */
export function ListMetaDialog({ title, submitLabel, initial, onSubmit, onClose }: Props) {
  const [meta, setMeta] = useState(initial);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (await onSubmit(meta)) onClose();
  };
  const field = (key: keyof ListMeta, label: string, placeholder: string, testId: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={meta[key]}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => setMeta({ ...meta, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <Modal
      title={title}
      onClose={onClose}
      testId="list-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" data-testid="list-dialog-submit" onClick={() => void submit()}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form onSubmit={(e) => void submit(e)}>
        {field('title', '标题', '例如：2026年意识形态领域风险“三清单”', 'list-title')}
        {field('unit', '单位名称', '例如：XX市第五中学', 'list-unit')}
        {field('period', '期次', '例如：2026年上半年', 'list-period')}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}

/** The period a new list most likely belongs to: this half-year. */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}年${now.getMonth() < 6 ? '上' : '下'}半年`;
}
