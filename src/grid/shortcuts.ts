/**
 * The app's keyboard shortcuts on a focused cell, in one table. RiskGrid takes them before the grid or the browser act
 * on them (the grid would also navigate: Alt+↓ would move the focus down before the move reads it; the browser would
 * scroll); the columns also tell the grid to ignore them, should one reach it.
 */
export type Shortcut = 'insert-problem-below' | 'insert-measure-below' | 'move-up' | 'move-down' | 'delete-rows' | 'clear-cells';

export function shortcutOf(e: KeyboardEvent): Shortcut | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && e.shiftKey && e.key === 'Enter') return 'insert-problem-below';
  if (ctrl && e.key === 'Enter') return 'insert-measure-below';
  if (e.altKey && e.key === 'ArrowUp') return 'move-up';
  if (e.altKey && e.key === 'ArrowDown') return 'move-down';
  if (ctrl && e.key === 'Delete') return 'delete-rows';
  if (e.key === 'Delete' && !e.altKey) return 'clear-cells';
  return null;
}

/** For colDef.suppressKeyboardEvent: shortcuts belong to the app while no cell is being edited. */
export const suppressShortcuts = (p: { editing: boolean; event: KeyboardEvent }): boolean => !p.editing && shortcutOf(p.event) !== null;
