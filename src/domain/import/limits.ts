/**
 * What the reader takes from one workbook at most. A hostile or broken file (a zip bomb, a sheet that claims a million
 * rows, a cell in column XFD on every row, 200,000 merges over whole columns) must end in seconds and well under 1 GB,
 * in the CLI and in the browser's worker, with its rows or one clear message that names the limit; so the work is
 * bounded by these and by the cells the file really holds, never by what a dimension, a merge or a reference claims.
 * The largest real three-list tables (100,000 rows: 40 MB of sheet XML, 26 MB of shared strings, 90,000 merges) are
 * far inside every one of them. The messages (errors.ts beside this file) say these numbers; the reader (src/xlsx) applies them.
 */

/** the .xlsx file itself */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** all parts read, once inflated */
export const MAX_INFLATED_BYTES = 300 * 1024 * 1024;
/** one part, once inflated (its text is held as a string beside its bytes while it is read) */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/**
 * inflated : compressed, for a part past MAX_RATIO_GRACE_BYTES. Real sheets and string tables compress 5–20 : 1; a run
 * of identical empty rows some 100 : 1; deflate's ceiling is 1032 : 1, which is what zip bombs use.
 */
export const MAX_COMPRESSION_RATIO = 200;
export const MAX_RATIO_GRACE_BYTES = 10 * 1024 * 1024;
/** worksheets in the workbook */
export const MAX_SHEETS = 255;
/** cells with text, in all sheets */
export const MAX_CELLS = 2_000_000;
/** the slots of the sheets' row arrays (cells with text and the empty ones between them), in all sheets */
export const MAX_GRID_SLOTS = 8_000_000;
/** shared strings */
export const MAX_SHARED_STRINGS = 2_000_000;
/** merged ranges, in all sheets */
export const MAX_MERGES = 500_000;
/** columns crossed by the merged ranges kept (a merge's width summed over them), in all sheets */
export const MAX_MERGE_COLUMNS = 4_000_000;
/** characters in one cell, as in Excel; longer text is cut there, with a note */
export const MAX_CELL_TEXT = 32_767;
/** Excel's own sheet size: a reference beyond it is not a cell */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/**
 * A cell this many empty columns to the right of every other, or this many empty rows below, is a stray one (a
 * keystroke in column XFD, a note in row 1,000,000): left out, with a note, rather than a grid padded out to it.
 */
export const STRAY_COLUMN_GAP = 128;
export const STRAY_ROW_GAP = 10_000;
/** how long the browser's worker may take over one workbook before it is stopped */
export const WORKER_TIMEOUT_MS = 90_000;
