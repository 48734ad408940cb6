import { describe, expect, it } from 'vitest';
import { closeMeasures, closeWarning, reopen, shownStatus } from '../../src/domain/cycle/closure';
import { DEFAULT_STATUSES } from '../../src/domain/status';
import { buildExport } from '../../src/domain/export/buildExport';
import { defaultOptions } from '../../src/domain/export/exportOptions';
import { buildRows } from '../../src/domain/rows';
import type { Measure } from '../../src/domain/types';
import { fixture } from './helpers';

/** Applies a patch's measure updates the way storage does (field by field). */
function applied(measures: Measure[], patch: ReturnType<typeof closeMeasures>): Measure[] {
  return measures.map((m) => {
    const op = patch.ops.find((o) => o.type === 'update' && o.table === 'measures' && o.id === m.id);
    return op && op.type === 'update' ? { ...m, ...(op.changes as Partial<Measure>) } : m;
  });
}

describe('销号 of unfinished work', () => {
  it('is said plainly first, naming the status; done work closes without a word', () => {
    expect(closeWarning({ status: '推进中' }, DEFAULT_STATUSES)).toBe('该措施进展为‘推进中’，确定销号？');
    expect(closeWarning({ status: ' ' }, DEFAULT_STATUSES)).toBe('该措施进展为‘未填写’，确定销号？');
    expect(closeWarning({ status: '已完成' }, DEFAULT_STATUSES)).toBeNull();
  });
});

describe('a closed measure’s 进展情况', () => {
  it('reads 已销号（date） and the status it had comes back on reopen', () => {
    expect(shownStatus({ status: '推进中', closed: '2026-09-20' })).toBe('已销号（2026-09-20）');
    expect(shownStatus({ status: '推进中', closed: '' })).toBe('推进中');
  });

  it('is exported (and printed, which shows the same sheets) as 已销号（date）; reopened, as before', () => {
    const { content, directory } = fixture();
    content.measures[0] = { ...content.measures[0]!, status: '已完成' };
    const closed = applied(content.measures, closeMeasures([content.measures[0]!], { date: '2026-09-20', note: '经党办验收', by: '李老师' }));
    expect(closed[0]!.closed?.date).toBe('2026-09-20');
    expect(closed[0]!.status).toBe('已完成');
    const statusCells = (measures: Measure[]) => {
      const c = { ...content, measures };
      const options = defaultOptions(buildRows(c.problems, c.measures), new Date(2026, 8, 21));
      const sheet = buildExport(c, directory, options).sheets[0]!;
      const header = sheet.rows.findIndex((r) => r.cells.some((x) => x?.value === '进展情况'));
      expect(header).toBeGreaterThanOrEqual(0);
      const col = sheet.rows[header]!.cells.findIndex((x) => x?.value === '进展情况');
      return sheet.rows.slice(header + 1).map((r) => String(r.cells[col]?.value ?? ''));
    };
    expect(statusCells(closed)[0]).toBe('已销号（2026-09-20）');
    const reopened = applied(closed, reopen({ kind: 'measure', record: closed[0]! }));
    expect(statusCells(reopened)[0]).toBe('已完成');
  });
});
