import type { CustomHeaderProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';
import type { GridRow } from './gridRow';

type State = 'none' | 'some' | 'all';

/**
 * The select-all box of the checkbox column. The grid's own one recounts every row after each data update (tens of
 * milliseconds on a long list, on every edit); this one counts only the selected rows, and only when the selection or the shown rows change.
 */
export function SelectAllHeader({ api }: CustomHeaderProps<GridRow>) {
  const [state, setState] = useState<State>('none');
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const update = () => {
      // the grid may still flush events queued before it was destroyed (a list switched or duplicated meanwhile): its
      // api answers nothing then (getSelectedNodes() is undefined), and there is no box left to update
      if (api.isDestroyed()) return;
      const selected = api.getSelectedNodes().filter((n) => n.displayed).length;
      const shown = api.getDisplayedRowCount();
      setState(selected === 0 ? 'none' : selected >= shown ? 'all' : 'some');
    };
    update();
    api.addEventListener('selectionChanged', update);
    api.addEventListener('modelUpdated', update);
    return () => {
      if (api.isDestroyed()) return;
      api.removeEventListener('selectionChanged', update);
      api.removeEventListener('modelUpdated', update);
    };
  }, [api]);

  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);

  return (
    <input
      ref={box}
      type="checkbox"
      className="select-all"
      data-testid="select-all"
      aria-label={state === 'none' ? '全选显示的行' : '取消勾选'}
      title={state === 'none' ? '全选显示的行' : '取消勾选'}
      checked={state === 'all'}
      // with some rows ticked, a click clears them (as mail clients do) rather than ticking hundreds more
      onChange={() => (state === 'none' ? api.selectAll('filtered') : api.deselectAll())}
    />
  );
}
