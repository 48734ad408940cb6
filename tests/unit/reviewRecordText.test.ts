import { describe, expect, it } from 'vitest';
import { recordFieldText } from '../../src/domain/review/recordText';

describe('record fields as the change log shows them', () => {
  const at = new Date(2026, 2, 5, 10).getTime();
  it('says a review mark with its comment, reviewer and day', () => {
    expect(recordFieldText('review', { state: 'returned', comment: '请写明频次', by: '李明远', at })).toBe('退回修改：请写明频次（李明远 2026-03-05）');
    expect(recordFieldText('review', { state: 'approved', comment: '', by: '李明远', at })).toBe('已审核（李明远 2026-03-05）');
  });
  it('says a 销号 and dismissed findings', () => {
    expect(recordFieldText('closed', { date: '2026-06-30', note: '验收合格', by: '党办', at })).toBe('已销号 2026-06-30：验收合格（党办）');
    expect(recordFieldText('dismissed', [{ rule: 'measure-no-deadline', reason: '长期工作', at }])).toMatch(/（长期工作）$/);
    expect(recordFieldText('dismissed', [])).toBe('');
  });
  it('leaves plain values to the caller', () => {
    expect(recordFieldText('status', '已完成')).toBeNull();
    expect(recordFieldText('review', null)).toBeNull();
  });
});
