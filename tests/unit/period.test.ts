import { describe, expect, it } from 'vitest';
import { defaultListTitle } from '../../src/domain/lists';
import { currentPeriod, periodFromTitle, suggestedPeriod } from '../../src/domain/period';

describe('periodFromTitle', () => {
  it.each([
    ['某某学校2026年上半年意识形态领域风险“三清单”', '2026年上半年'],
    ['示例市第五中学2026年下半年意识形态工作风险隐患“三清单”', '2026年下半年'],
    ['2025年度意识形态领域风险问题清单、措施清单、责任清单', '2025年度'],
    ['2026年度上半年意识形态风险“三清单”', '2026年上半年'],
    ['某某小学2026年春季学期意识形态领域风险排查“三清单”', '2026年春季学期'],
    ['2025年秋季学期三清单', '2025年秋季学期'],
    ['2026年春学期意识形态风险清单', '2026年春季学期'],
    ['2026年第一季度意识形态领域风险“三清单”', '2026年第一季度'],
    ['2026年一季度风险研判三清单', '2026年第一季度'],
    ['2026年第3季度三清单', '2026年第三季度'],
    ['2025-2026学年第一学期意识形态领域风险“三清单”', '2025-2026学年第一学期'],
    ['2025—2026学年度上学期三清单', '2025-2026学年上学期'],
    ['某中学2025至2026学年意识形态三清单', '2025-2026学年'],
    ['2026年意识形态领域风险“三清单”', '2026年度'],
    ['关于2026年3月意识形态风险排查情况的清单', '2026年3月'],
  ])('reads %s as %s', (title, period) => {
    expect(periodFromTitle(title)).toBe(period);
  });

  it('reads full-width digits, spaces and a year in Chinese numerals as the plain period', () => {
    expect(periodFromTitle('某某学校２０２６年上半年意识形态领域风险“三清单”')).toBe('2026年上半年');
    expect(periodFromTitle('２０２５年度 意识形态风险三清单')).toBe('2025年度');
    expect(periodFromTitle('2026 年 第二季度三清单')).toBe('2026年第二季度');
    expect(periodFromTitle('２０２５－２０２６学年第二学期三清单')).toBe('2025-2026学年第二学期');
    expect(periodFromTitle('某某学校二〇二六年上半年意识形态领域风险“三清单”')).toBe('2026年上半年');
  });

  it('names no period for a title without one', () => {
    expect(periodFromTitle('意识形态风险“三清单”')).toBeNull();
    expect(periodFromTitle('某某学校意识形态领域风险问题清单、措施清单、责任清单')).toBeNull();
    expect(periodFromTitle('')).toBeNull();
    // a half-year without its year cannot be placed
    expect(periodFromTitle('上半年意识形态领域风险“三清单”')).toBeNull();
    // numbers that are not years
    expect(periodFromTitle('第五中学100项风险清单')).toBeNull();
    expect(periodFromTitle('12026年清单')).toBeNull();
  });
});

describe('suggestedPeriod', () => {
  const june = new Date(2026, 5, 30);
  const july = new Date(2026, 6, 1);

  it('suggests the period the title names, whatever today is', () => {
    expect(suggestedPeriod('某某学校2025年下半年意识形态领域风险“三清单”', june)).toBe('2025年下半年');
    expect(suggestedPeriod('2025年度三清单', july)).toBe('2025年度');
  });

  it("falls back to today's half-year when the title names none", () => {
    expect(suggestedPeriod('意识形态风险“三清单”', june)).toBe('2026年上半年');
    expect(suggestedPeriod('', july)).toBe('2026年下半年');
    expect(currentPeriod(july)).toBe('2026年下半年');
  });

  it("takes a title naming this year alone (the app's own default title) as this half-year's, another year as that year's", () => {
    expect(suggestedPeriod(defaultListTitle(july), july)).toBe('2026年下半年');
    expect(suggestedPeriod('2026年意识形态领域风险“三清单”', june)).toBe('2026年上半年');
    expect(suggestedPeriod('2025年意识形态领域风险“三清单”', june)).toBe('2025年度');
    // 年度 said outright is the whole year, this year or not
    expect(suggestedPeriod('2026年度意识形态领域风险“三清单”', june)).toBe('2026年度');
  });
});
