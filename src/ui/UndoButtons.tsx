import { useSyncExternalStore } from 'react';
import type { UndoHistory } from '../storage/undoHistory';
import { redo, undo } from './run';

export function UndoButtons({ history }: { history: UndoHistory }) {
  const state = useSyncExternalStore(history.subscribe, history.getState);
  return (
    <span className="undo-buttons">
      <button type="button" data-testid="undo" disabled={!state.undoLabel} title={state.undoLabel ? `撤销：${state.undoLabel}（Ctrl+Z）` : '没有可撤销的操作'} onClick={() => void undo()}>
        ↶ 撤销
      </button>
      <button type="button" data-testid="redo" disabled={!state.redoLabel} title={state.redoLabel ? `重做：${state.redoLabel}（Ctrl+Y）` : '没有可重做的操作'} onClick={() => void redo()}>
        ↷ 重做
      </button>
    </span>
  );
}
