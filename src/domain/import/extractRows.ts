import { TEXT_FIELDS, type FieldId } from '../fields';
import { DEFAULT_STATUSES, isCompletedStatus } from '../status';
import { cleanText, isBlankCode, isPlaceholderText, nameKey } from '../text';
import { parseIdCell } from '../rowIds';
import { headerKeysOf, isRepeatedHeader } from './analyzeSheet';
import { SECTION_LEAD } from './sections';
import { headerKey, isMixedResponsibility } from './headerSynonyms';
import { cellNames, resolveSpaced } from '../names/cellNames';
import { columnLetters, rowList } from './cellRefs';
import { responsibilityNames } from '../names/responsibilityNames';
import type { ImportRow, ImportWarning, OptionalTextField, SheetAnalysis, SheetTable } from './types';

/** The text fields a row carries when its table has their column (every table has a problem and a measure). */
const OPTIONAL: readonly OptionalTextField[] = TEXT_FIELDS.filter((f): f is OptionalTextField => f !== 'problem' && f !== 'measure');

/** Lines under a table that are not data: sign-off, notes, totals. */
const FOOTER =
  /^(?:填表人|填报人|审核人|制表人|制表单位|填表说明|填报说明|填写说明|说明[:：]|注[:：]|注\s*\d|备注[:：]|附[:：]|单位盖章|单位[（(]盖章[)）]|负责人签字|分管领导签字|校长签字|日期[:：]|填报日期|填报时间|报送时间|报送日期|联系电话|电话[:：]|[（(]?(?:以下空白|以下无正文|此页无正文|以下无内容)|(?:审核|制表|盖章|合计|总计|联系人)(?![\u3400-\u9fff]))/;
/** A template's example row, left in: its 序号 or problem says so (示例 | 宣传栏错字, （示例）宣传栏错字, 例：…) */
const EXAMPLE = /^(?:[（(【[]\s*(?:示例|样例|例)\s*[)）】\]]|(?:填写|填表)?(?:示例|样例)(?:[:：]|$)|例[:：])/;

/**
 * A sign-off line under the table, its cells spread over the columns (党支部书记（签字）： | 校长（签字）： | 2026年3月5日;
 * 单位负责人：王子忠 | 联系人：李梦楠 | 联系电话：0475-1234567; 填报单位：XX中学（公章） | 报送时间：2024.3.5): every cell a
 * role or a line of the form's own (填报单位, 联系电话, 审核意见) with a colon and what such a line takes after it (a
 * name, a phone number, a date, a unit with its seal, a short opinion), a signing mark, or a date.
 */
const SIGN_LABEL =
  /^[\u4e00-\u9fa5]{0,10}(?:人|长|书记|领导|主任|员|单位|日期|时间|电话|手机|邮箱|意见)\s*(?:[（(]\s*(?:签字|签名|签章|盖章|公章)\s*[)）])?\s*[:：]\s*(.*)$/s;
const SIGN_MARK = /[（(]\s*(?:签字|签名|签章|盖章|公章)\s*[)）]|(?:签字|签名|盖章)\s*[:：]?$/;
const SIGN_DATE = /^(?:\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?)$/;
const SIGN_NAME = /^[\u4e00-\u9fa5·]{0,6}$/;
const PHONE = /^[\d\s()（）+\-－—]{5,24}$/;
const OPINION = /^[\u4e00-\u9fa5，,。.、]{1,12}$/;

/** Whether what follows a sign-off line's label is what such a line takes: a name, a phone, a date, a seal, an opinion. */
function isSignValue(label: string, value: string): boolean {
  const v = value.trim();
  if (SIGN_NAME.test(v) || SIGN_DATE.test(v)) return true;
  if (/(?:电话|手机)\s*[:：]/.test(label) && PHONE.test(v) && /\d{5}/.test(v.replace(/\D/g, ''))) return true;
  if (v.length <= 24 && SIGN_MARK.test(v)) return true; // XX中学（公章）
  return /意见\s*[:：]/.test(label) && OPINION.test(v);
}

function isSignOff(cells: readonly string[]): boolean {
  let roles = 0;
  for (const cell of cells) {
    if (!cell) continue;
    const labelled = SIGN_LABEL.exec(cell);
    if ((labelled && isSignValue(cell.slice(0, cell.length - labelled[1]!.length), labelled[1]!)) || (cell.length <= 16 && SIGN_MARK.test(cell))) roles++;
    else if (!SIGN_DATE.test(cell)) return false;
  }
  return roles > 0;
}

/** A cell saying “the same as above”: 同上, 〃, a ditto mark */
const DITTO = /^(?:同上|同前|〃|"|″|＂|々)$/;

/** A printed page's footer copied into the sheet: 第 1 页,共 9 页, or a page number between dashes (— 3 —, -3-) */
const PAGE_FOOTER = /^(?:第\s*\d+\s*页\s*[,，、/]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,，、/]?\s*第\s*\d+\s*页|[-—－–]{1,2}\s*\d{1,4}\s*[-—－–]{1,2})$/;

/** A 领导小组 list under the table (组长：王子忠 / 成员 | 各处室主任): its first cell, spaces taken out, is a role */
const GROUP_ROLE = /^(?:组长|副组长|成员|组员|联络员|成员单位)(?:[:：].*)?$/;
// (by code: a CJK character taken out of a string is a new string, one per row)
const ROLE_START = new Set(['组', '副', '成', '联'].map((c) => c.charCodeAt(0)));

/** A section number written in a cell of its own before the section's name: 一 | 网络阵地, （二） | 课堂讲坛 */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]{1,3}[、.．]?|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}(?:部分|类|章|节|项)?)$/;

/**
 * The header words of the other tables an office keeps in the same sheet (the school rules' 工作安排 “时间 | 内容”, a
 * 领导小组 “姓名 | 职务 | 分工”): a row of these only starts another table, whose rows are not measures.
 */
const OTHER_TABLE_WORDS = ['时间', '日期', '内容', '工作内容', '具体内容', '工作安排', '时间安排', '姓名', '职务', '分工', '工作分工', '职责', '工作职责', '电话', '联系电话', '手机', '序号', '备注', '分管部门', '分管工作', '分管领域', '联系部门'];
const OTHER_TABLE_WORD = new RegExp(`^(?:${OTHER_TABLE_WORDS.join('|')})$`);
// (their first characters, by code: a row is looked at only when it starts as such a header does)
const OTHER_TABLE_START = new Set(OTHER_TABLE_WORDS.map((w) => w.charCodeAt(0)));
const OTHER_TABLE_CORE = /^(?:时间|日期|内容|工作内容|具体内容|工作安排|时间安排|姓名|职务|分工|工作分工)$/;

/** A problem's own label before its text: 问题一：, 问题1. */
const PROBLEM_LABEL = /^(?:问题|风险点|风险)[一二三四五六七八九十\d]{1,3}\s*[:：、.．]\s*/;
/** A line that is a problem rather than a section's name: labelled as one, or a sentence (long, or with its punctuation) */
const isProblemLine = (text: string): boolean =>
  PROBLEM_LABEL.test(text) || (text.length >= 6 && /[。；;]$/.test(text)) || (text.length > 16 && /[，。；;,]/.test(text));

/** A table's own title repeated over a page (小学安全风险分级管控清单), no section's name */
const TITLE_LIKE = /(?:清单|台账|表|名单|目录|汇总|一览)$/;

/** One Han character at a time with spaces or line breaks between: three or more */
const SPACED_OUT = /^[\u3400-\u9fff](?:\s+[\u3400-\u9fff]){2,}$/;


const STEMS = '甲乙丙丁戊己庚辛壬癸';
const FIRST_ORDINAL = /^(?:甲|[（(]?1[)）]?)$/;

/**
 * A row numbering the columns under the header (1 | 2 | 3 | 4, 甲 | 乙 | 1 | 2, as official forms print it): three or
 * more cells, each a column's ordinal, the stems and the numbers each counting up from the first.
 */
function isColumnNumbering(cells: readonly string[]): boolean {
  let stems = 0;
  let numbers = 0;
  for (const cell of cells) {
    const at = cell.length === 1 ? STEMS.indexOf(cell) : -1;
    if (at >= 0) {
      if (numbers > 0 || at !== stems) return false;
      stems++;
      continue;
    }
    const n = /^[（(]?(\d{1,2})[)）]?$/.exec(cell);
    if (!n || Number(n[1]) !== numbers + 1) return false;
    numbers++;
  }
  return stems + numbers >= 3;
}

export interface ExtractResult {
  rows: ImportRow[];
  warnings: ImportWarning[];
}

/**
 * The merged ranges of one column as intervals sorted by their first row, read by a cursor that only moves down: the
 * rows are read in order, so finding the range over a row costs a step, whatever the ranges claim. `value` is what a
 * person sees in the covered cells: the top-left text for the merge's own column, nothing in the columns it spans.
 */
class ColumnMerges {
  private tops: number[] = [];
  private bottoms: number[] = [];
  /** each range's text as written, and cleaned (cleaned once, not for every row it covers) */
  values: string[] = [];
  cleaned: string[] = [];
  private at = -1;
  private reach = -1; // the ranges started so far: the one reaching furthest down (ranges never overlap in a valid file)

  add(top: number, bottom: number, value: string): void {
    this.tops.push(top);
    this.bottoms.push(bottom);
    this.values.push(value);
    this.cleaned.push(cleanText(value));
  }

  seal(): void {
    let sorted = true;
    for (let i = 1; i < this.tops.length && sorted; i++) if (this.tops[i]! < this.tops[i - 1]!) sorted = false;
    if (sorted) return;
    const order = this.tops.map((_, i) => i).sort((a, b) => this.tops[a]! - this.tops[b]!);
    this.tops = order.map((i) => this.tops[i]!);
    this.bottoms = order.map((i) => this.bottoms[i]!);
    this.values = order.map((i) => this.values[i]!);
    this.cleaned = order.map((i) => this.cleaned[i]!);
  }

  /** Whether a range covers row `r`, asked in any order (once sealed): a search, not the cursor of `covered`. */
  coversAt(r: number): boolean {
    let lo = 0;
    let hi = this.tops.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.tops[mid]! <= r) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && this.bottoms[at]! >= r;
  }

  /** The range covering row `r` (its index into values), or -1 when `r` is not covered here. Rows must be asked in order. */
  covered(r: number): number {
    while (this.at + 1 < this.tops.length && this.tops[this.at + 1]! <= r) {
      this.at++;
      if (this.reach < 0 || this.bottoms[this.at]! >= this.bottoms[this.reach]!) this.reach = this.at;
    }
    const i = this.reach;
    return i >= 0 && this.tops[i]! <= r && r <= this.bottoms[i]! ? i : -1;
  }
}

/**
 * Reads the data rows of a recognised table with the given column mapping. A merged range shows its top-left text over
 * the whole range: that is what a person sees, whatever text LibreOffice or WPS left in the covered cells (“keep
 * contents”), and vertically merged cells give it to every row they cover. A problem cell left empty under a problem
 * continues that problem (files that repeat instead of merging work the same). Blank rows are passed over; every other
 * row is imported or reported with its Excel row number and why it was skipped (repeated header, footer, section
 * heading, no measure). `carried`: the problem the rows continue (a table going on over another sheet).
 */
export interface ExtractOptions {
  /** rows with a problem or names but no measure are kept (with an empty measure) instead of skipped */
  keepEmptyMeasures?: boolean;
}

export function extractRows(sheet: SheetTable, analysis: SheetAnalysis, carried = '', options: ExtractOptions = {}): ExtractResult {
  const rows: ImportRow[] = [];
  const warnings: ImportWarning[] = [];
  const first = Math.max(0, analysis.headerRow + analysis.headerRows);
  const sheetRows = sheet.rows.length;
  const columnsOf = new Map<FieldId, number[]>();
  for (const c of analysis.columns) if (c.field) columnsOf.set(c.field, [...(columnsOf.get(c.field) ?? []), c.index]);
  const mappedCols = [...columnsOf.values()].flat();
  const tableLeft = Math.min(...analysis.columns.map((c) => c.index));
  const tableRight = Math.max(...analysis.columns.map((c) => c.index));
  const tableWidth = tableRight - tableLeft + 1;
  const hasMeasure = columnsOf.has('measure');
  const present = OPTIONAL.filter((f) => columnsOf.has(f));
  const headerKeys = analysis.headerKeys ?? headerKeysOf(sheet, analysis.headerRow, analysis.headerRows);

  // merged cells, kept per column as ranges clamped to the rows present and the table's columns (a hostile file can
  // claim a merge over a million rows or every column): work in proportion to the merges and the rows, never to what
  // the ranges claim. Rows that are one cell merged across (most of) the table are section headings.
  const byColumn: (ColumnMerges | undefined)[] = new Array<ColumnMerges | undefined>(tableRight + 1);
  const fullWidth = new ColumnMerges();
  // (indexed loops over the merges, cells and rows: a for-of allocates an iterator result per step until the loop is
  // optimised, tens of megabytes for a long sheet)
  for (let i = 0; i < sheet.merges.length; i++) {
    const m = sheet.merges[i]!;
    const bottom = Math.min(m.bottom, sheetRows - 1);
    if (bottom < first || m.top > bottom || m.left > tableRight) continue;
    const text = sheet.rows[m.top]?.[m.left] ?? '';
    if (m.right - m.left + 1 >= Math.max(2, Math.ceil(tableWidth * 0.6)) && m.left <= tableLeft + 1) {
      fullWidth.add(Math.max(m.top, first), bottom, text);
    }
    const right = Math.min(m.right, tableRight);
    for (let c = m.left; c <= right; c++) {
      const top = c === m.left ? m.top + 1 : m.top; // the top-left cell is the merge's own
      if (bottom < Math.max(top, first)) continue;
      (byColumn[c] ??= new ColumnMerges()).add(Math.max(top, first), bottom, c === m.left ? text : '');
    }
  }
  fullWidth.seal();
  for (let c = 0; c < byColumn.length; c++) byColumn[c]?.seal();

  // What a person sees in each of the table's columns on the row being read (a covered cell shows its merge's text),
  // as written and cleaned: worked out once a row, in the first look at it, and read from here by every field, where
  // each field looking for itself cleaned and looked up the same cells again (a third of the analysis of a long sheet).
  let raw: readonly string[] = [];
  const written: string[] = new Array<string>(Math.max(0, tableRight + 1)).fill('');
  const shown: string[] = new Array<string>(Math.max(0, tableRight + 1)).fill('');
  // (each field's first column, looked up once: a map per field and row was a tenth of the analysis)
  const colOf = (field: FieldId): number => columnsOf.get(field)?.[0] ?? -1;
  const problemCol = colOf('problem');
  // a risk's description in a column of its own beside its name (analyzeSheet's problemDescription): both make the problem
  const descriptionCol = columnsOf.get('problem')?.[1] ?? -1;
  let lastName = '';
  const measureCol = colOf('measure');
  const serialCol = colOf('serial');
  const departmentCols = columnsOf.get('departments') ?? [];
  const leaderCols = columnsOf.get('leaders') ?? [];
  // a column of departments and people together (责任清单, 责任单位/责任人): its people are the row's leaders
  const mixedCols = new Set(analysis.columns.filter((c) => c.field === 'departments' && isMixedResponsibility(c.header)).map((c) => c.index));
  const namesCols = { departments: departmentCols, leaders: mixedCols.size ? [...leaderCols, ...mixedCols] : leaderCols };
  const presentCols = present.map(colOf);
  // a field written as ticks under its options (风险等级 over 高 | 中 | 低, a √ in one): the ticked option's name
  const choicesOf = present.map((_, i) => tickedChoices(analysis, presentCols[i]!));
  const presentText = (i: number): string => {
    const choices = choicesOf[i];
    if (choices) for (const choice of choices) if (TICK.test(shown[choice.col] ?? '')) return choice.label;
    return textAt(presentCols[i]!);
  };
  const textAt = (col: number): string => {
    if (col < 0) return '';
    const text = shown[col]!;
    if (text && isPlaceholderText(text)) return '';
    // vertical text in a narrow merged column, typed a character a line or spaced out (领 导 班 子 成 员)
    // (nearly every text fails at its second character: looked at by code before the regular expression runs)
    return text.length >= 5 && isBlankCode(text.charCodeAt(1)) && SPACED_OUT.test(text) ? text.replace(/\s+/g, '') : text;
  };
  let spaced = false; // a name with spaces inside, resolved once the sheet's other names are known
  let posts: Record<string, string> | undefined; // the posts written with the current row's leaders
  const namesOf = (field: 'departments' | 'leaders'): string[] => {
    const out: string[] = [];
    const cols = namesCols[field];
    for (let i = 0; i < cols.length; i++) {
      const cell = written[cols[i]!]!;
      if (!cell) continue;
      const mixed = mixedCols.size > 0 && mixedCols.has(cols[i]!) ? responsibilityNames(cell) : null;
      const found = mixed ? mixed[field] : cellNames(cell, field === 'departments' ? 'department' : 'leader');
      for (let k = 0; k < found.names.length; k++) {
        const name = found.names[k]!;
        if (out.includes(name)) continue;
        out.push(name);
        if (name.indexOf(' ') >= 0) spaced = true;
        if (field === 'leaders' && found.posts[k]) (posts ??= {})[name] = found.posts[k]!;
      }
    }
    return out;
  };
  const anyMapped = (): boolean => {
    for (let i = 0; i < mappedCols.length; i++) if (shown[mappedCols[i]!]) return true;
    return false;
  };

  // whether the next row with text under row `r` has a measure and no problem of its own (its problem cell empty and
  // not under a merge): the rows of a problem written on a row of its own above them
  const problemMerges = problemCol >= 0 ? byColumn[problemCol] : undefined;
  const measuresBelow = (r: number): boolean => {
    if (measureCol < 0 || problemCol < 0) return false;
    for (let q = r + 1; q < sheetRows && q <= r + 5; q++) {
      const row = sheet.rows[q] ?? [];
      if (!row.some((c) => c && cleanText(c))) continue;
      return !!cleanText(row[measureCol] ?? '') && !cleanText(row[problemCol] ?? '') && !(problemMerges?.coversAt(q) ?? false);
    }
    return false;
  };

  // a row of another table's header words, none the header's own in its column: that table's rows are skipped until
  // the header comes again
  const otherTableHeader = (raw: readonly string[]): string | null => {
    const words: string[] = [];
    let core = false;
    for (let c = 0; c < raw.length && c < 1024; c++) {
      const text = cleanText(raw[c] ?? '');
      if (!text) continue;
      const key = headerKey(text);
      if (!OTHER_TABLE_WORD.test(key) || headerKeys.some((h) => h[c] === key)) return null;
      if (OTHER_TABLE_CORE.test(key)) core = true;
      words.push(text);
    }
    return words.length >= 2 && core ? words.join(' | ') : null;
  };
  let otherTable: { from: number; header: string; rows: number } | null = null;
  const endOtherTable = () => {
    if (!otherTable) return;
    const { from, header, rows: n } = otherTable;
    warnings.push({
      sheet: sheet.name,
      row: from,
      message: `第 ${from} 行起：另一张表格（表头“${clip(header)}”，共 ${n} 行），不是三清单的问题和措施，已跳过；如需导入，请把它放到单独的工作表并写明三清单的表头`,
    });
    otherTable = null;
  };
  // the row as a person reads it, its cells in order: a section's number and its name (一 | 网络阵地)
  const rowCells = (): string[] => {
    const parts: string[] = [];
    for (let c = 0; c < raw.length && c < 1024; c++) {
      const text = c <= tableRight ? shown[c]! : cleanText(raw[c] ?? '');
      if (text) parts.push(text);
    }
    return parts;
  };
  const rowText = (): string => rowCells().join(' ');

  // the numbered section heading the rows are under (（一）网络阵地): their category when the table has no category
  // column (one that has is read as written: an empty cell there is not the heading's)
  let section = '';
  const hasCategory = columnsOf.has('category');
  // a heading without a number names its section too when it reads as a name, not a sentence: 网络阵地, 【课堂讲坛】,
  // 宣传阵地方面; a score after the name (校园安全（200分）) is the form's, not the category's
  const enterSection = (heading: string) => {
    const lead = SECTION_LEAD.exec(heading);
    const bare = lead ? '' : /^[【[〔]?\s*([\u4e00-\u9fa5]{2,12}?)(?:方面)?\s*[】\]〕]?$/.exec(heading.replace(/\s+/g, ''));
    const name = (lead ? heading.slice(lead[0].length).trim() : (bare?.[1] ?? '')).replace(/\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$/, '');
    if (name && name.length <= 40 && (lead || !TITLE_LIKE.test(name))) section = name;
  };
  // rows Excel hides are imported like the others (never a row lost in silence), and listed: filtered out or kept out
  // of sight, they may be rows the office no longer uses
  const hidden = sheet.hiddenRows?.length ? new Set(sheet.hiddenRows) : null;
  const hiddenImported: number[] = [];
  // what each column showed on the last row read, for a cell that says 同上
  const lastWritten: string[] = new Array<string>(Math.max(0, tableRight + 1)).fill('');
  const lastShown: string[] = new Array<string>(Math.max(0, tableRight + 1)).fill('');
  let dittos = 0;
  // the columns the table's header names (imported or not), and the rows with text in each column it does not
  const headed: boolean[] = new Array<boolean>(tableRight + 1).fill(false);
  for (const c of analysis.columns) headed[c.index] = true;
  if (analysis.idColumn !== undefined) headed[analysis.idColumn] = true;
  const unheaded: number[] = [];
  const statusInNote = !columnsOf.has('status') && columnsOf.has('note');
  let statusesFromNotes = 0;
  // cells the reader cleaned (sheet.clean) are read as they are: cleaning each again touched every string of the sheet
  const clean = sheet.clean === true;
  let problem = carried; // a continuation sheet's first rows may go on with the last problem of the sheet before
  let texts = 2; // the cells with text (shown or hidden under a merge) of the row before: none read before the first
  for (let r = first; r < sheetRows; r++) {
    const textsBefore = texts;
    raw = sheet.rows[r] ?? [];
    const excelRow = r + 1;
    // the row's first non-empty cell as a person sees it and how many it has, and what each of the table's columns
    // shows; text left under a merge counts apart (it makes the row non-blank, but shows nowhere)
    let firstText = '';
    let filled = 0;
    let hiddenText = '';
    texts = 0;
    for (let c = 0; c <= tableRight; c++) {
      const own = raw[c];
      const text = own ? (clean ? own : cleanText(own)) : '';
      const merge = byColumn[c];
      const over = merge ? merge.covered(r) : -1;
      if (over >= 0) {
        written[c] = merge!.values[over]!;
        shown[c] = merge!.cleaned[over]!;
        if (text) {
          hiddenText ||= text;
          texts++;
        }
        continue;
      }
      written[c] = own ?? '';
      shown[c] = text;
      if (!text) continue;
      // 同上 (〃, "): the row above's text in this column, as a person reads it
      if (text.length <= 2 && DITTO.test(text) && lastShown[c]) {
        written[c] = lastWritten[c]!;
        shown[c] = lastShown[c]!;
        dittos++;
      }
      if (!filled) firstText = text;
      filled++;
      texts++;
    }
    for (let c = tableRight + 1; c < raw.length; c++) {
      const own = raw[c];
      const text = own ? (clean ? own : cleanText(own)) : '';
      if (!text) continue;
      if (!filled) firstText = text;
      filled++;
      texts++;
    }
    if (filled === 0) {
      // blank as a person sees it: covered only by merges from above, or text hidden under a merge
      if (hiddenText) warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：只有被合并单元格遮住的内容“${clip(hiddenText)}”，已跳过` });
      continue;
    }
    if (otherTable) {
      if (!isRepeatedHeader(raw, headerKeys)) {
        otherTable.rows++;
        continue;
      }
      endOtherTable();
    }
    if (isRepeatedHeader(raw, headerKeys)) {
      // the header again, on a new printed page
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：与表头相同（跨页重复的表头），已跳过` });
      continue;
    }
    if (FOOTER.test(firstText) || (filled <= 6 && firstText.length <= 16 && isSignOff(rowCells()))) {
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：表尾或说明行“${clip(firstText)}”，已跳过` });
      continue;
    }
    if (filled >= 3 && FIRST_ORDINAL.test(firstText) && isColumnNumbering(rowText().split(' '))) {
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：表头下的栏目编号“${clip(rowText())}”，已跳过` });
      continue;
    }
    if (EXAMPLE.test(firstText) || EXAMPLE.test(textAt(problemCol))) {
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：填写示例“${clip(rowText())}”，不是清单内容，已跳过` });
      continue;
    }
    if (PAGE_FOOTER.test(firstText)) {
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：页码“${clip(firstText)}”（打印页的页脚），已跳过` });
      continue;
    }
    // (the spaces are taken out only for a text that can be a role: a copy of every row's first text cost a tenth of
    // reading a long sheet)
    if (ROLE_START.has(firstText.charCodeAt(0)) && GROUP_ROLE.test(firstText.replace(/\s+/g, ''))) {
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：领导小组名单“${clip(rowText())}”，不是问题或措施，已跳过` });
      continue;
    }
    // (another table stands apart: a blank row or its title line above it, or right under the last row of this one,
    // never right under the header)
    const other = (textsBefore < 2 || r > first) && OTHER_TABLE_START.has(firstText.charCodeAt(0)) ? otherTableHeader(raw) : null;
    if (other) {
      otherTable = { from: excelRow, header: other, rows: 1 };
      continue;
    }
    if (fullWidth.covered(r) >= 0) {
      const heading = rowText();
      if (isProblemLine(heading) && measuresBelow(r)) {
        // 问题一：… merged across the table, its measures on the rows under it with their problem cells empty
        problem = heading.replace(PROBLEM_LABEL, '');
        warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：通栏的问题“${clip(problem)}”，其下各行的措施归入该问题` });
        continue;
      }
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：通栏标题“${clip(heading)}”，视为分节标题，已跳过` });
      enterSection(heading);
      continue;
    }
    const measure = textAt(measureCol);
    let ownProblem = textAt(problemCol);
    if (descriptionCol >= 0) {
      // a name without a description, the same as the row before's (repeated, or merged down), goes on with its problem
      const name = ownProblem || lastName;
      const description = textAt(descriptionCol);
      ownProblem = description ? problemWithDescription(name, description) : ownProblem !== lastName ? ownProblem : '';
      if (ownProblem) lastName = name;
    }
    if (hasMeasure && !measure && ownProblem && isProblemLine(ownProblem) && measuresBelow(r)) {
      // a problem on a row of its own, its measures on the rows under it with their problem cells empty
      problem = ownProblem.replace(PROBLEM_LABEL, '');
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：问题“${clip(problem)}”单独一行，其下各行的措施归入该问题` });
      continue;
    }
    // a section's number in a cell of its own before its name (一 | 网络阵地) is a heading, as “一、网络阵地” in one cell is
    const numberedHeading = filled === 2 && SECTION_NUMBER.test(firstText) && (serialCol < 0 || shown[serialCol] === firstText);
    const onlyHeading = hasMeasure && !measure && (filled === 1 || numberedHeading) && !namesOf('departments').length;
    if (onlyHeading && filled === 1 && serialCol >= 0 && /^\d+$/.test(firstText) && shown[serialCol] === firstText) {
      // a numbered row left blank for filling in (a template's 1…5)
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：只有序号“${firstText}”（未填写的空行），已跳过` });
      continue;
    }
    // the review keeps a row without a measure: “措施为空” is one of its findings, at that row
    if (hasMeasure && !measure && !(options.keepEmptyMeasures && !onlyHeading)) {
      warnings.push({
        sheet: sheet.name,
        row: excelRow,
        message: onlyHeading ? `第 ${excelRow} 行：只有标题“${clip(numberedHeading ? rowText() : firstText)}”，视为分节标题，已跳过` : `第 ${excelRow} 行：措施为空，已跳过`,
      });
      if (ownProblem && !onlyHeading) problem = ownProblem;
      if (onlyHeading) enterSection(numberedHeading ? rowText() : firstText);
      continue;
    }
    if (!hasMeasure && filled === 1 && SECTION_LEAD.test(firstText) && !ownProblem) {
      // a numbered heading alone on its row, in a table without a measure column (二、基建项目廉政风险点): a section
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：只有标题“${clip(firstText)}”，视为分节标题，已跳过` });
      enterSection(firstText);
      continue;
    }
    if (!hasMeasure && !anyMapped()) {
      // text only in columns that are not imported (a row with a measure has one)
      warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：导入的列均为空（只有“${clip(firstText)}”），已跳过` });
      continue;
    }
    if (ownProblem) problem = ownProblem;
    posts = undefined;
    const row: ImportRow = {
      problem,
      measure,
      departments: namesOf('departments'),
      leaders: namesOf('leaders'),
      excelRow,
      // (in the literal: a property added after the optional fields grew the row's property store once more a row)
      sheet: sheet.name,
    };
    for (let i = 0; i < present.length; i++) row[present[i]!] = presentText(i);
    if (statusInNote && row.note && isStatusNote(row.note)) {
      // a table without a status column that says 已销号 in 备注: that is the measure's status as a person reads it
      row.status = row.note.replace(/[。.]$/, '');
      statusesFromNotes++;
    }
    if (section && !hasCategory) row.category = section;
    if (posts) row.posts = posts;
    if (analysis.idColumn !== undefined) {
      const ids = parseIdCell(raw[analysis.idColumn] ?? '');
      if (ids) row.ids = ids;
    }
    rows.push(row);
    // text in a column without a header, on a row imported: never left out in silence
    for (let c = 0; c < raw.length; c++) if (raw[c] && !(c < headed.length && headed[c]) && (clean || cleanText(raw[c]!))) (unheaded[c] = (unheaded[c] ?? 0) + 1);
    for (let c = 0; c <= tableRight; c++) {
      lastWritten[c] = written[c]!;
      lastShown[c] = shown[c]!;
    }
    if (hidden?.has(r)) hiddenImported.push(excelRow);
    if (!problem) warnings.push({ sheet: sheet.name, row: excelRow, message: `第 ${excelRow} 行：问题为空，措施归入上一问题或一个无标题问题` });
  }
  endOtherTable();
  if (statusesFromNotes) {
    warnings.push({
      sheet: sheet.name,
      message: `工作表“${sheet.name}”没有进展/状态列，其中 ${statusesFromNotes} 条措施的备注写的是“已销号”“已完成”等，已记为其状态（备注照原样保留）`,
      extracted: true,
    });
  }
  if (dittos) warnings.push({ sheet: sheet.name, message: `工作表“${sheet.name}”中有 ${dittos} 个单元格写的是“同上”（或 〃），已按上一行同一列的内容读取`, extracted: true });
  const unread = unreadColumns(sheet, analysis, first, new Set(choicesOf.flatMap((c) => (c ? c.map((x) => x.col) : []))));
  if (unread) warnings.push({ sheet: sheet.name, message: unread, extracted: true });
  const bare = unheaded.flatMap((n, c) => (n ? [`第 ${columnLetters(c)} 列（${n} 行）`] : []));
  if (bare.length) {
    warnings.push({
      sheet: sheet.name,
      message: `工作表“${sheet.name}”中${bare.join('、')}没有表头，其内容未导入；如需导入，请在 Excel 或 WPS 中为该列写上表头（如“类别”“备注”）后再导入`,
      extracted: true,
    });
  }
  if (spaced) resolveSpacedNames(rows);
  if (hiddenImported.length) {
    warnings.push({
      sheet: sheet.name,
      message: `工作表“${sheet.name}”中有 ${hiddenImported.length} 行在 Excel 中是隐藏的（${rowList(hiddenImported)}），已照常导入；如果是筛选掉或已不用的行，请导入后删除`,
      extracted: true,
    });
  }
  return { rows, warnings };
}

/**
 * The table's columns with text that no field reads (二级指标, 分值, 易发的校园安全事故), said once for the sheet: a column
 * left out is the user's choice to make, never the importer's in silence.
 */
function unreadColumns(sheet: SheetTable, analysis: SheetAnalysis, first: number, ticked: ReadonlySet<number>): string {
  const unread = analysis.columns.filter((c) => c.field === null && c.header && !ticked.has(c.index));
  if (unread.length === 0) return '';
  // (counted over the cells the rows hold, never rows × columns: a hostile sheet's header can claim a thousand columns)
  const slot = new Map(unread.map((c, i) => [c.index, i]));
  const right = Math.max(...unread.map((c) => c.index));
  const counts = new Array<number>(unread.length).fill(0);
  for (let r = first; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    for (let c = 0; c < row.length && c <= right; c++) {
      const at = row[c] ? slot.get(c) : undefined;
      if (at !== undefined && cleanText(row[c]!)) counts[at]!++;
    }
  }
  const parts = unread.flatMap((c, i) => (counts[i]! > 0 ? [`“${clip(c.header)}”（${counts[i]} 行）`] : []));
  return parts.length ? `工作表“${sheet.name}”中有内容的列未导入：${parts.join('、')}；如需导入，请在预览的“列对应”中为该列选择字段` : '';
}

/** A 备注 that is only a status of finished work (已销号, 已整改到位, 已完成), as the statuses read done work (status.ts) */
const isStatusNote = (note: string): boolean => note.length <= 8 && isCompletedStatus(DEFAULT_STATUSES, note.replace(/[。.]$/, ''));

/** A tick in a cell: the option under whose header it stands is chosen */
const TICK = /^(?:[√✓✔☑✅●★■◆▲◉▇]|[vV]|是|有)$/;

/**
 * The options of a field written as ticks: its column and the unread columns beside it under the same group header
 * (风险等级/高 | 风险等级/中 | 风险等级/低), each named by its sub-header, when each sub-header is a short option's name.
 * Null for a field written as text.
 */
function tickedChoices(analysis: SheetAnalysis, col: number): { col: number; label: string }[] | null {
  const own = analysis.columns.find((c) => c.index === col);
  const slash = own ? own.header.lastIndexOf('/') : -1;
  if (!own || slash <= 0) return null;
  const group = own.header.slice(0, slash + 1);
  const choices = analysis.columns
    .filter((c) => c.header.startsWith(group) && (c.index === col || c.field === null))
    .map((c) => ({ col: c.index, label: c.header.slice(group.length) }));
  return choices.length >= 2 && choices.every((c) => c.label.length > 0 && c.label.length <= 6) ? choices : null;
}

/** Names written with spaces inside: split when every part is a name the sheet uses elsewhere, joined when padded. */
function resolveSpacedNames(rows: ImportRow[]): void {
  for (const field of ['departments', 'leaders'] as const) {
    const known = new Set<string>();
    for (const r of rows) for (const n of r[field]) if (n.indexOf(' ') < 0) known.add(nameKey(n));
    const isKnown = (key: string) => known.has(key);
    for (const r of rows) {
      if (!r[field].some((n) => n.indexOf(' ') >= 0)) continue;
      const out: string[] = [];
      for (const n of r[field]) {
        const parts = n.indexOf(' ') >= 0 ? resolveSpaced(n, field === 'departments' ? 'department' : 'leader', isKnown) : [n];
        for (const p of parts) if (!out.some((o) => nameKey(o) === nameKey(p))) out.push(p);
        if (field === 'leaders' && r.posts?.[n] && parts.length === 1 && parts[0] !== n) {
          r.posts[parts[0]!] = r.posts[n]!;
          delete r.posts[n];
        }
      }
      r[field] = out;
    }
  }
}

/** A risk's name and its description as one problem: 公车管理：公车私用，违规报销油费 (the description alone when it names it). */
export function problemWithDescription(name: string, description: string): string {
  if (!name || description.includes(name)) return description;
  return /[：:，,、。.；;]$/.test(name) ? `${name}${description}` : `${name}：${description}`;
}

const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s).replace(/\n/g, ' ');
