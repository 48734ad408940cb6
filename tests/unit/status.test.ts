import { describe, expect, it } from 'vitest';
import { cleanStatusOptions, DEFAULT_STATUSES, isDoneStatus, OTHER_STATUS_HEX, STATUS_COLORS, statusCounts, statusHex, statusOptionsOf } from '../../src/domain/status';

describe('statuses', () => {
  it('a list without its own uses the defaults, in order', () => {
    expect(statusOptionsOf({}).map((s) => s.name)).toEqual(['未开始', '推进中', '已完成', '已销号', '长期坚持']);
    expect(statusOptionsOf({ statuses: [{ name: '已报送', color: 'blue', done: true }] }).map((s) => s.name)).toEqual(['已报送']);
  });

  it('colours listed statuses by their option and free text neutrally; blank has none', () => {
    expect(statusHex(DEFAULT_STATUSES, '已完成')).toBe(STATUS_COLORS.green.hex);
    expect(statusHex(DEFAULT_STATUSES, ' 推进中 ')).toBe(STATUS_COLORS.blue.hex);
    expect(statusHex(DEFAULT_STATUSES, '已完成80%')).toBe(OTHER_STATUS_HEX);
    expect(statusHex(DEFAULT_STATUSES, '')).toBeNull();
  });

  it('done: the option’s flag, or free text that says finished (not “未完成”)', () => {
    expect(isDoneStatus(DEFAULT_STATUSES, '已销号')).toBe(true);
    expect(isDoneStatus(DEFAULT_STATUSES, '推进中')).toBe(false);
    expect(isDoneStatus(DEFAULT_STATUSES, '已整改到位')).toBe(true);
    expect(isDoneStatus(DEFAULT_STATUSES, '未完成')).toBe(false);
    expect(isDoneStatus([{ name: '已完成', color: 'green', done: false }], '已完成')).toBe(false);
    // work still going on is not done, whatever part of it is; 完成 alone is, and 持续推进 (standing work) is never overdue
    for (const text of ['正在整改，已完成60%', '整改中（已完成阶段性整改）', '部分已落实', '尚未完成']) expect(isDoneStatus(DEFAULT_STATUSES, text)).toBe(false);
    for (const text of ['完成', '持续推进', '已整改']) expect(isDoneStatus(DEFAULT_STATUSES, text)).toBe(true);
    // a 完成情况 column ticked or at 100%, a 是否完成 column answered 是
    for (const text of ['√', '✓', '✔', '100%', '100 ％', '是']) expect(isDoneStatus(DEFAULT_STATUSES, text)).toBe(true);
    for (const text of ['否', '80%', '×', '']) expect(isDoneStatus(DEFAULT_STATUSES, text)).toBe(false);
  });

  it('cleans the settings: trims, drops blanks, refuses a repeated name or an empty list', () => {
    expect(cleanStatusOptions([{ name: ' 已报送 ', color: 'blue', done: true }, { name: '', color: 'red', done: false }])).toEqual([
      { name: '已报送', color: 'blue', done: true },
    ]);
    expect(() => cleanStatusOptions([{ name: '甲', color: 'blue', done: false }, { name: '甲', color: 'red', done: false }])).toThrow('重复');
    expect(() => cleanStatusOptions([])).toThrow('至少');
  });

  it('counts every option (zero too), then free text, then blanks', () => {
    const counts = statusCounts(DEFAULT_STATUSES, ['已完成', '已完成', '推进中', '', '部分完成']);
    expect(counts.map((c) => [c.name, c.count])).toEqual([
      ['未开始', 0],
      ['推进中', 1],
      ['已完成', 2],
      ['已销号', 0],
      ['长期坚持', 0],
      ['部分完成', 1],
      ['', 1],
    ]);
  });
});

describe('countedStatus', () => {
  it('is 已销号 for a measure closed by record, the text as written otherwise', async () => {
    const { countedStatus } = await import('../../src/domain/status');
    expect(countedStatus({ status: '推进中', closed: '2026-09-20' })).toBe('已销号');
    expect(countedStatus({ status: '', closed: { date: '2026-09-20', note: '', by: '', at: 1 } })).toBe('已销号');
    expect(countedStatus({ status: ' 推进中 ', closed: '' })).toBe('推进中');
  });
});
