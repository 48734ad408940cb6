import { exportFileName } from '../../domain/export/exportOptions';
import type { RiskRow } from '../../domain/rows';
import type { Directory, ListContent } from '../../domain/types';
import { exportInWorker } from '../../xlsx/exportInWorker';
import { showMessage } from '../messages';
import type { Round } from '../../domain/cycle/types';
import type { ExportSettings } from './exportSettings';
import { statisticsSince } from './statisticsSince';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Writes the workbook in the export worker and hands it to the browser as a download. `round`: a held round exported
 * as it was (its 统计汇总 compares it with the round before it; the list's with its latest held round).
 */
export async function downloadExport(
  content: ListContent,
  directory: Directory,
  settings: ExportSettings,
  shown: readonly RiskRow[] | null,
  date = new Date(),
  round: Round | null = null,
): Promise<void> {
  try {
    const { scope: _scope, ...options } = settings;
    const since = options.summary ? await statisticsSince(content.list.id, round) : null;
    const { bytes, warnings } = await exportInWorker(content, directory, { ...options, date, since }, settings.scope === 'shown' ? shown : null);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(content.list.unit, content.list.title, date);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000); // revoking at once can cancel the download in some browsers
    if (warnings.length === 0) showMessage(`已导出“${a.download}”`);
    else {
      // shown as long as an error: a cut text is something the user has to act on
      const more = warnings.length > 1 ? `（另有 ${warnings.length - 1} 处，均已按 Excel 的限制处理）` : '';
      showMessage(`已导出“${a.download}”，但需注意：${warnings[0]}${more}`, 'error');
    }
  } catch (e) {
    showMessage(`导出失败：${e instanceof Error ? e.message : String(e)}。请重试；如仍失败，请刷新页面后再导出。`, 'error');
  }
}
