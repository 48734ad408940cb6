import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { buildExport } from '../../domain/export/buildExport';
import type { SheetSpec } from '../../domain/export/workbookSpec';
import type { RiskRow } from '../../domain/rows';
import type { Directory, ListContent } from '../../domain/types';
import type { ExportSettings } from './exportSettings';

interface Props {
  content: ListContent;
  directory: Directory;
  settings: ExportSettings;
  shown: readonly RiskRow[] | null;
  onClose: () => void;
  /** the 填报日期 printed: today, or the day a held round froze the list */
  date?: Date;
}

/**
 * The list as it prints, for offices that print from the browser or save as PDF: the export's own layout (same title,
 * columns, merged problems, borders) as an HTML table on A4 landscape, its header row repeated on every page.
 */
export function PrintView({ content, directory, settings, shown, onClose, date }: Props) {
  const sheet = useMemo(() => {
    const { scope, ...options } = settings;
    const spec = buildExport(content, directory, { ...options, perDepartment: false, perLeader: false, summary: false, date: date ?? new Date() }, scope === 'shown' && shown ? shown : undefined);
    return spec.sheets[0]!;
  }, [content, directory, settings, shown, date]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    document.body.classList.add('printing');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('printing');
    };
  }, [onClose]);

  // outside #root, so that printing can hide the whole app and keep only this
  return createPortal(
    <div className="print-view" data-testid="print-view">
      <div className="print-view__bar">
        <span>打印预览（A4 横向）：在打印对话框中可选择打印机或“另存为 PDF”。</span>
        <button type="button" className="primary" data-testid="print-now" onClick={() => window.print()}>
          打印…
        </button>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      <PrintSheet sheet={sheet} />
    </div>,
    document.body,
  );
}

function PrintSheet({ sheet }: { sheet: SheetSpec }) {
  const header = sheet.print?.titleRows?.[0] ?? 0;
  const width = sheet.columnWidths.length - (sheet.hiddenColumns?.length ?? 0);
  const total = sheet.columnWidths.slice(0, width).reduce((a, b) => a + b, 0);
  // merged ranges as rowSpan/colSpan on their top-left cell; the cells they cover are not rendered
  const span = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    span.set(`${m.top}:${m.left}`, { rows: m.bottom - m.top + 1, cols: Math.min(m.right, width - 1) - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const renderRow = (r: number, Cell: 'td' | 'th') => (
    <tr key={r}>
      {Array.from({ length: width }, (_, c) => {
        if (covered.has(`${r}:${c}`)) return null;
        const cell = sheet.rows[r]!.cells[c];
        const s = span.get(`${r}:${c}`);
        return (
          <Cell key={c} rowSpan={s?.rows} colSpan={s?.cols} className={cell?.style ?? 'body'}>
            {cell ? String(cell.value) : ''}
          </Cell>
        );
      })}
    </tr>
  );
  const above = sheet.rows.slice(0, header);
  const body = sheet.rows.map((_, i) => i).filter((i) => i > header && sheet.rows[i]!.cells.some((c, ci) => c && ci < width && c.style !== 'signoff'));
  const below = sheet.rows.map((_, i) => i).filter((i) => i > header && !body.includes(i));
  return (
    <div className="print-sheet">
      {above.map((row, i) => (
        <p key={i} className={row.cells[0]?.style === 'title' ? 'print-title' : 'print-subtitle'}>
          {String(row.cells[0]?.value ?? '')}
        </p>
      ))}
      <table className="print-table">
        <colgroup>
          {sheet.columnWidths.slice(0, width).map((w, i) => (
            <col key={i} style={{ width: `${(w / total) * 100}%` }} />
          ))}
        </colgroup>
        <thead>{renderRow(header, 'th')}</thead>
        <tbody>{body.map((r) => renderRow(r, 'td'))}</tbody>
      </table>
      {below
        .map((r) => sheet.rows[r]!.cells[0])
        .filter(Boolean)
        .map((c, i) => (
          <p key={i} className="print-signoff">
            {String(c!.value)}
          </p>
        ))}
    </div>
  );
}
