import { roundBefore } from '../../domain/cycle/roundOrder';
import type { Round } from '../../domain/cycle/types';
import type { StatisticsSince } from '../../domain/export/statisticsSheet';
import type { Id } from '../../domain/types';
import { store } from '../../storage/store';

/**
 * The held round a 统计汇总 counts 本轮新增 and 本轮销号 from: for the list as it is, its latest held round; for a held
 * round's own export, the one held before it (as its 通报 compares). Read only when the sheet is asked for: a
 * snapshot of a long list is not kept in memory for every export.
 */
export async function statisticsSince(listId: Id, round: Round | null = null): Promise<StatisticsSince | null> {
  const previous = roundBefore(await store.loadRounds(listId), round?.id ?? null);
  if (!previous?.snapshotId) return null;
  const snapshot = await store.loadSnapshot(previous.snapshotId);
  return snapshot ? { name: previous.name, date: previous.date, snapshot } : null;
}
