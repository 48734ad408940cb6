import type { RoundDiff } from './diff';
import { measuresByProblem } from '../rows';
import { clauseText } from '../text';
import type { Directory, ListContent } from '../types';
import { isCompleted, percentText, type ListStatistics } from './statistics';

/** A document as headings and paragraphs: what the 通报 .docx, its print page and copyable text are made from. */
export interface ReportDocument {
  title: string;
  /** the line under the title (unit, date) */
  subtitle: string;
  sections: { heading: string; paragraphs: string[] }[];
}

export interface BulletinInput {
  unit: string;
  /** the period or round the 通报 is about, e.g. 2026年 or 2026年下半年研判会 */
  period: string;
  date: string; // YYYY-MM-DD, the 通报's date
  stats: ListStatistics;
  /** the problems by their text, in list order, for 主要问题 */
  problems: { text: string; level: string; departments: string[] }[];
  /** what changed since the previous round, for 整改进展 (new and closed this round) */
  diff?: RoundDiff;
}


const countsText = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n} 条`)
    .join('，');

const chineseDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
};


/**
 * The 通报 of the unit's 意识形态领域 situation (“学校以文件形式通报我校意识形态领域情况”), prefilled from the data in
 * the usual four parts for the office to edit in Word: 基本情况 with the counts, 主要问题, 整改进展, 下一步工作.
 */
export function bulletinText(input: BulletinInput): ReportDocument {
  const { stats } = input;
  const unit = input.unit || '我单位';
  const sections: ReportDocument['sections'] = [];

  const basic = [
    `${input.period}，${unit}围绕意识形态领域风险“三清单”，共梳理风险问题 ${stats.problems} 个，制定防控措施 ${stats.measures} 条，` +
      `涉及责任部门 ${Object.keys(stats.byDepartment).length} 个、责任领导 ${Object.keys(stats.byLeader).length} 名。` +
      `截至${chineseDate(input.date)}，措施完成率为 ${percentText(stats.completionRate)}。`,
  ];
  const levels = Object.entries(stats.byLevel).filter(([k]) => k !== '未填写');
  if (levels.length) basic.push(`按风险等级分：${levels.map(([k, n]) => `${k} ${n} 个`).join('，')}。`);
  if (stats.measures) basic.push(`按进展分：${countsText(stats.byStatus)}。`);
  if (stats.overdue.length) basic.push(`已超过完成时限尚未完成的措施 ${stats.overdue.length} 条。`);
  sections.push({ heading: '一、基本情况', paragraphs: basic });

  const main = input.problems
    .filter((p) => p.text.trim())
    .map((p, i) => `${i + 1}. ${clauseText(p.text)}${p.level ? `（风险等级：${p.level}）` : ''}${p.departments.length ? `，责任部门：${p.departments.join('、')}` : ''}。`);
  sections.push({ heading: '二、主要问题', paragraphs: main.length ? main : ['本期未梳理出风险问题。'] });

  const progress: string[] = [];
  const departments = Object.entries(stats.byDepartment).sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'));
  if (departments.length) {
    progress.push(
      `各部门落实情况：${departments.map(([name, c]) => `${name}承担措施 ${c.measures} 条、已完成 ${c.done} 条${c.overdue ? `、逾期 ${c.overdue} 条` : ''}`).join('；')}。`,
    );
  }
  if (input.diff) {
    if (input.diff.closed.length) progress.push(`本轮销号措施 ${input.diff.closed.length} 条：${input.diff.closed.map((m) => clauseText(m.measure)).join('；')}。`);
    // a status moved to 已完成 since the last meeting is the progress a 通报 reports first, beside the 销号
    const completed = input.diff.changed.filter((m) => m.changes.some((c) => c.field === 'status' && isCompleted(c.to) && !isCompleted(c.from)));
    if (completed.length) progress.push(`自上一轮研判以来完成措施 ${completed.length} 条：${completed.map((m) => clauseText(m.measure)).join('；')}。`);
    if (input.diff.added.length) progress.push(`本轮新增措施 ${input.diff.added.length} 条。`);
  }
  if (stats.overdue.length) {
    progress.push(`逾期未完成的措施：${stats.overdue.map((o) => `${clauseText(o.measure)}（时限：${o.deadline}）`).join('；')}。`);
  }
  sections.push({ heading: '三、整改进展', paragraphs: progress.length ? progress : ['各项措施正在按计划推进。'] });

  sections.push({
    heading: '四、下一步工作',
    paragraphs: [
      stats.overdue.length
        ? `针对逾期未完成的 ${stats.overdue.length} 条措施，相关责任部门要说明原因、明确新的完成时限，责任领导要加强督促检查。`
        : '各责任部门要对照清单持续推进各项措施，责任领导要加强督促检查。',
      '持续开展意识形态领域风险排查，及时更新“三清单”，做到问题具体、措施可操作、责任到人、时限明确，对已完成的措施按程序验收销号。',
    ],
  });

  return { title: `关于${input.period}${unit}意识形态领域情况的通报`, subtitle: `${unit}\u3000${chineseDate(input.date)}`, sections };
}

/** The 通报's 主要问题: each problem with the departments its measures name, in list order. */
export function bulletinProblems(content: ListContent, directory: Directory): BulletinInput['problems'] {
  const deptName = new Map(directory.departments.map((d) => [d.id, d.name]));
  const grouped = measuresByProblem(content.measures);
  return content.problems.map((p) => ({
    text: p.text,
    level: p.level,
    departments: [...new Set((grouped.get(p.id) ?? []).flatMap((m) => m.departmentIds.map((id) => deptName.get(id) ?? '')))].filter(Boolean),
  }));
}

/** The document as plain text, for copying into a report. */
export function documentText(doc: ReportDocument): string {
  return [doc.title, doc.subtitle, ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
}
