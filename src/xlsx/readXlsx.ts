import { dateFormat, fixedFormat, fixedText, formatDate, numberText, type CellFormat } from './cellFormat';
import { decodePart, sheetText, type PartKind } from './decodePart';
import { ImportError } from '../domain/import/errors';
import { cleanText } from '../domain/text';
import type { ImportWarning, SheetTable } from '../domain/import/types';
import {
  MAX_CELL_TEXT,
  MAX_CELLS,
  MAX_COLUMNS,
  MAX_FILE_BYTES,
  MAX_GRID_SLOTS,
  MAX_ROWS,
  MAX_SHARED_STRINGS,
  MAX_SHEETS,
  STRAY_COLUMN_GAP,
  STRAY_ROW_GAP,
} from '../domain/import/limits';
import { cellName, mergeRanges, settleMerges, type MergeBudget } from './merges';
import { NOT_A_WORKSHEET, dirOf, findPart, relatedPart, relationships, relsPathOf, resolveTarget } from './packageParts';
import { attrs, decodeText, elements, firstElement, runText, tagEnd } from './xml';
import { openZip, type Inflate, type InflateAsync, type ZipArchive } from './zip';

export type { MergeRange } from './merges';
export { MAX_FILE_BYTES } from '../domain/import/limits';

/**
 * A lean .xlsx reader for what the importer needs: cell text (shared and inline strings, rich text, numbers, dates as
 * their format shows them, cached formula results, booleans, errors) and merged ranges, for every sheet. It does one
 * pass over each part and never compares merges with each other, so it stays linear in rows and merges (ExcelJS's
 * loader is quadratic in merges); what it takes is bounded by src/xlsx/limits.ts and by the cells the file holds.
 */

/**
 * rows[r][c] is the cell's text as a person sees it (cleanText's: spaces and invisible characters trimmed at both ends,
 * line breaks as LF), '' when empty; a merged range's text sits in its top-left cell only. Rows run to the last row
 * with text, each to its own last cell with text. (Cleaned here, each shared string once, so the importer need not
 * clean each cell that refers to one: `clean` on the sheet says so.)
 */
export type SheetGrid = SheetTable;

export interface ReadOptions {
  onProgress?: (sheetsDone: number, sheetsTotal: number) => void;
  /** how the parts are inflated: fflate's by default, zlib's in Node */
  inflate?: Inflate;
}

export function readXlsx(bytes: Uint8Array, { onProgress, inflate }: ReadOptions = {}): SheetGrid[] {
  checkFile(bytes);
  try {
    const zip = openZip(bytes, inflate);
    const steps = readWorkbook(zip, onProgress);
    for (let step = steps.next(null); ; ) {
      if (step.done) return step.value;
      const path = pathOf(step.value);
      const part = path === null ? null : zip.read(path);
      step = steps.next(part ? decodePart(part, kindOf(step.value)) : null);
    }
  } catch (e) {
    throw asImportError(e);
  }
}

/**
 * The same reader with an inflater that answers later: the browser's worker, with the browser's native inflate
 * (DecompressionStream), which only has an asynchronous interface. The reading itself is the same code (readWorkbook
 * asks for each part it needs in turn), so both read every file alike.
 */
export async function readXlsxAsync(bytes: Uint8Array, inflate: InflateAsync, onProgress?: ReadOptions['onProgress']): Promise<SheetGrid[]> {
  checkFile(bytes);
  try {
    const zip = openZip(bytes);
    const steps = readWorkbook(zip, onProgress);
    for (let step = steps.next(null); ; ) {
      if (step.done) return step.value;
      const path = pathOf(step.value);
      const part = path === null ? null : await zip.readAsync(path, inflate);
      step = steps.next(part ? decodePart(part, kindOf(step.value)) : null);
    }
  } catch (e) {
    throw asImportError(e);
  }
}

function checkFile(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError('empty-file');
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new ImportError('ole');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportError('not-excel');
}

/**
 * Anything that goes wrong reading is said to the user as one of the import's messages: a limit as that limit, an
 * allocation that failed (a RangeError: an array or string larger than the engine allows) as a failed read, anything
 * else (the archive's or the XML's damage) as a damaged file.
 */
function asImportError(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  if (e instanceof RangeError) return new ImportError('read-failed', String(e));
  return new ImportError('corrupt', String(e));
}

/**
 * A part the reader asks for: its path (null: none), with what it mostly holds when that is not the package's
 * markup (the shared strings: the table's text; a worksheet), which decides the decoder fastest for it (decodePart.ts).
 */
type PartWanted = string | null | { path: string | null; kind: PartKind };
const pathOf = (want: PartWanted): string | null => (want !== null && typeof want === 'object' ? want.path : want);
const kindOf = (want: PartWanted): PartKind => (want !== null && typeof want === 'object' ? want.kind : 'markup');

/**
 * The reading, which asks for each part's text by yielding its path (null: none) and is given the text back (null:
 * no such part), so that one reader serves an inflater that answers at once and one that answers later. Each part is
 * inflated and decoded when needed, and let go of once read: a long sheet's bytes, its text and its grid are never all
 * held with another sheet's.
 */
function* readWorkbook(zip: ZipArchive, onProgress: ReadOptions['onProgress']): Generator<PartWanted, SheetGrid[], string | null> {
  const office = relationships(yield '_rels/.rels', '').find((r) => r.type === 'officeDocument' && r.target);
  // (without the package's relationships: the part its content types call a workbook, or where Excel writes it)
  const workbookPath = findPart(zip, office) ?? (yield* workbookByContentType(zip)) ?? (zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (workbookPath === null) {
    // the package names a workbook the archive lacks, or has a workbook's other parts without it: damaged
    if (office || zip.names.some((n) => n.startsWith('xl/'))) throw new ImportError('corrupt', `the workbook part ${office?.target ?? ''} is missing`);
    throw new ImportError('not-xlsx');
  }
  const workbook = yield workbookPath;
  if (workbook === null) throw new ImportError('corrupt', `the workbook part ${workbookPath} is missing`);
  // the package's main part is some other document's (a .docx renamed, say)
  if (!/<(?:[\w.-]+:)?workbook[\s/>]/.test(workbook.slice(0, 64 * 1024))) throw new ImportError('not-xlsx');

  const workbookDir = dirOf(workbookPath);
  const rels = relationships(yield relsPathOf(workbookPath), workbookDir);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const date1904 = /^(1|true)$/i.test(attrs(firstElement(workbook, 'workbookPr')?.tag ?? '').date1904 ?? '');
  const entries: Record<string, string>[] = [];
  for (const { tag } of elements(workbook, 'sheet')) {
    if (entries.length === MAX_SHEETS) throw new ImportError('too-many-sheets');
    entries.push(attrs(tag));
  }
  const strings = sharedStrings(yield { path: relatedPart(zip, rels, 'sharedStrings', workbookDir, 'sharedStrings.xml'), kind: 'prose' });
  const formats = styleFormats(yield relatedPart(zip, rels, 'styles', workbookDir, 'styles.xml'));

  const budget: Budget = { cells: 0, slots: 0, merges: 0, mergeColumns: 0 };
  const sheets: SheetGrid[] = [];
  for (const [i, a] of entries.entries()) {
    onProgress?.(i, entries.length);
    const name = a.name ?? '';
    const hidden = a.state === 'hidden' || a.state === 'veryHidden';
    const rel = byId.get(a.id ?? '');
    if (rel && NOT_A_WORKSHEET.has(rel.type)) continue; // a chart or dialog sheet: nothing to import
    const xml = yield { path: findPart(zip, rel), kind: 'sheet' };
    if (xml === null) {
      // the workbook names the sheet, the archive lacks it: said, not skipped in silence
      sheets.push({ name, hidden, rows: [], merges: [], missing: true });
      continue;
    }
    sheets.push({ name, hidden, ...readSheet(xml, name, { strings, formats, date1904, budget }) });
  }
  onProgress?.(entries.length, entries.length);
  return sheets;
}

/** The workbook part as `[Content_Types].xml` names it (main sheet or template, macro-enabled or not, or Strict). */
function* workbookByContentType(zip: ZipArchive): Generator<string | null, string | null, string | null> {
  if (!zip.has('[Content_Types].xml')) return null;
  for (const { tag } of elements((yield '[Content_Types].xml') ?? '', 'Override')) {
    const a = attrs(tag);
    if (!/(?:spreadsheetml\.(?:sheet|template)\.main|ms-excel\.(?:sheet|template)\.macroEnabled\.main)\+xml$/.test(a.ContentType ?? '')) continue;
    const path = resolveTarget('', a.PartName ?? '');
    if (zip.has(path)) return path;
  }
  return null;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  // each string is cleaned here, once, while its text was just read: a cell referring to it is then clean already,
  // and the analysis need not clean (and touch again) each of a long sheet's cells
  const add = (s: string) => {
    if (out.length === MAX_SHARED_STRINGS) throw new ImportError('too-many-strings');
    out.push(cleanText(s));
  };
  if (!readUsualStrings(xml, add)) {
    out.length = 0;
    for (const { inner } of elements(xml, 'si')) add(runText(inner));
  }
  return out;
}

const PLAIN = '<si><t>';
const PRESERVE = '<si><t xml:space="preserve">';

/**
 * The shared strings in the shape every writer gives a long list's: the root's start tag, then one <si> after another
 * with nothing between, then </sst>; each <si><t>text</t></si> (or xml:space="preserve") read with indexOf (a regular
 * expression per item allocated a match for each of 100,000 strings), rich and phonetic text by the run reader. False
 * at the first step from that shape (attributes on an item, a self-closed one, prefixes, white space or anything else
 * between items): the general element reader reads the part then. (Looking through the whole part for those shapes
 * first was three more passes over its text.)
 */
function readUsualStrings(xml: string, add: (s: string) => void): boolean {
  const root = xml.indexOf('<sst');
  const rootEnd = root < 0 ? -1 : tagEnd(xml, root + 4);
  if (rootEnd < 0 || xml.charCodeAt(rootEnd - 1) === 47 /* / */) return false;
  let i = rootEnd + 1;
  // where the next '&' and '_x' are in the whole part, found again only once passed: an item needs its entities or
  // escapes decoded only when one falls inside it (two searches of each of 240,000 items' text were a fifth of this)
  let amp = xml.indexOf('&', i);
  let escape = xml.indexOf('_x', i);
  while (isSiAt(xml, i)) {
    const from = plainTextAt(xml, i);
    const lt = from < 0 ? -1 : xml.indexOf('<', from);
    if (lt >= 0 && isTextEndAt(xml, lt)) {
      if (amp >= 0 && amp < from) amp = xml.indexOf('&', from);
      if (escape >= 0 && escape < from) escape = xml.indexOf('_x', from);
      const text = xml.slice(from, lt);
      add((amp >= 0 && amp < lt) || (escape >= 0 && escape < lt) ? decodeText(text) : text);
      i = lt + 9;
      continue;
    }
    const close = xml.indexOf('</si>', i);
    if (close < 0) return false;
    add(runText(xml.slice(i + 4, close)));
    i = close + 5;
  }
  return xml.startsWith('</sst>', i);
}

/**
 * Whether `marker` is written at `i`, compared code by code: startsWith on the strings' two-byte text was the slowest
 * step of reading them, and on a sheet's text cost more than the few codes it compares.
 */
function markerAt(xml: string, i: number, marker: string): boolean {
  for (let k = 0; k < marker.length; k++) if (xml.charCodeAt(i + k) !== marker.charCodeAt(k)) return false;
  return true;
}

const isSiAt = (xml: string, i: number): boolean => markerAt(xml, i, '<si>');
const PRESERVE_REST = PRESERVE.slice('<si><t '.length);

/** Where the text starts when `<si><t>` or `<si><t xml:space="preserve">` starts at i (its `<si>` known); -1 otherwise. */
function plainTextAt(xml: string, i: number): number {
  if (xml.charCodeAt(i + 4) !== 60 || xml.charCodeAt(i + 5) !== 116) return -1;
  const c = xml.charCodeAt(i + 6);
  if (c === 62) return i + PLAIN.length;
  return c === 32 && markerAt(xml, i + 7, PRESERVE_REST) ? i + PRESERVE.length : -1;
}

const isTextEndAt = (xml: string, i: number): boolean => markerAt(xml, i, '</t></si>');

/** For each index into cellXfs, the date format its number format shows, or the decimals it fixes; null for neither. */
function styleFormats(xml: string | null): (CellFormat | null)[] {
  const result: (CellFormat | null)[] = [];
  if (!xml) return result;
  const codes = new Map<number, string>();
  for (const { tag } of elements(xml, 'numFmt')) {
    const a = attrs(tag);
    codes.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = firstElement(xml, 'cellXfs')?.inner ?? '';
  const byId = new Map<number, CellFormat | null>();
  for (const { tag } of elements(xfs, 'xf')) {
    const id = Number(attrs(tag).numFmtId ?? 0);
    if (!byId.has(id)) byId.set(id, dateFormat(id, codes.get(id)) ?? fixedFormat(id, codes.get(id)));
    result.push(byId.get(id)!);
  }
  return result;
}

/** What the sheets read so far have used of the workbook's limits. */
interface Budget extends MergeBudget {
  cells: number;
  slots: number;
}

interface SheetContext {
  strings: string[];
  formats: (CellFormat | null)[];
  date1904: boolean;
  budget: Budget;
}

/** A few cells named in a note, and how many there were. */
class CellList {
  count = 0;
  readonly names: string[] = [];
  add(row: number, col: number): void {
    if (++this.count <= 3) this.names.push(cellName(row, col));
  }
  get text(): string {
    return `${this.names.join('、')}${this.count > this.names.length ? ' 等' : ''}`;
  }
}

/**
 * One pass over the sheet data with indexOf and charCodeAt, reading rows and cells (self-closed or with content) and
 * nothing else. A sheet has a million cells: a regular expression per cell, or even a substring for each of its
 * attributes, made reading several times slower than unzipping (most of it garbage collection), so a cell's reference,
 * style and type are read as numbers straight from the text and only its value is ever copied out.
 *
 * Only cells with text take room: a row grows to its last such cell, the rows to the last row with one. A cell far to
 * the right of the rest or far below it (STRAY_COLUMN_GAP, STRAY_ROW_GAP) is set aside, and kept only if the table
 * reaches it once all is read (see placeFar); a reference beyond Excel's sheet is no cell.
 */
function readSheet(xml: string, sheet: string, { strings, formats, date1904, budget }: SheetContext) {
  const rows: string[][] = [];
  const notes: ImportWarning[] = [];
  const far: FarCell[] = [];
  const outside = new CellList();
  const cut = new CellList();
  const uncalculated = new CellList();
  const errors = new CellList();
  let errorShown = '';
  const hiddenRows: number[] = [];
  let rowIndex = -1;
  let col = -1;
  let placed = 0;
  const start = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  const end = sheetDataEnd(xml);
  const attr: CellAttributes = { col: -1, row: -1, style: 0, type: CellType.Number };
  let i = start >= 0 && end > start ? xml.indexOf('>', start) + 1 : end;
  const span = { from: -1, to: -1, index: -1 };
  while (i > 0 && i < end) {
    // (cells follow each other with nothing between: the next '<' is nearly always where the last cell ended)
    const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    let value: string;
    const usual = xml.charCodeAt(lt + 1) === 99 /* c */ && xml.charCodeAt(lt + 2) === 32 ? usualCell(xml, lt + 2, end, attr, span) : -1;
    if (usual > 0) {
      i = usual;
      col = attr.col;
      rowIndex = attr.row;
      if (span.from < 0) continue; // an empty cell (styled only)
      value = span.index >= 0 ? strings[span.index] ?? '' : cleanText(plainValue(xml, span.from, span.to, attr, strings, formats, date1904));
    } else {
      const nameStart = lt + 1;
      const first = xml.charCodeAt(nameStart);
      if (first === 47 || first === 63 || first === 33) {
        i = nameStart; // a closing tag, processing instruction or comment
        continue;
      }
      let nameEnd = nameStart;
      let local = nameStart;
      for (let c = xml.charCodeAt(nameEnd); c > 32 && c !== 62 && c !== 47; c = xml.charCodeAt(++nameEnd)) if (c === 58) local = nameEnd + 1;
      const gt = xml.indexOf('>', nameEnd);
      if (gt < 0) break;
      const localLength = nameEnd - local;
      const isCell = localLength === 1 && xml.charCodeAt(local) === 99; // c
      const isRow = localLength === 3 && xml.startsWith('row', local);
      if (!isCell && !isRow) {
        i = gt + 1;
        continue;
      }
      const selfClosed = xml.charCodeAt(gt - 1) === 47;
      const attrEnd = selfClosed ? gt - 1 : gt;
      if (!(isRow ? readRowNumber(xml, nameEnd, attrEnd, attr) : readUsualAttributes(xml, nameEnd, attr) === attrEnd)) readAttributes(xml, nameEnd, attrEnd, attr);
      if (isRow) {
        rowIndex = attr.row >= 0 ? attr.row : rowIndex + 1;
        col = -1;
        if (hiddenAttribute(xml, nameEnd, attrEnd) && rowIndex < MAX_ROWS) hiddenRows.push(rowIndex);
        i = gt + 1;
        continue;
      }
      if (attr.col >= 0) {
        col = attr.col;
        if (attr.row >= 0) rowIndex = attr.row;
      } else col++;
      if (selfClosed) {
        i = gt + 1;
        continue; // an empty cell (styled only)
      }
      const closeTag = local === nameStart ? '</c>' : `</${xml.slice(nameStart, local)}c>`;
      const close = xml.indexOf(closeTag, gt + 1);
      if (close < 0) break;
      i = close + closeTag.length;
      if (close === gt + 1) continue;
      if (attr.type !== CellType.Inline && xml.startsWith('<v>', gt + 1) && close - 4 >= gt + 4 && xml.startsWith('</v>', close - 4)) {
        value = cleanText(plainValue(xml, gt + 4, close - 4, attr, strings, formats, date1904));
      } else {
        const inner = sheetText(xml.slice(gt + 1, close));
        value = cleanText(cellValue(attr, inner, strings, formats, date1904));
        // a formula whose result the file never stored (written by a program that does not calculate): it reads as
        // empty, as it would show until recalculated, but never in silence
        // (openpyxl writes an empty <v></v> for one: only a text formula's empty result is a result)
        if (value === '' && attr.type !== CellType.Inline && noResult(firstElement(inner, 'v'), attr.type) && firstElement(inner, 'f') !== null) {
          uncalculated.add(Math.max(0, rowIndex), Math.max(0, col));
        }
      }
    }
    if (value === '') continue;
    if (attr.type === CellType.Error) {
      // a formula's error (#N/A of a broken lookup, #REF!) is no text of the list: read as blank, and said
      errors.add(Math.max(0, rowIndex), Math.max(0, col));
      errorShown ||= value;
      continue;
    }
    if (rowIndex < 0 || col < 0 || rowIndex >= MAX_ROWS || col >= MAX_COLUMNS) {
      outside.add(Math.max(0, rowIndex), Math.max(0, col));
      continue;
    }
    if (value.length > MAX_CELL_TEXT) {
      value = value.slice(0, MAX_CELL_TEXT);
      cut.add(rowIndex, col);
    }
    if (++budget.cells > MAX_CELLS) throw new ImportError('too-many-cells');
    if (rowIndex >= rows.length) {
      if (rowIndex - rows.length > STRAY_ROW_GAP) {
        far.push({ row: rowIndex, col, value });
        continue;
      }
      addRows(rows, rowIndex + 1, budget);
    }
    const row = rows[rowIndex]!;
    if (col >= row.length) {
      if (col - row.length > STRAY_COLUMN_GAP) {
        far.push({ row: rowIndex, col, value });
        continue;
      }
      addSlots(budget, col + 1 - row.length);
      // the cells skipped before it are '' at once: the row stays a packed array (no holes), which the analysis
      // reads faster, and needs no pass to fill its holes afterwards
      while (row.length < col) row.push('');
      row.push(value);
    } else row[col] = value;
    placed++;
  }
  const stray = far.length ? placeFar(rows, far, placed === 0, budget) : null;
  // (the far cells kept were put in their places, past the rows' ends: the cells between become '')
  for (let r = 0; far.length && r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
  }
  const merges = settleMerges(rows, mergeRanges(xml, Math.max(0, end), budget), sheet, budget, notes);
  if (stray?.count) notes.push({ sheet, message: `工作表“${sheet}”中有 ${stray.count} 个单元格远离表格的其余内容（${stray.text}），已忽略` });
  if (outside.count) notes.push({ sheet, message: `工作表“${sheet}”中有 ${outside.count} 个单元格的位置超出 Excel 的表格范围，已忽略` });
  if (uncalculated.count) {
    notes.push({
      sheet,
      message: `工作表“${sheet}”中有 ${uncalculated.count} 个公式单元格（${uncalculated.text}）在文件中没有保存计算结果，已按空白读取；如需导入这些内容，请在 Excel 或 WPS 中打开该文件并保存后再导入`,
    });
  }
  if (errors.count) {
    notes.push({
      sheet,
      message: `工作表“${sheet}”中有 ${errors.count} 个单元格（${errors.text}）显示公式错误（如 ${errorShown}），已按空白读取；如需导入这些内容，请在 Excel 或 WPS 中修正公式后再导入`,
    });
  }
  if (cut.count) {
    notes.push({ sheet, message: `工作表“${sheet}”中有 ${cut.count} 个单元格（${cut.text}）的文字超过 Excel 的上限 ${MAX_CELL_TEXT.toLocaleString('en-US')} 个字符，只读取了前 ${MAX_CELL_TEXT.toLocaleString('en-US')} 个字符` });
  }
  // (rows hidden in Excel — filtered out, or kept out of sight — are read like the others; the importer says which)
  const hidden = hiddenRows.filter((r) => r < rows.length && rows[r]!.some((c) => c !== ''));
  return { rows, merges, clean: true, ...(notes.length ? { notes } : {}), ...(hidden.length ? { hiddenRows: hidden } : {}) };
}

interface FarCell {
  row: number;
  col: number;
  value: string;
}

function addSlots(budget: Budget, n: number): void {
  budget.slots += n;
  if (budget.slots > MAX_GRID_SLOTS) throw new ImportError('too-many-cells');
}

function addRows(rows: string[][], length: number, budget: Budget): void {
  addSlots(budget, length - rows.length);
  while (rows.length < length) rows.push([]);
}

/**
 * The cells set aside as far from the rest: kept when the rows, then the columns, read in order, reach them within the
 * gaps (a table whose rows were written out of order, a wide table; a sheet all of whose cells are far, its table
 * starting at row 20,000 or column GR, starts where its first cell is); the others are stray and left out, with a note.
 */
function placeFar(rows: string[][], far: FarCell[], nothingNear: boolean, budget: Budget): CellList {
  const stray = new CellList();
  const near: FarCell[] = [];
  far.sort((a, b) => a.row - b.row || a.col - b.col);
  let reach = nothingNear ? far[0]!.row : rows.length;
  for (const cell of far) {
    if (cell.row - reach > STRAY_ROW_GAP) stray.add(cell.row, cell.col);
    else {
      if (cell.row >= rows.length) addRows(rows, cell.row + 1, budget);
      reach = Math.max(reach, cell.row + 1);
      near.push(cell);
    }
  }
  near.sort((a, b) => a.col - b.col || a.row - b.row);
  let width = 0;
  for (let r = 0; r < rows.length; r++) if (rows[r]!.length > width) width = rows[r]!.length;
  if (nothingNear && near.length) width = near[0]!.col;
  for (const cell of near) {
    if (cell.col - width > STRAY_COLUMN_GAP) {
      stray.add(cell.row, cell.col);
      continue;
    }
    const row = rows[cell.row]!;
    if (cell.col >= row.length) addSlots(budget, cell.col + 1 - row.length);
    row[cell.col] = cell.value;
    if (cell.col >= width) width = cell.col + 1;
  }
  return stray;
}

/** Where `</sheetData>` (with any namespace prefix) starts; found from the end, where it is. */
function sheetDataEnd(xml: string): number {
  let at = xml.length;
  for (;;) {
    const name = xml.lastIndexOf('sheetData>', at);
    if (name < 0) return -1;
    const lt = xml.lastIndexOf('<', name);
    // (a prefix is a few characters: a '<' further back belongs to something else, and is not looked at again)
    if (lt >= 0 && name - lt <= 64 && xml.charCodeAt(lt + 1) === 47 /* / */ && /^<\/(?:[\w.-]+:)?$/.test(xml.slice(lt, name))) return lt;
    at = name - 1;
  }
}

const enum CellType {
  Number, // n, or no t attribute
  Shared, // s
  Inline, // inlineStr
  Formula, // str: a formula's cached text
  Bool, // b
  Error, // e
  Date, // d: an ISO date
}

interface CellAttributes {
  col: number; // 0-based, from r="B12"; -1 when the cell names none
  row: number; // 0-based, from r on a row or a cell; -1 when absent
  style: number; // s, an index into cellXfs
  type: CellType;
}

/**
 * A cell's attributes in the shape nearly every writer gives them (Excel, WPS, LibreOffice, ExcelJS): ` r="B12"`, then
 * ` s="3"`, then ` t="s"`, each optional, in that order, read in one pass with fixed comparisons (the general reader
 * below, which takes any order, spacing and quotes, was a third of reading a long sheet). Returns the index after them,
 * or -1 for another shape, or a value out of it (a reference not letters then digits, a style not digits): the general
 * reader then reads the tag from its start.
 */
function readUsualAttributes(xml: string, from: number, out: CellAttributes): number {
  out.col = out.row = -1;
  out.style = 0;
  out.type = CellType.Number;
  let i = from;
  let c: number;
  if (attributeAt(xml, i, 114 /* r */)) {
    let col = 0;
    for (c = xml.charCodeAt((i += 4)) | 32; c >= 97 && c <= 122; c = xml.charCodeAt(++i) | 32) if (col < 1e7) col = col * 26 + (c - 96);
    let row = 0;
    const digits = i;
    for (c = xml.charCodeAt(i); c >= 48 && c <= 57 && i - digits < 12; c = xml.charCodeAt(++i)) row = row * 10 + (c - 48);
    if (col === 0 || row === 0 || c !== 34 /* " */) return -1;
    out.col = col - 1;
    out.row = row - 1;
    i++;
  }
  if (attributeAt(xml, i, 115 /* s */)) {
    let style = 0;
    const digits = (i += 4);
    for (c = xml.charCodeAt(i); c >= 48 && c <= 57 && i - digits < 9; c = xml.charCodeAt(++i)) style = style * 10 + (c - 48);
    if (c !== 34 || i === digits) return -1;
    out.style = style;
    i++;
  }
  if (attributeAt(xml, i, 116 /* t */)) {
    const type = (i += 4);
    while (i - type < 10 && xml.charCodeAt(i) !== 34) i++;
    if (xml.charCodeAt(i) !== 34) return -1;
    readType(xml, type, i, out);
    i++;
  }
  return i;
}

/**
 * A cell in the shape nearly every writer gives it, read in one pass from the space after `<c`: ` r="B12"` (a valid
 * reference), then ` s="3"` and ` t="s"`, each optional, in that order, then `/>`, or `><v>…</v></c>`. The reference,
 * style and type go to `out`, the value's place to `span` (from -1: self-closed, no value); the index after the cell
 * is returned. -1 for any other shape (a formula, an inline string, other attributes, another order, a cell without
 * a reference, one reaching past `end`): the general reader reads that cell from its start. (The general reader's
 * separate searches for the tag's end, its attributes and its closing tag were most of reading a long sheet.)
 */
function usualCell(xml: string, at: number, end: number, out: CellAttributes, span: { from: number; to: number; index: number }): number {
  const i = readUsualAttributes(xml, at, out);
  if (i < 0 || out.col < 0 || out.type === CellType.Inline) return -1;
  const c = xml.charCodeAt(i);
  if (c === 47 /* / */) {
    if (xml.charCodeAt(i + 1) !== 62 || i + 2 > end) return -1;
    span.from = span.to = span.index = -1;
    return i + 2;
  }
  // ><v>
  if (c !== 62 || xml.charCodeAt(i + 1) !== 60 || xml.charCodeAt(i + 2) !== 118 || xml.charCodeAt(i + 3) !== 62) return -1;
  const from = i + 4;
  // a value is a few characters (an index, a number): looked through by hand, not by indexOf and startsWith, whose
  // calls cost more than the characters they compare (the value's end was a fifth of reading a long sheet)
  // (a shared string's index is read on the way: all digits, one to nine of them, is an index; anything else is
  // read by plainValue as the general reader reads it)
  let lt = from;
  let index = 0;
  let d = xml.charCodeAt(lt);
  while (d >= 48 && d <= 57 && lt - from < 9) {
    index = index * 10 + (d - 48);
    d = xml.charCodeAt(++lt);
  }
  const digits = d === 60 && lt > from && out.type === CellType.Shared;
  while (d !== 60 && lt < end && lt - from < 64) d = xml.charCodeAt(++lt);
  if (d !== 60) lt = xml.indexOf('<', lt);
  if (lt < 0 || lt + 8 > end || !isValueEndAt(xml, lt)) return -1;
  span.from = from;
  span.to = lt;
  span.index = digits ? index : -1;
  return lt + 8;
}

const isValueEndAt = (xml: string, i: number): boolean => markerAt(xml, i, '</v></c>');

/** A row's number, when its tag starts with ` r="12"` (a row's other attributes are not read). */
function readRowNumber(xml: string, from: number, to: number, out: CellAttributes): boolean {
  if (!attributeAt(xml, from, 114 /* r */)) return false;
  const close = quoteAfter(xml, from + 4, to);
  if (close < 0) return false;
  out.col = out.row = -1;
  readReference(xml, from + 4, close, out);
  return true;
}

/** Whether a row's tag (its attributes between `from` and `to`) says hidden="1" or hidden="true". */
function hiddenAttribute(xml: string, from: number, to: number): boolean {
  // (a row's tag is a few dozen characters: looked through by hand, never an indexOf that could run past the tag)
  for (let i = from; i < to - 8; i++) {
    if (xml.charCodeAt(i) !== 104 /* h */ || !xml.startsWith('hidden', i)) continue;
    let v = i + 6;
    while (v < to && xml.charCodeAt(v) <= 32) v++;
    if (xml.charCodeAt(v) !== 61 /* = */) continue;
    v++;
    while (v < to && xml.charCodeAt(v) <= 32) v++;
    const q = xml.charCodeAt(v);
    if (q !== 34 && q !== 39) continue;
    const c = xml.charCodeAt(v + 1);
    return c === 49 /* 1 */ || (c === 116 /* t */ && xml.startsWith('true', v + 1));
  }
  return false;
}

/** Whether ` x="` (a one-letter attribute, one space before it, double quotes) starts at `i`. */
const attributeAt = (xml: string, i: number, name: number): boolean =>
  xml.charCodeAt(i) === 32 && xml.charCodeAt(i + 1) === name && xml.charCodeAt(i + 2) === 61 && xml.charCodeAt(i + 3) === 34;

/** The closing double quote of a value starting at `from`, before `to`; -1 when there is none. */
function quoteAfter(xml: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (xml.charCodeAt(i) === 34) return i;
  return -1;
}

/** The r, s and t attributes between `from` and `to` (a start tag's attributes), read without copying anything. */
function readAttributes(xml: string, from: number, to: number, out: CellAttributes): void {
  out.col = out.row = -1;
  out.style = 0;
  out.type = CellType.Number;
  let i = from;
  while (i < to) {
    while (i < to && xml.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    while (i < to && xml.charCodeAt(i) !== 61 /* = */ && xml.charCodeAt(i) > 32) i++;
    const name = i - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
    while (i < to && xml.charCodeAt(i) <= 32) i++;
    if (xml.charCodeAt(i) !== 61) {
      i++;
      continue;
    }
    i++;
    while (i < to && xml.charCodeAt(i) <= 32) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    // a plain loop: an attribute value is a few characters, shorter than indexOf's own cost per call
    let close = i + 1;
    while (close < to && xml.charCodeAt(close) !== quote) close++;
    if (close >= to) return;
    if (name === 114 /* r */) readReference(xml, i + 1, close, out);
    else if (name === 115 /* s */) out.style = digitsAt(xml, i + 1, close);
    else if (name === 116 /* t */) readType(xml, i + 1, close, out);
    i = close + 1;
  }
}

/** A reference such as "B12" (a cell) or "12" (a row): letters to a column, digits to a row, both 0-based. */
function readReference(xml: string, from: number, to: number, out: CellAttributes): void {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    if (col < 1e7) col = col * 26 + (c - 96);
  }
  const row = digitsAt(xml, i, to);
  if (row > 0) out.row = row - 1;
  if (col > 0 && row > 0) out.col = col - 1;
}

/** The whole number written between `from` and `to`; -1 when it is not one (or too long to be a row or a style). */
function digitsAt(xml: string, from: number, to: number): number {
  if (from >= to || to - from > 12) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function readType(xml: string, from: number, to: number, out: CellAttributes): void {
  const length = to - from;
  const c = xml.charCodeAt(from);
  if (length === 1) {
    if (c === 115) return void (out.type = CellType.Shared);
    if (c === 110) return void (out.type = CellType.Number);
    if (c === 98) return void (out.type = CellType.Bool);
    if (c === 101) return void (out.type = CellType.Error);
    if (c === 100) return void (out.type = CellType.Date);
  } else if (length === 3 && xml.startsWith('str', from)) return void (out.type = CellType.Formula);
  else if (length === 9 && xml.startsWith('inlineStr', from)) return void (out.type = CellType.Inline);
  out.type = CellType.Number; // a type no generator should write: read as a number, or as text when it is none
}

/**
 * The text of a cell that is exactly <v>…</v> (nearly every cell; most hold a shared string's index), its value written
 * between `from` and `to`; a value other than an index copied out as the UTF-8 it is, before any entity in it is
 * decoded (see sheetText).
 */
function plainValue(xml: string, from: number, to: number, attr: CellAttributes, strings: string[], formats: (CellFormat | null)[], date1904: boolean): string {
  return attr.type === CellType.Shared ? sharedAt(xml, from, to, strings) : valueText(attr, sheetText(xml.slice(from, to)), strings, formats, date1904);
}

/** A shared string's text from the index written between `from` and `to`. */
function sharedAt(xml: string, from: number, to: number, strings: string[]): string {
  const index = digitsAt(xml, from, to);
  return index >= 0 ? strings[index] ?? '' : sharedByText(xml.slice(from, to), strings);
}

/** A shared string from its index written with spaces around it; none for an empty <v></v> (Number('') is 0). */
const sharedByText = (raw: string, strings: string[]): string => {
  const text = raw.trim();
  return text === '' ? '' : strings[Number(text)] ?? '';
};

const noResult = (v: { inner: string } | null, type: CellType): boolean => v === null || (type !== CellType.Formula && v.inner.trim() === '');

function cellValue(attr: CellAttributes, inner: string, strings: string[], formats: (CellFormat | null)[], date1904: boolean): string {
  if (attr.type === CellType.Inline) {
    const is = firstElement(inner, 'is');
    return is ? runText(is.inner) : '';
  }
  // a formula's cell (<f>…</f><v>…</v>, shared formulas too) holds its cached result in <v>
  const v = firstElement(inner, 'v');
  return v ? valueText(attr, v.inner, strings, formats, date1904) : '';
}

const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** A cell's text from its type, style and the raw text of its <v>. */
function valueText(attr: CellAttributes, raw: string, strings: string[], formats: (CellFormat | null)[], date1904: boolean): string {
  switch (attr.type) {
    case CellType.Shared:
      return sharedByText(raw, strings);
    case CellType.Formula:
      return decodeText(raw);
    case CellType.Bool:
      return raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
    case CellType.Error:
      return decodeText(raw).trim(); // #N/A, #REF!: what the cell shows
    case CellType.Date: {
      // an ISO date (Strict files, some generators): shown by its format as a serial would be
      const iso = decodeText(raw).trim();
      const found = formats[attr.style];
      const format = found && found.kind !== 'fixed' ? found : null;
      const ms = format ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || iso.length <= 10 ? iso : `${iso}Z`) : NaN;
      return Number.isFinite(ms) && format ? formatDate(format, (ms - EPOCH_1900) / DAY_MS, false) : iso.slice(0, 10);
    }
    default: {
      // an empty <v></v> is no number (Number('') is 0, which a date format shows as 1899-12-31)
      if (raw.trim() === '') return '';
      const n = Number(raw);
      if (!Number.isFinite(n)) return decodeText(raw);
      const format = formats[attr.style];
      if (!format) return numberText(n);
      return format.kind === 'fixed' ? fixedText(n, format) : formatDate(format, n, date1904);
    }
  }
}
