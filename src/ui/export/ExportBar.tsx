import { useMemo, useState } from 'react';
import { progressOfRows } from '../../domain/export/exportOptions';
import type { RiskRow } from '../../domain/rows';
import type { Directory, ListContent } from '../../domain/types';
import { downloadExport } from './downloadExport';
import { ExportDialog } from './ExportDialog';
import { loadExportSettings, saveExportSettings, type ExportSettings } from './exportSettings';
import { PrintView } from './PrintView';

interface Props {
  content: ListContent;
  directory: Directory;
  rows: readonly RiskRow[];
  shownRows: () => readonly RiskRow[];
  filterActive: boolean;
  shownCount: number;
  totalCount: number;
}

/**
 * 导出 Excel downloads at once with the list's remembered settings (all rows); with a filter on, it first asks which
 * rows. 导出设置 changes the columns, parts and sheets. 打印 shows the same layout for printing from the browser.
 */
export function ExportBar({ content, directory, rows, shownRows, filterActive, shownCount, totalCount }: Props) {
  const [dialog, setDialog] = useState<'settings' | 'scope' | null>(null);
  const [printing, setPrinting] = useState<ExportSettings | null>(null);
  const settings = () => loadExportSettings(content.list.id, rows);
  // the round's 进展情况 the grid shows goes into the workbook as the grid shows it (not remembered with the settings),
  // read when the export or the print view is asked for: not on each edit, which it would cost a walk over all rows
  const printingProgress = useMemo(() => (printing ? progressOfRows(rows) : null), [printing, rows]);
  const run = (s: ExportSettings) => {
    saveExportSettings(content.list.id, s);
    setDialog(null);
    void downloadExport(content, directory, { ...s, progress: progressOfRows(rows) }, s.scope === 'shown' ? shownRows() : null);
  };
  return (
    <span className="export-bar">
      <button
        type="button"
        className="primary"
        data-testid="export-xlsx"
        title="按会议用的版式导出 .xlsx（标题、合并的问题单元格、A4 横向打印设置）"
        onClick={() => (filterActive ? setDialog('scope') : run({ ...settings(), scope: 'all' }))}
      >
        导出 Excel
      </button>
      <button type="button" data-testid="export-settings" title="选择导出的列、顺序、签字栏和各部门分表" onClick={() => setDialog('settings')}>
        导出设置…
      </button>
      <button type="button" data-testid="print" title="在浏览器中打印或另存为 PDF" onClick={() => setPrinting({ ...settings(), scope: filterActive ? 'shown' : 'all' })}>
        打印
      </button>
      {dialog && (
        <ExportDialog
          initial={{ ...settings(), scope: dialog === 'scope' ? 'shown' : settings().scope }}
          filterActive={filterActive}
          shownCount={shownCount}
          totalCount={totalCount}
          onExport={run}
          onClose={() => setDialog(null)}
        />
      )}
      {printing && (
        <PrintView content={content} directory={directory} settings={{ ...printing, progress: printingProgress ?? {} }} shown={printing.scope === 'shown' ? shownRows() : null} onClose={() => setPrinting(null)} />
      )}
    </span>
  );
}
