import { useState, type FormEvent } from 'react';
import type { ListMeta } from '../domain/lists';
import { Modal } from './Modal';

interface Props {
  title: string;
  submitLabel: string;
  initial: ListMeta;
  onSubmit: (meta: ListMeta) => Promise<boolean>;
  onClose: () => void;
  /** a unit name the user may take with one click (the last list's), never filled in unasked */
  unitSuggestion?: string;
}

/** 单位名称, 标题, 期次 of a list: for creating, editing and duplicating. */
export function ListMetaDialog({ title, submitLabel, initial, onSubmit, onClose, unitSuggestion }: Props) {
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
        {unitSuggestion && meta.unit !== unitSuggestion && (
          <button type="button" className="link suggestion" data-testid="list-unit-suggestion" onClick={() => setMeta({ ...meta, unit: unitSuggestion })}>
            沿用上一份清单的单位：{unitSuggestion}
          </button>
        )}
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
