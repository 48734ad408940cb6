import { useCallback, useEffect, useMemo, useState } from 'react';
import { todayIso } from '../../domain/deadline';
import { deadlineReading } from '../../domain/deadlineReading';
import type { Finding } from '../../domain/review/types';
import { problemRowId } from '../../domain/rows';
import type { Directory, Id, ListContent } from '../../domain/types';
import type { GridController } from '../../grid/gridController';
import { FindingMarks, type CellMark } from '../../grid/findingMarks';
import { useFindings } from './useFindings';

const KEY = 'sanqingdan.reviewPanel';

/** The grid row a finding is about: its measure's, or its problem's first row. */
function rowIdOf(f: Finding, firstMeasure: ReadonlyMap<Id, Id>): string {
  return f.measureId ?? firstMeasure.get(f.problemId) ?? problemRowId(f.problemId);
}

/**
 * The 检查 panel's state for a list view: open or not (remembered), the findings while open, their marks on the cells,
 * and how a click on one reaches its cell (clearing a filter that hides it).
 */
export function useReviewPanel(content: ListContent, directory: Directory, grid: GridController | null, clearFilter: () => void) {
  const [open, setOpen] = useState(() => {
    try {
      return localStorage.getItem(KEY) === 'open';
    } catch {
      return false;
    }
  });
  const toggle = useCallback(() => {
    setOpen((was) => {
      try {
        localStorage.setItem(KEY, was ? 'closed' : 'open');
      } catch {
        // not remembered, still shown
      }
      return !was;
    });
  }, []);
  const today = todayIso();
  const settings = useMemo(() => deadlineReading(content.list, today), [content.list, today]);
  const findings = useFindings(content, directory, settings, open);
  const marks = useMemo(() => new FindingMarks(), []);
  const firstMeasure = useMemo(() => {
    const map = new Map<Id, Id>();
    for (const m of content.measures) {
      const at = map.get(m.problemId);
      if (at === undefined) map.set(m.problemId, m.id);
    }
    // measures are sorted by order within a problem only after grouping: take the lowest order
    const order = new Map(content.measures.map((m) => [m.id, m.order]));
    for (const m of content.measures) {
      const at = map.get(m.problemId)!;
      if (m.order < order.get(at)!) map.set(m.problemId, m.id);
    }
    return map;
  }, [content.measures]);

  useEffect(() => {
    const next = new Map<string, CellMark>();
    for (const f of findings) {
      if (f.dismissed) continue;
      const key = FindingMarks.key(rowIdOf(f, firstMeasure), f.field);
      const had = next.get(key);
      // one mark a cell: an error before a warning, messages joined for the hover text
      next.set(key, had ? { severity: had.severity === 'error' ? 'error' : f.severity, message: `${had.message}\n${f.message}` } : { severity: f.severity, message: f.message });
    }
    marks.set(next);
  }, [findings, firstMeasure, marks]);

  const locate = useCallback(
    (f: Finding) => {
      if (!grid) return;
      const rowId = rowIdOf(f, firstMeasure);
      if (grid.focusRow(rowId, f.field)) return;
      // hidden by a filter: show everything, then go there once the rows are shown
      clearFilter();
      const stop = grid.onRowsChanged(() => {
        if (grid.focusRow(rowId, f.field)) stop();
      });
      setTimeout(stop, 2000);
    },
    [grid, firstMeasure, clearFilter],
  );

  return { open, toggle, findings, marks, locate, settings };
}
