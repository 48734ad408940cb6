import type { Patch } from '../domain/patch';
import type { SanqingdanDb } from './db';
import { applyPatchDetailed, type Touched } from './applyPatch';

interface Step {
  label: string;
  inverse: Patch; // applying it undoes the step
}

export interface UndoState {
  undoLabel: string | null;
  redoLabel: string | null;
}

const LIMIT = 200;

/**
 * The app's undo and redo: every change goes through `run`, which applies its patch and keeps the inverse. Undoing
 * applies the inverse and keeps *its* inverse for redo, so undo and redo are themselves ordinary patches, atomic and
 * safe with other tabs. (AG Grid's own undo cannot serve: it forgets its stack on every data refresh.)
 */
export class UndoHistory {
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private readonly listeners = new Set<() => void>();
  private state: UndoState = { undoLabel: null, redoLabel: null };
  private queue: Promise<unknown> = Promise.resolve();

  private readonly appliedListeners = new Set<(touched: Touched) => void>();

  constructor(private readonly db: SanqingdanDb) {}

  /** Called after each change this history applies has committed, with the records it changed. */
  onApplied(listener: (touched: Touched) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  private async apply(patch: Patch): Promise<Patch> {
    const { inverse, touched } = await applyPatchDetailed(this.db, patch);
    if (touched.size) for (const l of this.appliedListeners) l(touched);
    return inverse;
  }

  /** Applies a change. Changes are applied one after another, in the order the user made them. */
  run(patch: Patch): Promise<void> {
    return this.serial(async () => {
      if (patch.ops.length === 0) return;
      const inverse = await this.apply(patch);
      if (inverse.ops.length === 0) return;
      this.undoStack.push({ label: patch.label, inverse });
      if (this.undoStack.length > LIMIT) this.undoStack.shift();
      this.redoStack = [];
      this.changed();
    });
  }

  undo(): Promise<string | null> {
    return this.serial(() => this.swap(this.undoStack, this.redoStack, '撤销'));
  }

  redo(): Promise<string | null> {
    return this.serial(() => this.swap(this.redoStack, this.undoStack, '重做'));
  }

  private async swap(from: Step[], to: Step[], verb: string): Promise<string | null> {
    const step = from.pop();
    if (!step) return null;
    try {
      const inverse = await this.apply({ ...step.inverse, label: `${verb}：${step.label}` });
      to.push({ label: step.label, inverse });
    } catch (e) {
      from.push(step); // nothing was applied: the step is still there to retry
      throw e;
    } finally {
      this.changed();
    }
    return step.label;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  getState = (): UndoState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.state = {
      undoLabel: this.undoStack[this.undoStack.length - 1]?.label ?? null,
      redoLabel: this.redoStack[this.redoStack.length - 1]?.label ?? null,
    };
    for (const l of this.listeners) l();
  }
}
