import { useEffect, useState } from 'react';
import { persistedState, requestPersistence, type PersistState } from '../storage/persistence';
import { downloadBackup } from './backup/backupActions';
import { needsReminder, REMIND_AFTER_DAYS, useLastBackup } from './backup/lastBackup';
import { DEFAULT_ZOOM, setZoom, stepZoom, useZoom, ZOOM_STEPS } from '../grid/zoom';

/** The grid's text zoom (also Ctrl+wheel over the grid), remembered in this browser. */
function ZoomControl() {
  const zoom = useZoom();
  return (
    <span className="zoom-control" role="group" aria-label="表格文字缩放">
      <button type="button" data-testid="zoom-out" title="缩小表格文字（Ctrl+滚轮）" aria-label="缩小" disabled={zoom <= ZOOM_STEPS[0]} onClick={() => stepZoom(-1)}>
        －
      </button>
      <button type="button" className="link" data-testid="zoom-level" title="恢复 100%" onClick={() => setZoom(DEFAULT_ZOOM)}>
        {zoom}%
      </button>
      <button type="button" data-testid="zoom-in" title="放大表格文字（Ctrl+滚轮）" aria-label="放大" disabled={zoom >= ZOOM_STEPS[ZOOM_STEPS.length - 1]!} onClick={() => stepZoom(1)}>
        ＋
      </button>
    </span>
  );
}

const TEXT: Record<PersistState, string> = {
  granted: '本机存储：已设为持久保存',
  denied: '本机存储：未获持久保存授权（浏览器空间紧张时可能清除数据）',
  unsupported: '本机存储：此浏览器不支持持久保存',
};

/** Where the data lives and whether the browser promised to keep it. */
export function StatusBar({ hasData }: { hasData: boolean }) {
  const [state, setState] = useState<PersistState | null>(null);
  const lastBackup = useLastBackup();
  const remind = needsReminder(lastBackup, hasData);
  useEffect(() => {
    // ask once at start; browsers that decide by engagement may say yes later, so the user can ask again
    void requestPersistence().then(setState, () => persistedState().then(setState));
  }, []);
  return (
    <footer className="status-bar">
      <span data-testid="persist-status" className={state === 'granted' ? 'ok' : 'warn'}>
        {state ? TEXT[state] : '本机存储：检查中…'}
      </span>
      {state === 'denied' && (
        <button type="button" className="link" onClick={() => void requestPersistence().then(setState)}>
          再次申请
        </button>
      )}
      <span data-testid="last-backup" className={remind ? 'warn' : 'muted'}>
        {lastBackup ? `上次备份：${lastBackup.toLocaleDateString('zh-CN')}` : '尚未备份'}
        {remind && `（${lastBackup ? `已超过 ${REMIND_AFTER_DAYS} 天，` : ''}建议备份）`}
      </span>
      {remind && (
        <button type="button" className="link" onClick={() => void downloadBackup()}>
          立即备份
        </button>
      )}
      <span className="muted status-bar__note">所有修改即时保存在本机浏览器中，不上传服务器。</span>
      <ZoomControl />
    </footer>
  );
}
