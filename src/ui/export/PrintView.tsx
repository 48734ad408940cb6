import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useDialogKeyboard } from '../Modal';
import { createPortal } from 'react-dom';
import { buildExport } from '../../domain/export/buildExport';
import type { SheetSpec } from '../../domain/export/workbookSpec';
import { isPeopleField, type FieldId } from '../../domain/fields';
import type { RiskRow } from '../../domain/rows';
import type { Directory, ListContent } from '../../domain/types';
import type { ExportSettings } from './exportSettings';
import { columnShares, TABLE_WIDTH_PT, widestNameEm } from './printColumns';
import './print.css';

interface Props {
  content: ListContent;
  directory: Directory;
  settings: ExportSettings;
  shown: readonly RiskRow[] | null;
  onClose: () => void;
  /** the 填报日期 printed: today, or the day a held round froze the list */
  date?: Date;
  /** what the bar says instead of the printing hint (a held round: that it is frozen), and actions beside 打印… */
  notice?: ReactNode;
  actions?: ReactNode;
}

/**
 * The list as it prints, for offices that print from the browser or save as PDF: the export's own layout (same title,
 * columns, merged problems, borders, the same scale) as an HTML table on A4 landscape, its header row repeated on
 * every page, a problem kept with its measures on one page where it fits, and 第 P 页 共 N 页 at the foot.
 */
export function PrintView({ content, directory, settings, shown, onClose, date, notice, actions }: Props) {
  const sheet = useMemo(() => {
    const { scope, ...options } = settings;
    const spec = buildExport(content, directory, { ...options, perDepartment: false, perLeader: false, summary: false, date: date ?? new Date() }, scope === 'shown' && shown ? shown : undefined);
    return spec.sheets[0]!;
  }, [content, directory, settings, shown, date]);

  useEffect(() => {
    document.body.classList.add('printing');
    return () => document.body.classList.remove('printing');
  }, []);
  // a dialog for the keyboard: focus on 打印…, Tab kept in its bar, Esc closes, focus back to where it was
  const ref = useRef<HTMLDivElement>(null);
  useDialogKeyboard(ref, onClose);

  // outside #root, so that printing can hide the whole app and keep only this
  return createPortal(
    <div className="print-view" data-testid="print-view" ref={ref} role="dialog" aria-modal="true" aria-label="打印预览" tabIndex={-1}>
      <div className="print-view__bar">
        <span>{notice ?? '打印预览（A4 横向）：在打印对话框中可选择打印机或“另存为 PDF”。'}</span>
        {actions}
        <button type="button" className="primary" data-testid="print-now" onClick={() => window.print()}>
          打印…
        </button>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      <PrintSheet sheet={sheet} columns={settings.columns} />
    </div>,
    document.body,
  );
}

function PrintSheet({ sheet, columns }: { sheet: SheetSpec; columns: readonly FieldId[] }) {
  const header = sheet.print?.titleRows?.[0] ?? 0;
  const width = sheet.columnWidths.length - (sheet.hiddenColumns?.length ?? 0);
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
        const names = columns[c] && isPeopleField(columns[c]) ? ' names' : '';
        return (
          <Cell key={c} rowSpan={s?.rows} colSpan={s?.cols} className={`${cell?.style ?? 'body'}${names}`} data-col={columns[c]}>
            {cell ? String(cell.value) : ''}
          </Cell>
        );
      })}
    </tr>
  );
  const above = sheet.rows.slice(0, header);
  const isBody = (i: number) => i > header && sheet.rows[i]!.cells.some((c, ci) => c && ci < width && c.style !== 'signoff');
  const body = sheet.rows.map((_, i) => i).filter(isBody);
  const below = sheet.rows.map((_, i) => i).filter((i) => i > header && !isBody(i));
  // one tbody per problem: the unit the browser keeps on one page
  const blocks = (sheet.blocks ?? [{ start: header + 1, end: sheet.rows.length - 1 }]).map((b) => body.filter((r) => r >= b.start && r <= b.end)).filter((b) => b.length);
  // the workbook's print scale, so that the page holds what the printed workbook's page holds
  const fontPt = (12 * (sheet.print?.scale ?? 100)) / 100;
  // a names column wide enough for its longest name on one line, plus the cell's padding (0.35em a side) and border
  const names = sheet.columnWidths.slice(0, width).map((_, c) => {
    if (!columns[c] || !isPeopleField(columns[c])) return undefined;
    const texts = body.map((r) => sheet.rows[r]!.cells[c]).map((cell) => (cell ? String(cell.value) : ''));
    return widestNameEm(texts) + 0.7 + 0.3;
  });
  const shares = columnShares(sheet.columnWidths.slice(0, width), names, TABLE_WIDTH_PT / fontPt);
  return (
    <div className="print-sheet" style={{ fontSize: `${fontPt}pt` }}>
      {above.map((row, i) => (
        <p key={i} className={row.cells[0]?.style === 'title' ? 'print-title' : 'print-subtitle'}>
          {String(row.cells[0]?.value ?? '')}
        </p>
      ))}
      <table className="print-table">
        <colgroup>
          {shares.map((share, i) => (
            <col key={i} style={{ width: `${share * 100}%` }} />
          ))}
        </colgroup>
        <thead>{renderRow(header, 'th')}</thead>
        {blocks.map((rows) => (
          <tbody key={rows[0]}>{rows.map((r) => renderRow(r, 'td'))}</tbody>
        ))}
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
