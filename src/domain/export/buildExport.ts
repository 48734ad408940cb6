import { shownStatus } from '../cycle/closure';
import { byId, type Person } from '../directory';
import { cellText as fieldText, fieldSpec, isProblemCell, namesFrom, type FieldId } from '../fields';
import { buildRows, type RiskRow } from '../rows';
import type { Directory, Id, ListContent } from '../types';
import { EXPORT_LABELS, EXPORT_WIDTHS, withProgress, type ExportOptions } from './exportOptions';
import { ID_COLUMN_HEADER, ID_SHEET, ID_SHEET_FORMAT, idCell } from '../rowIds';
import { fitCellText, MAX_CELL_CHARS, MAX_COLUMN_WIDTH, MAX_ROW_HEIGHT_PT, uniqueSheetName } from './excelLimits';
import { pageFor, rowBreaks, type RowBlock } from './pageLayout';
import { materialSheet, reviewSheet } from './reviewSheets';
import { statisticsFigures, statisticsSheet } from './statisticsSheet';
import { listStatistics } from '../cycle/statistics';
import { todayIso } from '../deadline';
import { deadlineReading } from '../deadlineReading';
import { analysisMaterial } from '../review/analysisMaterial';
import { checkList } from '../review/checkList';
import { displayWidth, headingHeight, heightFor, LINE_HEIGHT_PT, ROW_PADDING_PT, wrappedLines } from './textWidth';
import type { CellStyle, SheetSpec, SpecCell, SpecMerge, SpecRow, WorkbookSpec } from './workbookSpec';

/**
 * The meeting-ready workbook: a title row merged across the table, an optional 填报单位/日期 row, the header, one row
 * per measure with each problem (and its 序号) merged down over its measures, several departments or leaders on
 * separate lines, thin borders, wrapped text, row heights that fit, A4 landscape scaled to one page wide with the
 * header repeated on every page and page breaks between problems. Variants add a sheet per department or leader and the
 * 统计汇总 (statisticsSheet.ts). What Excel could not hold as it is (a cell's text past its limit, a row past its height) is adapted and
 * named in `warnings`.
 */
export function buildExport(content: ListContent, directory: Directory, options: ExportOptions, only?: readonly RiskRow[]): WorkbookSpec {
  const people = byId<Person>([...directory.departments, ...directory.leaders]);
  // (rows from the grid carry their round's text already; rows built from the list take it from the options)
  const all = withProgress(only ?? buildRows(content.problems, content.measures), options.progress);
  const title = options.titleRow === false ? '' : `${content.list.unit}${content.list.title}`;
  const sheets: SheetSpec[] = [];
  const warnings: string[] = [];
  // the hidden id sheet's name is kept free: a list titled “_三清单” must not write a second sheet of that name
  const used = new Set<string>([ID_SHEET.toLowerCase()]);
  const add = (name: string, rows: readonly RiskRow[], heading: string) => {
    const sheetName = uniqueSheetName(name, used);
    sheets.push(listSheet(sheetName, heading, rows, content, options, people, warnings));
  };
  const headingOf = (who: string) => (title ? `${title}（${who}）` : who);

  add(options.part?.department || content.list.title || '三清单', all, options.part ? `${title}（${options.part.department}）` : title);
  if (options.perDepartment) {
    for (const d of directory.departments) {
      const rows = all.filter((r) => r.departmentIds.includes(d.id));
      if (rows.length) add(d.name, rows, headingOf(d.name));
    }
  }
  if (options.perLeader) {
    for (const l of directory.leaders) {
      const rows = all.filter((r) => r.leaderIds.includes(l.id));
      if (rows.length) add(l.name, rows, headingOf(l.name));
    }
  }
  if (options.summary) {
    // the 通报's figures (cycle/statistics.ts) of the rows exported: the whole list, or the filtered view's measures
    const counted = only ? contentOf(content, only) : content;
    const reading = deadlineReading(content.list, todayIso(options.date));
    const figures = statisticsFigures(counted, directory, reading, options.since ?? null);
    sheets.push(statisticsSheet(uniqueSheetName('统计汇总', used), title, counted, directory, figures, reading.today));
  }
  if (options.review) {
    // the checks as of the export's day, the list's own statuses and year
    const reading = deadlineReading(content.list, todayIso(options.date));
    const findings = checkList(content, directory, reading);
    sheets.push(reviewSheet(uniqueSheetName('审核结果', used), title, content, directory, findings));
    const stats = listStatistics(content, directory, reading);
    const doc = analysisMaterial({ content, directory, leader: null, measureIds: new Set(content.measures.map((m) => m.id)), stats, findings });
    sheets.push(materialSheet(uniqueSheetName('研判材料', used), doc));
  }
  sheets.push(idSheet(content.list.id, options.date));
  return { sheets, title, warnings };
}

// the lines of body text a row holds at Excel's height limit
const MAX_LINES = Math.floor((MAX_ROW_HEIGHT_PT - ROW_PADDING_PT) / LINE_HEIGHT_PT);
const TITLE_PT = 20;
const BODY_PT = 12;

/** A text as Excel can hold it in a cell; a cut one is named in the warnings by sheet, row and column. */
type Fit = (text: string, row: number, column: string) => string;

function listSheet(
  name: string,
  heading: string,
  rows: readonly RiskRow[],
  content: ListContent,
  options: ExportOptions,
  people: ReadonlyMap<Id, Person>,
  warnings: string[],
): SheetSpec {
  const cols = options.columns;
  const fit: Fit = (text, row, column) => {
    const f = fitCellText(text);
    if (f.cut) warnings.push(`工作表“${name}”第 ${row + 1} 行“${column}”超过 Excel 单元格上限（${MAX_CELL_CHARS} 字），导出时已截断，末尾标有“已截断”。`);
    return f.text;
  };
  const top: SpecRow[] = [];
  const merges: SpecMerge[] = [];
  const lastCol = cols.length - 1;
  const across = (row: number, style: CellStyle) => {
    if (lastCol > 0) merges.push({ top: row, left: 0, bottom: row, right: lastCol, style });
  };
  if (heading) top.push({ cells: [{ value: fit(heading, 0, '标题'), style: 'title' }] });
  if (options.subtitle) {
    const d = options.date;
    const text = `填报单位：${content.list.unit || '　　　　　　'}${'　'.repeat(6)}填报日期：${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
    top.push({ cells: [{ value: fit(text, top.length, '填报单位'), style: 'subtitle' }] });
  }
  // the lines under the title that take their text's height across the table: 填报单位, a department's 填写说明
  const lines = top.length - (heading ? 1 : 0);
  if (options.part) top.push({ cells: [{ value: fit(options.part.instructions, top.length, '填写说明'), style: 'subtitle' }] });
  const headerRow = top.length;

  // the widths the text needs: no column narrower than its header (责任领导 broken as 责任领/导 reads badly); a column
  // whose text would pass Excel's row height limit is widened (up to twice its width), and a row still past it is
  // capped, its text running on below what prints
  let widths = cols.map((c) => Math.max(EXPORT_WIDTHS[c], Math.ceil(displayWidth(EXPORT_LABELS[c]) + 2)));
  const marked = options.part?.highlight;
  let laid = layoutBody(rows, cols, widths, headerRow + 1, people, fit, marked);
  if (laid.tooTall.size) {
    widths = widths.map((w, ci) => (laid.tooTall.has(ci) ? widen(rows, cols[ci]!, w, people) : w));
    laid = layoutBody(rows, cols, widths, headerRow + 1, people, (t) => fitCellText(t).text, marked);
  }
  const tableWidth = widths.reduce((a, b) => a + b, 0);

  const out: SpecRow[] = [...top];
  if (heading) {
    out[0]!.height = headingHeight(wrappedLines(String(out[0]!.cells[0]!.value), tableWidth, TITLE_PT), TITLE_PT);
    across(0, 'title');
  }
  for (let r = headerRow - lines - (options.part ? 1 : 0); r < headerRow; r++) {
    out[r]!.height = headingHeight(wrappedLines(String(out[r]!.cells[0]!.value), tableWidth, BODY_PT), BODY_PT);
    across(r, 'subtitle');
  }
  const idCol = cols.length;
  out.push({
    cells: [...cols.map((c) => ({ value: EXPORT_LABELS[c], style: 'header' as CellStyle })), { value: ID_COLUMN_HEADER, style: 'plain' }],
    height: Math.max(30, heightFor(Math.max(...cols.map((c, ci) => wrappedLines(EXPORT_LABELS[c], widths[ci]!))))),
  });
  for (const r of laid.rows) out.push(r);
  for (const m of laid.merges) merges.push(m);
  for (const r of laid.capped) {
    warnings.push(`工作表“${name}”第 ${r + 1} 行文字过长，超过 Excel 行高上限（${MAX_ROW_HEIGHT_PT} 磅），打印时显示不全，请精简或拆分该条。`);
  }
  const blocks = laid.blocks;

  if (options.signOff) {
    out.push({ cells: [], height: 12 });
    const text = `填表人：${'　'.repeat(8)}审核人：${'　'.repeat(8)}日期：${'　'.repeat(8)}（单位盖章）`;
    out.push({ cells: [{ value: text, style: 'signoff' }], height: Math.max(30, heightFor(wrappedLines(text, tableWidth))) });
    across(out.length - 1, 'signoff');
    // the sign-off goes with the last problem, never alone on a page
    const last = blocks[blocks.length - 1];
    if (last) last.end = out.length - 1;
    else blocks.push({ start: out.length - 2, end: out.length - 1 });
  }

  const page = pageFor(widths, true);
  const heights = out.map((r) => r.height ?? 15);
  return {
    name,
    columnWidths: [...widths, 20],
    hiddenColumns: [idCol],
    rows: out,
    merges,
    blocks,
    print: {
      landscape: true,
      scale: page.scale,
      titleRows: [headerRow, headerRow],
      rowBreaks: rowBreaks(heights, blocks, heights[headerRow]!, page),
      footer: '&C第 &P 页 共 &N 页',
      frozenRows: headerRow + 1,
    },
  };
}

interface Body {
  rows: SpecRow[];
  merges: SpecMerge[];
  blocks: RowBlock[];
  capped: number[]; // sheet rows held at Excel's height limit
  tooTall: Set<number>; // columns with a text past it
}

/** The data rows from sheet row `first` on, grouped by problem, numbered within this sheet. */
function layoutBody(
  rows: readonly RiskRow[],
  cols: readonly FieldId[],
  widths: readonly number[],
  first: number,
  people: ReadonlyMap<Id, Person>,
  fit: Fit,
  marked?: ReadonlySet<string>,
): Body {
  const out: SpecRow[] = [];
  const merges: SpecMerge[] = [];
  const blocks: RowBlock[] = [];
  const capped: number[] = [];
  const tooTall = new Set<number>();
  const idCol = cols.length;
  let serial = 0;
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j]!.problemId === rows[i]!.problemId) j++;
    serial++;
    const start = out.length;
    const problemMarked = !!marked && rows.slice(i, j).some((x) => marked.has(x.rowId));
    for (let k = i; k < j; k++) {
      const r = rows[k]!;
      const row = first + out.length;
      let lines = 1;
      const cells: (SpecCell | null)[] = cols.map((c, ci) => {
        if (isProblemCell(c) && k > i) return null; // covered by the merge from the problem's first row
        const value = c === 'serial' ? serial : fit(cellText(r, c, people), row, EXPORT_LABELS[c]);
        if (!isProblemCell(c)) {
          const n = wrappedLines(value as string, widths[ci]!);
          if (n > MAX_LINES) tooTall.add(ci);
          if (n > lines) lines = n;
        }
        return { value, style: styleOf(c, isProblemCell(c) ? problemMarked : !!marked?.has(r.rowId)) };
      });
      cells[idCol] = { value: idCell(r.measureId, r.problemId), style: 'plain' };
      out.push({ cells, height: heightFor(lines) });
    }
    const end = out.length - 1;
    // a problem needs at least the height of its own text: what its rows lack goes to them evenly
    const firstCells = out[start]!.cells;
    let need = 0;
    cols.forEach((c, ci) => {
      if (!isProblemCell(c) || c === 'serial') return;
      const n = wrappedLines(String(firstCells[ci]!.value), widths[ci]!);
      if (n > MAX_LINES * (end - start + 1)) tooTall.add(ci);
      need = Math.max(need, heightFor(n));
    });
    const have = out.slice(start, end + 1).reduce((s, r) => s + (r.height ?? 0), 0);
    if (need > have) for (let k = start; k <= end; k++) out[k]!.height = Math.round(((out[k]!.height ?? 0) + (need - have) / (end - start + 1)) * 10) / 10;
    for (let k = start; k <= end; k++) {
      if (out[k]!.height! > MAX_ROW_HEIGHT_PT) {
        out[k]!.height = MAX_ROW_HEIGHT_PT;
        capped.push(first + k);
      }
    }
    if (end > start) {
      cols.forEach((c, ci) => {
        if (isProblemCell(c)) merges.push({ top: first + start, left: ci, bottom: first + end, right: ci, style: styleOf(c, problemMarked) });
      });
    }
    blocks.push({ start: first + start, end: first + end });
    i = j;
  }
  return { rows: out, merges, blocks, capped, tooTall };
}

/** The width a column needs for its texts to stay within Excel's row height limit, at most twice `width`. */
function widen(rows: readonly RiskRow[], field: FieldId, width: number, people: ReadonlyMap<Id, Person>): number {
  const widest = Math.min(MAX_COLUMN_WIDTH, Math.max(24, width * 2));
  let w = width;
  const need = (text: string, budget: number) => {
    while (w < widest && wrappedLines(text, w) > budget) w++;
  };
  if (isProblemCell(field)) {
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j < rows.length && rows[j]!.problemId === rows[i]!.problemId) j++;
      need(fitCellText(cellText(rows[i]!, field, people)).text, MAX_LINES * (j - i));
      i = j;
    }
  } else for (const r of rows) need(fitCellText(cellText(r, field, people)).text, MAX_LINES);
  return w;
}

/** A department's own rows are highlighted in the whole list sent to it (分发). */
const styleOf = (c: FieldId, marked: boolean): CellStyle => (fieldSpec(c).align === 'center' ? (marked ? 'bodyCenterMark' : 'bodyCenter') : marked ? 'bodyMark' : 'body');

// a closed measure's status reads 已销号（date） where the list is read on paper (the export, the print view, a frozen
// round); the grid shows the same through its renderer, while copy and fill keep the status text as stored
const cellText = (r: RiskRow, field: FieldId, people: ReadonlyMap<Id, Person>): string =>
  field === 'status' ? shownStatus(r) : fieldText(r, field, namesFrom(people));

/** The list with only these rows' problems and measures (a filtered export counts what it exports). */
function contentOf(content: ListContent, rows: readonly RiskRow[]): ListContent {
  const measureIds = new Set(rows.map((r) => r.measureId).filter(Boolean));
  const problemIds = new Set(rows.map((r) => r.problemId));
  return { ...content, problems: content.problems.filter((p) => problemIds.has(p.id)), measures: content.measures.filter((m) => measureIds.has(m.id)) };
}

function idSheet(listId: Id, date: Date): SheetSpec {
  const plain = (v: string | number): SpecCell => ({ value: v, style: 'plain' });
  return {
    name: ID_SHEET,
    state: 'veryHidden',
    columnWidths: [12, 40],
    rows: [
      { cells: [plain('格式'), plain(ID_SHEET_FORMAT)] },
      { cells: [plain('清单ID'), plain(listId)] },
      { cells: [plain('导出时间'), plain(date.toISOString())] },
    ],
    merges: [],
  };
}
