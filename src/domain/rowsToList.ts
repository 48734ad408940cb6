import { EditContext, emptyMeasure, emptyProblem } from './editContext';
import { maxOrder, ORDER_STEP } from './order';
import type { Patch } from './patch';
import type { RiskRow } from './rows';
import { cleanText } from './text';
import type { Directory, ListContent, Problem, RiskList } from './types';

/**
 * A flat row of a three-list as tables hold it: one measure with its problem repeated (or merged). This is the shape
 * the importer produces and the sample ships in.
 */
export interface FlatRow {
  problem: string;
  measure: string;
  departments: string[];
  leaders: string[];
  level?: string;
  category?: string;
  deadline?: string;
  status?: string;
  note?: string;
  sheet?: string;
  /** posts written with leaders' names in the file, by name: fill new leaders' 职务 */
  posts?: Record<string, string>;
}

/**
 * Appends flat rows to a list (new or existing). Consecutive rows with the same problem text, or with an empty problem
 * (a merged cell), become one problem with several measures. Department and leader names are matched to existing
 * records by name or alias; unknown names become new records in the same patch.
 */
export function appendFlatRows(content: ListContent, directory: Directory, rows: readonly FlatRow[], label: string): Patch {
  const ctx = new EditContext(content, directory);
  const listId = content.list.id;
  let problemOrder = maxOrder(content.problems);
  let current: { id: string; text: string; measureOrder: number } | null = null;
  for (const r of rows) {
    const text = cleanText(r.problem);
    if (!current || (text !== '' && text !== current.text)) {
      problemOrder += ORDER_STEP;
      const p: Problem = {
        ...emptyProblem(listId, problemOrder),
        text,
        level: cleanText(r.level ?? ''),
        category: cleanText(r.category ?? ''),
      };
      ctx.changes.create('problems', p);
      current = { id: p.id, text, measureOrder: 0 };
    }
    current.measureOrder += ORDER_STEP;
    const m = {
      ...emptyMeasure(listId, current.id, current.measureOrder),
      text: cleanText(r.measure),
      deadline: cleanText(r.deadline ?? ''),
      status: cleanText(r.status ?? ''),
      note: cleanText(r.note ?? ''),
      ...(r.sheet ? { sheet: r.sheet } : {}),
    };
    ctx.changes.create('measures', m);
    const row = { rowId: m.id, problemId: current.id, measureId: m.id } as RiskRow;
    const hasLeaders = r.leaders.length > 0;
    if (hasLeaders) ctx.setPeople(row, 'leader', r.leaders.map((name) => ({ name, post: r.posts?.[name] })));
    ctx.setPeople(row, 'department', r.departments.map((name) => ({ name })), false);
  }
  return ctx.changes.build(label);
}

export function emptyContent(list: RiskList): ListContent {
  return { list, problems: [], measures: [] };
}
