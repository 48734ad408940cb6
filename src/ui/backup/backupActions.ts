import pkg from '../../../package.json';
import { backupFileName, makeBackup, parseBackup, restorePatch, type Backup } from '../../domain/backup';
import { describeError } from '../../storage/errors';
import { CURRENT_SCHEMA_VERSION } from '../../storage/schema';
import { store } from '../../storage/store';
import { showMessage } from '../messages';
import { runPatch } from '../run';
import { recordBackup } from './lastBackup';

export async function downloadBackup(): Promise<void> {
  try {
    const now = new Date();
    const backup = makeBackup(await store.loadAll(), CURRENT_SCHEMA_VERSION, pkg.version, now);
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = backupFileName(now);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    recordBackup(now);
    showMessage(`已下载备份“${a.download}”。请把它保存到电脑或 U 盘上的固定位置。`);
  } catch (e) {
    showMessage(`备份失败：${describeError(e)}`, 'error');
  }
}

/** Reads and checks a backup file; the message of a refusal says what is wrong, and nothing has changed. */
export async function readBackupFile(file: File): Promise<{ backup: Backup } | { error: string }> {
  try {
    return { backup: parseBackup(await file.text(), file.name) };
  } catch (e) {
    return { error: describeError(e) };
  }
}

export async function restoreBackup(backup: Backup): Promise<boolean> {
  const ok = await runPatch(restorePatch(await store.loadAll(), backup));
  if (ok) showMessage('已从备份恢复。恢复前的数据已保留，点“撤销”可回到恢复前。');
  return ok;
}
