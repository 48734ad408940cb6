/**
 * A workbook as data: what the exporter decides (sheets, cells, styles by name, merges, print setup), which the xlsx
 * writer turns into bytes. Keeping it pure makes the layout testable without reading a file back.
 */
export type CellStyle = 'title' | 'subtitle' | 'header' | 'body' | 'bodyCenter' | 'signoff' | 'plain' | 'bodyMark' | 'bodyCenterMark' | 'section';

export interface SpecCell {
  value: string | number;
  style: CellStyle;
}

export interface SpecRow {
  cells: (SpecCell | null)[]; // null: an empty cell (still styled when inside a merged range: see `fill` in merges)
  height?: number; // points
}

export interface SpecMerge {
  top: number; // 0-based, inclusive
  left: number;
  bottom: number;
  right: number;
  style: CellStyle; // the style of every cell in the range, so borders show around the whole merged cell
}

export interface PrintSetup {
  landscape: boolean;
  scale: number; // percent: the largest an application fits the table's width to (see pageLayout)
  /** rows (0-based, inclusive) repeated at the top of every printed page */
  titleRows?: [number, number];
  /** 0-based rows that start a new printed page */
  rowBreaks?: number[];
  footer?: string; // Excel header/footer codes, e.g. &P
  frozenRows?: number;
}

export interface SheetSpec {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  columnWidths: number[]; // Excel width units
  hiddenColumns?: number[]; // 0-based
  rows: SpecRow[];
  merges: SpecMerge[];
  /** rows kept together on a printed page where they fit: a problem and its measures */
  blocks?: { start: number; end: number }[];
  print?: PrintSetup;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  title?: string; // document property
  /** what had to be adapted to Excel's limits, for the user (Chinese, one sentence each) */
  warnings?: string[];
}
