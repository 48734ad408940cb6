import { useEffect, useState } from 'react';
import { afterPaint } from '../grid/afterPaint';

/**
 * `value` once the frame after its change is painted. What the bars count over the whole list (statuses in use,
 * each status's count, 逾期) follows an edit only after the grid has painted the edit: React's own deferred value
 * is rendered before that paint, and counting 20,000 rows held the edit's text back by ~15 ms.
 */
export function usePaintedValue<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    if (painted === value) return;
    let live = true;
    afterPaint(() => {
      if (live) setPainted(() => value);
    });
    return () => {
      live = false;
    };
  }, [value, painted]);
  return painted;
}
