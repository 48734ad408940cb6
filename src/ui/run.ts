import type { Patch } from '../domain/patch';
import { describeError } from '../storage/errors';
import { undoStack } from '../storage/store';
import { showMessage } from './messages';

/** Runs a change as one undoable step; a failure is shown to the user (nothing was written) and reported as false. */
export async function runPatch(patch: Patch): Promise<boolean> {
  try {
    await undoStack.run(patch);
    return true;
  } catch (e) {
    console.error(e);
    showMessage(describeError(e), 'error');
    return false;
  }
}

/** Runs a step that may throw a DomainError before any patch exists (e.g. a duplicate name). */
export async function attempt(make: () => Patch | Promise<Patch>): Promise<boolean> {
  try {
    return await runPatch(await make());
  } catch (e) {
    showMessage(describeError(e), 'error');
    return false;
  }
}

export async function undo(): Promise<void> {
  try {
    const label = await undoStack.undo();
    if (label) showMessage(`已撤销：${label}`);
  } catch (e) {
    showMessage(describeError(e), 'error');
  }
}

export async function redo(): Promise<void> {
  try {
    const label = await undoStack.redo();
    if (label) showMessage(`已重做：${label}`);
  } catch (e) {
    showMessage(describeError(e), 'error');
  }
}
