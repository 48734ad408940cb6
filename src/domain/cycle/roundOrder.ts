import type { Id } from '../types';
import type { Round } from './types';

/** Rounds of a list, by date then creation. */
export const sortRounds = (rounds: readonly Round[]): Round[] => [...rounds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/**
 * The held round a comparison counts from: the one held before `roundId`, or for the list as it is now (null) the
 * latest held; null when there is none. The 通报 compares with it, and the 统计汇总 counts 本轮新增 and 本轮销号 from it.
 */
export function roundBefore(rounds: readonly Round[], roundId: Id | null): Round | null {
  const held = sortRounds(rounds).filter((r) => r.snapshotId);
  const at = roundId === null ? held.length : held.findIndex((r) => r.id === roundId);
  return at > 0 ? held[at - 1]! : null;
}
