import type { FieldId, PeopleFieldId, TextField } from '../fields';

/** A sheet as read from a workbook: cell texts by row and column (0-based) and its merged ranges. */
export interface SheetTable {
  name: string;
  hidden: boolean;
  rows: string[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** the workbook names this sheet but the archive lacks its part: no rows, reported instead of skipped in silence */
  missing?: boolean;
  /** what the reader left out of this sheet (cells past a limit, …), shown in the preview with the row warnings */
  notes?: ImportWarning[];
  /** rows (0-based) Excel hides (filtered out, or hidden by hand) that hold text: read, and said */
  hiddenRows?: number[];
  /**
   * Every cell's text is cleanText's already (trimmed, line breaks as LF): the .xlsx reader cleans each shared string
   * once, and the importer then skips cleaning each cell that refers to it. A pasted table is cleaned by the importer.
   */
  clean?: boolean;
}

export interface ImportColumn {
  index: number; // 0-based column in the sheet
  header: string; // as shown in the file (group header and sub-header joined with “/”)
  field: FieldId | null; // null: not imported (unknown, or a second column for a one-column field)
  detected: FieldId | null; // what the importer recognised, before any change by the user
}

export interface SheetAnalysis {
  sheet: string;
  headerRow: number; // 0-based first header row
  headerRows: number; // 1 or 2
  columns: ImportColumn[];
  title: string; // the title row above the table, '' if none
  unit: string; // 填报单位 (or the unit the title starts with), '' if none
  /** the department a 部门（盖章）：德育处 line above the header names: its rows', when the table has no 责任部门 column */
  department?: string;
  idColumn?: number; // the hidden id column of a workbook this app exported
  /** the header rows' cells, normalised, per column: a row equal to one of them is the header repeated on a new page */
  headerKeys?: string[][];
  /**
   * a sheet without a header read as the continuation of the table on sheet `from` (its columns, its mapping);
   * `off` when the user chose in the preview not to import it so
   */
  continues?: { from: string; off?: boolean };
}

/** The text fields an imported row has only when its table has their column. */
export type OptionalTextField = Exclude<TextField, 'problem' | 'measure'>;

/**
 * One measure as the importer reads it: the CLI's JSON row and what the list is built from. Its fields are the
 * registry's (fields.ts): the problem and measure texts, names per people field, and the other text fields when read.
 */
export type ImportRow = ImportRowBase & { [F in PeopleFieldId]: string[] } & { [F in OptionalTextField]?: string };

interface ImportRowBase {
  problem: string;
  measure: string;
  sheet?: string;
  /** 1-based row number in the sheet, for messages */
  excelRow: number;
  /** the post written with a leader's name (“张国栋（副校长）”), by leader name: fills a new leader's 职务 */
  posts?: Record<string, string>;
  /** ids from a workbook this app exported: the row updates that measure instead of duplicating it */
  ids?: { measureId: string | null; problemId: string };
}

export interface ImportWarning {
  sheet: string;
  row?: number; // 1-based, as Excel numbers rows
  message: string;
  /** said when the rows are read (a sheet left out by the user's choice): replaced, not kept, when they are read again */
  extracted?: boolean;
}
