import { describe, expect, it } from 'vitest';
import { importWorkbook, publicRow } from '../../src/domain/import/importWorkbook';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { HEADER, inlineCell, oneSheet, sheetXml, tableRows } from '../fixtures/ooxml';

/**
 * What a person sees: a merged range shows its top-left cell only, and a cell far from the table is not part of it.
 * The reader makes the grid say so, in work proportional to the cells the file holds.
 */
const read = (rows: string[], after = '') => readXlsx(oneSheet(sheetXml(rows, after)))[0]!;
const merges = (...refs: string[]) => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;

describe('merged ranges', () => {
  it('blanks the text covered cells still hold, vertically and across, and keeps the top-left', () => {
    const sheet = read(
      tableRows([
        ['标题', '旧标题', '旧', ''],
        HEADER,
        ['网络阵地管理不严', '每周巡查', '党办', '张国栋'],
        ['网络阵地管理（旧）', '每月通报', '党办', '张国栋'],
        ['网络阵地管理（旧）', '建立台账', '德育处', '李敏'],
      ]),
      merges('A1:D1', 'A3:A5', 'D3:D4'),
    );
    expect(sheet.rows).toEqual([
      ['标题', '', ''],
      HEADER,
      ['网络阵地管理不严', '每周巡查', '党办', '张国栋'],
      ['', '每月通报', '党办', ''],
      ['', '建立台账', '德育处', '李敏'],
    ]);
    expect(importWorkbook([sheet]).rows.map(publicRow).map((r) => [r.problem, r.measure, r.leaders])).toEqual([
      ['网络阵地管理不严', '每周巡查', ['张国栋']],
      ['网络阵地管理不严', '每月通报', ['张国栋']],
      ['网络阵地管理不严', '建立台账', ['李敏']],
    ]);
  });

  it('clamps merges to the rows and columns that hold cells, drops those over nothing, and reads reversed references', () => {
    const sheet = read(tableRows([HEADER, ['问题', '措施', '党办', '张国栋'], ['', '措施二', '党办', '']]), merges('A2:A1048576', 'B1:XFD1', 'F10:G20', 'C5', 'D3:D2', '$A$1:$A$1'));
    expect(sheet.merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 3 },
      { top: 1, left: 3, bottom: 2, right: 3 },
    ]);
    expect(sheet.rows[0]).toEqual(['问题清单', '措施清单', '', '']);
  });

  it('leaves out merges that overlap (Excel never writes them), saying so, and keeps the rest', () => {
    const sheet = read(tableRows([HEADER, ['问题', '措施', '党办', '张国栋'], ['', '措施二', '党办', ''], ['问题二', '措施三', '', '']]), merges('A2:A3', 'A3:B4', 'D2:D3'));
    expect(sheet.merges).toEqual([{ top: 1, left: 3, bottom: 2, right: 3 }]);
    expect(sheet.notes?.map((n) => n.message)).toEqual(['工作表“清单”中有 2 个合并区域互相重叠（如 A2:A3），Excel 不允许这样合并，这些合并已忽略']);
    expect(sheet.rows[3]).toEqual(['问题二', '措施三']);
  });
});

describe('cells far from the table, and beyond what Excel holds', () => {
  it('leaves out a stray cell far to the right or far below, with a note naming it, and keeps wide tables whole', () => {
    const rows = tableRows([HEADER, ['问题', '措施', '党办', '张国栋']]);
    rows[1] = rows[1]!.replace('</row>', `${inlineCell('XFD2', '误触')}${inlineCell('IV2', '远注')}</row>`);
    rows.push(`<row r="500000">${inlineCell('A500000', '远行')}</row>`);
    // a wide table: cells every 100 columns reach column 1,000 step by step
    rows.push(`<row r="3">${Array.from({ length: 11 }, (_, k) => `<c r="${colName(k * 100)}3" t="inlineStr"><is><t>宽${k}</t></is></c>`).join('')}</row>`);
    const sheet = read(rows);
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[2]![1000]).toBe('宽10');
    expect(sheet.rows[1]![255]).toBe('远注');
    expect(sheet.rows[1]).toHaveLength(256);
    expect(sheet.notes?.map((n) => n.message)).toEqual(['工作表“清单”中有 2 个单元格远离表格的其余内容（A500000、XFD2），已忽略']);
  });

  it('reads a sheet whose only table starts far down and far right', () => {
    const sheet = read([`<row r="20001">${inlineCell('GR20001', '问题清单')}${inlineCell('GS20001', '措施清单')}</row>`, `<row r="20002">${inlineCell('GR20002', '网络阵地')}</row>`]);
    expect(sheet.rows).toHaveLength(20002);
    expect(sheet.rows[20000]!.slice(199)).toEqual(['问题清单', '措施清单']);
    expect(sheet.rows[20001]![199]).toBe('网络阵地');
    expect(sheet.notes).toBeUndefined();
  });

  it('cuts a cell longer than Excel allows at 32,767 characters, saying so', () => {
    const sheet = read(tableRows([HEADER, ['问题', '措'.repeat(40_000), '党办', '张国栋']]));
    expect(sheet.rows[1]![1]).toHaveLength(32_767);
    expect(sheet.notes?.[0]?.message).toBe('工作表“清单”中有 1 个单元格（B2）的文字超过 Excel 的上限 32,767 个字符，只读取了前 32,767 个字符');
  });

  it('ignores references beyond Excel’s sheet, and rows that only claim to be there', () => {
    const sheet = read(
      [...tableRows([HEADER, ['问题', '措施', '党办', '张国栋']]), '<row r="2000000"><c r="A2000000" t="inlineStr"><is><t>越界</t></is></c></row>', '<row r="900"/>'],
      '',
    );
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.notes?.map((n) => n.message)).toEqual(['工作表“清单”中有 1 个单元格的位置超出 Excel 的表格范围，已忽略']);
  });
});

function colName(index: number): string {
  let name = '';
  for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}
