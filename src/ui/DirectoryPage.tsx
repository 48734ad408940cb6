import { useState, type ReactNode } from 'react';
import { KIND_LABEL, type Person } from '../domain/directory';
import type { Department, Directory, Id, Leader, PersonKind } from '../domain/types';
import { useUsageCounts } from '../storage/hooks';
import { directoryActions as act } from './directoryActions';
import { DeleteDialog, MergeDialog } from './PersonDialogs';

type Dialog = { type: 'merge' | 'delete'; kind: PersonKind; record: Person } | null;

/** Departments and leaders, shared by all lists: rename, aliases, supervisors, posts, merge and delete. */
export function DirectoryPage({ directory }: { directory: Directory }) {
  const deptUsage = useUsageCounts('department');
  const leaderUsage = useUsageCounts('leader');
  const [dialog, setDialog] = useState<Dialog>(null);
  const usage = (kind: PersonKind, id: Id) => (kind === 'department' ? deptUsage : leaderUsage)?.get(id) ?? 0;

  const actions = (kind: PersonKind, r: Person) => (
    <td className="actions">
      <button type="button" data-testid={`merge-${r.name}`} onClick={() => setDialog({ type: 'merge', kind, record: r })}>
        合并到…
      </button>
      <button type="button" className="danger" data-testid={`delete-${r.name}`} onClick={() => setDialog({ type: 'delete', kind, record: r })}>
        删除
      </button>
    </td>
  );

  return (
    <div className="directory-page">
      <section data-testid="departments-section">
        <SectionHead kind="department" count={directory.departments.length} />
        <table className="records">
          <thead>
            <tr>
              <th>部门名称</th>
              <th>别名（用顿号分隔）</th>
              <th>分管领导</th>
              <th className="num">措施数</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {directory.departments.map((d: Department) => (
              <tr key={d.id} data-testid={`department-row-${d.name}`}>
                <td>
                  <InlineText value={d.name} label={`部门“${d.name}”的名称`} testId={`rename-${d.name}`} onSave={(v) => act.rename('department', d.id, v)} />
                </td>
                <td>
                  <InlineText value={d.aliases.join('、')} label={`部门“${d.name}”的别名`} onSave={(v) => act.setAliases(d.id, v)} />
                </td>
                <td>
                  <select
                    aria-label={`部门“${d.name}”的分管领导`}
                    value={d.supervisorId ?? ''}
                    onChange={(e) => void act.setSupervisor(d.id, e.target.value || null)}
                  >
                    <option value="">（未设置）</option>
                    {directory.leaders.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                        {l.post ? `（${l.post}）` : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num">{usage('department', d.id)}</td>
                {actions('department', d)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section data-testid="leaders-section">
        <SectionHead kind="leader" count={directory.leaders.length} />
        <table className="records">
          <thead>
            <tr>
              <th>姓名</th>
              <th>职务</th>
              <th>分管部门</th>
              <th className="num">措施数</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {directory.leaders.map((l: Leader) => (
              <tr key={l.id} data-testid={`leader-row-${l.name}`}>
                <td>
                  <InlineText value={l.name} label={`领导“${l.name}”的姓名`} testId={`rename-${l.name}`} onSave={(v) => act.rename('leader', l.id, v)} />
                </td>
                <td>
                  <InlineText value={l.post} label={`领导“${l.name}”的职务`} placeholder="如：分管副校长" onSave={(v) => act.setPost(l.id, v)} />
                </td>
                <td>
                  {directory.departments
                    .filter((d) => d.supervisorId === l.id)
                    .map((d) => d.name)
                    .join('、') || <span className="muted">—</span>}
                </td>
                <td className="num">{usage('leader', l.id)}</td>
                {actions('leader', l)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {dialog?.type === 'merge' && (
        <MergeDialog
          {...dialog}
          directory={directory}
          usage={usage(dialog.kind, dialog.record.id)}
          onMerge={(into) => void act.merge(dialog.kind, dialog.record.id, into)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.type === 'delete' && (
        <DeleteDialog
          {...dialog}
          directory={directory}
          usage={usage(dialog.kind, dialog.record.id)}
          onDelete={(to) => void act.remove(dialog.kind, dialog.record.id, to)}
          onClose={() => setDialog(null)}
        />
      )}
      <p className="muted">
        部门的分管领导：在表格中选择责任部门时，若该行责任领导为空，会自动填入分管领导。
      </p>
    </div>
  );
}

function SectionHead({ kind, count }: { kind: PersonKind; count: number }) {
  const [name, setName] = useState('');
  const label = KIND_LABEL[kind];
  const add = async () => {
    if (await act.create(kind, name)) setName('');
  };
  return (
    <div className="section-head">
      <h2>
        {kind === 'department' ? '责任部门' : '责任领导'} <small>共 {count} 个</small>
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input value={name} placeholder={`新${label}名称`} aria-label={`新${label}名称`} data-testid={`new-${kind}-name`} onChange={(e) => setName(e.target.value)} />
        <button type="submit" data-testid={`add-${kind}`}>
          添加{label}
        </button>
      </form>
    </div>
  );
}

/** Text that saves on Enter or when focus leaves; Esc puts the stored value back. */
function InlineText(props: { value: string; label: string; onSave: (v: string) => Promise<boolean>; testId?: string; placeholder?: string }): ReactNode {
  const [draft, setDraft] = useState<string | null>(null);
  const save = async () => {
    if (draft === null || draft === props.value) return setDraft(null);
    if (await props.onSave(draft)) setDraft(null);
  };
  return (
    <input
      className="inline-text"
      aria-label={props.label}
      data-testid={props.testId}
      placeholder={props.placeholder}
      value={draft ?? props.value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
