import type { Patch } from '../domain/patch';

export type UndoStackName = 'undo' | 'redo';

/** One step of the undo or redo stack, as stored: small, so the buttons and the bound per list read only these. */
export interface UndoStepRecord {
  /** position in time: the top of a stack is its highest seq; unique over both stacks */
  seq: number;
  stack: UndoStackName;
  label: string;
  /** the lists the step changed, or ['*'] for a change of departments or leaders alone: what the bound counts by */
  scopes: string[];
  at: number;
  /** applying the step deletes this list (the undo of its creation): the app asks first */
  removesList?: string;
}

/** The patch that a step applies, stored apart (an import's is large). */
export interface UndoPatchRecord {
  seq: number;
  patch: Patch;
}

export const DIRECTORY_SCOPE = '*';
