import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { dateFormat, fixedFormat, fixedText, formatDate } from '../../src/xlsx/cellFormat';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { HEADER, inlineCell, oneSheet, sheetXml } from '../fixtures/ooxml';

/**
 * A date cell reads as its format shows it in zh-CN Excel, except that a day reads YYYY-MM-DD and a month 2026年6月
 * (src/xlsx/cellFormat.ts). 2026-06-30 is a Tuesday; its serial in the 1900 system is 46203.
 */
const DAY = 46203;
const AT = DAY + (15 * 3600 + 30 * 60 + 45) / 86400; // 15:30:45
const TIME = (15 * 3600 + 30 * 60 + 45) / 86400;

const shown = (id: number, code: string | undefined, serial: number, date1904 = false) => {
  const f = dateFormat(id, code);
  if (!f) throw new Error(`format ${id} ${code ?? ''} is not a date`);
  return formatDate(f, serial, date1904);
};

describe('built-in date formats as zh-CN Excel shows them', () => {
  const cases: [number, number, string][] = [
    [14, DAY, '2026-06-30'],
    [15, DAY, '2026-06-30'], // d-mmm-yy: a day
    [16, DAY, '2026-06-30'], // d-mmm: a day, its year kept
    [17, DAY, '2026年6月'], // mmm-yy: a month
    [18, AT, '3:30 PM'],
    [19, AT, '3:30:45 PM'],
    [20, AT, '15:30'],
    [21, AT, '15:30:45'],
    [22, AT, '2026/6/30 15:30'],
    [27, DAY, '2026年6月'],
    [28, DAY, '2026-06-30'], // m月d日: a day, its year kept
    [29, DAY, '2026-06-30'], // m月d日: a day, its year kept
    [30, DAY, '2026-06-30'], // m-d-yy: a day
    [31, DAY, '2026-06-30'], // yyyy"年"m"月"d"日": a day
    [32, AT, '15时30分'],
    [33, AT, '15时30分45秒'],
    [34, AT, '下午3时30分'],
    [35, AT, '下午3时30分45秒'],
    [36, DAY, '2026年6月'],
    [45, AT, '30:45'],
    [46, TIME + 1, '39:30:45'],
    [47, AT, '30:45.0'],
    [50, DAY, '2026年6月'],
    [51, DAY, '2026-06-30'], // m月d日: a day, its year kept
    [52, DAY, '2026年6月'],
    [53, DAY, '2026-06-30'], // m月d日: a day, its year kept
    [54, DAY, '2026-06-30'], // m月d日: a day, its year kept
    [55, AT, '下午3时30分'],
    [56, AT, '下午3时30分45秒'],
    [57, DAY, '2026年6月'],
    [58, DAY, '2026-06-30'], // m月d日: a day, its year kept
  ];
  for (const [id, serial, text] of cases) it(`${id} → ${text}`, () => expect(shown(id, undefined, serial)).toBe(text));

  it('morning times say 上午, and 12 o’clock is 12', () => {
    expect(shown(55, undefined, DAY + 9.5 / 24)).toBe('上午9时30分');
    expect(shown(18, undefined, DAY + 0.5)).toBe('12:00 PM');
    expect(shown(34, undefined, DAY)).toBe('上午12时00分');
  });

  it('number formats are no dates', () => {
    for (const id of [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49]) expect(dateFormat(id, undefined), String(id)).toBeNull();
  });
});

describe('custom date formats', () => {
  const cases: [string, number, string][] = [
    ['yyyy"年"m"月"', DAY, '2026年6月'],
    ['yyyy"年"mm"月"', DAY, '2026年6月'],
    ['[$-804]yyyy"年"m"月"', DAY, '2026年6月'],
    ['[$-zh-CN]yyyy"年"m"月";@', DAY, '2026年6月'],
    ['yyyy/m', DAY, '2026年6月'],
    ['yyyy-mm', DAY, '2026年6月'],
    ['mmm-yy', DAY, '2026年6月'],
    ['[$-409]mmmm yyyy', DAY, '2026年6月'],
    ['[DBNum1][$-804]yyyy"年"m"月"', DAY, '二〇二六年六月'],
    ['[DBNum1]yyyy"年"m"月"d"日"', DAY, '二〇二六年六月三十日'],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', DAY + 14, '二〇二六年七月十四日'],
    ['[DBNum1][$-804]m"月"d"日"', DAY - 180, '一月一日'],
    ['[DBNum2][$-804]yyyy"年"m"月"d"日"', DAY, '贰零贰陆年陆月叁拾日'],
    ['[DBNum3][$-804]yyyy"年"m"月"', DAY, '２０２６年６月'],
    ['[DBNum1][$-804]h"时"mm"分"', AT, '十五时三十分'],
    ['yyyy/m/d', DAY, '2026-06-30'],
    ['yyyy-mm-dd', DAY, '2026-06-30'],
    ['dd/mm/yyyy', DAY, '2026-06-30'],
    ['yyyy"年"m"月"d"日";@', DAY, '2026-06-30'],
    ['[$-F800]dddd, mmmm dd, yyyy', DAY, '2026-06-30'],
    ['m"月"d"日"', DAY, '2026-06-30'],
    ['m/d', DAY, '2026-06-30'],
    ['mm-dd', DAY - 365, '2025-06-30'],
    ['yyyy"年"', DAY, '2026年'],
    ['aaaa', DAY, '星期二'],
    ['m"月"d"日" aaa', DAY, '2026-06-30'],
    ['m"月"d"日" h:mm', AT, '6月30日 15:30'],
    ['[$-804]dddd', DAY, '星期二'],
    ['dddd', DAY, 'Tuesday'],
    ['yyyy/m/d h:mm', AT, '2026/6/30 15:30'],
    ['yyyy-mm-dd hh:mm:ss', AT, '2026-06-30 15:30:45'],
    ['h:mm:ss.00', DAY + (15 * 3600 + 30 * 60 + 45.256) / 86400, '15:30:45.26'],
    ['[h]:mm', TIME + 2, '63:30'],
    ['yyyy\\年m\\月', DAY, '2026年6月'],
  ];
  for (const [code, serial, text] of cases) it(`${code} → ${text}`, () => expect(shown(200, code, serial)).toBe(text));

  it('number, text and general formats are no dates', () => {
    for (const code of ['General', 'G/通用格式', '[$-804]G/通用格式', '0.00', '#,##0"元"', '0%', '[Red]0.0', '@', '0.00E+00', '"第"0"期"', '# ?/?']) {
      expect(dateFormat(200, code), code).toBeNull();
    }
  });

  it('reads 1904 serials, Excel’s 1900 leap day, and leaves out-of-range serials as numbers', () => {
    // 44741 in the 1904 system is 2026-06-30
    expect(shown(57, undefined, DAY - 1462, true)).toBe('2026年6月');
    expect(shown(14, undefined, 1)).toBe('1900-01-01');
    expect(shown(14, undefined, 59)).toBe('1900-02-28');
    expect(shown(14, undefined, 61)).toBe('1900-03-01');
    expect(shown(57, undefined, -5)).toBe('-5');
    expect(shown(57, undefined, 3e6)).toBe('3000000');
  });
});

describe('dates in a workbook', () => {
  it('reads each cell by its style: month, day, shown, and ISO date cells', () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2">' +
      '<numFmt numFmtId="176" formatCode="[DBNum1][$-804]yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="57" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="14"/><xf numFmtId="28"/></cellXfs></styleSheet>';
    const bytes = oneSheet(
      sheetXml([
        `<row r="1">${[...HEADER, '完成时限'].map((h, c) => inlineCell(`${String.fromCharCode(65 + c)}1`, h)).join('')}</row>`,
        ...[1, 2, 3, 4, 5, 0].map((s, i) => {
          const r = i + 2;
          const date = i === 5 ? `<c r="E${r}" t="d" s="1"><v>2026-06-30T00:00:00</v></c>` : `<c r="E${r}" s="${s}"><v>${DAY}</v></c>`;
          return `<row r="${r}">${inlineCell(`A${r}`, `校园网站信息发布审核不严${r}`)}${inlineCell(`B${r}`, `落实三审三校${r}`)}${inlineCell(`C${r}`, '党办')}${date}</row>`;
        }),
      ]),
      { styles },
    );
    const [sheet] = readXlsx(bytes);
    expect(sheet!.rows.slice(1).map((r) => r[4])).toEqual(['2026年6月', '二〇二六年六月', '2026年6月', '2026-06-30', '2026-06-30', '2026年6月']);
    expect(importWorkbook([sheet!]).rows.map((r) => r.deadline)).toEqual(['2026年6月', '二〇二六年六月', '2026年6月', '2026-06-30', '2026-06-30', '2026年6月']);
  });
});

describe('numbers with fixed decimals', () => {
  it('shows the decimals a format fixes, as Excel does (a deadline typed 2024.10 is not 2024.1)', () => {
    const cases: [number, string | undefined, number, string | null][] = [
      [2, undefined, 2024.1, '2024.10'],
      [4, undefined, 0.30000000000000004, '0.30'],
      [200, '0.0', 6.3, '6.3'],
      [200, '0.00"元"', 12, '12.00'],
      [200, '#,##0.00_ ;[Red]-#,##0.00 ', 5.5, '5.50'],
      [200, '0.00%', 0.5, null],
      [200, '0.00E+00', 5, null],
      [200, 'General', 2024.1, null],
      [200, '0', 3, null],
    ];
    for (const [id, code, value, text] of cases) {
      const f = fixedFormat(id, code);
      expect(f ? fixedText(value, f) : null, `${id} ${code}`).toBe(text);
    }
  });

  it('reads a deadline cell formatted 0.00 with its decimals, and the importer reads it as that month', () => {
    const styles = '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="2"/></cellXfs></styleSheet>';
    const bytes = oneSheet(
      sheetXml([
        `<row r="1">${[...HEADER, '完成时限'].map((h, c) => inlineCell(`${String.fromCharCode(65 + c)}1`, h)).join('')}</row>`,
        `<row r="2">${inlineCell('A2', '校园网站信息发布审核不严')}${inlineCell('B2', '落实三审三校')}${inlineCell('C2', '党办')}<c r="E2" s="1"><v>2024.1</v></c></row>`,
      ]),
      { styles },
    );
    expect(importWorkbook(readXlsx(bytes)).rows.map((r) => r.deadline)).toEqual(['2024.10']);
  });
});
