import { useSyncExternalStore } from 'react';
import type { UndoStack } from '../storage/undoStack';
import { ConfirmDialog } from './Modal';
import { redo, undo } from './run';

/** An undo that would delete a whole list waits here for the user's yes (one Ctrl+Z too many after 打开示例). */
let pendingRemoval: string | null = null;
const pendingListeners = new Set<() => void>();
const setPending = (title: string | null) => {
  pendingRemoval = title;
  for (const l of pendingListeners) l();
};
const subscribePending = (l: () => void) => {
  pendingListeners.add(l);
  return () => pendingListeners.delete(l);
};

/** Undo from a button or Ctrl+Z: asks first when the step would delete a list. */
export function requestUndo(undoStack: UndoStack): void {
  const state = undoStack.getState();
  if (!state.undoLabel) return;
  if (state.undoRemovesList !== undefined) setPending(state.undoRemovesList);
  else void undo();
}

export function UndoButtons({ undoStack }: { undoStack: UndoStack }) {
  const state = useSyncExternalStore(undoStack.subscribe, undoStack.getState);
  const removal = useSyncExternalStore(subscribePending, () => pendingRemoval);
  const undoTitle = state.undoLabel ? `撤销：${state.undoLabel}（Ctrl+Z）` : '没有可撤销的操作';
  const redoTitle = state.redoLabel ? `重做：${state.redoLabel}（Ctrl+Y）` : '没有可重做的操作';
  return (
    <span className="undo-buttons">
      <button type="button" data-testid="undo" disabled={!state.undoLabel} title={undoTitle} aria-label={undoTitle} onClick={() => requestUndo(undoStack)}>
        ↶ 撤销
      </button>
      <button type="button" data-testid="redo" disabled={!state.redoLabel} title={redoTitle} aria-label={redoTitle} onClick={() => void redo()}>
        ↷ 重做
      </button>
      {removal !== null && (
        <ConfirmDialog
          title="撤销将删除整份清单"
          message={`下一步撤销的是“${state.undoLabel ?? ''}”：将删除清单“${removal}”及其全部问题和措施。确定撤销吗？（之后可点“重做”恢复。）`}
          confirmLabel="撤销并删除清单"
          danger
          onConfirm={() => void undo()}
          onClose={() => setPending(null)}
        />
      )}
    </span>
  );
}
