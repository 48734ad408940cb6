import { measuresByProblem } from '../rows';
import type { Department, Directory, Id, Leader, ListContent, Measure, Problem } from '../types';
import { ruleSpec } from './rules';
import { duplicateKey, measureIsVague, measureUnactionable, problemVagueness } from './textRules';
import type { Finding, FindingField, RuleId } from './types';
import { countedStatus, DEFAULT_STATUSES, isDoneStatus } from '../status';
import { TOP_LEADER } from './wordLists';

export interface CheckOptions {
  /** YYYY-MM-DD: what “overdue” is measured against */
  today: string;
  /** the due date a 完成时限 text stands for (YYYY-MM-DD), null when it names none (长期坚持, 每学期) */
  dueDate?: (deadline: string, today: string) => string | null;
  /** statuses that mean done (from the list's status list); the usual ones by default */
  isDone?: (status: string) => boolean;
}

const MESSAGES = {
  'problem-empty': () => '问题内容为空：请写明风险点是什么、涉及谁、在哪个环节，例如“新学期作息调整涉及家长切身利益，可能引发家长群内不实信息传播”。',
  'problem-no-measure': () => '这个问题还没有措施：请至少写一条可操作的措施（做什么、谁来做、何时完成）。',
  'measure-empty': () => '措施内容为空：请写明具体做法，或删除这一行。',
  'problem-vague-category': (t: string) => `问题“${t}”只是一个类别或口号，没有说明具体风险：请写明涉及的人群、事项或环节，以及可能发生什么。`,
  'problem-vague-short': (t: string) => `问题“${t}”过于简短，看不出具体风险：请写明涉及谁、什么事、在哪里。`,
  'problem-duplicate': (n: number) => `与第 ${n} 个问题内容相同：请合并为一个问题，或写明两者的区别。`,
  'measure-duplicate': (n: number) => `与第 ${n} 个问题下的一条措施内容相同：请合并，或写明各自的做法。`,
  'measure-not-actionable-question': () => '措施写成了问句（“是否……”），这是检查要点而不是措施：请改写为要做的事，例如“组织教职工集中学习政策文件，每学期至少 1 次”。',
  'measure-not-actionable-risk': () => '措施写的是风险或现状（“可能存在……的情况”），不是要做的事：请把风险写进问题，措施写明做什么，例如“开展……专项排查，发现问题当周整改”。',
  'measure-not-actionable-no-verb': () => '措施中没有具体动作：请以开展、建立、制定、组织、落实、排查、培训、约谈等动词写明要做什么。',
  'measure-vague': () => '措施笼统（如“进一步加强管理”“高度重视”）：请写明对象、频次或时间，例如“每月召开 1 次舆情研判会”。',
  'measure-no-department': () => '没有责任部门：请指定负责落实的部门。',
  'measure-no-leader': () => '没有责任领导：请指定分管的校领导（可按部门的分管领导填写）。',
  'measure-no-deadline': () => '没有完成时限：请写明期限（如“2026年6月底前”），长期工作写“长期坚持”。',
  'leader-not-supervisor': (leader: string, depts: string) => `责任领导“${leader}”不分管${depts}：分工变动后请核对，改为部门的分管领导或更新部门的分管领导。`,
  'overdue': (due: string) => `完成时限（${due}）已过，但进展不是已完成：请更新进展，或调整时限并说明原因。`,
};

const defaultDone = (status: string): boolean => isDoneStatus(DEFAULT_STATUSES, status);

/**
 * Reviews one list as a leader would in March (“问题内容是否具体，措施是否具有可操作性”) and as inspections do later
 * (“五个明确”: 问题内容、责任主体、整改标准、整改措施、办结时限): one pass over the problems and measures, each text
 * classified once. Findings come in list order.
 */
export function checkList(content: ListContent, directory: Directory, options: CheckOptions): Finding[] {
  const out: Finding[] = [];
  const listId = content.list.id;
  const isDone = options.isDone ?? defaultDone;
  const departments = new Map<Id, Department>(directory.departments.map((d) => [d.id, d]));
  const leaders = new Map<Id, Leader>(directory.leaders.map((l) => [l.id, l]));
  const grouped = measuresByProblem(content.measures);
  const problemSeen = new Map<string, number>();
  const measureSeen = new Map<string, number>();

  const add = (rule: RuleId, problem: Problem, measure: Measure | null, field: FindingField, message: string): void => {
    const finding: Finding = { rule, severity: ruleSpec(rule).severity, listId, problemId: problem.id, measureId: measure?.id ?? null, field, message };
    const dismissal = ((measure ?? problem).dismissed ?? []).find((d) => d.rule === rule);
    if (dismissal) finding.dismissed = { reason: dismissal.reason, at: dismissal.at };
    out.push(finding);
  };

  content.problems.forEach((problem, index) => {
    const serial = index + 1;
    const text = problem.text.trim();
    if (!text) add('problem-empty', problem, null, 'problem', MESSAGES['problem-empty']());
    else {
      const vague = problemVagueness(text);
      if (vague) add('problem-vague', problem, null, 'problem', MESSAGES[`problem-vague-${vague}`](clip(text)));
      const key = duplicateKey(text);
      const first = problemSeen.get(key);
      if (first !== undefined) add('problem-duplicate', problem, null, 'problem', MESSAGES['problem-duplicate'](first));
      else problemSeen.set(key, serial);
    }

    const measures = grouped.get(problem.id) ?? [];
    if (!measures.some((m) => m.text.trim())) {
      add('problem-no-measure', problem, measures[0] ?? null, 'measure', MESSAGES['problem-no-measure']());
      return;
    }
    for (const m of measures) {
      const mt = m.text.trim();
      if (!mt) {
        add('measure-empty', problem, m, 'measure', MESSAGES['measure-empty']());
        continue;
      }
      const unactionable = measureUnactionable(mt);
      if (unactionable) add('measure-not-actionable', problem, m, 'measure', MESSAGES[`measure-not-actionable-${unactionable}`]());
      else if (measureIsVague(mt)) add('measure-vague', problem, m, 'measure', MESSAGES['measure-vague']());
      const key = duplicateKey(mt);
      const first = measureSeen.get(key);
      if (first !== undefined) add('measure-duplicate', problem, m, 'measure', MESSAGES['measure-duplicate'](first));
      else measureSeen.set(key, serial);

      const depts = m.departmentIds.map((id) => departments.get(id)).filter((d): d is Department => !!d);
      const heads = m.leaderIds.map((id) => leaders.get(id)).filter((l): l is Leader => !!l);
      if (depts.length === 0) add('measure-no-department', problem, m, 'departments', MESSAGES['measure-no-department']());
      if (heads.length === 0) add('measure-no-leader', problem, m, 'leaders', MESSAGES['measure-no-leader']());
      else {
        const supervised = depts.filter((d) => d.supervisorId);
        const drifted = heads.find((l) => !TOP_LEADER.test(l.post.trim()) && !TOP_LEADER.test(l.name.trim()) && !supervised.some((d) => d.supervisorId === l.id));
        // only when the directory records who supervises these departments: otherwise nothing can be said
        if (supervised.length > 0 && drifted && !heads.some((l) => supervised.some((d) => d.supervisorId === l.id))) {
          add('leader-not-supervisor', problem, m, 'leaders', MESSAGES['leader-not-supervisor'](drifted.name, supervised.map((d) => `“${d.name}”`).join('、')));
        }
      }
      const deadline = m.deadline.trim();
      if (!deadline) add('measure-no-deadline', problem, m, 'deadline', MESSAGES['measure-no-deadline']());
      // a measure closed by record is finished whatever its text says, as the grid and the 通报 count it (countedStatus)
      else if (options.dueDate && !isDone(countedStatus(m))) {
        const due = options.dueDate(deadline, options.today);
        if (due && due < options.today) add('overdue', problem, m, 'deadline', MESSAGES['overdue'](due));
      }
    }
  });
  return out;
}

const clip = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s).replace(/\n/g, ' ');
