import type { GridApi } from 'ag-grid-community';
import type { GridRow } from './gridRow';
import { setTypeAheadStarter, typeAheadFor } from './typeAhead';

/**
 * Typing through an input method into a focused cell. A focused grid cell is a div with a tabindex, which takes no
 * text input: an IME composes nothing there and `insertText` is dropped (AG Grid issue #12805). Spreadsheets keep an
 * editable element focused for this; here the focused cell itself becomes an editing host while it is not edited
 * (keys still reach the grid from the cell, so navigation and Latin typing are the grid's own). What the IME composes
 * shows in the cell as it is typed, as in Excel; once it is committed the cell is redrawn and its editor opens with
 * the composed text. Any other change the browser would make to the cell (Enter, Backspace, a dropped text) is refused.
 */
export const IME_SINK = 'ime-sink';

/**
 * Is `el` the focused cell acting as the IME's editing host (not a text field), or inside it? A cell renderer's own
 * elements (the status dot and its text, the deadline's span) are inside the host and inherit its editability: input,
 * paste and composition events target them, not the cell.
 */
export const isImeSink = (el: EventTarget | null): boolean => el instanceof Element && !!el.closest(`.${IME_SINK}`);

/** Text typed through the IME, handed to the cell editor that opens for it (PeopleEditor reads it at its start). */
let handedOver: string | null = null;
/** Is typed text waiting for the editor that opened for it? Keys typed meanwhile are added to it (appendTypedText). */
export const seedPending = (): boolean => handedOver !== null;
export function appendTypedText(text: string): void {
  if (handedOver !== null) handedOver += text;
}
export function takeTypedText(): string | null {
  const t = handedOver;
  handedOver = null;
  return t;
}

/** how long typed text waits for its editor to open (a loaded machine takes a second or more) */
const EDITOR_WAIT_MS = 3000;
/** how long a seeded editor is watched for being drawn again without its text */
const SEED_WATCH_MS = 1500;
const EDITOR_INPUT = '.ag-popup-editor textarea, .ag-popup-editor input, .ag-cell-inline-editing input, .ag-cell-inline-editing textarea';

export function attachImeTyping(
  host: HTMLElement,
  api: () => GridApi<GridRow> | null,
  isEditableColumn: (colId: string) => boolean,
): () => void {
  let sink: HTMLElement | null = null;
  let composing = false;
  let seeds = 0;

  const release = () => {
    if (!sink) return;
    sink.removeAttribute('contenteditable');
    sink.classList.remove(IME_SINK);
    sink = null;
    composing = false;
  };

  const onFocusIn = (e: FocusEvent) => {
    const el = e.target as HTMLElement;
    if (el === sink) return;
    release();
    if (!el.matches?.('.ag-cell, .ag-spanned-cell')) return;
    const colId = el.getAttribute('col-id');
    if (!colId || !isEditableColumn(colId)) return;
    sink = el;
    el.classList.add(IME_SINK);
    el.setAttribute('contenteditable', 'true');
    el.spellcheck = false;
  };
  // events of the editing host target the element the caret is in: the cell, or its renderer's elements
  const inSink = (target: EventTarget | null): boolean => !!sink && target instanceof Node && sink.contains(target);
  const onFocusOut = (e: FocusEvent) => {
    if (e.target === sink) release();
  };

  const startWith = (text: string) => {
    const a = api();
    if (!a || text === '') return;
    // a row is being added (Ctrl+Enter …): the text is for the new row's cell, not this one (typeAhead.ts)
    const ahead = typeAheadFor(a);
    if (ahead.active) {
      ahead.push(text);
      return;
    }
    startIn(a, text);
  };
  const startIn = (a: GridApi<GridRow>, text: string) => {
    const cell = a.getFocusedCell();
    if (!cell) return;
    // typed before the editor that opened for the first text has appeared: it goes in after that text, not lost
    if (handedOver !== null && a.getEditingCells().length > 0) {
      handedOver += text;
      return;
    }
    // typed after the editor opened but before it took the focus (a slow machine): the editor's, after its text
    if (a.getEditingCells().length > 0) {
      appendToEditor(text);
      return;
    }
    const node = a.getDisplayedRowAtIndex(cell.rowIndex);
    // the composed text was drawn into the cell by the browser: the cell shows its value again
    if (node) a.refreshCells({ rowNodes: [node], columns: [cell.column], force: true });
    handedOver = text;
    // The editors start with a typed key of one character only (a longer one opens the old text, all selected, which
    // the next key typed straight into the editor would replace): the first character starts the edit, the whole text
    // is put in the field once it is there.
    const first = Array.from(text)[0]!;
    a.startEditingCell({ rowIndex: cell.rowIndex, colKey: cell.column, key: first });
    seedEditor(first);
  };

  // an editor opens a frame or more after the edit starts (many on a loaded machine); none opens for a cell the grid
  // would not edit, and then the text is not left for the next one
  const whenEditorOpens = (then: (input: HTMLInputElement | HTMLTextAreaElement) => void, onNone: () => void) => {
    const until = performance.now() + EDITOR_WAIT_MS;
    const look = () => {
      const input = host.querySelector<HTMLInputElement | HTMLTextAreaElement>(EDITOR_INPUT);
      if (input) then(input);
      else if (performance.now() < until && (api()?.getEditingCells().length ?? 0) > 0) requestAnimationFrame(look);
      else onNone();
    };
    look();
  };

  const seedEditor = (first: string) => whenEditorOpens((input) => seedInto(input, first), () => (handedOver = null));
  const seedInto = (input: HTMLInputElement | HTMLTextAreaElement, first: string) => {
    if (handedOver === null) return; // the picker took it itself
    // keys typed into the editor once it had the focus (a slow machine) come after the held text, not instead of it
    const typedSince = input.value.startsWith(first) ? input.value.slice(first.length) : '';
    const text = handedOver + typedSince;
    handedOver = null;
    // through setRangeText, as typed, not value =: React takes a value set through the field's own setter for the
    // one it rendered, so the editor's state kept the first character, which its next render put back (on a loaded
    // machine, the render its mount asks for came after this)
    put(input, text);
    keepSeed(input, text, first);
  };
  const put = (input: HTMLInputElement | HTMLTextAreaElement, text: string, start = 0, end = input.value.length) => {
    input.setRangeText(text, start, end, 'end');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  // The grid may draw the edited cell again just after its editor opened (a spanned problem cell when the spans are
  // worked out anew, on a loaded machine): the new editor starts from the first character alone, as the edit did. For
  // a moment after the seed, an editor that holds only that character again (and what was typed into it since) gets
  // the held text back.
  const keepSeed = (seeded: HTMLInputElement | HTMLTextAreaElement, text: string, first: string) => {
    if (text === first) return;
    const until = performance.now() + SEED_WATCH_MS;
    const generation = ++seeds; // a later seed (the next cell's text) ends this watch
    let last = seeded;
    const look = () => {
      if (generation !== seeds || (api()?.getEditingCells().length ?? 0) === 0) return;
      const input = host.querySelector<HTMLInputElement | HTMLTextAreaElement>(EDITOR_INPUT);
      if (input && (input !== last || input.value === first) && input.value.startsWith(first) && !input.value.startsWith(text)) {
        put(input, text + input.value.slice(first.length));
        last = input;
      }
      if (performance.now() < until) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  };

  const appendToEditor = (text: string) =>
    whenEditorOpens(
      (input) => {
        // setRangeText, not value =, so a React-controlled field sees the change as typed
        const end = input.value.length;
        put(input, text, input.selectionStart ?? end, input.selectionEnd ?? end);
      },
      () => undefined,
    );

  const onCompositionStart = (e: CompositionEvent) => {
    if (inSink(e.target)) composing = true;
  };
  const onCompositionEnd = (e: CompositionEvent) => {
    if (!inSink(e.target)) return;
    composing = false;
    startWith(e.data ?? '');
  };
  const onBeforeInput = (e: InputEvent) => {
    if (!inSink(e.target)) return;
    if (composing || e.inputType === 'insertCompositionText') return; // not cancellable; handled at its end
    e.preventDefault();
    if (e.inputType === 'insertText' && e.data) startWith(e.data);
  };
  // keys pressed to pick a candidate belong to the IME, not to the grid (Enter would start an edit, arrows move)
  const onKeyDown = (e: KeyboardEvent) => {
    if (inSink(e.target) && (e.isComposing || e.keyCode === 229)) e.stopPropagation();
  };

  setTypeAheadStarter(startIn);
  host.addEventListener('focusin', onFocusIn);
  host.addEventListener('focusout', onFocusOut);
  host.addEventListener('compositionstart', onCompositionStart);
  host.addEventListener('compositionend', onCompositionEnd);
  host.addEventListener('beforeinput', onBeforeInput);
  host.addEventListener('keydown', onKeyDown, true);
  return () => {
    release();
    host.removeEventListener('focusin', onFocusIn);
    host.removeEventListener('focusout', onFocusOut);
    host.removeEventListener('compositionstart', onCompositionStart);
    host.removeEventListener('compositionend', onCompositionEnd);
    host.removeEventListener('beforeinput', onBeforeInput);
    host.removeEventListener('keydown', onKeyDown, true);
  };
}
