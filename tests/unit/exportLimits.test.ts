import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/domain/export/buildExport';
import { CUT_MARK, MAX_CELL_CHARS, MAX_ROW_BREAKS, uniqueSheetName } from '../../src/domain/export/excelLimits';
import { defaultOptions, EXPORT_WIDTHS, type ExportOptions } from '../../src/domain/export/exportOptions';
import { rowBreaks } from '../../src/domain/export/pageLayout';
import { ID_SHEET } from '../../src/domain/rowIds';
import type { Directory, ListContent } from '../../src/domain/types';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import { sampleList } from './sampleList';
import { fixture, makeDept, makeMeasure, rowsOf } from './helpers';

const DATE = new Date(2026, 10, 23);


const optionsFor = (content: ListContent, over: Partial<ExportOptions> = {}): ExportOptions => ({ ...defaultOptions(rowsOf(content), DATE), ...over });

const spec = (content: ListContent, directory: Directory, over: Partial<ExportOptions> = {}) => buildExport(content, directory, optionsFor(content, over));

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The 1-based column of a header label (row 3: title, 填报单位, header). */
const colOf = (ws: ExcelJS.Worksheet, label: string, row = 3) => (ws.getRow(row).values as unknown[]).indexOf(label);

/** The XML of worksheet `n` (1-based), as Excel reads it. */
const sheetXml = (bytes: Uint8Array, n = 1) => strFromU8(unzipSync(bytes)[`xl/worksheets/sheet${n}.xml`]!);

/** CT_Worksheet's children in the order ECMA-376 Part 1 (18.3.1.99) requires. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture',
  'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** The top-level elements of a worksheet, in document order. */
function topLevel(xml: string): string[] {
  const body = xml.slice(xml.indexOf('<worksheet'));
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 1) names.push(m[2]!);
      if (!m[3]) depth++;
    }
  }
  return names;
}

describe('page breaks keep a problem with its measures', () => {
  const { content, directory } = sampleList();
  const bytes = writeXlsx(spec(content, directory));
  const xml = sheetXml(bytes);
  const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));

  it('writes manual row breaks, in their place in the worksheet', () => {
    expect(breaks.length).toBeGreaterThan(0);
    expect(xml).toMatch(new RegExp(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`));
    const order = topLevel(xml).map((n) => WORKSHEET_ORDER.indexOf(n));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('breaks only between problems, and each page holds what Excel prints on it', async () => {
    const ws = (await excel(bytes)).worksheets[0]!;
    // a problem's rows: its merged 序号 cell (column A), or one row
    const groups = ws.model.merges.map((m) => /^A(\d+):A(\d+)$/.exec(m)).filter((m) => m !== null).map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(groups.length).toBeGreaterThan(3);
    // brk id n: the page ends after Excel row n
    for (const n of breaks) for (const [top, bottom] of groups) expect(n >= top && n < bottom, `break after row ${n} inside rows ${top}–${bottom}`).toBe(false);

    // A4 landscape, the writer's margins, scaled to fit the visible columns' width (8 px a unit, Excel with 宋体 11)
    const widths = [...Array(ws.columnCount).keys()].map((i) => ws.getColumn(i + 1)).filter((c) => !c.hidden).map((c) => c.width!);
    const m = ws.pageSetup.margins!;
    const scale = Math.min(1, (841.89 - (m.left + m.right) * 72) / (widths.reduce((a, b) => a + b, 0) * 6));
    const room = (595.28 - (m.top + m.bottom) * 72) / scale;
    const header = ws.getRow(3).height;
    const pages: number[] = [];
    let page = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      if (breaks.includes(r - 1)) {
        pages.push(page);
        page = header;
      }
      page += ws.getRow(r).height;
    }
    pages.push(page);
    expect(pages.length).toBe(breaks.length + 1);
    for (const h of pages) expect(h).toBeLessThanOrEqual(room);
    // and a page is not left mostly empty: the next problem did not fit on it
    for (let i = 0; i < breaks.length; i++) {
      const next = groups.find(([top]) => top === breaks[i]! + 1);
      const nextHeight = next ? [...Array(next[1] - next[0] + 1).keys()].reduce((s, k) => s + ws.getRow(next[0] + k).height, 0) : ws.getRow(breaks[i]! + 1).height;
      expect(pages[i]! + nextHeight).toBeGreaterThan(room * 0.97);
    }
  });

  it('keeps each table of the 统计汇总 sheet on one page', async () => {
    const { content, directory } = fixture();
    // 20 more departments: the department table still fits on a page of its own (24.5 pt a row), the sheet does not
    for (let i = 0; i < 20; i++) {
      directory.departments.push(makeDept(`d-${i}`, `部门${i}`));
      content.measures.push(makeMeasure(`mx${i}`, 'p3', `措施${i}`, 1024 * (i + 1), { departmentIds: [`d-${i}`], leaderIds: ['l-wang'] }));
    }
    const wb = writeXlsx(spec(content, directory, { summary: true }));
    const book = await excel(wb);
    const ws = book.getWorksheet('统计汇总')!;
    const n = book.worksheets.indexOf(ws) + 1;
    const breaks = [...sheetXml(wb, n).matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThan(0);
    // each page starts with the blank row above a table's caption (一、基本情况 …)
    for (const b of breaks) {
      expect(ws.getRow(b + 1).cellCount, `row ${b + 1}`).toBe(0);
      expect(String(ws.getRow(b + 2).getCell(1).value)).toMatch(/^[一二三四五六七八九十]+、/);
    }
  });

  it('breaks inside a problem taller than a page, between its rows', () => {
    const heights = [40, 30, ...Array(40).fill(50)];
    const page = { landscape: true, scale: 80, height: 600 };
    const breaks = rowBreaks(heights, [{ start: 2, end: 5 }, { start: 6, end: 41 }], 30, page);
    expect(breaks.length).toBeGreaterThan(2);
    for (const b of breaks) expect(b).toBeGreaterThan(6); // the tall problem starts on the first page, the short one with it
    // every page fits
    let used = 0;
    for (let r = 0; r < heights.length; r++) {
      if (breaks.includes(r)) used = 30;
      used += Math.ceil(heights[r]! / 0.75) * 0.75;
      expect(used).toBeLessThanOrEqual(600);
    }
  });

  it('moves a problem that does not fit to the next page', () => {
    const heights = [40, 30, 200, 200, 150, 150];
    const breaks = rowBreaks(heights, [{ start: 2, end: 3 }, { start: 4, end: 5 }], 30, { landscape: true, scale: 80, height: 600 });
    expect(breaks).toEqual([4]);
  });

  it('writes no more manual breaks than Excel keeps', () => {
    const heights = Array(3000).fill(400);
    const blocks = heights.map((_, i) => ({ start: i, end: i }));
    expect(rowBreaks(heights, blocks, 30, { landscape: true, scale: 80, height: 600 })).toHaveLength(MAX_ROW_BREAKS);
  });
});

describe("Excel's limits", () => {
  it('cuts a cell past 32,767 characters with a visible mark, and says so', async () => {
    const { content, directory } = fixture();
    const long = '长'.repeat(MAX_CELL_CHARS - 10) + '😀'.repeat(20);
    content.measures[1] = makeMeasure('m12', 'p1', long, 2048, { departmentIds: ['d-dangban'] });
    const s = spec(content, directory);
    expect(s.warnings).toContainEqual(expect.stringMatching(/^工作表“2026年意识形态领域风险“三清单””第 5 行“措施清单”超过 Excel 单元格上限（32767 字），导出时已截断/));
    const ws = (await excel(writeXlsx(s))).worksheets[0]!;
    const text = String(ws.getRow(5).getCell(colOf(ws, '措施清单')).value);
    expect(text.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(text.endsWith(CUT_MARK)).toBe(true);
    expect(text.startsWith('长'.repeat(1000))).toBe(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(text)).toBe(false); // no half of an emoji
  });

  it('keeps row heights within 409 pt: a long measure widens its column instead', async () => {
    const { content, directory } = fixture();
    content.measures[0] = makeMeasure('m11', 'p1', '加强校园网络阵地管理，'.repeat(44), 1024); // 484 characters
    const s = spec(content, directory);
    expect(s.warnings).toEqual([]);
    const ws = (await excel(writeXlsx(s))).worksheets[0]!;
    for (let r = 1; r <= ws.rowCount; r++) expect(ws.getRow(r).height ?? 0).toBeLessThanOrEqual(409);
    const width = ws.getColumn(colOf(ws, '措施清单')).width!;
    expect(width).toBeGreaterThan(EXPORT_WIDTHS.measure);
    // the widened column holds the text within the row (16.5 pt a line, about 2.15 units a character)
    expect(Math.ceil((484 * 2.15) / (width - 1.5)) * 16.5 + 8).toBeLessThanOrEqual(ws.getRow(4).height! + 16.5);
  });

  it('caps a row whose text no width holds, and says so', async () => {
    const { content, directory } = fixture();
    content.measures[0] = makeMeasure('m11', 'p1', '措施'.repeat(3000), 1024);
    const s = spec(content, directory);
    expect(s.warnings).toEqual([expect.stringContaining('第 4 行文字过长，超过 Excel 行高上限（409 磅）')]);
    const ws = (await excel(writeXlsx(s))).worksheets[0]!;
    expect(ws.getRow(4).height).toBe(409);
    expect(String(ws.getRow(4).getCell(colOf(ws, '措施清单')).value)).toHaveLength(6000); // all of it is in the cell
  });

  it('names sheets as Excel allows', () => {
    const used = new Set<string>();
    expect(uniqueSheetName('2026[上]:半年*?/\\清单', used)).toBe('2026上半年清单');
    expect(uniqueSheetName('History', used)).toBe('History（2）');
    expect(uniqueSheetName('history', used)).toBe('history（3）');
    // 31 UTF-16 units: an emoji across the cut goes whole
    const emoji = uniqueSheetName(`${'一'.repeat(30)}😀尾`, used);
    expect(emoji).toBe('一'.repeat(30));
    // an apostrophe neither ends nor starts a name, even after the cut
    expect(uniqueSheetName(`'${'二'.repeat(30)}'三`, used)).toBe('二'.repeat(30));
    expect(uniqueSheetName(`'${'五'.repeat(10)}'六`, used)).toBe(`${'五'.repeat(10)}'六`);
    // unique after the cut, still within 31 units and whole characters
    const a = uniqueSheetName(`${'四'.repeat(29)}😀甲`, used);
    const b = uniqueSheetName(`${'四'.repeat(29)}😀乙`, used);
    expect(a).toBe(`${'四'.repeat(29)}😀`.slice(0, 31));
    expect(b).not.toBe(a);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(b)).toBe(false);
    expect(uniqueSheetName("''", used)).toBe('工作表');
  });

  it('never gives a visible sheet the hidden sheet’s name', async () => {
    const { content, directory } = fixture();
    content.list.title = ID_SHEET;
    directory.departments.push(makeDept('d-x', '_三清单'));
    content.measures[2] = { ...content.measures[2]!, departmentIds: ['d-x'] };
    const wb = await excel(writeXlsx(spec(content, directory, { perDepartment: true })));
    const names = wb.worksheets.map((w) => w.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(wb.worksheets.filter((w) => w.name === ID_SHEET).map((w) => w.state)).toEqual(['veryHidden']);
    // and the workbook is still recognised as this list's export
    expect(importWorkbook(readXlsx(writeXlsx(spec(content, directory, { perDepartment: true })))).listId).toBe(content.list.id);
  });
});

describe('titles, merges and number-like text', () => {
  it('gives a narrow export’s title row the height of its wrapped title, without one-cell merges', async () => {
    const { content, directory } = fixture();
    const bytes = writeXlsx(spec(content, directory, { columns: ['measure'], signOff: true }));
    const ws = (await excel(bytes)).worksheets[0]!;
    // 示例市第一中学2026年意识形态领域风险“三清单” at 20 pt takes two lines of 42 units
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(2 * 27);
    expect(ws.getRow(2).height).toBeGreaterThan(24); // 填报单位 … 填报日期 wraps too
    expect(ws.model.merges).toEqual([]);
    expect(sheetXml(bytes)).not.toContain('<mergeCell ref="A1:A1"/>');
  });

  it('gives the 统计汇总 sheet’s title the height it wraps to', async () => {
    const { content, directory } = fixture();
    const wb = await excel(writeXlsx(spec(content, directory, { summary: true })));
    const ws = wb.getWorksheet('统计汇总')!;
    expect(ws.getCell('A1').value).toBe('示例市第一中学2026年意识形态领域风险“三清单”统计汇总');
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(2 * 27);
  });

  it('marks number-like text as text on purpose: no “number stored as text” warnings', async () => {
    const { content, directory } = fixture();
    content.measures[0] = { ...content.measures[0]!, deadline: '001', note: '-5' };
    content.measures[1] = { ...content.measures[1]!, deadline: '1.10' };
    const bytes = writeXlsx(spec(content, directory));
    const ws = (await excel(bytes)).worksheets[0]!;
    const col = (label: string) => colOf(ws, label);
    expect(ws.getRow(4).getCell(col('完成时限')).value).toBe('001');
    expect(ws.getRow(4).getCell(col('备注')).value).toBe('-5');
    expect(ws.getRow(5).getCell(col('完成时限')).value).toBe('1.10');
    for (const n of [1, 2]) {
      const xml = sheetXml(bytes, n);
      const dim = /<dimension ref="([^"]+)"\/>/.exec(xml)![1];
      expect(xml).toContain(`<ignoredErrors><ignoredError sqref="${dim}" numberStoredAsText="1"/></ignoredErrors>`);
      const order = topLevel(xml).map((name) => WORKSHEET_ORDER.indexOf(name));
      expect(order).not.toContain(-1);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('writes no title row when asked to (a converted table that had none)', async () => {
    const { content, directory } = fixture();
    const wb = await excel(writeXlsx(spec(content, directory, { subtitle: false, titleRow: false })));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe(content.list.title);
    expect(ws.getCell('A1').value).toBe('序号');
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
  });
});
