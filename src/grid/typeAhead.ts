import type { GridApi } from 'ag-grid-community';
import type { GridRow } from './gridRow';

/**
 * Keys typed while a command that adds a row is still writing it (Ctrl+Enter, Ctrl+Shift+Enter, 新增问题/新增措施).
 * The store write is async and the focus moves to the new row only once it has arrived, so keys typed right after the
 * shortcut would reach the old focused cell and start an edit there (the QA walk-through lost a measure that way). As in
 * Excel, what is typed meanwhile belongs to the new row: it is held here and replayed into the new cell's editor once
 * that cell is focused (gridController.focusRow calls `landed`). One buffer per grid.
 */
export interface TypeAhead {
  /** a row is being added: hold what is typed until it is focused */
  begin(): void;
  /** the add failed, or did not move the focus: nothing is pending any more (held text is dropped with it) */
  cancel(): void;
  readonly active: boolean;
  /** typed text (a key, an IME commit, an insertText) */
  push(text: string): void;
  /** Backspace while pending: takes back the last held character */
  backspace(): void;
  /** the new row's cell is focused: the held text, if any, starts its edit */
  landed(api: GridApi<GridRow>): void;
}

/** how long keys are held at most if the new row never arrives (a failed write already cancels) */
const HOLD_MS = 3000;

const buffers = new WeakMap<GridApi<GridRow>, TypeAhead>();

/** the replay itself: starts the focused cell's edit with the text (imeTyping.ts registers it) */
let starter: ((api: GridApi<GridRow>, text: string) => void) | null = null;
export function setTypeAheadStarter(start: (api: GridApi<GridRow>, text: string) => void): void {
  starter = start;
}

export function typeAheadFor(api: GridApi<GridRow>): TypeAhead {
  let t = buffers.get(api);
  if (!t) {
    t = createTypeAhead();
    buffers.set(api, t);
  }
  return t;
}

function createTypeAhead(): TypeAhead {
  let pending = 0;
  let text = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    pending = 0;
    text = '';
    clearTimeout(timer);
  };
  return {
    begin() {
      pending += 1;
      clearTimeout(timer);
      timer = setTimeout(stop, HOLD_MS);
    },
    cancel() {
      pending = Math.max(0, pending - 1);
      if (pending === 0) stop();
    },
    get active() {
      return pending > 0;
    },
    push(t) {
      text += t;
    },
    backspace() {
      text = Array.from(text).slice(0, -1).join('');
    },
    landed(api) {
      if (pending === 0) return;
      pending -= 1;
      if (pending > 0) return; // a second add is still on its way: the text is for its row
      const held = text;
      stop();
      if (held && starter) starter(api, held);
    },
  };
}
