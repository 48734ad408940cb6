import { describe, expect, it } from 'vitest';
import { listYearOf, overdueDeadline, parseDeadline, type Recurrence } from '../../src/domain/deadline';
import { DEFAULT_STATUSES } from '../../src/domain/status';

const ctx = { today: '2026-05-15', listYear: 2026 };

// [text as written in real lists, due date, recurrence]
const TABLE: [string, string | undefined, Recurrence | undefined][] = [
  ['2026年6月底前', '2026-06-30', undefined],
  ['6月30日前', '2026-06-30', undefined],
  ['2026-06-30', '2026-06-30', undefined],
  ['2026.6.30', '2026-06-30', undefined],
  ['2026/6/30', '2026-06-30', undefined],
  ['2026年6月30日', '2026-06-30', undefined],
  ['2026年6月30日前完成', '2026-06-30', undefined],
  ['２０２６年６月３０日', '2026-06-30', undefined],
  ['二〇二六年六月底', '2026-06-30', undefined],
  ['六月底', '2026-06-30', undefined],
  ['十月一日前', '2026-10-01', undefined],
  ['12月25号前', '2026-12-25', undefined],
  ['9月中旬', '2026-09-20', undefined],
  ['3月上旬', '2026-03-10', undefined],
  ['3月下旬', '2026-03-31', undefined],
  ['2月底', '2026-02-28', undefined],
  ['7月初', '2026-07-10', undefined],
  ['9月', '2026-09-30', undefined],
  ['2024年6月底前', '2024-06-30', undefined],
  ['2017年10月底以前', '2017-10-31', undefined],
  ['2024年3月15日前', '2024-03-15', undefined],
  ['2024年9月30日', '2024-09-30', undefined],
  ['截至2026年11月30日', '2026-11-30', undefined],
  ['年底前', '2026-12-31', undefined],
  ['2026年底前', '2026-12-31', undefined],
  ['年内完成', '2026-12-31', undefined],
  ['2026年', '2026-12-31', undefined],
  ['2026年上半年', '2026-06-30', undefined],
  ['上半年', '2026-06-30', undefined],
  ['下半年', '2026-12-31', undefined],
  ['第一季度', '2026-03-31', undefined],
  ['二季度', '2026-06-30', undefined],
  ['2026年第三季度', '2026-09-30', undefined],
  ['3月—6月', '2026-06-30', undefined],
  ['3-6月', '2026-06-30', undefined],
  ['2026年3月至8月', '2026-08-31', undefined],
  ['即日起至10月15日', '2026-10-15', undefined],
  ['6月中旬、12月中旬', '2026-12-20', undefined],
  ['3月下旬、6月下旬、9月下旬、12月下旬', '2026-12-31', undefined],
  ['6月底前完成初稿，9月底前全部完成', '2026-09-30', undefined],
  ['次年3月', '2027-03-31', undefined],
  ['2026.06', '2026-06-30', undefined],
  ['2026.10', '2026-10-31', undefined],
  // a month and a day jotted down without a year, and a two-digit year
  ['6.30', '2026-06-30', undefined],
  ['6.30前', '2026-06-30', undefined],
  ['6/30', '2026-06-30', undefined],
  ['3.15、6.30', '2026-06-30', undefined],
  ['24.6.30', '2024-06-30', undefined],
  ['2026.6.30', '2026-06-30', undefined],
  ['13.5', undefined, undefined],
  ['20260630', '2026-06-30', undefined],
  ['20261340', undefined, undefined],
  ['每学期', undefined, 'semester'],
  ['每学期至少1次', undefined, 'semester'],
  ['长期坚持', undefined, 'ongoing'],
  ['长期(3-5年)', undefined, 'ongoing'],
  ['持续推进', undefined, 'ongoing'],
  ['常态化', undefined, 'ongoing'],
  ['即日起', undefined, 'ongoing'],
  ['立行立改', undefined, 'immediate'],
  ['每月', undefined, 'monthly'],
  ['每月30日前', undefined, 'monthly'],
  ['每周一次', undefined, 'weekly'],
  ['每季度召开一次', undefined, 'quarterly'],
  ['每半年', undefined, 'halfyearly'],
  ['每年一次', undefined, 'yearly'],
  ['长期坚持，2026年6月底前建立制度', '2026-06-30', 'ongoing'],
  ['5天', undefined, undefined],
  ['2024年x月上旬', undefined, undefined],
  ['', undefined, undefined],
];

describe('parseDeadline over real phrasings', () => {
  it('has at least 40 phrasings', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));
  for (const [text, due, recurrence] of TABLE) {
    it(`“${text}” → ${due ?? '(no date)'} ${recurrence ?? ''}`, () => {
      const d = parseDeadline(text, ctx);
      expect(d.due).toBe(due);
      expect(d.recurrence).toBe(recurrence);
    });
  }

  it('reads the school calendar relative to today, marked approximate', () => {
    expect(parseDeadline('开学前一周', { today: '2026-05-15' })).toMatchObject({ due: '2026-08-25', approximate: true });
    expect(parseDeadline('开学前一周', { today: '2026-01-10' })).toMatchObject({ due: '2026-02-22', approximate: true });
    expect(parseDeadline('开学前', { today: '2026-10-10' })).toMatchObject({ due: '2027-02-28' });
    expect(parseDeadline('开学后一个月内', { today: '2026-10-10' })).toMatchObject({ due: '2026-10-01' });
    expect(parseDeadline('期末前', { today: '2026-05-15' })).toMatchObject({ due: '2026-07-15' });
    expect(parseDeadline('暑假前', ctx)).toMatchObject({ due: '2026-07-10' });
  });

  it('a month without a year takes the list’s year, else today’s', () => {
    expect(parseDeadline('6月30日前', { today: '2026-05-15', listYear: 2025 }).due).toBe('2025-06-30');
    expect(parseDeadline('6月30日前', { today: new Date(2027, 0, 3) }).due).toBe('2027-06-30');
  });

  it('labels what it read, and keeps text it cannot read as it is', () => {
    expect(parseDeadline('2026年6月底前', ctx).label).toBe('2026-06-30 前');
    expect(parseDeadline('每学期', ctx).label).toBe('每学期');
    expect(parseDeadline('视情况而定', ctx)).toEqual({ label: '视情况而定' });
  });

  it('the list year comes from the period or the title', () => {
    expect(listYearOf({ period: '2026年上半年', title: '' })).toBe(2026);
    expect(listYearOf({ period: '', title: '2025年意识形态领域风险“三清单”' })).toBe(2025);
    expect(listYearOf({ period: '第一期', title: '风险清单' })).toBeUndefined();
  });
});

describe('overdue', () => {
  const at = { today: '2026-07-01', listYear: 2026 };
  it('a passed due date with a status not done is overdue', () => {
    expect(overdueDeadline('2026年6月底前', '推进中', DEFAULT_STATUSES, at)?.due).toBe('2026-06-30');
    expect(overdueDeadline('6月30日前', '', DEFAULT_STATUSES, at)).not.toBeNull();
    expect(overdueDeadline('6月30日前', '正在整改', DEFAULT_STATUSES, at)).not.toBeNull();
  });
  it('done-like statuses, due today or later, and recurring deadlines are not', () => {
    for (const s of ['已完成', '已销号', '长期坚持', '已整改到位']) expect(overdueDeadline('2026年6月底前', s, DEFAULT_STATUSES, at)).toBeNull();
    expect(overdueDeadline('2026年7月1日', '推进中', DEFAULT_STATUSES, at)).toBeNull();
    expect(overdueDeadline('每学期', '推进中', DEFAULT_STATUSES, at)).toBeNull();
    expect(overdueDeadline('', '推进中', DEFAULT_STATUSES, at)).toBeNull();
  });
  it('follows a list’s own done flags', () => {
    const own = [{ name: '已报送', color: 'green' as const, done: true }];
    expect(overdueDeadline('2026年6月底前', '已报送', own, at)).toBeNull();
  });
});
