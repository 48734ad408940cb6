import { describe, expect, it } from 'vitest';
import { listStatistics } from '../../src/domain/cycle/statistics';
import { levelKey, LevelTally } from '../../src/domain/riskLevel';
import { fixture } from './helpers';

describe('risk levels as counted', () => {
  it('takes 一级, 1级, Ⅰ级, I级 and 一级风险 for one grade, and 高 and 高风险 for one level', () => {
    expect(new Set(['一级', '1级', 'Ⅰ级', 'I级', 'Ｉ级', '一级风险', '风险等级：一级', 'Ⅰ'].map(levelKey))).toEqual(new Set(['g1']));
    expect(new Set(['II级', 'Ⅱ级', '二级', '2级'].map(levelKey))).toEqual(new Set(['g2']));
    expect(new Set(['高', '高风险', '高 风险'].map(levelKey))).toEqual(new Set(['w:高']));
    expect(levelKey('较高风险')).toBe('w:较高');
    expect(levelKey('重大风险')).toBe('w:重大');
    // a level of its own, not a grade: 一般 is no 一级
    expect(levelKey('一般')).toBe('w:一般');
    expect(levelKey('需关注')).toBe('需关注');
  });

  it('shows each level as the list writes it most, from the highest', () => {
    const tally = new LevelTally();
    for (const t of ['III级', 'I级', 'Ⅰ级', 'I级', '二级', 'II级', 'II级', '三级']) tally.add(t);
    expect(Object.entries(tally.counts())).toEqual([
      ['I级', 3],
      ['II级', 3],
      ['III级', 2],
    ]);
  });

  it('counts a list’s problems by level with the spellings folded (the 通报 and 统计汇总 figures)', () => {
    const { content, directory } = fixture();
    content.problems[0] = { ...content.problems[0]!, level: 'Ⅰ级' };
    content.problems[1] = { ...content.problems[1]!, level: '一级' };
    content.problems[2] = { ...content.problems[2]!, level: '' };
    const s = listStatistics(content, directory, { today: '2026-12-02' });
    expect(s.byLevel).toEqual({ Ⅰ级: 2, 未填写: 1 });
  });
});
