import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/domain/export/buildExport';
import { defaultOptions } from '../../src/domain/export/exportOptions';
import { buildRows } from '../../src/domain/rows';
import { fixture } from './helpers';

describe('the 审核结果 and 研判材料 sheets', () => {
  it('list each measure with its review and open findings, and the 研判 report’s paragraphs', () => {
    const { content, directory } = fixture();
    content.measures[1] = { ...content.measures[1]!, review: { state: 'returned', comment: '写明审核频次', by: '张建国', at: Date.UTC(2026, 2, 5) } };
    content.measures[0] = { ...content.measures[0]!, review: { state: 'approved', comment: '', by: '张建国', at: Date.UTC(2026, 2, 5) } };
    const options = { ...defaultOptions(buildRows(content.problems, content.measures), new Date(2026, 2, 10)), review: true };
    const spec = buildExport(content, directory, options);
    expect(spec.sheets.map((s) => s.name)).toEqual([content.list.title, '审核结果', '研判材料', '_三清单']);
    const review = spec.sheets[1]!;
    const text = (r: number) => review.rows[r]!.cells.map((c) => (c ? String(c.value) : null));
    expect(text(1)).toEqual(['序号', '问题清单', '措施清单', '责任部门', '责任领导', '审核状态', '审核意见', '检查提醒']);
    expect(text(2).slice(0, 6)).toEqual(['1', '校园网络阵地管理不严', '清理新媒体账号', '党办', '张建国', '已审核']);
    expect(text(3)[5]).toBe('退回修改');
    expect(text(3)[6]).toBe('写明审核频次\n（张建国 2026-03-05）');
    expect(text(3)[7]).toContain('缺完成时限');
    expect(review.merges).toContainEqual({ top: 2, left: 1, bottom: 3, right: 1, style: 'body' });
    const material = spec.sheets[2]!.rows.map((r) => String(r.cells[0]?.value ?? ''));
    expect(material).toContain('二、主要风险点');
    expect(material).toContain('1. 校园网络阵地管理不严（风险等级：高）。');
  });

  it('are not written unless asked for', () => {
    const { content, directory } = fixture();
    const spec = buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures)));
    expect(spec.sheets.map((s) => s.name)).not.toContain('审核结果');
  });
});

describe('a dismissed finding in the 审核结果 sheet', () => {
  it('is shown with the reason it was dismissed', () => {
    const { content, directory } = fixture();
    content.measures[2] = { ...content.measures[2]!, dismissed: [{ rule: 'measure-no-leader', reason: '由校长统一负责', at: 1 }] };
    const spec = buildExport(content, directory, { ...defaultOptions(buildRows(content.problems, content.measures)), review: true });
    const cells = spec.sheets[1]!.rows.map((r) => String(r.cells[7]?.value ?? ''));
    expect(cells.some((c) => c.includes('【已忽略】缺责任领导：由校长统一负责'))).toBe(true);
  });
});
