import { strToU8, zipSync } from 'fflate';
import { fitCellText, MAX_ROW_BREAKS, MAX_ROW_HEIGHT_PT } from '../domain/export/excelLimits';
import { MARGINS_IN } from '../domain/export/pageLayout';
import type { CellStyle, SheetSpec, WorkbookSpec } from '../domain/export/workbookSpec';

/**
 * Writes a WorkbookSpec as .xlsx: the parts Excel, WPS and LibreOffice need and nothing else, built as strings and
 * zipped once. Linear in cells and merges (ExcelJS checks every merge against all others). Every value is written as a
 * string or a number, never a formula: text starting with = + - @ stays text.
 */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** cellXfs index of each style (see stylesXml). */
const STYLE_INDEX: Record<CellStyle, number> = { plain: 0, title: 1, subtitle: 2, header: 3, body: 4, bodyCenter: 5, signoff: 6, bodyMark: 7, bodyCenterMark: 8, section: 9 };

export function writeXlsx(spec: WorkbookSpec): Uint8Array {
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  spec.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, strings));
  });
  files['[Content_Types].xml'] = strToU8(contentTypes(spec.sheets.length));
  files['_rels/.rels'] = strToU8(
    `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  files['docProps/core.xml'] = strToU8(coreXml(spec.title ?? ''));
  files['xl/workbook.xml'] = strToU8(workbookXml(spec));
  files['xl/_rels/workbook.xml.rels'] = strToU8(workbookRels(spec.sheets.length));
  files['xl/styles.xml'] = strToU8(STYLES);
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  return zipSync(files, { level: 6 });
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private refs = 0;
  id(s: string): number {
    this.refs++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeText(s)}</t></si>`).join('');
    return `${HEAD}<sst xmlns="${MAIN}" count="${this.refs}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/** XML-escapes text and writes the characters XML 1.0 cannot hold as OOXML _xHHHH_ escapes (and escapes literal ones). */
const NEEDS_ESCAPE = /[\r&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;

export function escapeText(s: string): string {
  // most texts need nothing: one test instead of four replacements (a long list has a hundred thousand texts)
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const ref = (row: number, col: number): string => `${columnName(col)}${row + 1}`;

function sheetXml(sheet: SheetSpec, strings: SharedStrings): string {
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.cells.length), Math.max(sheet.columnWidths.length, 1));
  // every cell inside a merged range carries the range's style, so its borders surround the whole merged cell; keyed
  // by number, with the column letters made once: a string key and a reference built per cell were a sixth of the
  // writer's own work (deflating aside)
  const mergeStyle = new Map<number, CellStyle>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right && c < width; c++) mergeStyle.set(r * width + c, m.style);
  }
  const letters = Array.from({ length: width }, (_, c) => columnName(c));
  const rowsXml: string[] = [];
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    const n = r + 1;
    for (let c = 0; c < width; c++) {
      const cell = row.cells[c] ?? null;
      const style = cell?.style ?? mergeStyle.get(r * width + c);
      if (!cell) {
        if (style !== undefined) cells.push(`<c r="${letters[c]}${n}" s="${STYLE_INDEX[style]}"/>`);
        continue;
      }
      const s = STYLE_INDEX[cell.style];
      if (typeof cell.value === 'number' && Number.isFinite(cell.value)) cells.push(`<c r="${letters[c]}${n}" s="${s}"><v>${cell.value}</v></c>`);
      else if (cell.value === '') cells.push(`<c r="${letters[c]}${n}" s="${s}"/>`);
      else cells.push(`<c r="${letters[c]}${n}" s="${s}" t="s"><v>${strings.id(fitCellText(String(cell.value)).text)}</v></c>`);
    }
    const ht = row.height ? ` ht="${Math.min(row.height, MAX_ROW_HEIGHT_PT)}" customHeight="1"` : '';
    rowsXml.push(`<row r="${n}"${ht}>${cells.join('')}</row>`);
  });
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const cols = sheet.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${hidden.has(i) ? ' hidden="1"' : ''}/>`)
    .join('');
  // a range of one cell is no merge (Excel repairs a file that has one)
  const ranges = sheet.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  const merges = ranges.length
    ? `<mergeCells count="${ranges.length}">${ranges.map((m) => `<mergeCell ref="${ref(m.top, m.left)}:${ref(m.bottom, m.right)}"/>`).join('')}</mergeCells>`
    : '';
  const p = sheet.print;
  const frozen = p?.frozenRows
    ? `<pane ySplit="${p.frozenRows}" topLeftCell="A${p.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
    : '';
  const lastRef = ref(Math.max(0, sheet.rows.length - 1), width - 1);
  const breaks = (p?.rowBreaks ?? []).filter((r) => r > 0 && r < sheet.rows.length).slice(0, MAX_ROW_BREAKS);
  const m = MARGINS_IN;
  // the elements in the order CT_Worksheet (ECMA-376 Part 1, 18.3.1.99) requires: Excel refuses a file otherwise
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    (p ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${lastRef}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rowsXml.join('')}</sheetData>` +
    merges +
    (p
      ? '<printOptions horizontalCentered="1"/>' +
        `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
        // one page wide, as tall as it takes, and the manual row breaks below between problems (only the width is
        // fitted, so the breaks stand: seen in LibreOffice with tests/tools/render-export.sh)
        `<pageSetup paperSize="9" orientation="${p.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
        (p.footer ? `<headerFooter><oddFooter>${escapeText(p.footer)}</oddFooter></headerFooter>` : '') +
        (breaks.length
          ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`
          : '')
      : '') +
    // text that looks like a number (-5, 001, 1.10) is text on purpose: no green "number stored as text" marks
    `<ignoredErrors><ignoredError sqref="A1:${lastRef}" numberStoredAsText="1"/></ignoredErrors>` +
    '</worksheet>'
  );
}

function workbookXml(spec: WorkbookSpec): string {
  const sheets = spec.sheets
    .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const titles = spec.sheets
    .map((s, i) =>
      s.print?.titleRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeText(s.name.replace(/'/g, "''"))}'!$${s.print.titleRows[0] + 1}:$${s.print.titleRows[1] + 1}</definedName>`
        : '',
    )
    .join('');
  return (
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheets}</sheets>` +
    (titles ? `<definedNames>${titles}</definedNames>` : '') +
    '</workbook>'
  );
}

function workbookRels(n: number): string {
  const sheets = Array.from({ length: n }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return (
    `${HEAD}<Relationships xmlns="${PKG_REL}">${sheets}` +
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
}

function contentTypes(n: number): string {
  const sheets = Array.from(
    { length: n },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>'
  );
}

function coreXml(title: string): string {
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:title>${escapeText(title)}</dc:title><dc:creator>三清单</dc:creator></cp:coreProperties>`
  );
}

/**
 * Fonts as these offices print: title 方正小标宋简体 20 pt, header 黑体 12 pt, body 仿宋_GB2312 12 pt (Excel and WPS
 * substitute a similar font where one is missing). Body cells use the text number format (@) so that what a user types
 * into them in Excel stays text too.
 */
const FONT = (name: string, size: number, bold = false) =>
  `<font>${bold ? '<b/>' : ''}<sz val="${size}"/><name val="${name}"/><charset val="134"/></font>`;
const BORDER = '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>';
const XF = (font: number, border: number, horizontal: string, wrap: boolean, numFmt = 49, fill = 0) =>
  `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"${fill ? ' applyFill="1"' : ''}><alignment horizontal="${horizontal}" vertical="center"${wrap ? ' wrapText="1"' : ''}/></xf>`;
const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}">` +
  `<fonts count="4">${FONT('宋体', 11)}${FONT('方正小标宋简体', 20)}${FONT('黑体', 12, true)}${FONT('仿宋_GB2312', 12)}</fonts>` +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${BORDER}</borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="10">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + // plain
  XF(1, 0, 'center', true) + // title
  XF(3, 0, 'left', true) + // subtitle
  XF(2, 1, 'center', true) + // header
  XF(3, 1, 'left', true) + // body
  XF(3, 1, 'center', true, 0) + // bodyCenter (序号 and counts are numbers)
  XF(3, 0, 'left', true) + // signoff
  XF(3, 1, 'left', true, 49, 2) + // bodyMark: a department's own rows in the whole list sent to it
  XF(3, 1, 'center', true, 0, 2) + // bodyCenterMark
  XF(2, 0, 'left', true) + // section: a table's caption in the 统计汇总 (一、基本情况), 黑体 without borders
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
