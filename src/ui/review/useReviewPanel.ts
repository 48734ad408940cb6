import { useCallback, useEffect, useMemo, useState } from 'react';
import { findingCells, findingRowId, firstMeasures } from '../../domain/review/findingCells';
import type { Finding } from '../../domain/review/types';
import type { Directory, ListContent } from '../../domain/types';
import type { GridController } from '../../grid/gridController';
import { FindingMarks, type CellMark } from '../../grid/findingMarks';
import { useDeadlineReading, useFindings } from './useFindings';

const KEY = 'sanqingdan.reviewPanel';
const NO_FIRST_MEASURES: ReturnType<typeof firstMeasures> = new Map();


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
  const settings = useDeadlineReading(content.list);
  const findings = useFindings(content, directory, settings, open);
  const marks = useMemo(() => new FindingMarks(), []);
  // which row shows a problem's findings: only while the panel is open (a long list's rows walked after every edit)
  const firstMeasure = useMemo(() => (open ? firstMeasures(content) : NO_FIRST_MEASURES), [open, content]);

  useEffect(() => {
    const next = new Map<string, CellMark>();
    for (const c of findingCells(findings, firstMeasure)) next.set(FindingMarks.key(c.rowId, c.field), { severity: c.severity, message: c.message });
    marks.set(next);
  }, [findings, firstMeasure, marks]);

  const locate = useCallback(
    (f: Finding) => {
      if (!grid) return;
      const rowId = findingRowId(f, firstMeasure);
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

  return { open, toggle, findings, marks, locate };
}
