import type { ColDef, ColumnState, SpanRowsParams, SuppressKeyboardEventParams } from 'ag-grid-community';
import { FIELDS, type FieldId, type FieldSpec } from '../domain/fields';
import type { GridRow } from './gridRow';
import { RowHandleRenderer, SerialRenderer } from './handleRenderers';
import { DeadlineEditor } from './DeadlineEditor';
import { PeopleEditor } from './PeopleEditor';
import { StatusEditor } from './StatusEditor';
import { DeadlineRenderer, isOverdueCell, StatusRenderer } from './statusCells';
import { SelectAllHeader } from './SelectAllHeader';
import { suppressShortcuts } from './shortcuts';

/** Problem-scoped cells span all rows of their problem, like a cell merged down in Excel. */
const sameProblem = ({ nodeA, nodeB }: SpanRowsParams<GridRow>): boolean =>
  !!nodeA?.data && !!nodeB?.data && nodeA.data.problemId === nodeB.data.problemId;

/** While the picker is open it owns Enter, Tab and the arrows (to move, toggle and confirm). */
const pickerOwnsKeys = (p: SuppressKeyboardEventParams<GridRow>): boolean =>
  suppressShortcuts(p) || (p.editing && ['Enter', 'ArrowUp', 'ArrowDown', 'Tab'].includes(p.event.key));

const LONG_TEXT: Partial<ColDef<GridRow>> = {
  cellEditor: 'agLargeTextCellEditor',
  cellEditorPopup: true,
  // the default maxLength of 200 would silently cut real measures; 10,000 is the documented bound for one cell
  cellEditorParams: { maxLength: 10000, rows: 8, cols: 60 },
};

// heights are computed from the text (rowHeights.ts), not measured by the grid: autoHeight made scrolling slow
const MULTILINE: Partial<ColDef<GridRow>> = { wrapText: true, cellClass: 'cell-multiline' };
/** The class of a measure's cell a leader returned for changes (退回修改). */
export const RETURNED_CLASS = 'cell-returned';

/** The column every field starts from: its header, width and visibility from the registry, editable, not sortable. */
function baseColDef(spec: FieldSpec): ColDef<GridRow> {
  return {
    colId: spec.id,
    headerName: spec.label,
    // initial: the grid's columns are given again when a spanning column is shown or hidden (buildColumnDefs), and a
    // width or visibility in them would be applied again over the user's
    initialWidth: spec.defaultWidth,
    initialHide: !spec.defaultVisible,
    editable: true,
    sortable: false,
    resizable: true,
    suppressKeyboardEvent: suppressShortcuts,
  };
}

/** A names column: the names the row carries, edited in the picker, which finds or creates the records. */
const peopleColumn = (field: 'departmentsText' | 'leadersText', kind: 'department' | 'leader'): Partial<ColDef<GridRow>> => ({
  field,
  ...MULTILINE,
  cellEditor: PeopleEditor,
  cellEditorPopup: true,
  cellEditorParams: { kind },
  suppressKeyboardEvent: pickerOwnsKeys,
});

/**
 * How the grid shows and edits each field, over its base column (a field without an entry here is a type error: a
 * new field in the registry must say how the grid handles it).
 */
const GRID_COLUMNS: Record<FieldId, Partial<ColDef<GridRow>>> = {
  // not spanned: a spanned column cannot carry a drag handle, and this one moves whole problems
  serial: {
    editable: false,
    valueGetter: (p) => (p.data?.measureIndex === 0 ? p.data.serial : ''),
    cellRenderer: SerialRenderer,
    cellClass: 'cell-serial',
    pinned: 'left',
    lockPinned: true,
    headerTooltip: '序号随问题顺序自动编号；拖动序号旁的手柄移动整个问题，或光标在此列时按 Alt+↑/↓',
  },
  // before 问题清单 in the table, so pinned with it (else showing it would put it after)
  category: { field: 'category', spanRows: sameProblem, ...MULTILINE, pinned: 'left', lockPinned: true },
  // pinned with 序号: a problem stays in view while its measures scroll sideways
  problem: { field: 'problem', spanRows: sameProblem, ...MULTILINE, ...LONG_TEXT, cellClass: 'cell-multiline cell-problem', pinned: 'left', lockPinned: true, minWidth: 160 },
  level: { field: 'level', spanRows: sameProblem, ...MULTILINE },
  // a measure a leader returned (退回修改) carries a corner and a tint; its note is the hover text (RiskGrid)
  measure: { field: 'measure', ...MULTILINE, ...LONG_TEXT, minWidth: 200, cellClassRules: { [RETURNED_CLASS]: (p) => !!p.data?.returned } },
  departments: peopleColumn('departmentsText', 'department'),
  leaders: peopleColumn('leadersText', 'leader'),
  deadline: {
    field: 'deadline',
    ...MULTILINE,
    cellRenderer: DeadlineRenderer,
    cellClassRules: { 'cell-overdue': isOverdueCell },
    cellEditor: DeadlineEditor,
    cellEditorPopup: true,
    suppressKeyboardEvent: pickerOwnsKeys,
  },
  status: {
    field: 'status',
    ...MULTILINE,
    cellClass: 'cell-multiline cell-status',
    cellRenderer: StatusRenderer,
    cellEditor: StatusEditor,
    cellEditorPopup: true,
    suppressKeyboardEvent: pickerOwnsKeys,
  },
  note: { field: 'note', ...MULTILINE, ...LONG_TEXT },
  // written for the round in preparation (commands.ts); the other rounds' entries are in the row's history
  progress: {
    field: 'progress',
    ...MULTILINE,
    ...LONG_TEXT,
    editable: (p) => !!p.data?.measureId,
    headerTooltip: '本轮（准备中的研判会）的进展情况；已召开各轮的进展见该行的“修改记录”',
  },
};

const colDefFor = (spec: FieldSpec): ColDef<GridRow> => ({ ...baseColDef(spec), ...GRID_COLUMNS[spec.id] });

/** Not a field: the column a row is ticked and a measure dragged by (its own renderer, see handleRenderers.ts). */
const ROW_HANDLE_COLUMN = 'rowHandle';

const rowHandleColumn: ColDef<GridRow> = {
  colId: ROW_HANDLE_COLUMN,
  headerName: '',
  width: 64,
  editable: false,
  sortable: false,
  resizable: false,
  lockPosition: 'left',
  pinned: 'left',
  lockPinned: true,
  suppressMovable: true,
  cellRenderer: RowHandleRenderer,
  cellClass: 'cell-handle',
  headerComponent: SelectAllHeader,
  headerTooltip: '勾选行以批量设置或删除；拖动行首的手柄移动一条措施，也可拖到另一个问题下',
  suppressHeaderMenuButton: true,
  suppressKeyboardEvent: suppressShortcuts,
};

/**
 * The grid's columns. A spanning column that is hidden spans nothing (`unspanned`, the key hiddenSpanningColumns and
 * initiallyHiddenSpanningColumns give): AG Grid rebuilds every spanning column's spans over all rows after each edit
 * that changes a row's height, shown or not (5–10 ms a column at 20,000 rows), and 类别 and 风险等级 are hidden until a
 * list uses them.
 */
export function buildColumnDefs(unspanned = ''): ColDef<GridRow>[] {
  const off = new Set(unspanned.split(','));
  return [rowHandleColumn, ...FIELDS.map((spec) => (off.has(spec.id) ? { ...colDefFor(spec), spanRows: undefined } : colDefFor(spec)))];
}

/** The spanning columns hidden, as a key (the columns' order, comma-separated): what buildColumnDefs leaves unspanned. */
const hiddenSpanning = (hidden: (spec: FieldSpec) => boolean): string =>
  FIELDS.filter((f) => GRID_COLUMNS[f.id].spanRows && hidden(f))
    .map((f) => f.id)
    .join(',');

/** …as the grid shows its columns now (gridQueries' visibleFields) */
export const hiddenSpanningColumns = (visible: ReadonlySet<FieldId>): string => hiddenSpanning((f) => !visible.has(f.id));

/**
 * …and before the grid exists, from the columns it will start with (the saved state, else the defaults): the first
 * column definitions are then the ones the grid keeps, not replaced once it is ready (which drew the whole list a
 * second time as it first appeared).
 */
export const initiallyHiddenSpanningColumns = (saved: readonly ColumnState[] | null): string =>
  hiddenSpanning((f) => saved?.find((s) => s.colId === f.id)?.hide ?? !f.defaultVisible);
