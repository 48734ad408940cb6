import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { describeError } from '../../src/storage/errors';

describe('what the user is told when a change cannot be saved', () => {
  it('a full disk, as Dexie reports it (directly or inside an AbortError), says nothing changed and what to do', () => {
    const direct = describeError(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    const inner = describeError(new Dexie.AbortError('aborted', Object.assign(new Error('q'), { name: 'QuotaExceededError' })));
    for (const m of [direct, inner]) {
      expect(m).toContain('存储空间已满');
      expect(m).toContain('数据没有变化');
      expect(m).toContain('备份');
    }
  });

  it('storage refused or closed by a newer tab, and domain refusals, each get their own message', () => {
    expect(describeError(new Dexie.MissingAPIError('no indexedDB'))).toContain('无痕');
    expect(describeError(new Dexie.DatabaseClosedError('closed'))).toContain('请刷新本页');
    expect(describeError(new DomainError('已有名为“党办”的部门'))).toBe('已有名为“党办”的部门');
    expect(describeError(new TypeError('boom'))).toContain('数据没有变化');
  });
});
