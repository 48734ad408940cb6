import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bulletinText, documentText } from '../../src/domain/cycle/bulletinText';
import { listStatistics } from '../../src/domain/cycle/statistics';
import { writeReportDocx } from '../../src/docx/writeReportDocx';
import { fixture } from './helpers';

const dueDate = (text: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);

function bulletin() {
  const { content, directory } = fixture();
  content.measures[0] = { ...content.measures[0]!, status: '已完成' };
  content.measures[1] = { ...content.measures[1]!, deadline: '2026-06-30' };
  const stats = listStatistics(content, directory, { today: '2026-12-02', dueDate });
  return bulletinText({
    unit: '示例市第一中学',
    period: '2026年',
    date: '2026-12-15',
    stats,
    problems: content.problems.map((p) => ({ text: p.text, level: p.level, departments: [] })),
  });
}

describe('the 通报', () => {
  it('has the usual four parts, prefilled from the data', () => {
    const doc = bulletin();
    expect(doc.title).toBe('关于2026年示例市第一中学意识形态领域情况的通报');
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、基本情况', '二、主要问题', '三、整改进展', '四、下一步工作']);
    const text = documentText(doc);
    expect(text).toContain('共梳理风险问题 3 个，制定防控措施 3 条');
    expect(text).toContain('完成率为 33.3%');
    expect(text).toContain('截至2026年12月15日');
    expect(text).toContain('1. 校园网络阵地管理不严（风险等级：高）');
    expect(text).toContain('逾期未完成的措施：专人审核留言（时限：2026-06-30）');
  });

  it('reports the measures completed and closed since the round before', () => {
    const { content, directory } = fixture();
    const stats = listStatistics(content, directory, { today: '2026-12-02', dueDate });
    const m = (measure: string, from: string, to: string) => ({ measureId: measure, problem: '', measure, departments: [], leaders: [], changes: [{ field: 'status' as const, from, to }] });
    const doc = bulletinText({
      unit: '示例市第一中学',
      period: '2026年下半年',
      date: '2026-09-15',
      stats,
      problems: [],
      diff: { added: [], removed: [], closed: [], reopened: [], carried: [], unchanged: 0, changed: [m('开展培训。', '推进中', '已完成'), m('专人审核留言', '未开始', '推进中'), m('建立台账', '已完成', '已销号')] },
    });
    const progress = doc.sections.find((s) => s.heading === '三、整改进展')!.paragraphs.join('\n');
    expect(progress).toContain('自上一轮研判以来完成措施 1 条：开展培训。');
    expect(progress).not.toContain('专人审核留言');
  });

  it('is written as an A4 portrait Word document with 仿宋_GB2312 三号 body, 方正小标宋 title and page numbers', async () => {
    const bytes = await writeReportDocx(bulletin());
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('关于2026年示例市第一中学意识形态领域情况的通报');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:sz w:val="32"\/>/);
    const footer = Object.keys(files).find((f) => /^word\/footer\d*\.xml$/.test(f))!;
    expect(strFromU8(files[footer]!)).toContain('PAGE');
  });

  it('keeps a heading and a lead-in line on the page of what follows them', async () => {
    const xml = strFromU8(
      unzipSync(await writeReportDocx({ title: '研判材料', subtitle: '', sections: [{ heading: '三、防控措施', paragraphs: ['针对风险点 1：', '（1）开展专题培训。'] }] }))['word/document.xml']!,
    );
    const paragraphs = xml.split('</w:p>').filter((p) => p.includes('<w:t'));
    const kept = (text: string) => paragraphs.find((p) => p.includes(text))!.includes('<w:keepNext');
    expect(kept('三、防控措施')).toBe(true);
    expect(kept('针对风险点 1：')).toBe(true);
    expect(kept('（1）开展专题培训。')).toBe(false);
  });
});
