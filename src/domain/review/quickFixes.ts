import { supervisorsOf } from '../editContext';
import { ORDER_STEP, maxOrder } from '../order';
import { remove, update, type Op, type Patch } from '../patch';
import type { Directory, Id, ListContent } from '../types';
import { duplicateKey } from './textRules';
import type { Finding } from './types';

/**
 * The fixes the 检查 panel offers where the right change is obvious: a measure without a leader takes its departments'
 * 分管领导; a duplicate problem's measures move under the first one; a duplicate measure goes. Each is one patch,
 * undoable like any edit. Null when the finding has no obvious fix.
 */
export interface QuickFix {
  label: string;
  patch: Patch;
}

export function quickFix(finding: Finding, content: ListContent, directory: Directory): QuickFix | null {
  if (finding.rule === 'measure-no-leader' && finding.measureId) {
    const m = content.measures.find((x) => x.id === finding.measureId);
    const leaders = m ? supervisorsOf(directory.departments, m.departmentIds) : [];
    if (!m || leaders.length === 0) return null;
    const names = leaders.map((id) => directory.leaders.find((l) => l.id === id)?.name ?? '').filter(Boolean).join('、');
    return { label: `填入分管领导“${names}”`, patch: { label: `填入分管领导“${names}”`, ops: [update('measures', m.id, { leaderIds: leaders })] } };
  }
  if (finding.rule === 'problem-duplicate') return mergeDuplicateProblem(finding.problemId, content);
  if (finding.rule === 'measure-duplicate' && finding.measureId) {
    return { label: '删除这条重复的措施', patch: { label: '删除重复的措施', ops: [remove('measures', finding.measureId)] } };
  }
  return null;
}

/** The measures of a problem that repeats an earlier one move to the end of the earlier one; the repeat goes. */
function mergeDuplicateProblem(problemId: Id, content: ListContent): QuickFix | null {
  const dup = content.problems.find((p) => p.id === problemId);
  const first = dup && content.problems.find((p) => p.id !== dup.id && duplicateKey(p.text) === duplicateKey(dup.text));
  if (!dup || !first) return null;
  const ops: Op[] = [];
  let order = maxOrder(content.measures.filter((m) => m.problemId === first.id));
  for (const m of content.measures.filter((x) => x.problemId === dup.id)) {
    order += ORDER_STEP;
    ops.push(update('measures', m.id, { problemId: first.id, order }));
  }
  ops.push(remove('problems', dup.id));
  return { label: '并入前面相同的问题', patch: { label: '合并重复的问题', ops } };
}
