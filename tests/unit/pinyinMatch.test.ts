import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyinMatch, pinyinQuery, setSyllableSource } from '../../src/domain/pinyinMatch';

describe('pinyin matching', () => {
  beforeAll(() => setSyllableSource((t) => pinyin(t, { toneType: 'none', type: 'array', v: true })));
  afterAll(() => setSyllableSource(null));

  it('matches initials, full pinyin and a mix, from the start or inside a name', () => {
    expect(pinyinMatch('教务处', 'jwc')).toBe('prefix');
    expect(pinyinMatch('教务处', 'jiaowuchu')).toBe('prefix');
    expect(pinyinMatch('教务处', 'jiaowc')).toBe('prefix');
    expect(pinyinMatch('教务处', 'jiaow')).toBe('prefix');
    expect(pinyinMatch('党办', 'db')).toBe('prefix');
    expect(pinyinMatch('校长办公室', 'bgs')).toBe('inside');
    expect(pinyinMatch('校长办公室', 'xz')).toBe('prefix');
    expect(pinyinMatch('李明远', 'lmy')).toBe('prefix');
  });

  it('does not match letters out of order or skipping characters', () => {
    expect(pinyinMatch('教务处', 'jc')).toBeNull();
    expect(pinyinMatch('教务处', 'cwj')).toBeNull();
    expect(pinyinMatch('党办', 'dbc')).toBeNull();
    expect(pinyinMatch('德育处', 'jwc')).toBeNull();
  });

  it('takes only Latin queries (full-width too), ignoring spaces and case', () => {
    expect(pinyinQuery('JWC')).toBe('jwc');
    expect(pinyinQuery('ｊｗｃ')).toBe('jwc');
    expect(pinyinQuery("jiao wu")).toBe('jiaowu');
    expect(pinyinQuery('教务')).toBeNull();
    expect(pinyinQuery('2026')).toBeNull();
  });

  it('matches nothing by pinyin until the source is loaded', () => {
    setSyllableSource(null);
    expect(pinyinMatch('教务处', 'jwc')).toBeNull();
    setSyllableSource((t) => pinyin(t, { toneType: 'none', type: 'array', v: true }));
    expect(pinyinMatch('教务处', 'jwc')).toBe('prefix');
  });
});
