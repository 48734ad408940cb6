import { closeMeasures, closeProblem, closeWarning } from '../../domain/cycle/closure';
import { findProblem, measureOfRow } from '../../domain/contentUpdate';
import { statusOptionsOf } from '../../domain/status';
import type { RiskRow } from '../../domain/rows';
import type { ListContent } from '../../domain/types';
import { attempt } from '../run';
import { CloseDialog } from './CloseDialog';
import './cycle.css';

/**
 * 销号 of a grid row: its measure, or the whole problem when the row has no measure yet. One step, undoable, in the
 * row's history; the filter's “隐藏已销号” then leaves it out. `offered`: the user chose 已销号 as the measure's status,
 * and is asked whether to record the 销号 itself (cancelling keeps the text, which the counts take as 已销号 too).
 */
export function CloseRowDialog({ row, content, offered = false, onClose }: { row: RiskRow; content: ListContent; offered?: boolean; onClose: () => void }) {
  const measure = measureOfRow(content, row);
  const problem = findProblem(content, row.problemId);
  const clip = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s) || '（未填写）';
  const what = measure ? `措施“${clip(measure.text)}”` : `问题“${clip(problem?.text ?? '')}”`;
  const warning = (measure && !offered && closeWarning(measure, statusOptionsOf(content.list))) || undefined;
  return (
    <CloseDialog
      warning={warning}
      what={offered ? `进展已改为“已销号”。是否同时为${what}办理销号（记录销号日期和验收意见）？不办理也计为已销号，但不会记录验收情况。` : `销号：${what}`}
      onClose={onClose}
      onSubmit={(input) =>
        attempt(() => {
          if (measure) return closeMeasures([measure], input);
          if (!problem) throw new Error('这一行已不存在');
          return closeProblem(problem, content.measures.filter((m) => m.problemId === problem.id), input);
        })
      }
    />
  );
}
