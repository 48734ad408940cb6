import type { CustomHeaderProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';
import type { GridRow } from './gridRow';

type State = 'none' | 'some' | 'all';

function stateOf(api: CustomHeaderProps<GridRow>['api']): State {
  // the grid may still flush events queued before it was destroyed (a list switched or duplicated meanwhile): its api
  // answers nothing then (getSelectedNodes() is undefined)
  if (api.isDestroyed()) return 'none';
  const selected = api.getSelectedNodes().filter((n) => n.displayed).length;
  const shown = api.getDisplayedRowCount();
  return selected === 0 ? 'none' : selected >= shown ? 'all' : 'some';
}

/**
 * The select-all box of the checkbox column. The grid's own one recounts every row after each data update (tens of
 * milliseconds on a long list, on every edit); this one counts only the selected rows, and only when the selection or the shown rows change.
 */
export function SelectAllHeader({ api }: CustomHeaderProps<GridRow>) {
  // counted at once, not 'none' until an effect runs: the grid draws its header again when an edited row is redrawn,
  // and a box drawn unticked over ticked rows would take the next click for "tick all"
  const [state, setState] = useState<State>(() => stateOf(api));
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const update = () => {
      if (!api.isDestroyed()) setState(stateOf(api));
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
      onChange={() => {
        if (state === 'none') api.selectAll('filtered');
        else api.deselectAll();
        // the box follows the click itself: the grid's selectionChanged may come after the browser's change event, and
        // a controlled box React has put back meanwhile looks as if the click did nothing
        setState(stateOf(api));
      }}
    />
  );
}
