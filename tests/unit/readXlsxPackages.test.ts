import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/domain/import/errors';
import { importWorkbook, publicRow } from '../../src/domain/import/importWorkbook';
import { inflateInStream } from '../../src/xlsx/inflateStream';
import { readXlsx, readXlsxAsync } from '../../src/xlsx/readXlsx';
import {
  HEADER,
  SMALL_TABLE,
  STRICT_MAIN_NS,
  inlineCell,
  packageParts,
  rawEntries,
  rawZip,
  relType,
  relsXml,
  sheetXml,
  tableRows,
  zipParts,
  zipPartsFflate,
} from '../fixtures/ooxml';

/**
 * Workbooks as other producers write them (LibreOffice, openpyxl, XlsxWriter, the .NET SDK, hand-written OOXML): the
 * reader finds every part through the package's relationships, matches names case-insensitively and reads the cell
 * shapes they use. Each is written here part by part.
 */
const codeOf = (bytes: Uint8Array): string => {
  try {
    readXlsx(bytes);
  } catch (e) {
    return e instanceof ImportError ? e.code : `not an ImportError: ${String(e)}`;
  }
  return 'read';
};

describe('finding the parts through the relationships', () => {
  it('follows _rels/.rels to a workbook anywhere, and absolute, relative and “..” targets, in any case', () => {
    const bytes = zipPartsFflate({
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': relsXml([
        { id: 'rId3', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
        { id: 'rId1', type: relType('officeDocument'), target: 'Book/Main.xml' },
      ]),
      'book/main.xml':
        '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        '<sheet name="一" sheetId="1" r:id="a"/><sheet name="图表" sheetId="2" r:id="chart"/><sheet name="二" sheetId="3" r:id="b"/><sheet name="三" sheetId="4" r:id="c"/>' +
        '</sheets></workbook>',
      'Book/_rels/Main.xml.rels': relsXml([
        { id: 'a', type: relType('worksheet'), target: '/book/sheets/first.xml' },
        { id: 'chart', type: relType('chartsheet'), target: 'charts/c1.xml' },
        { id: 'b', type: relType('worksheet'), target: 'Sheets/Second.xml' },
        { id: 'c', type: relType('worksheet'), target: '../data/./third.xml' },
        { id: 's', type: relType('sharedStrings'), target: 'SharedStrings.xml' },
        { id: 't', type: relType('styles'), target: './look.xml' },
        { id: 'h', type: relType('hyperlink'), target: 'https://example.org/', external: true },
      ]),
      'book/sheets/first.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46203</v></c></row></sheetData></worksheet>',
      'BOOK/SHEETS/SECOND.XML': '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>',
      'data/third.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>第三</t></is></c></row></sheetData></worksheet>',
      'book/sharedstrings.xml': '<sst><si><t>第一</t></si><si><t>第二</t></si></sst>',
      'book/look.xml': '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="57"/></cellXfs></styleSheet>',
      // decoys at Excel's usual paths, which this package does not name
      'xl/workbook.xml': '<workbook><sheets><sheet name="诱饵" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/sharedStrings.xml': '<sst><si><t>诱饵</t></si><si><t>诱饵</t></si></sst>',
    });
    const sheets = readXlsx(bytes);
    expect(sheets.map((s) => [s.name, s.rows])).toEqual([
      ['一', [['第一', '2026年6月']]],
      ['二', [['第二']]],
      ['三', [['第三']]],
    ]);
  });

  it('returns a sheet the workbook names but the archive lacks as missing, and reads the others', () => {
    const parts = packageParts({
      sheets: [
        { name: '清单', xml: sheetXml(tableRows(SMALL_TABLE)) },
        { name: '附表', xml: null, state: 'hidden' },
      ],
    });
    const sheets = readXlsx(zipParts(parts));
    expect(sheets[1]).toEqual({ name: '附表', hidden: true, rows: [], merges: [], missing: true });
    expect(sheets[0]!.rows).toEqual(SMALL_TABLE);
    expect(sheets[0]!.missing).toBeUndefined();
    // a sheet whose relationship is missing too
    parts['xl/_rels/workbook.xml.rels'] = relsXml([{ id: 'rId1', type: relType('worksheet'), target: 'worksheets/sheet1.xml' }]);
    expect(readXlsx(zipParts(parts))[1]).toMatchObject({ name: '附表', missing: true });
  });

  it('says a package whose workbook part is missing is damaged, and one whose main part is no workbook is no workbook', () => {
    const parts = packageParts({ sheets: [{ name: '清单', xml: sheetXml(tableRows(SMALL_TABLE)) }] });
    const noWorkbook = { ...parts };
    delete noWorkbook['xl/workbook.xml'];
    expect(codeOf(zipParts(noWorkbook))).toBe('corrupt');
    const docx = { '_rels/.rels': relsXml([{ id: 'rId1', type: relType('officeDocument'), target: 'word/document.xml' }]), 'word/document.xml': '<w:document xmlns:w="w"><w:body/></w:document>' };
    expect(codeOf(zipParts(docx))).toBe('not-xlsx');
  });

  it('finds the workbook by its content type when the package has no relationships part', () => {
    const parts = packageParts({ sheets: [{ name: '清单', xml: sheetXml(tableRows(SMALL_TABLE)) }] });
    const moved: Record<string, string> = {
      '[Content_Types].xml': parts['[Content_Types].xml']!.replace('/xl/workbook.xml', '/xl/Book.xml'),
      'xl/Book.xml': parts['xl/workbook.xml']!,
      'xl/_rels/Book.xml.rels': parts['xl/_rels/workbook.xml.rels']!,
      'xl/worksheets/sheet1.xml': parts['xl/worksheets/sheet1.xml']!,
    };
    expect(readXlsx(zipParts(moved))[0]!.rows).toEqual(SMALL_TABLE);
  });

  it('says a workbook whose string table or styles its relationships name but the archive lacks is damaged', () => {
    for (const part of ['xl/sharedStrings.xml', 'xl/styles.xml']) {
      const parts = packageParts({ sheets: [{ name: '清单', xml: sheetXml(tableRows(SMALL_TABLE)) }], shared: '<sst><si><t>字</t></si></sst>', styles: '<styleSheet/>' });
      delete parts[part];
      expect(codeOf(zipParts(parts)), part).toBe('corrupt');
    }
  });

  it('reads a workbook whose rels write targets from the package root without the slash', () => {
    const parts = packageParts({ sheets: [{ name: '清单', xml: sheetXml(tableRows(SMALL_TABLE)) }] });
    parts['xl/_rels/workbook.xml.rels'] = relsXml([{ id: 'rId1', type: relType('worksheet'), target: 'xl/worksheets/sheet1.xml' }]);
    expect(readXlsx(zipParts(parts))[0]!.rows).toEqual(SMALL_TABLE);
  });

  it('reads zip names with backslashes, leading slashes and other case', () => {
    const parts = packageParts({ sheets: [{ name: '清单', xml: sheetXml(tableRows(SMALL_TABLE)) }] });
    const renamed = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k.startsWith('xl/') ? `\\${k.toUpperCase().replace(/\//g, '\\')}` : k, v]));
    expect(readXlsx(rawZip(rawEntries(renamed)))[0]!.rows).toEqual(SMALL_TABLE);
  });
});

describe('cells as other producers write them', () => {
  it('reads the Strict namespace (purl.oclc.org) with its relationship types and ISO date cells', () => {
    const strict = (t: string) => relType(t, true);
    const bytes = zipParts({
      '_rels/.rels': relsXml([{ id: 'rId1', type: strict('officeDocument'), target: 'xl/workbook.xml' }]),
      'xl/workbook.xml': `<workbook xmlns="${STRICT_MAIN_NS}" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships" conformance="strict"><workbookPr date1904="false"/><sheets><sheet name="严格" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': relsXml([
        { id: 'rId1', type: strict('worksheet'), target: 'worksheets/sheet1.xml' },
        { id: 'rId2', type: strict('sharedStrings'), target: 'strings.xml' },
        { id: 'rId3', type: strict('styles'), target: 'styles.xml' },
      ]),
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${STRICT_MAIN_NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="d" s="1"><v>2026-06-30T00:00:00</v></c><c r="C1" t="d"><v>2026-03-01</v></c></row></sheetData></worksheet>`,
      'xl/strings.xml': `<sst xmlns="${STRICT_MAIN_NS}"><si><t>严格格式</t></si></sst>`,
      'xl/styles.xml': `<styleSheet xmlns="${STRICT_MAIN_NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs></styleSheet>`,
    });
    expect(readXlsx(bytes)[0]!.rows).toEqual([['严格格式', '2026-06-30', '2026-03-01']]);
  });

  it('reads shared formulas by their cached values, errors as blank, booleans, and prefixed formulas', () => {
    const xml = sheetXml([
      '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c><c r="C1" t="str"><f t="shared" ref="C1:C2" si="1">"第"&amp;A1</f><v>第2</v></c></row>',
      '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c><c r="C2" t="str"><f t="shared" si="1"/><v>第3</v></c></row>',
      '<row r="3"><c r="A3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="b"><v>0</v></c><c r="D3"><f>NOW()</f></c></row>',
      '<row r="4"><x:c r="A4" xmlns:x="m"><x:f>A1</x:f><x:v>2</x:v></x:c></row>',
    ]);
    expect(readXlsx(zipParts(packageParts({ sheets: [{ name: 'S', xml }] })))[0]!.rows).toEqual([
      ['2', '4', '第2'],
      ['3', '6', '第3'],
      ['', '', 'FALSE'],
      ['2'],
    ]);
  });

  it('reads a formula the file stored no result for as empty, and says which cells (both readers, shared formulas too)', async () => {
    const xml = sheetXml([
      '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f></c><c r="C1" t="str"><f>"第"&amp;A1</f><v></v></c></row>',
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><f t="shared" si="0"/></c><c r="C2"><f>A2</f><v>3</v></c></row>',
      '<row r="3"><c r="A3"><f>NOW()</f></c><c r="B3"><f t="shared" si="0"/></c></row>',
    ]);
    const bytes = zipParts(packageParts({ sheets: [{ name: '公式', xml }], shared: '<sst><si><t>文字</t></si></sst>' }));
    for (const sheets of [readXlsx(bytes), await readXlsxAsync(bytes, inflateInStream)]) {
      expect(sheets[0]!.rows).toEqual([['2'], ['文字', '', '3']]);
      // C1's stored result is an empty text: calculated, so not named
      expect(sheets[0]!.notes?.map((n) => n.message)).toEqual([
        '工作表“公式”中有 4 个公式单元格（B1、B2、A3 等）在文件中没有保存计算结果，已按空白读取；如需导入这些内容，请在 Excel 或 WPS 中打开该文件并保存后再导入',
      ]);
    }
  });

  it('reads a formula with an empty result element (as openpyxl writes one) as not calculated, not as 0 or 1899-12-31', async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const xml = sheetXml([
      '<row r="1"><c r="A1"><f>ROW()-3</f><v></v></c><c r="B1" t="inlineStr"><is><t>网络阵地</t></is></c><c r="C1" s="1"><f>DATE(2024,6,30)</f><v></v></c></row>',
      '<row r="2"><c r="A2"><v></v></c><c r="B2" t="inlineStr"><is><t>讲座</t></is></c><c r="C2" s="1"><f>C1+30</f><v>45503</v></c></row>',
    ]);
    const bytes = zipParts(packageParts({ sheets: [{ name: '台账', xml }], styles }));
    for (const sheets of [readXlsx(bytes), await readXlsxAsync(bytes, inflateInStream)]) {
      expect(sheets[0]!.rows).toEqual([['', '网络阵地'], ['', '讲座', '2024-07-30']]);
      expect(sheets[0]!.notes?.map((n) => n.message)).toEqual([
        '工作表“台账”中有 2 个公式单元格（A1、C1）在文件中没有保存计算结果，已按空白读取；如需导入这些内容，请在 Excel 或 WPS 中打开该文件并保存后再导入',
      ]);
    }
  });

  it('leaves out phonetic runs and joins rich text runs, in shared and inline strings', () => {
    const shared =
      '<sst><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><r><rPr><b/><rFont val="宋体"/></rPr><t>网络</t></r><r><t xml:space="preserve"> 阵地</t></r><rPh sb="0" eb="1"><t>もう</t></rPh></si>' +
      '<si><x:r xmlns:x="m"><x:t>前缀</x:t></x:r><x:rPh><x:t>ぜんち</x:t></x:rPh><x:r><x:t>文字</x:t></x:r></si></sst>';
    const xml = sheetXml([
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="inlineStr"><is><r><t>内联</t></r><r><t>富文本</t></r><rPh sb="0" eb="2"><t>ないせん</t></rPh></is></c></row>',
    ]);
    expect(readXlsx(zipParts(packageParts({ sheets: [{ name: 'S', xml }], shared })))[0]!.rows).toEqual([['漢字', '网络 阵地', '前缀文字', '内联富文本']]);
  });

  it('reads cell and row attributes in any order, quoting and spacing, and ones it does not know', () => {
    const xml = sheetXml([
      '<row r="1"><c r="A1" s="0" t="s"><v>0</v></c><c t="s" r="B1"><v>1</v></c><c s=\'0\' r=\'C1\' t=\'s\'><v>0</v></c><c  r = "D1"  t="s" ><v>1</v></c></row>',
      '<row spans="1:3" r="3" ht="20"><c r="B3" cm="1" t="s"><v>1</v></c><c r="C3" t="s" vm="1"><v>0</v></c><c\tr="D3"\tt="s"><v>1</v></c></row>',
      '<row ht="12" r="5"><c r="A5" s="7"><v>42</v></c></row>',
    ]);
    const shared = '<sst><si><t>甲</t></si><si><t>乙</t></si></sst>';
    expect(readXlsx(zipParts(packageParts({ sheets: [{ name: 'S', xml }], shared })))[0]!.rows).toEqual([
      ['甲', '乙', '甲', '乙'],
      [],
      ['', '乙', '甲', '乙'],
      [],
      ['42'],
    ]);
  });

  it('imports the rows Excel hides, as written, and names them (hidden="1", "true"; "false" is shown)', () => {
    const cells = (r: number, texts: string[]) => texts.map((t, c) => inlineCell(`${String.fromCharCode(65 + c)}${r}`, t)).join('');
    const xml = sheetXml([
      `<row r="1">${cells(1, HEADER)}</row>`,
      `<row r="2" hidden="false">${cells(2, ['网络阵地管理不严', '每周巡查', '党办', '张国栋'])}</row>`,
      `<row r="3" spans="1:4" hidden="1">${cells(3, ['', '每月通报', '党办', '张国栋'])}</row>`,
      `<row r="4" ht="12" hidden = 'true' customHeight="1">${cells(4, ['课堂讲坛审核', '听课检查', '教务处', '李敏'])}</row>`,
      '<row r="5" hidden="1"/>',
    ]);
    const sheets = readXlsx(zipParts(packageParts({ sheets: [{ name: '清单', xml }] })));
    expect(sheets[0]!.hiddenRows).toEqual([2, 3]);
    const result = importWorkbook(sheets);
    expect(result.rows.map((r) => r.measure)).toEqual(['每周巡查', '每月通报', '听课检查']);
    expect(result.warnings.map((w) => w.message)).toContain('工作表“清单”中有 2 行在 Excel 中是隐藏的（第 3、4 行），已照常导入；如果是筛选掉或已不用的行，请导入后删除');
  });

  it('reads rows and cells without references, mixed with referenced ones', () => {
    const xml = sheetXml([
      '<row><c t="inlineStr"><is><t>甲</t></is></c><c t="inlineStr"><is><t>乙</t></is></c></row>',
      '<row r="3"><c r="B3" t="inlineStr"><is><t>丙</t></is></c><c t="inlineStr"><is><t>丁</t></is></c></row>',
      '<row><c/><c t="inlineStr"><is><t>戊</t></is></c></row>',
    ]);
    expect(readXlsx(zipParts(packageParts({ sheets: [{ name: 'S', xml }] })))[0]!.rows).toEqual([['甲', '乙'], [], ['', '丙', '丁'], ['', '戊']]);
  });

  it('reads a table as LibreOffice saves it: row attributes, a “keep contents” merge with old text under it', () => {
    const row = (r: number, cells: string[]) =>
      `<row r="${r}" spans="1:4" s="0" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">${cells
        .map((t, c) => (t ? inlineCell(`${String.fromCharCode(65 + c)}${r}`, t) : `<c r="${String.fromCharCode(65 + c)}${r}" s="0"/>`))
        .join('')}</row>`;
    const xml = sheetXml(
      [
        row(1, HEADER),
        row(2, ['网络阵地管理不严', '每周巡查', '党办', '张国栋']),
        row(3, ['网络阵地管理不严（旧）', '每月通报', '党办', '张国栋']),
        row(4, ['课堂讲坛审核', '听课检查', '教务处', '李敏']),
      ],
      '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>',
    );
    const sheets = readXlsx(zipParts(packageParts({ sheets: [{ name: '清单', xml }] })));
    expect(sheets[0]!.rows[2]![0]).toBe('');
    expect(importWorkbook(sheets).rows.map(publicRow).map((r) => [r.problem, r.measure])).toEqual([
      ['网络阵地管理不严', '每周巡查'],
      ['网络阵地管理不严', '每月通报'],
      ['课堂讲坛审核', '听课检查'],
    ]);
  });
});
