import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../src/domain/tsv';

describe('parseTsv (Excel / WPS clipboard text)', () => {
  it('parses a plain 3x3 block with CRLF rows and a trailing CRLF', () => {
    const text = '措施一\t党办\t张建国\r\n措施二\t德育处\t王海燕\r\n措施三\t教务处\t赵志强\r\n';
    expect(parseTsv(text)).toEqual([
      ['措施一', '党办', '张建国'],
      ['措施二', '德育处', '王海燕'],
      ['措施三', '教务处', '赵志强'],
    ]);
  });

  it('accepts LF rows and no trailing line break', () => {
    expect(parseTsv('甲\t乙\n丙\t丁')).toEqual([
      ['甲', '乙'],
      ['丙', '丁'],
    ]);
  });

  it('keeps a quoted multi-line cell as one cell, line breaks normalised to LF', () => {
    const text = '"多行\r\n内容"\t党办\r\n第二行\t德育处\r\n';
    expect(parseTsv(text)).toEqual([
      ['多行\n内容', '党办'],
      ['第二行', '德育处'],
    ]);
  });

  it('keeps tabs inside a quoted cell', () => {
    expect(parseTsv('"甲\t乙"\t丙')).toEqual([['甲\t乙', '丙']]);
  });

  it('turns doubled quotes inside a quoted cell into one quote', () => {
    expect(parseTsv('"落实""一会一报""制度\n每学期检查"\t党办\r\n')).toEqual([['落实"一会一报"制度\n每学期检查', '党办']]);
  });

  it('keeps quotes that are not at the start of a cell as they are', () => {
    expect(parseTsv('落实"一会一报"\t党办')).toEqual([['落实"一会一报"', '党办']]);
  });

  it('keeps empty cells, including leading and trailing ones', () => {
    expect(parseTsv('\t党办\t\r\n问题\t\t张建国\r\n')).toEqual([
      ['', '党办', ''],
      ['问题', '', '张建国'],
    ]);
  });

  it('keeps an empty line in the middle as a row with one empty cell', () => {
    expect(parseTsv('甲\r\n\r\n乙\r\n')).toEqual([['甲'], [''], ['乙']]);
  });

  it('returns no rows for empty text', () => {
    expect(parseTsv('')).toEqual([]);
  });
});

describe('toTsv', () => {
  it('joins cells with tabs and rows with CRLF, without a trailing line break', () => {
    expect(toTsv([
      ['甲', '乙'],
      ['丙', '丁'],
    ])).toBe('甲\t乙\r\n丙\t丁');
  });

  it('quotes cells with tabs, line breaks or quotes and doubles inner quotes', () => {
    expect(toTsv([['含\t制表符', '两\n行', '引"号', '普通']])).toBe('"含\t制表符"\t"两\n行"\t"引""号"\t普通');
  });

  it('round trips through parseTsv', () => {
    const rows = [
      ['问题清单', '措施清单', '责任部门'],
      ['宣传栏更新不及时', '每月检查一次\n双人校对', '党办\n总务处'],
      ['', '落实"一会一报"', ''],
      ['含\t制表符', '"整格引号"', '\n'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
