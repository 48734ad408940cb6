import { useState } from 'react';
import type { BulkValues } from '../domain/editing';
import type { NamePick } from '../domain/editContext';
import type { StatusOption } from '../domain/status';
import type { Directory } from '../domain/types';
import { PeoplePicker } from '../grid/PeoplePicker';
import { Modal } from './Modal';

interface Props {
  count: number;
  directory: Directory;
  /** the list's own statuses (statusOptionsOf), offered as the cell's status editor offers them */
  statuses: readonly StatusOption[];
  onApply: (values: BulkValues) => void;
  onClose: () => void;
}

/** Sets departments, leaders, deadline or status on every ticked row: what a fill handle does in a spreadsheet. */
export function BulkDialog({ count, directory, statuses, onApply, onClose }: Props) {
  const [departments, setDepartments] = useState<NamePick[] | null>(null);
  const [leaders, setLeaders] = useState<NamePick[] | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const values: BulkValues = {
    ...(departments ? { departments } : {}),
    ...(leaders ? { leaders } : {}),
    ...(deadline !== null ? { deadline } : {}),
    ...(status !== null ? { status } : {}),
  };
  const nothing = Object.keys(values).length === 0;
  return (
    <Modal
      title={`批量设置（已选 ${count} 行）`}
      onClose={onClose}
      testId="bulk-dialog"
      wide
      footer={
        <>
          <span className="hint">只修改勾选了“设置”的项，其余保持不变。</span>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button
            type="button"
            className="primary"
            data-testid="bulk-apply"
            disabled={nothing}
            onClick={() => {
              onApply(values);
              onClose();
            }}
          >
            应用到 {count} 行
          </button>
        </>
      }
    >
      <div className="bulk-grid">
        <label className="check">
          <input type="checkbox" checked={departments !== null} onChange={(e) => setDepartments(e.target.checked ? [] : null)} />
          设置责任部门
        </label>
        {departments !== null ? (
          <PeoplePicker
            kind="department"
            directory={directory}
            initialIds={[]}
            onChange={setDepartments}
            onConfirm={() => undefined}
            onCancel={() => setDepartments(null)}
            testId="bulk-departments"
          />
        ) : (
          <span className="muted">不修改</span>
        )}
        <label className="check">
          <input type="checkbox" checked={leaders !== null} onChange={(e) => setLeaders(e.target.checked ? [] : null)} />
          设置责任领导
        </label>
        {leaders !== null ? (
          <PeoplePicker
            kind="leader"
            directory={directory}
            initialIds={[]}
            onChange={setLeaders}
            onConfirm={() => undefined}
            onCancel={() => setLeaders(null)}
            testId="bulk-leaders"
          />
        ) : (
          <span className="muted">不修改（设置部门时，空着的责任领导会自动填为部门的分管领导）</span>
        )}
        <label className="check">
          <input type="checkbox" checked={deadline !== null} onChange={(e) => setDeadline(e.target.checked ? '' : null)} />
          设置完成时限
        </label>
        <input
          disabled={deadline === null}
          value={deadline ?? ''}
          placeholder="如：2026年6月底前、长期坚持、每学期"
          data-testid="bulk-deadline"
          onChange={(e) => setDeadline(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={status !== null} onChange={(e) => setStatus(e.target.checked ? '' : null)} />
          设置进展/状态
        </label>
        <div>
          <input
            disabled={status === null}
            value={status ?? ''}
            list="bulk-status-options"
            placeholder={`如：${statuses[1]?.name ?? statuses[0]?.name ?? '推进中'}`}
            data-testid="bulk-status"
            onChange={(e) => setStatus(e.target.value)}
          />
          <datalist id="bulk-status-options" data-testid="bulk-status-options">
            {statuses.map((s) => (
              <option key={s.name} value={s.name} />
            ))}
          </datalist>
        </div>
      </div>
    </Modal>
  );
}
