import { describe, expect, it } from 'vitest';
import { byId, type Person } from '../../src/domain/directory';
import { EMPTY_FILTER, isFilterActive, rowPredicate, STATUS_NONE, statusesInUse, type RowFilter } from '../../src/domain/filter';
import { fixture, rowsOf } from './helpers';

const { content, directory } = fixture();
const rows = rowsOf(content);
const people = byId<Person>([...directory.departments, ...directory.leaders]);
const matching = (f: Partial<RowFilter>) => rows.filter(rowPredicate({ ...EMPTY_FILTER, ...f }, people)).map((r) => r.rowId);

describe('rowPredicate: quick search', () => {
  it('an empty filter keeps every row', () => {
    expect(matching({})).toEqual(['m11', 'm12', 'm21', 'p-p3']);
    expect(matching({ text: ' \u3000' })).toEqual(['m11', 'm12', 'm21', 'p-p3']);
  });

  it('finds text in the problem, on every row of that problem', () => {
    expect(matching({ text: '网络阵地' })).toEqual(['m11', 'm12']);
  });

  it('finds text in the measure', () => {
    expect(matching({ text: '审核留言' })).toEqual(['m12']);
  });

  it('finds department names, not only ids', () => {
    expect(matching({ text: '教务' })).toEqual(['m21']);
    expect(matching({ text: '德育处' })).toEqual(['m12']);
  });

  it('finds leader names', () => {
    expect(matching({ text: '张建国' })).toEqual(['m11']);
  });

  it('finds deadline and status text and ignores spaces and width', () => {
    expect(matching({ text: '长期 坚持' })).toEqual(['m21']);
    expect(matching({ text: '推进中' })).toEqual(['m12']);
  });

  it('several words must all be found, each anywhere in the row', () => {
    // 网络 is in the problem of m11 and m12, 党办 in both rows' departments, 审核 only in m12's measure
    expect(matching({ text: '网络 党办' })).toEqual(['m11', 'm12']);
    expect(matching({ text: '网络　审核' })).toEqual(['m12']);
    expect(matching({ text: '网络 有偿补课' })).toEqual([]);
  });

  it('finds a department by its alias', () => {
    // 德育处 is also called 政教处; 党办 is also called 党务办公室
    expect(matching({ text: '政教处' })).toEqual(['m12']);
    expect(matching({ text: '党务办公室' })).toEqual(['m11', 'm12']);
  });

  it('finds nothing for text nobody wrote', () => {
    expect(matching({ text: '有偿补课' })).toEqual([]);
  });
});

describe('rowPredicate: filters', () => {
  it('by department', () => {
    expect(matching({ departmentId: 'd-dangban' })).toEqual(['m11', 'm12']);
    expect(matching({ departmentId: 'd-jiaowu' })).toEqual(['m21']);
  });

  it('by leader', () => {
    expect(matching({ leaderId: 'l-zhang' })).toEqual(['m11']);
    expect(matching({ leaderId: 'l-wang' })).toEqual([]);
  });

  it('by status, and by no status', () => {
    expect(matching({ status: '推进中' })).toEqual(['m12']);
    expect(matching({ status: STATUS_NONE })).toEqual(['m11', 'm21', 'p-p3']);
  });

  it('combines filters and text (all must match)', () => {
    expect(matching({ departmentId: 'd-dangban', text: '账号' })).toEqual(['m11']);
    expect(matching({ departmentId: 'd-dangban', status: '推进中' })).toEqual(['m12']);
    expect(matching({ departmentId: 'd-jiaowu', text: '账号' })).toEqual([]);
  });
});

describe('isFilterActive and statusesInUse', () => {
  it('a blank text is not an active filter', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, text: '  ' })).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, status: STATUS_NONE })).toBe(true);
  });

  it('lists distinct non-empty statuses', () => {
    const more = [...rows, { ...rows[0]!, status: '已完成' }, { ...rows[1]!, status: '推进中' }];
    expect(statusesInUse(more).sort()).toEqual(['已完成', '推进中'].sort());
  });
});

describe('rowPredicate: the status filter and 销号', () => {
  it('shows a measure closed by record under 已销号, as the legend counts it, and no longer under its text', () => {
    const { content: c } = fixture();
    c.measures[1] = { ...c.measures[1]!, closed: { date: '2026-09-20', note: '', by: '', at: 1 } };
    c.measures[2] = { ...c.measures[2]!, status: '已销号' };
    const closedRows = rowsOf(c);
    const pick = (status: string) => closedRows.filter(rowPredicate({ ...EMPTY_FILTER, status }, people)).map((r) => r.rowId);
    expect(pick('已销号')).toEqual(['m12', 'm21']);
    expect(pick('推进中')).toEqual([]);
  });
});

describe('rowPredicate: 隐藏已销号', () => {
  it('hides measures closed by record and those whose status is 已销号', () => {
    const { content: c } = fixture();
    c.measures[0] = { ...c.measures[0]!, closed: { date: '2026-09-20', note: '', by: '', at: 1 } };
    c.measures[2] = { ...c.measures[2]!, status: '已销号' };
    expect(rowsOf(c).filter(rowPredicate({ ...EMPTY_FILTER, hideClosed: true }, people)).map((r) => r.rowId)).toEqual(['m12', 'p-p3']);
  });
});

describe('rowPredicate: 退回修改', () => {
  it('keeps only the measures a leader returned, with the leader’s note on the row', () => {
    const returned = {
      ...content,
      measures: content.measures.map((m) =>
        m.id === 'm12'
          ? { ...m, review: { state: 'returned' as const, comment: '请写明频次', by: '张建国', at: 1 } }
          : m.id === 'm21'
            ? { ...m, review: { state: 'approved' as const, comment: '', by: '张建国', at: 1 } }
            : m,
      ),
    };
    const all = rowsOf(returned);
    expect(all.map((r) => r.returned)).toEqual(['', '张建国退回修改：请写明频次', '', '']);
    expect(all.filter(rowPredicate({ ...EMPTY_FILTER, returned: true }, people)).map((r) => r.rowId)).toEqual(['m12']);
    expect(isFilterActive({ ...EMPTY_FILTER, returned: true })).toBe(true);
    expect(rows.filter(rowPredicate({ ...EMPTY_FILTER, returned: true }, people))).toEqual([]);
  });
});
