import { pageFor } from '../export/pageLayout';
import type { SheetSpec, SpecRow, WorkbookSpec } from '../export/workbookSpec';
import { DIFF_FIELD_LABEL, type MeasureDiff, type RoundDiff } from './diff';

const KIND_LABEL = { added: '新增', closed: '销号', reopened: '重新打开', changed: '变化', removed: '删除', carried: '上期带入' } as const;
type Kind = keyof typeof KIND_LABEL;

/**
 * Two rounds side by side as a sheet for the meeting: one row per measure and change (old → new), grouped by what
 * happened, with the departments and leaders; A4 landscape with the header repeated like the list's own export.
 */
export function diffWorkbook(diff: RoundDiff, title: string, between: string): WorkbookSpec {
  const header = ['类别', '问题清单', '措施清单', '责任部门', '责任领导', '变化项', '原内容', '现内容'];
  const rows: SpecRow[] = [
    { cells: [{ value: title, style: 'title' }, ...header.slice(1).map(() => null)], height: 30 },
    { cells: [{ value: between, style: 'subtitle' }, ...header.slice(1).map(() => null)] },
    { cells: header.map((h) => ({ value: h, style: 'header' as const })) },
  ];
  const line = (kind: Kind, d: MeasureDiff, field = '', from = '', to = ''): SpecRow => ({
    cells: [
      { value: KIND_LABEL[kind], style: 'bodyCenter' },
      { value: d.problem, style: 'body' },
      { value: d.measure, style: 'body' },
      { value: d.departments.join('\n'), style: 'body' },
      { value: d.leaders.join('\n'), style: 'body' },
      { value: field, style: 'bodyCenter' },
      { value: from, style: 'body' },
      { value: to, style: 'body' },
    ],
  });
  for (const kind of ['added', 'closed', 'reopened', 'changed', 'removed', 'carried'] as const) {
    for (const d of diff[kind]) {
      if (kind === 'changed' && d.changes.length) for (const c of d.changes) rows.push(line(kind, d, DIFF_FIELD_LABEL[c.field], c.from, c.to));
      else rows.push(line(kind, d));
    }
  }
  if (rows.length === 3) rows.push({ cells: [{ value: '两次之间没有变化', style: 'body' }, ...header.slice(1).map(() => null)] });
  const columnWidths = [8, 30, 36, 12, 10, 10, 22, 22];
  const sheet: SheetSpec = {
    name: '两轮对比',
    columnWidths,
    rows,
    merges: [
      { top: 0, left: 0, bottom: 0, right: header.length - 1, style: 'title' },
      { top: 1, left: 0, bottom: 1, right: header.length - 1, style: 'subtitle' },
    ],
    print: { landscape: true, scale: pageFor(columnWidths, true).scale, titleRows: [2, 2], footer: '第 &P 页 共 &N 页', frozenRows: 3 },
  };
  return { sheets: [sheet], title };
}
