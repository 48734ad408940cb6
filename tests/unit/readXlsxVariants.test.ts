import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importWorkbook, publicRow } from '../../src/domain/import/importWorkbook';
import { readXlsx } from '../../src/xlsx/readXlsx';

/**
 * Workbooks written by other generators than Excel (WPS, .NET OpenXML SDK, online converters) differ in XML details
 * the reader must not care about. These are written by hand, part by part.
 */
function xlsx(parts: { workbook: string; rels: string; sheets: Record<string, string>; shared?: string; styles?: string }): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(parts.workbook),
    'xl/_rels/workbook.xml.rels': strToU8(parts.rels),
  };
  for (const [path, xml] of Object.entries(parts.sheets)) files[path] = strToU8(xml);
  if (parts.shared) files['xl/sharedStrings.xml'] = strToU8(parts.shared);
  if (parts.styles) files['xl/styles.xml'] = strToU8(parts.styles);
  return zipSync(files);
}

/** A workbook of one sheet, "S", at xl/worksheets/sheet1.xml. */
const ONE_SHEET = {
  workbook: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  rels: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
};

describe('reading workbooks from other generators', () => {
  it('reads shared strings in the usual shape and in every step from it alike', () => {
    // the usual shape (<sst …><si><t>…</t></si>…</sst>) is read item after item; anything else reads the whole part
    // with the general reader, which must give the same strings
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row></sheetData></worksheet>';
    const texts = (shared: string) => readXlsx(xlsx({ ...ONE_SHEET, sheets: { 'xl/worksheets/sheet1.xml': sheet }, shared }))[0]!.rows[0];
    const want = ['甲 &', '乙', '', '丁'];
    const items = ['<si><t xml:space="preserve">甲 &amp;</t></si>', '<si><r><t>乙</t></r></si>', '<si><t/></si>', '<si><t>丁</t></si>'];
    expect(texts(`<sst count="4" uniqueCount="4">${items.join('')}</sst>`)).toEqual(want);
    expect(texts(`<?xml version="1.0"?>\n<sst>\n  ${items.join('\n  ')}\n</sst>\n`)).toEqual(want); // white space between items
    expect(texts(`<sst>${items.slice(0, 2).join('')}<si/>${items[3]}</sst>`)).toEqual(want); // a self-closed item
    expect(texts(`<sst>${items.slice(0, 3).join('')}<si xml:lang="zh"><t>丁</t></si></sst>`)).toEqual(want); // an attribute
    expect(texts(`<sst>${items.join('')}<extLst><ext uri="x"/></extLst></sst>`)).toEqual(want); // something after them
    const prefixed = items.map((x) => x.replace(/<(\/?)/g, '<$1x:')).join('');
    expect(texts(`<x:sst xmlns:x="m">${prefixed}</x:sst>`)).toEqual(want);
    expect(texts(`<sst xmlns:x="m">${items.slice(0, 2).join('')}${prefixed.split('</x:si>').slice(2).join('</x:si>')}</sst>`)).toEqual(want); // prefixed items later
  });

  it('decodes the entities and escapes of each shared string that has them, wherever it falls among plain ones', () => {
    // (the usual shape's reader looks for '&' and '_x' once through the part, not in each item: an item between two
    // that have them, or after a rich one that has, must still read as written)
    const items = ['<si><t>一</t></si>', '<si><r><t>二&amp;</t></r></si>', '<si><t>三_x</t></si>', '<si><t xml:space="preserve">四_x000D_四 </t></si>', '<si><t>五</t></si>', '<si><t>&lt;六&gt;</t></si>', '<si><t>七</t></si>'];
    const cells = items.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('');
    const sheet = `<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    const [read] = readXlsx(xlsx({ ...ONE_SHEET, sheets: { 'xl/worksheets/sheet1.xml': sheet }, shared: `<sst>${items.join('')}</sst>` }));
    // (a cell's text as a person sees it: a carriage return a line break, the ends trimmed)
    expect(read!.rows[0]).toEqual(['一', '二&', '三_x', '四\n四', '五', '<六>', '七']);
  });

  it('reads cells in the usual shape and in shapes a step from it alike, each in its place', () => {
    // the usual shape (<c r="B2" s="1" t="s"><v>0</v></c>) is read in one pass; every step away from it (another
    // attribute order, a space, lower case, a formula, an empty value, no reference) goes through the general reader
    const cells = [
      '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="2"/><c r="D1"><v>42</v></c></row>',
      '<row r="2"><c r="A2" t="str"><v>文字&amp;符号</v></c><c r="b2" s="1" t="s"><v>1</v></c><c t="s" r="C2"><v>0</v></c><c r="D2" s="1" ><v>7</v></c></row>',
      '<row r="3"><c r="A3" s="1"></c><c><v>8</v></c><c r="C3" t="str"><f>A1</f><v>公式</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="s"><v></v></c></row>',
      '<row r="4"><c r="A4" t="inlineStr"><is><t>行内</t></is></c><c r="B4" s="x"><v>5</v></c><c r="XFE4"><v>9</v></c><c r="C4" t="n"><v>1.50</v></c></row>',
    ];
    const bytes = xlsx({
      ...ONE_SHEET,
      sheets: { 'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${cells.join('')}</sheetData></worksheet>` },
      shared: '<sst><si><t>甲</t></si><si><t>乙</t></si></sst>',
    });
    const [sheet] = readXlsx(bytes);
    expect(sheet!.rows).toEqual([
      ['甲', '乙', '', '42'],
      ['文字&符号', '乙', '甲', '7'],
      ['', '8', '公式', 'TRUE'], // (an empty shared-string index is no string, not the first)
      ['行内', '5', '1.5'],
    ]);
    expect(sheet!.notes?.map((n) => n.message).join('\n')).toMatch(/超出 Excel 的表格范围/);
  });

  it('reads prefixed elements, inline strings, cells without references and absolute part paths', () => {
    const bytes = xlsx({
      workbook:
        '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="清单&amp;台账" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>',
      rels: '<Relationships><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
      sheets: {
        'xl/worksheets/data.xml':
          '<x:worksheet xmlns:x="main"><x:sheetData>' +
          '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>问题清单</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>措施清单</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t xml:space="preserve">责任 部门 </x:t></x:is></x:c></x:row>' +
          '<x:row><x:c r="B3" t="inlineStr"><x:is><x:r><x:t>网络</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>阵地</x:t></x:r></x:is></x:c><x:c t="str"><x:f>A1</x:f><x:v>巡查 &lt;每日&gt;</x:v></x:c><x:c t="inlineStr"><x:is><x:t>党办_x000D_\n德育处</x:t></x:is></x:c></x:row>' +
          '</x:sheetData><x:mergeCells count="0"/></x:worksheet>',
      },
    });
    const [sheet] = readXlsx(bytes);
    expect(sheet!.name).toBe('清单&台账');
    expect(sheet!.rows[1]).toEqual(['', '问题清单', '措施清单', '责任 部门']);
    expect(sheet!.rows[2]).toEqual(['', '网络阵地', '巡查 <每日>', '党办\n德育处']);
    const result = importWorkbook([sheet!]);
    expect(result.rows.map(publicRow)).toEqual([
      { problem: '网络阵地', measure: '巡查 <每日>', departments: ['党办', '德育处'], leaders: [], sheet: '清单&台账' },
    ]);
  });

  it('leaves out phonetic guides, reads 1904 dates, booleans and keeps numbers as Excel shows them', () => {
    const bytes = xlsx({
      workbook: '<workbook><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      rels: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      shared: '<sst><si><t>风险点</t></si><si><r><t>防控</t></r><r><t>措施</t></r><rPh sb="0" eb="2"><t>ふりがな</t></rPh></si></sst>',
      styles:
        '<styleSheet><numFmts count="1"><numFmt numFmtId="180" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="180"/><xf numFmtId="2"/></cellXfs></styleSheet>',
      sheets: {
        'xl/worksheets/sheet1.xml':
          '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
          '<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" s="2"><v>0.30000000000000004</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" s="2"/></row></sheetData></worksheet>',
      },
    });
    const [sheet] = readXlsx(bytes);
    expect(sheet!.rows[0]).toEqual(['风险点', '防控措施']);
    // serial 45000 in the 1904 system is 2027-03-16 (in the 1900 system it would be 2023-03-15)
    // 0.00 (built-in 2) shows two decimals, as Excel does; an error value reads as blank, and is said
    expect(sheet!.rows[1]).toEqual(['2027-03-16', 'TRUE', '0.30']);
    expect(sheet!.notes?.map((n) => n.message)).toEqual(['工作表“S”中有 1 个单元格（D2）显示公式错误（如 #N/A），已按空白读取；如需导入这些内容，请在 Excel 或 WPS 中修正公式后再导入']);
  });

  it('reads attributes in single quotes or with spaces, lower-case references, ISO dates and rows out of order', () => {
    const bytes = xlsx({
      ...ONE_SHEET,
      shared: '<sst><si><t>问题</t></si><si><t>措施</t></si></sst>',
      sheets: {
        'xl/worksheets/sheet1.xml':
          "<worksheet><sheetData><row r='3'><c r = 'b3' t = 's'><v>1</v></c></row>" +
          '<row r="1" spans="1:3"><c r="C1" t="d"><v>2026-03-01T00:00:00</v></c><c r="A1" t="s"><v>0</v></c></row>' +
          '<row><c r="A2" s="0"><v>7</v></c></row></sheetData></worksheet>',
      },
    });
    const [sheet] = readXlsx(bytes);
    expect(sheet!.rows).toEqual([['问题', '', '2026-03-01'], ['7'], ['', '措施']]);
  });

  it('reads merged ranges however their tags are written', () => {
    const bytes = xlsx({
      ...ONE_SHEET,
      sheets: {
        'xl/worksheets/sheet1.xml':
          '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>mergeCell</x:t></x:is></x:c></x:row>' +
          '<x:row r="5"><x:c r="G5" t="inlineStr"><x:is><x:t>角</x:t></x:is></x:c></x:row></x:sheetData>' +
          '<x:mergeCells count="4"><x:mergeCell ref="A1:C1"/><mergeCell ref="B3:B5"></mergeCell>' +
          "<mergeCell  ref = 'D2:E3' /><mergeCell id=\"7\" ref=\"F1\"/>\n<mergeCell\n\tref=\"G1:G2\"/></x:mergeCells><x:pageMargins left=\"0.7\"/></x:worksheet>",
      },
    });
    const [sheet] = readXlsx(bytes);
    expect(sheet!.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 1, bottom: 4, right: 1 },
      { top: 1, left: 3, bottom: 2, right: 4 },
      // (F1 alone merges nothing)
      { top: 0, left: 6, bottom: 1, right: 6 },
    ]);
  });

  it('keeps the numbering of shared strings through empty, self-closed items', () => {
    const bytes = xlsx({
      ...ONE_SHEET,
      shared: '<sst><si/><si><t>问题</t></si><si><t xml:space="preserve">措 施 </t></si></sst>',
      sheets: {
        'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>0</v></c></row></sheetData></worksheet>',
      },
    });
    expect(readXlsx(bytes)[0]!.rows[0]).toEqual(['问题', '措 施']);
  });
});
