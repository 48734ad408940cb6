import type { Finding } from '../../domain/review/types';
import { forEachRow } from '../../domain/rows';
import type { Id, ListContent } from '../../domain/types';

/** Where each problem and measure sits as the user reads the list: “第 3 个问题 · 第 2 条措施”. */
export function placesOf(content: ListContent): { problem: Map<Id, number>; measure: Map<Id, number> } {
  const problem = new Map<Id, number>();
  const measure = new Map<Id, number>();
  forEachRow(content.problems, content.measures, (p, m, serial, index) => {
    if (index === 0) problem.set(p.id, serial);
    if (m) measure.set(m.id, index + 1);
  });
  return { problem, measure };
}

export function placeText(f: Finding, places: ReturnType<typeof placesOf>): string {
  const p = places.problem.get(f.problemId);
  const m = f.measureId ? places.measure.get(f.measureId) : undefined;
  return `第 ${p ?? '?'} 个问题${m ? ` · 第 ${m} 条措施` : ''}`;
}
