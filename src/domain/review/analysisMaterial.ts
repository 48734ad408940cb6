import type { ReportDocument } from '../cycle/bulletinText';
import { clauseText } from '../text';
import { percentText, type ListStatistics } from '../cycle/statistics';
import { forEachRow } from '../rows';
import type { Directory, Id, ListContent } from '../types';
import { ruleSpec } from './rules';
import type { Finding } from './types';

export interface MaterialInput {
  content: ListContent;
  directory: Directory;
  /** the leader whose 《意识形态分析研判报告》 this is, or null for the whole unit */
  leader: { id: Id; name: string } | null;
  /** the measures in scope (a leader's: leaderScope), all of the list's otherwise */
  measureIds: ReadonlySet<Id>;
  stats: ListStatistics;
  findings: readonly Finding[];
}


const counts = (map: Record<string, number>, unit: string): string =>
  Object.entries(map)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n} ${unit}`)
    .join('，');

/**
 * The 研判 material: what a leader's 《意识形态分析研判报告》 needs from the lists of the departments they supervise
 * (or the unit's, for the office): the counts, the 主要风险点 and 防控措施 as the report's paragraphs, and the review's
 * findings still open.
 */
export function analysisMaterial(input: MaterialInput): ReportDocument {
  const { content, directory, stats } = input;
  const deptName = new Map(directory.departments.map((d) => [d.id, d.name]));
  const risks: string[] = [];
  const measures: string[] = [];
  let problemNo = 0;
  let currentProblem: Id | null = null;
  let measureNo = 0;
  forEachRow(content.problems, content.measures, (p, m) => {
    if (!m || !input.measureIds.has(m.id)) return;
    if (p.id !== currentProblem) {
      currentProblem = p.id;
      problemNo++;
      measureNo = 0;
      risks.push(`${problemNo}. ${clauseText(p.text) || '（问题未填写）'}${p.level ? `（风险等级：${p.level}）` : ''}。`);
      measures.push(`针对风险点${problemNo}：`);
    }
    measureNo++;
    const depts = m.departmentIds.map((id) => deptName.get(id)).filter(Boolean).join('、');
    measures.push(`（${measureNo}）${clauseText(m.text) || '（措施未填写）'}${depts ? `（责任部门：${depts}` : ''}${m.deadline ? `${depts ? '，' : '（'}完成时限：${m.deadline}）` : depts ? '）' : ''}。`);
  });
  const inScope = new Set(content.measures.filter((m) => input.measureIds.has(m.id)).map((m) => m.problemId));
  const open = input.findings.filter((f) => !f.dismissed && (f.measureId ? input.measureIds.has(f.measureId) : inScope.has(f.problemId)));
  const byRule = new Map<string, number>();
  for (const f of open) byRule.set(ruleSpec(f.rule).label, (byRule.get(ruleSpec(f.rule).label) ?? 0) + 1);
  const who = input.leader ? `${input.leader.name}分管部门` : content.list.unit || '本单位';
  const basic = [
    `${who}共梳理风险点 ${problemNo} 个、防控措施 ${stats.measures} 条，措施完成率 ${percentText(stats.completionRate)}。`,
  ];
  const levels = Object.fromEntries(Object.entries(stats.byLevel).filter(([k]) => k !== '未填写'));
  if (Object.keys(levels).length) basic.push(`按风险等级：${counts(levels, '个')}。`);
  if (Object.keys(stats.byCategory).length) basic.push(`按类别：${counts(stats.byCategory, '个')}。`);
  const depts = Object.fromEntries(Object.entries(stats.byDepartment).map(([k, v]) => [k, v.measures]));
  if (Object.keys(depts).length) basic.push(`按责任部门：${counts(depts, '条')}。`);
  if (stats.measures) basic.push(`按进展：${counts(stats.byStatus, '条')}。`);
  return {
    title: input.leader ? `${input.leader.name}意识形态分析研判材料` : `${content.list.unit}意识形态分析研判材料`,
    subtitle: [content.list.title, content.list.period].filter(Boolean).join('　'),
    sections: [
      { heading: '一、基本情况', paragraphs: basic },
      { heading: '二、主要风险点', paragraphs: risks.length ? risks : ['暂无风险点。'] },
      { heading: '三、防控措施', paragraphs: measures.length ? measures : ['暂无措施。'] },
      {
        heading: '四、清单检查情况',
        paragraphs: open.length
          ? [`尚有 ${open.length} 条检查提醒未处理：${[...byRule].map(([k, n]) => `${k} ${n} 条`).join('，')}。`]
          : ['清单检查未发现问题。'],
      },
    ],
  };
}
