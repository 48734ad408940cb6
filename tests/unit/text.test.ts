import { describe, expect, it } from 'vitest';
import { cleanName, cleanText, includesText, nameKey, splitNames } from '../../src/domain/text';

describe('cleanText', () => {
  it('turns CRLF and lone CR into LF and keeps inner line breaks', () => {
    expect(cleanText('第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
  });

  it('trims ASCII, full-width and no-break spaces at both ends but not inside', () => {
    expect(cleanText(' \u3000\t加强 阵地\u3000管理\u00a0 \u3000')).toBe('加强 阵地\u3000管理');
  });

  it('trims trailing line breaks left by a copied cell', () => {
    expect(cleanText('党办\r\n')).toBe('党办');
    expect(cleanText('\n\n措施\n')).toBe('措施');
  });

  it('removes a BOM at the start', () => {
    expect(cleanText('\ufeff标题')).toBe('标题');
  });

  it('leaves an empty or blank string empty', () => {
    expect(cleanText('')).toBe('');
    expect(cleanText('\u3000 \r\n')).toBe('');
  });
});

describe('cleanName', () => {
  it('collapses inner runs of spaces (any width) to one ASCII space', () => {
    expect(cleanName('  信息\u3000\u3000中心 ')).toBe('信息 中心');
  });
});

describe('nameKey', () => {
  it('removes all spaces, ASCII and full-width', () => {
    expect(nameKey(' 德 育\u3000处 ')).toBe('德育处');
  });

  it('folds full-width letters and digits and case', () => {
    expect(nameKey('ＩＴ中心１')).toBe('it中心1');
    expect(nameKey('ＩＴ中心１')).toBe(nameKey('it 中心 1'));
  });

  it('keeps different names different', () => {
    expect(nameKey('党办')).not.toBe(nameKey('政办'));
  });
});

describe('splitNames', () => {
  it('splits on LF and CRLF line breaks', () => {
    expect(splitNames('党办\n德育处\r\n教务处')).toEqual(['党办', '德育处', '教务处']);
  });

  it('splits on 、 ， , / ; ；', () => {
    expect(splitNames('党办、德育处，教务处,团委/总务处;保卫处；纪委')).toEqual([
      '党办',
      '德育处',
      '教务处',
      '团委',
      '总务处',
      '保卫处',
      '纪委',
    ]);
  });

  it('drops empty parts and trims each name', () => {
    expect(splitNames(' 党办 、、\u3000德育处\u3000\n\n')).toEqual(['党办', '德育处']);
    expect(splitNames('')).toEqual([]);
  });

  it('dedupes names that differ only by spaces or width, keeping the first spelling', () => {
    expect(splitNames('ＩＴ中心、IT 中心、党办、党 办')).toEqual(['ＩＴ中心', '党办']);
  });

  it('does not split on spaces inside a name', () => {
    expect(splitNames('信息 中心')).toEqual(['信息 中心']);
  });
});

describe('includesText', () => {
  it('matches ignoring width, case and spaces', () => {
    expect(includesText('建立ＱＱ群台账', nameKey('qq群'))).toBe(true);
    expect(includesText('建立微信群台账', nameKey('qq群'))).toBe(false);
  });

  it('an empty needle matches everything', () => {
    expect(includesText('任何内容', '')).toBe(true);
  });
});

describe('numbering', () => {
  it('is taken off an item, never a number that is part of its text', async () => {
    const { clauseText, withoutNumbering } = await import('../../src/domain/text');
    expect(['1.加强教育', '1、加强教育', '（一）加强教育', '一、加强教育', '(3)加强教育', '3）加强教育', '1.1 加强教育'].map(withoutNumbering)).toEqual(
      Array(7).fill('加强教育'),
    );
    expect(withoutNumbering('2026年上半年完成整改')).toBe('2026年上半年完成整改');
    expect(withoutNumbering('6个月以上未更新的账号一律注销')).toBe('6个月以上未更新的账号一律注销');
    expect(clauseText('2. 每月研判一次。')).toBe('每月研判一次');
  });
});
