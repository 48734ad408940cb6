import { useRef, useState } from 'react';
import { backupSummary, type Backup } from '../../domain/backup';
import { DialogButtons, Modal } from '../Modal';
import { downloadBackup, readBackupFile, restoreBackup } from './backupActions';

type State = { type: 'idle' } | { type: 'error'; message: string } | { type: 'confirm'; backup: Backup; fileName: string };

/** 备份 (download everything) and 恢复 (check a backup file, show what it holds, restore on the user's word). */
export function BackupControls({ onRestored }: { onRestored: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ type: 'idle' });
  return (
    <>
      <button type="button" data-testid="backup-export" title="把所有清单、部门和领导下载为一个备份文件" onClick={() => void downloadBackup()}>
        备份
      </button>
      <button type="button" title="从备份文件恢复全部数据（可撤销）" onClick={() => input.current?.click()}>
        恢复
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="backup-restore-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          const r = await readBackupFile(file);
          setState('error' in r ? { type: 'error', message: r.error } : { type: 'confirm', backup: r.backup, fileName: file.name });
        }}
      />
      {state.type === 'error' && (
        <Modal title="无法恢复" onClose={() => setState({ type: 'idle' })} testId="restore-dialog" footer={<button type="button" className="primary" onClick={() => setState({ type: 'idle' })}>知道了</button>}>
          <p className="error-text" role="alert" data-testid="restore-error">
            {state.message}
          </p>
        </Modal>
      )}
      {state.type === 'confirm' && (
        <RestoreConfirm
          backup={state.backup}
          fileName={state.fileName}
          onClose={() => setState({ type: 'idle' })}
          onRestore={async () => {
            setState({ type: 'idle' });
            if (await restoreBackup(state.backup)) onRestored();
          }}
        />
      )}
    </>
  );
}

function RestoreConfirm({ backup, fileName, onClose, onRestore }: { backup: Backup; fileName: string; onClose: () => void; onRestore: () => void }) {
  const s = backupSummary(backup);
  return (
    <Modal
      title="从备份恢复"
      onClose={onClose}
      testId="restore-dialog"
      footer={<DialogButtons onCancel={onClose} confirmLabel="恢复" testId="restore-confirm" onConfirm={onRestore} danger />}
    >
      <p>
        备份文件“{fileName}”，导出于 {new Date(backup.exportedAt).toLocaleString('zh-CN')}（应用版本 {backup.appVersion}），包含：
      </p>
      <ul data-testid="restore-summary">
        {s.lists.map((l, i) => (
          <li key={i}>
            清单“{l.title}”：{l.measures} 条措施
            {l.rounds > 0 && `，${l.rounds} 次研判会`}
            {l.progress > 0 && `，${l.progress} 条进展情况`}
          </li>
        ))}
        <li>
          {s.departments} 个部门、{s.leaders} 位领导
        </li>
      </ul>
      <p className="warn-text">恢复会用备份替换本机现有的全部数据。恢复前的数据会保留在撤销记录中，点“撤销”即可回到恢复前。</p>
    </Modal>
  );
}
