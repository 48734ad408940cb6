import type { Directory } from '../domain/types';

/** What cell editors read from the grid's `context`: the current departments and leaders. */
export interface GridContext {
  directory: Directory;
}
