import type { CellClassParams, ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { overdueRow, parseDeadline, RECURRENCE_LABELS } from '../domain/deadline';
import { shownStatus } from '../domain/cycle/closure';
import { CLOSED_STATUS, statusHex } from '../domain/status';
import type { GridContext } from './gridContext';
import type { GridRow } from './gridRow';

/** The width the status dot takes from the cell's text (rowHeights must leave it out, see useRowHeights.ts). */
export const STATUS_DOT_PX = 14;

/** 进展/状态 as a coloured dot and the text: plain DOM (a React renderer per cell costs a scroll frame dearly). */
export class StatusRenderer implements ICellRendererComp<GridRow> {
  private readonly gui = document.createElement('span');
  private readonly dot = document.createElement('i');
  private readonly text = document.createElement('span');

  init(params: ICellRendererParams<GridRow, unknown, GridContext>): void {
    this.gui.className = 'status-cell';
    this.dot.className = 'status-dot';
    this.dot.setAttribute('aria-hidden', 'true');
    this.gui.append(this.dot, this.text);
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<GridRow, unknown, GridContext>): boolean {
    const row = params.data;
    // a measure closed by record reads 已销号 (its date on hover), whatever status it had; reopening shows that again
    const status = row?.closed ? CLOSED_STATUS : (row?.status ?? '');
    const hex = status ? statusHex(params.context.statuses, status) : null;
    this.dot.style.background = hex ?? 'transparent';
    this.dot.style.visibility = hex ? 'visible' : 'hidden';
    this.text.textContent = status;
    if (row?.closed) this.gui.title = `${shownStatus(row)}${row.status && row.status !== CLOSED_STATUS ? `；销号前进展：${row.status}` : ''}`;
    else this.gui.removeAttribute('title');
    return true;
  }
}

export const overdueOf = (row: GridRow | undefined, context: GridContext) => (row ? overdueRow(row, context.statuses, context.deadlines) : null);

export const isOverdueCell = (p: CellClassParams<GridRow, unknown, GridContext>): boolean => !!overdueOf(p.data, p.context);

/** 完成时限 as written; overdue measures get the red mark (a cell class) and a title saying why. */
export class DeadlineRenderer implements ICellRendererComp<GridRow> {
  private readonly gui = document.createElement('span');

  init(params: ICellRendererParams<GridRow, unknown, GridContext>): void {
    this.gui.className = 'deadline-cell';
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<GridRow, unknown, GridContext>): boolean {
    const row = params.data;
    this.gui.textContent = row?.deadline ?? '';
    const late = overdueOf(row, params.context);
    if (late) this.gui.title = `已逾期：应于 ${late.due} 前完成${row!.status ? `（当前状态：${row!.status}）` : '（未填写进展）'}`;
    else {
      const read = row?.deadline ? readDeadline(row.deadline, params.context) : '';
      if (read) this.gui.title = read;
      else this.gui.removeAttribute('title');
    }
    return true;
  }
}

/** What the app read from a deadline, for its title: “截止 2026-06-30”, “每学期”. */
function readDeadline(text: string, context: GridContext): string {
  const d = parseDeadline(text, context.deadlines);
  if (d.due) return `截止 ${d.due}${d.approximate ? '（按校历估计）' : ''}`;
  if (d.recurrence) return RECURRENCE_LABELS[d.recurrence];
  return '';
}
