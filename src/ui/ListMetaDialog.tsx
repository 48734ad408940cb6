import { useState, type FormEvent } from 'react';
import type { ListMeta } from '../domain/lists';
import { DEFAULT_STATUSES, STATUS_COLOR_IDS, STATUS_COLORS, type StatusColor, type StatusOption } from '../domain/status';
import { DialogButtons, Modal } from './Modal';

interface Props {
  title: string;
  submitLabel: string;
  initial: ListMeta;
  onSubmit: (meta: ListMeta) => Promise<boolean>;
  onClose: () => void;
  /** a unit name the user may take with one click (the last list's), never filled in unasked */
  unitSuggestion?: string;
}

/** 单位名称, 标题, 期次 and the statuses of a list: for creating, editing and duplicating. */
export function ListMetaDialog({ title, submitLabel, initial, onSubmit, onClose, unitSuggestion }: Props) {
  const [meta, setMeta] = useState(initial);
  const [statuses, setStatuses] = useState<StatusOption[]>(() => (initial.statuses ?? DEFAULT_STATUSES).map((s) => ({ ...s })));
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (await onSubmit({ ...meta, statuses })) onClose();
  };
  const field = (key: 'unit' | 'title' | 'period', label: string, placeholder: string, testId: string) => (
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
  const setStatus = (i: number, change: Partial<StatusOption>) => setStatuses(statuses.map((s, j) => (j === i ? { ...s, ...change } : s)));
  return (
    <Modal
      title={title}
      onClose={onClose}
      testId="list-dialog"
      footer={<DialogButtons onCancel={onClose} confirmLabel={submitLabel} testId="list-dialog-submit" onConfirm={() => void submit()} />}
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
        <fieldset className="status-options" data-testid="status-options">
          <legend>进展/状态的选项（单元格中也可填写其他文字）</legend>
          {statuses.map((s, i) => (
            <div className="status-options__row" key={i}>
              <span className="status-dot" style={{ background: STATUS_COLORS[s.color].hex }} aria-hidden="true" />
              <input
                aria-label={`状态 ${i + 1} 名称`}
                data-testid="status-option-name"
                value={s.name}
                onChange={(e) => setStatus(i, { name: e.target.value })}
              />
              <select aria-label={`状态 ${i + 1} 颜色`} value={s.color} onChange={(e) => setStatus(i, { color: e.target.value as StatusColor })}>
                {STATUS_COLOR_IDS.map((c) => (
                  <option key={c} value={c}>
                    {STATUS_COLORS[c].label}
                  </option>
                ))}
              </select>
              <label className="status-options__done" title="算作完成的措施不会被标为逾期">
                <input type="checkbox" checked={s.done} onChange={(e) => setStatus(i, { done: e.target.checked })} />
                算作完成
              </label>
              <button type="button" className="link" aria-label={`删除状态“${s.name}”`} onClick={() => setStatuses(statuses.filter((_, j) => j !== i))}>
                删除
              </button>
            </div>
          ))}
          <div className="status-options__actions">
            <button type="button" data-testid="status-add" onClick={() => setStatuses([...statuses, { name: '', color: 'amber', done: false }])}>
              ＋ 添加状态
            </button>
            <button type="button" className="link" onClick={() => setStatuses(DEFAULT_STATUSES.map((s) => ({ ...s })))}>
              恢复默认
            </button>
          </div>
        </fieldset>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
