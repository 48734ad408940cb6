import { exportFileName } from '../../domain/export/exportOptions';
import type { RiskRow } from '../../domain/rows';
import type { Directory, ListContent } from '../../domain/types';
import { exportInWorker } from '../../xlsx/exportInWorker';
import { showMessage } from '../messages';
import type { ExportSettings } from './exportSettings';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Writes the workbook in the export worker and hands it to the browser as a download. */
export async function downloadExport(content: ListContent, directory: Directory, settings: ExportSettings, shown: readonly RiskRow[] | null, date = new Date()): Promise<void> {
  try {
    const { scope: _scope, ...options } = settings;
    const bytes = await exportInWorker(content, directory, { ...options, date }, settings.scope === 'shown' ? shown : null);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(content.list.unit, content.list.title, date);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000); // revoking at once can cancel the download in some browsers
    showMessage(`已导出“${a.download}”`);
  } catch (e) {
    showMessage(`导出失败：${e instanceof Error ? e.message : String(e)}。请重试；如仍失败，请刷新页面后再导出。`, 'error');
  }
}
