import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, type Person } from '../../src/domain/directory';
import { EMPTY_FILTER, rowPredicate } from '../../src/domain/filter';
import { setSyllableSource } from '../../src/domain/pinyinMatch';
import { fixture, rowsOf } from './helpers';

const { content, directory } = fixture();
const rows = rowsOf(content);
const people = byId<Person>([...directory.departments, ...directory.leaders]);
const matching = (text: string) => rows.filter(rowPredicate({ ...EMPTY_FILTER, text }, people)).map((r) => r.rowId);

describe('quick search by pinyin', () => {
  beforeAll(() => setSyllableSource((t) => pinyin(t, { toneType: 'none', type: 'array', v: true })));
  afterAll(() => setSyllableSource(null));

  it('finds department names by initials and by full pinyin, as typing the name does', () => {
    expect(matching('jwc')).toEqual(matching('教务处'));
    expect(matching('jiaowu')).toEqual(matching('教务处'));
    expect(matching('dyc')).toEqual(matching('德育处'));
    expect(matching('jwc').length).toBeGreaterThan(0);
  });

  it('matches no row for initials no name has', () => {
    expect(matching('qqqx')).toEqual([]);
  });
});
