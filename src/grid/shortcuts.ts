/**
 * The app's keyboard shortcuts on a focused cell, in one table. RiskGrid takes them before the grid or the browser act
 * on them (the grid would also navigate: Alt+↓ would move the focus down before the move reads it; the browser would
 * scroll); the columns also tell the grid to ignore them, should one reach it.
 */
export type Shortcut =
  | 'insert-problem-below'
  | 'insert-measure-below'
  | 'move-up'
  | 'move-down'
  | 'delete-rows'
  | 'clear-cells'
  | 'fill-down'
  | 'fill-right'
  | 'first-cell'
  | 'last-cell'
  | 'row-start'
  | 'row-end'
  | 'leave-grid'
  | 'extend-up'
  | 'extend-down'
  | 'extend-left'
  | 'extend-right'
  | 'select-all';

export function shortcutOf(e: KeyboardEvent): Shortcut | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctrl && e.shiftKey && key === 'Enter') return 'insert-problem-below';
  if (ctrl && key === 'Enter') return 'insert-measure-below';
  if (e.altKey && key === 'ArrowUp') return 'move-up';
  if (e.altKey && key === 'ArrowDown') return 'move-down';
  if (ctrl && key === 'Delete') return 'delete-rows';
  if (key === 'Delete' && !e.altKey) return 'clear-cells';
  if (ctrl && !e.shiftKey && !e.altKey && key === 'd') return 'fill-down';
  if (ctrl && !e.shiftKey && !e.altKey && key === 'r') return 'fill-right';
  if (ctrl && !e.shiftKey && !e.altKey && key === 'a') return 'select-all';
  if (ctrl && key === 'Home') return 'first-cell';
  if (ctrl && key === 'End') return 'last-cell';
  if (!ctrl && !e.altKey && key === 'Home') return 'row-start';
  if (!ctrl && !e.altKey && key === 'End') return 'row-end';
  if (ctrl && e.shiftKey && key === 'ArrowUp') return 'leave-grid';
  if (e.shiftKey && !ctrl && !e.altKey) {
    if (key === 'ArrowUp') return 'extend-up';
    if (key === 'ArrowDown') return 'extend-down';
    if (key === 'ArrowLeft') return 'extend-left';
    if (key === 'ArrowRight') return 'extend-right';
  }
  return null;
}

/** For colDef.suppressKeyboardEvent: shortcuts belong to the app while no cell is being edited. */
export const suppressShortcuts = (p: { editing: boolean; event: KeyboardEvent }): boolean => !p.editing && shortcutOf(p.event) !== null;
