import type { FieldId } from '../fields';
import { exportedListId, ID_SHEET } from '../rowIds';
import { normalise } from '../consolidate/similarity';
import { nameKey } from '../text';
import { analyzeSheet } from './analyzeSheet';
import { rowList } from './cellRefs';
import { continuationOf } from './continuation';
import { joinSeparateLists } from './separateLists';
import { splitSideBySide } from './sideBySide';
import { ImportError } from './errors';
import { extractRows, type ExtractOptions } from './extractRows';
import type { ImportRow, ImportWarning, SheetAnalysis, SheetTable } from './types';

export interface WorkbookImport {
  analyses: SheetAnalysis[]; // the sheets that hold a table, in workbook order
  rows: ImportRow[]; // every sheet's rows, in sheet order then row order
  warnings: ImportWarning[];
  title: string; // from the first table's title row
  unit: string;
  listId: string | null; // the list a workbook this app exported came from
}

/**
 * Finds the tables in every visible sheet (one sheet per department is common) and reads their rows. Sheets without a
 * recognisable table (填表说明, 选项表) are skipped with a note; a workbook with none is refused.
 */
export function importWorkbook(sheets: readonly SheetTable[], options: ExtractOptions = {}): WorkbookImport {
  const missing = sheets.filter((s) => s.missing);
  if (sheets.length === 0 || sheets.every((s) => s.rows.every((r) => r.every((c) => c.trim() === '')))) {
    // a workbook whose every sheet is missing from the archive is damaged, not empty
    throw new ImportError(missing.length > 0 ? 'corrupt' : 'no-sheets');
  }
  const asRead = sheetsAsRead(sheets);
  const own = asRead.own;
  const skipped: ImportWarning[] = [...asRead.notes];
  const analyses: SheetAnalysis[] = [];
  let previous: SheetAnalysis | null = null; // the table of the sheet before, which a headerless sheet may continue
  for (const sheet of asRead.sheets) {
    // what the reader left out, and a sheet the workbook names but the file lacks, are said, never passed over
    if (sheet.notes) for (let i = 0; i < sheet.notes.length; i++) skipped.push(sheet.notes[i]!);
    if (sheet.missing) {
      skipped.push({ sheet: sheet.name, message: `工作表“${sheet.name}”在文件中缺失（文件可能已损坏或不完整），其内容无法读取，已跳过` });
      continue;
    }
    if (sheet.hidden) {
      // a sheet nobody sees in Excel (an old version, an options list) is not imported, but a table there is said
      if (sheet.name !== ID_SHEET && sheet.rows.some((r) => r.some((c) => c.trim())) && analyzeSheet(sheet)) {
        skipped.push({ sheet: sheet.name, message: `工作表“${sheet.name}”在 Excel 中是隐藏的，其中的表格未导入；如需导入，请在 Excel 或 WPS 中取消隐藏该工作表后再导入` });
      }
      continue;
    }
    const hasContent = sheet.rows.some((r) => r.some((c) => c.trim()));
    const found = own.has(sheet) ? own.get(sheet)! : analyzeSheet(sheet);
    const title = asRead.titles.get(sheet.name);
    const analysis = found && title ? { ...found, title } : found;
    if (analysis) {
      analyses.push(analysis);
      previous = analysis;
      continue;
    }
    const continued: SheetAnalysis | null = previous && hasContent ? continuationOf(sheet, previous) : null;
    if (continued) {
      analyses.push(continued);
      previous = continued;
      skipped.push({
        sheet: sheet.name,
        message: `工作表“${sheet.name}”没有表头，其各列与工作表“${continued.continues!.from}”的表格一致，视为续表，按相同的列对应导入（可在预览中取消）`,
      });
    } else if (hasContent) {
      previous = null; // a table goes on only over the sheet right after it
      skipped.push({ sheet: sheet.name, message: `工作表“${sheet.name}”中没有可识别的三清单表格，已跳过` });
    }
  }
  if (analyses.length === 0) throw new ImportError(missing.length > 0 ? 'corrupt' : 'no-table');
  const result = extractAll(sheets, analyses, options);
  return {
    analyses,
    listId: exportedListId(sheets),
    rows: result.rows,
    warnings: [...skipped, ...result.warnings],
    title: analyses.find((a) => a.title)?.title ?? '',
    unit: analyses.find((a) => a.unit)?.unit ?? '',
  };
}

/** The new list's unit and title as the file names them: a title that starts with the unit does not repeat it. */
export function suggestedMeta(result: Pick<WorkbookImport, 'title' | 'unit'>, fileName: string): { unit: string; title: string } {
  const title = result.unit && result.title.startsWith(result.unit) ? result.title.slice(result.unit.length).trim() : result.title;
  return { unit: result.unit, title: title || fileName.replace(/\.xlsx$/i, '') };
}

/**
 * The mappings with one column of `sheet` mapped to `field` (null: not imported). A single-valued field is read from
 * one column only, so the column that had it lets go; departments and leaders may come from several columns.
 */
export function remapColumn(analyses: readonly SheetAnalysis[], sheet: string, column: number, field: FieldId | null): SheetAnalysis[] {
  const single = field !== null && field !== 'departments' && field !== 'leaders';
  // a continuation sheet is read with its table's columns: it follows a change made on that table
  return analyses.map((a) =>
    a.sheet !== sheet && a.continues?.from !== sheet
      ? a
      : {
          ...a,
          columns: a.columns.map((c) => (c.index === column ? { ...c, field } : single && c.field === field ? { ...c, field: null } : c)),
        },
  );
}

/** Warnings after the rows were read again: the workbook's own (not of a row) stay, the rows' are the new ones. */
export function rereadWarnings(before: readonly ImportWarning[], rows: readonly ImportWarning[]): ImportWarning[] {
  return [...before.filter((w) => w.row === undefined && !w.extracted), ...rows];
}

/** A workbook's sheets as their tables are read (sheetsAsRead). */
interface SheetsAsRead {
  sheets: SheetTable[];
  /** each visible sheet's own table as found, before any join (null: none) */
  own: Map<SheetTable, SheetAnalysis | null>;
  notes: ImportWarning[];
  /** a joined sheet's title, from its problems' sheet */
  titles: Map<string, string>;
}

const AS_READ = new WeakMap<readonly SheetTable[], SheetsAsRead>();

/**
 * The sheets a workbook's rows are read from: two tables side by side on a sheet apart, three lists on three sheets
 * joined into the one table they are. Worked out once per workbook as read, so that reading the rows again (a column
 * mapped anew) reads the same tables as the first reading did.
 */
function sheetsAsRead(sheets: readonly SheetTable[]): SheetsAsRead {
  const cached = AS_READ.get(sheets);
  if (cached) return cached;
  const notes: ImportWarning[] = [];
  let read: SheetTable[] = [...sheets];
  const splits = sheets.map((s) => (s.missing || s.hidden ? null : splitSideBySide(s)));
  if (splits.some(Boolean)) {
    read = sheets.flatMap((s, i) => {
      const split = splits[i];
      if (split) notes.push(split.note);
      return split ? split.sheets : [s];
    });
  }
  const own = new Map<SheetTable, SheetAnalysis | null>();
  for (const sheet of read) if (!sheet.missing && !sheet.hidden) own.set(sheet, analyzeSheet(sheet));
  const joined = joinSeparateLists(read, own);
  if (joined) notes.push(...joined.notes);
  const result: SheetsAsRead = { sheets: joined ? joined.sheets : read, own, notes, titles: joined?.titles ?? new Map() };
  AS_READ.set(sheets, result);
  return result;
}

/** Reads the rows again with (possibly user-changed) column mappings. */
export function extractAll(sheets: readonly SheetTable[], analyses: readonly SheetAnalysis[], options: ExtractOptions = {}): { rows: ImportRow[]; warnings: ImportWarning[] } {
  const source = sheetsAsRead(sheets).sheets;
  const rows: ImportRow[] = [];
  const warnings: ImportWarning[] = [];
  let last = ''; // the last problem read, which a continuation sheet's first rows go on with
  for (const a of analyses) {
    const sheet = source.find((s) => s.name === a.sheet);
    if (!sheet) continue;
    if (a.continues?.off) {
      warnings.push({ sheet: a.sheet, message: `工作表“${a.sheet}”未作为续表导入，其中的行已跳过`, extracted: true });
      continue;
    }
    const r = extractRows(sheet, a, a.continues ? last : '', options);
    sheetDepartment(a, r);
    last = r.rows.length ? r.rows[r.rows.length - 1]!.problem : a.continues ? last : '';
    const kept = rows.length > 0 ? notCopied(rows, r.rows, a.sheet, r.warnings) : r.rows;
    // loops, not push(...rows): spreading a sheet of 100,000+ rows into arguments overflows the stack
    for (let i = 0; i < kept.length; i++) rows.push(kept[i]!);
    for (let i = 0; i < r.warnings.length; i++) warnings.push(r.warnings[i]!);
  }
  return { rows: oncePerMeasure(rows, warnings), warnings };
}

/**
 * A row as compared with the rows of the sheets before: its problem, measure and who is responsible, the texts without
 * a list number, spaces or punctuation (a 汇总表 writes “1.学校及…”, the department's sheet “学校及…”).
 */
const rowKey = (r: ImportRow): string =>
  `${normalise(r.problem)}\u0000${normalise(r.measure)}\u0000${r.departments.map(nameKey).join('\u0001')}\u0000${r.leaders.map(nameKey).join('\u0001')}`;

/** A row's problem and measure as compared with the rows of the sheets before, without who is responsible. */
const textKey = (r: ImportRow): string => `${normalise(r.problem)}\u0000${normalise(r.measure)}`;

/**
 * The rows of a later sheet that are not the same as a row of the sheets before it: a 手册's 汇总表 and its 一览表 list
 * the same risks, which imported from both would be there twice or three times. A row is the same when its problem,
 * measure and who is responsible are, or when a row before has its problem and measure with all its departments and
 * leaders among more (a 汇总表's row for 团委 and 党办, copied onto the 团委 sheet with 团委 alone). The same problem
 * and measure with other departments (one sheet per department) is another row; rows with our ids are matched by id
 * (oncePerMeasure).
 */
function notCopied(before: readonly ImportRow[], rows: readonly ImportRow[], sheet: string, warnings: ImportWarning[]): ImportRow[] {
  const seen = new Set<string>();
  const responsible = new Map<string, { departments: Set<string>; leaders: Set<string> }[]>();
  for (let i = 0; i < before.length; i++) {
    const row = before[i]!;
    if (row.ids) continue;
    seen.add(rowKey(row));
    const key = textKey(row);
    const list = responsible.get(key) ?? [];
    list.push({ departments: new Set(row.departments.map(nameKey)), leaders: new Set(row.leaders.map(nameKey)) });
    responsible.set(key, list);
  }
  const within = (row: ImportRow): boolean =>
    row.departments.length > 0 &&
    (responsible.get(textKey(row)) ?? []).some(
      (r) => row.departments.every((d) => r.departments.has(nameKey(d))) && row.leaders.every((l) => r.leaders.has(nameKey(l))),
    );
  const kept: ImportRow[] = [];
  const copied: number[] = [];
  for (const row of rows) {
    if (!row.ids && (seen.has(rowKey(row)) || within(row))) copied.push(row.excelRow);
    else kept.push(row);
  }
  if (copied.length) {
    warnings.push({
      sheet,
      message: `工作表“${sheet}”中有 ${copied.length} 行（${rowList(copied)}）与前面工作表中的行相同（问题、措施一致，责任部门和责任领导相同或包含在内，不计编号、空格和标点），未重复导入`,
      extracted: true,
    });
  }
  return kept;
}

/** A sheet named as a department is (one sheet per department): 党办, 德育处, 信息中心, 高一年级, 第一党支部; 后勤, 政教 */
const DEPARTMENT_SHEET =
  /^(?:[\u4e00-\u9fa5]{1,10}(?:办公室|办|处|室|部|委|中心|组|科|馆|年级|团委|工会|支部|总支|学院|系|站|所|股)|后勤|政教|教务|德育|总务|保卫|安保|教科研|教研|财务|人事|宣传|纪检|工会|团委)$/;
/** …and names that end so but are no department */
const NOT_DEPARTMENT_SHEET = /(?:清单|台账|表|领导小组|工作组|小组)$/;

/**
 * A table without a 责任部门 column (or with empty cells in it, under a line naming the department), on a sheet whose
 * department is named above the table (部门（盖章）：德育处) or by
 * the sheet's name (a workbook of one sheet per department, each leaving its own name out of its rows): its rows are
 * that department's, as a person reading the workbook takes them, and the preview says so. A table with the column is
 * read as written.
 */
function sheetDepartment(a: SheetAnalysis, read: { rows: ImportRow[]; warnings: ImportWarning[] }): void {
  // (a table with the column is read as written, its empty cells the named department's only when a line above names it)
  const hasColumn = a.columns.some((c) => c.field === 'departments');
  if ((hasColumn && !a.department) || read.rows.length === 0) return;
  // the department a sheet's name gives, its decorations off: 2.教务处, 📋德育处, 团委 ✅, 德育处（3月修订）, 德育处2024
  const sheetName = a.sheet
    .trim()
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/^[^\u4e00-\u9fa5]+|[^\u4e00-\u9fa5]+$/g, '');
  const named = a.department ?? (DEPARTMENT_SHEET.test(sheetName) && !NOT_DEPARTMENT_SHEET.test(sheetName) ? sheetName : '');
  if (!named) return;
  let filled = 0;
  for (const row of read.rows) {
    if (row.departments.length > 0) continue;
    row.departments = [named];
    filled++;
  }
  if (filled === 0) return;
  const by = a.department ? `按表格上方所写的部门` : `按工作表名称`;
  read.warnings.unshift({
    sheet: a.sheet,
    message: hasColumn
      ? `工作表“${a.sheet}”中有 ${filled} 条措施的责任部门为空，按表格上方所写的部门记为“${named}”；如不对，请导入后修改`
      : `工作表“${a.sheet}”的表格没有责任部门列，其 ${filled} 条措施的责任部门${by}记为“${named}”；如不对，请在“列对应”中指定责任部门列，或导入后修改`,
    extracted: true,
  });
}

/**
 * An exported workbook can show one measure on several sheets (the list and its department's sheet). It is imported
 * once, where it first appears, with the content of the copy that differs from the first one: the copy someone edited.
 */
function oncePerMeasure(rows: ImportRow[], warnings: ImportWarning[]): ImportRow[] {
  const first = new Map<string, number>();
  const out: ImportRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const id = row.ids?.measureId;
    if (!id) {
      out.push(row);
      continue;
    }
    const at = first.get(id);
    if (at === undefined) {
      first.set(id, out.length);
      out.push(row);
      continue;
    }
    const kept = out[at]!;
    if (sameContent(kept, row)) continue;
    out[at] = { ...row, sheet: kept.sheet, excelRow: kept.excelRow };
    warnings.push({ sheet: row.sheet ?? '', row: row.excelRow, message: `第 ${row.excelRow} 行：与工作表“${kept.sheet}”中的同一措施内容不同，采用本行修改后的内容` });
  }
  return out;
}

const sameContent = (a: ImportRow, b: ImportRow): boolean => JSON.stringify(publicRow({ ...a, sheet: '' })) === JSON.stringify(publicRow({ ...b, sheet: '' }));

/** A warning as one line, naming the sheet when the workbook has several tables. */
export function warningText(w: ImportWarning, manySheets: boolean): string {
  return manySheets && w.row !== undefined ? `工作表“${w.sheet}”${w.message}` : w.message;
}

/** The CLI's JSON row: the importer's row without its bookkeeping. */
export function publicRow(row: ImportRow): Omit<ImportRow, 'excelRow' | 'ids' | 'posts'> {
  const { excelRow: _row, ids: _ids, posts: _posts, ...rest } = row;
  return rest;
}

/** The mappings with a continuation sheet imported (on) or left out (off) as the user chose in the preview. */
export function setContinuation(analyses: readonly SheetAnalysis[], sheet: string, on: boolean): SheetAnalysis[] {
  return analyses.map((a) => (a.sheet === sheet && a.continues ? { ...a, continues: { from: a.continues.from, ...(on ? {} : { off: true }) } } : a));
}
