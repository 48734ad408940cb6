import { useState } from 'react';
import { EXPORT_LABELS, EXPORTABLE } from '../../domain/export/exportOptions';
import type { FieldId } from '../../domain/fields';
import { Modal } from '../Modal';
import type { ExportSettings } from './exportSettings';

interface Props {
  initial: ExportSettings;
  filterActive: boolean;
  shownCount: number;
  totalCount: number;
  onExport: (settings: ExportSettings) => void;
  onClose: () => void;
}

/** Columns and their order, the rows, and the optional parts and sheets of the exported workbook. */
export function ExportDialog({ initial, filterActive, shownCount, totalCount, onExport, onClose }: Props) {
  const [s, setS] = useState(initial);
  const chosen = s.columns;
  const rest = EXPORTABLE.filter((c) => !chosen.includes(c));
  const move = (i: number, d: -1 | 1) => {
    const next = [...chosen];
    const j = i + d;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    setS({ ...s, columns: next });
  };
  const toggle = (c: FieldId, on: boolean) =>
    setS({ ...s, columns: on ? [...chosen, c].sort((a, b) => EXPORTABLE.indexOf(a) - EXPORTABLE.indexOf(b)) : chosen.filter((x) => x !== c) });
  const check = (key: 'subtitle' | 'signOff' | 'perDepartment' | 'perLeader' | 'summary' | 'review', label: string) => (
    <label className="check">
      <input type="checkbox" data-testid={`export-${key}`} checked={!!s[key]} onChange={(e) => setS({ ...s, [key]: e.target.checked })} />
      {label}
    </label>
  );
  return (
    <Modal
      title="导出设置"
      onClose={onClose}
      testId="export-dialog"
      wide
      footer={
        <>
          <span className="hint">设置会记住，下次点“导出 Excel”直接按此导出。</span>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" data-testid="export-confirm" disabled={!chosen.includes('measure')} onClick={() => onExport(s)}>
            导出
          </button>
        </>
      }
    >
      {filterActive && (
        <fieldset className="import-mode">
          <legend>导出哪些行</legend>
          <label className="check">
            <input type="radio" checked={s.scope === 'all'} onChange={() => setS({ ...s, scope: 'all' })} />
            全部 {totalCount} 条措施
          </label>
          <label className="check">
            <input type="radio" data-testid="export-scope-shown" checked={s.scope === 'shown'} onChange={() => setS({ ...s, scope: 'shown' })} />
            仅当前筛选显示的 {shownCount} 条
          </label>
        </fieldset>
      )}
      <div className="export-columns">
        <div>
          <h3>导出的列（按此顺序）</h3>
          <ol>
            {chosen.map((c, i) => (
              <li key={c}>
                <label className="check">
                  <input type="checkbox" checked onChange={() => toggle(c, false)} disabled={c === 'measure'} />
                  {EXPORT_LABELS[c]}
                </label>
                <button type="button" aria-label={`${EXPORT_LABELS[c]}左移`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={`${EXPORT_LABELS[c]}右移`} disabled={i === chosen.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
          {rest.length > 0 && (
            <p className="muted">
              可添加：
              {rest.map((c) => (
                <label key={c} className="check inline">
                  <input type="checkbox" checked={false} data-testid={`export-add-${c}`} onChange={() => toggle(c, true)} />
                  {EXPORT_LABELS[c]}
                </label>
              ))}
            </p>
          )}
        </div>
        <div>
          <h3>版式</h3>
          {check('subtitle', '标题下加“填报单位、填报日期”行')}
          {check('signOff', '表格下加“填表人、审核人、日期、单位盖章”')}
          <h3>附加工作表</h3>
          {check('perDepartment', '每个责任部门一个工作表（发给各部门）')}
          {check('perLeader', '每位责任领导一个工作表')}
          {check('summary', '统计汇总（完成率、逾期，按进展、等级、类别、部门、领导统计，本轮销号和新增）')}
          {check('review', '审核结果与研判材料（每条措施的审核意见和检查提醒，研判报告的段落）')}
        </div>
      </div>
    </Modal>
  );
}
