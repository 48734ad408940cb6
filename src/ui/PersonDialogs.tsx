import { useState } from 'react';
import { KIND_LABEL, recordsOf, type Person } from '../domain/directory';
import type { Directory, Id, PersonKind } from '../domain/types';
import { DialogButtons, Modal } from './Modal';

interface Base {
  kind: PersonKind;
  record: Person;
  directory: Directory;
  onClose: () => void;
}

function OtherSelect(props: Base & { value: Id; onChange: (id: Id) => void; testId: string; includeNone?: string }) {
  const others = recordsOf(props.directory, props.kind).filter((r) => r.id !== props.record.id);
  return (
    <select value={props.value} data-testid={props.testId} onChange={(e) => props.onChange(e.target.value)}>
      {props.includeNone !== undefined && <option value="">{props.includeNone}</option>}
      {others.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </select>
  );
}

/** Merge one record into another: all its references move, and its name becomes an alias (departments). */
export function MergeDialog(props: Base & { usage: number; onMerge: (intoId: Id) => void }) {
  const label = KIND_LABEL[props.kind];
  const first = recordsOf(props.directory, props.kind).find((r) => r.id !== props.record.id);
  const [into, setInto] = useState<Id>(first?.id ?? '');
  return (
    <Modal
      title={`合并${label}“${props.record.name}”`}
      onClose={props.onClose}
      testId="merge-dialog"
      footer={
        <DialogButtons
          onCancel={props.onClose}
          confirmLabel="合并"
          testId="merge-confirm" disabled={!into}
          onConfirm={() => {
            props.onMerge(into);
            props.onClose();
          }}
        />
      }
    >
      <p>
        把“{props.record.name}”合并到：
        <OtherSelect {...props} value={into} onChange={setInto} testId="merge-target" />
      </p>
      <p className="muted">
        所有清单中引用“{props.record.name}”的 {props.usage} 条措施将改为引用所选{label}，“{props.record.name}”随后被删除
        {props.kind === 'department' ? '，其名称记为所选部门的别名，今后粘贴或导入该名称会自动对应' : ''}。可撤销。
      </p>
    </Modal>
  );
}

/** Delete a record; a record still in use asks where its references go, so that none is left dangling. */
export function DeleteDialog(props: Base & { usage: number; onDelete: (reassignTo: Id | null) => void }) {
  const label = KIND_LABEL[props.kind];
  const [target, setTarget] = useState<Id>('');
  return (
    <Modal
      title={`删除${label}“${props.record.name}”`}
      onClose={props.onClose}
      testId="delete-person-dialog"
      footer={
        <DialogButtons
          onCancel={props.onClose}
          confirmLabel="删除"
          testId="delete-person-confirm" danger
          onConfirm={() => {
            props.onDelete(target || null);
            props.onClose();
          }}
        />
      }
    >
      {props.usage === 0 ? (
        <p>没有措施使用“{props.record.name}”，可以直接删除。</p>
      ) : (
        <>
          <p>
            “{props.record.name}”仍被 {props.usage} 条措施使用。删除后，这些措施的责任{label}：
          </p>
          <OtherSelect {...props} value={target} onChange={setTarget} testId="delete-reassign" includeNone={`移除“${props.record.name}”（不改为其他${label}）`} />
        </>
      )}
    </Modal>
  );
}
