import { DomainError } from '../domain/errors';

/**
 * What to tell the user when a change could not be saved. The transaction has rolled back, so the message can say
 * truthfully that nothing changed.
 */
export function describeError(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  const e = error as { name?: string; inner?: { name?: string }; message?: string } | null;
  const name = e?.name ?? '';
  const inner = e?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return '浏览器存储空间已满，本次修改未保存，数据没有变化。请先“备份”后删除不用的清单，或在浏览器设置中释放空间。';
  }
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'OpenFailedError') {
    return '无法打开浏览器本地数据库（可能处于无痕/隐私模式，或浏览器禁止了本地存储）。请用普通窗口打开本应用。';
  }
  if (name === 'DatabaseClosedError' || name === 'VersionChangeError') {
    return '本应用已在其他标签页更新，请刷新本页后继续。本次修改未保存。';
  }
  return `保存失败，数据没有变化。请重试；如仍失败请刷新页面。（${name || 'Error'}: ${e?.message ?? String(error)}）`;
}
