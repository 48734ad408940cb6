import { DomainError } from '../errors';
import { newId } from '../ids';
import { create, remove, update, type Patch } from '../patch';
import { cleanText } from '../text';
import type { Directory, Id, ListContent } from '../types';
import { freezeProgress, progressTexts } from './progress';
import { takeSnapshot } from './snapshot';
import { ROUND_KIND_LABEL, type ProgressEntry, type Round, type RoundKind } from './types';

export interface RoundInput {
  name: string;
  date: string; // YYYY-MM-DD
  kind: RoundKind;
}

/** The usual name of a round: 2026年上半年研判会, 2026年第三季度研判会, 2026年专项研判会. */
export function defaultRoundName(kind: RoundKind, date: string): string {
  const year = date.slice(0, 4) || String(new Date().getFullYear());
  if (kind === 'quarter') {
    const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
    return `${year}年第${'一二三四'[Number.isNaN(q) ? 0 : Math.max(0, Math.min(3, q))]}季度研判会`;
  }
  return `${year}年${ROUND_KIND_LABEL[kind]}研判会`;
}

function cleanInput(input: RoundInput): RoundInput {
  const name = cleanText(input.name);
  if (!name) throw new DomainError('请填写研判会名称，例如“2026年上半年研判会”。');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new DomainError('请填写研判会日期（年-月-日）。');
  return { ...input, name };
}

/** `existing`: the list's rounds; two with one name could not be told apart in the comparison and the 通报. */
export function createRound(listId: Id, input: RoundInput, existing: readonly Round[] = []): { patch: Patch; round: Round } {
  const clean = cleanInput(input);
  if (existing.some((r) => r.listId === listId && r.name === clean.name)) {
    throw new DomainError(`本清单已有“${clean.name}”，请换一个名称（例如写明月份或“专项”）。`);
  }
  const round: Round = { id: newId(), listId, ...clean, state: 'preparing', snapshotId: null, heldAt: null };
  return { patch: { label: `新建研判轮次“${round.name}”`, ops: [create('rounds', round)] }, round };
}

export function editRound(round: Round, input: RoundInput): Patch {
  if (round.state !== 'preparing') throw new DomainError(`“${round.name}”已召开，内容已冻结，不能再修改。`);
  return { label: `修改研判轮次“${round.name}”`, ops: [update('rounds', round.id, cleanInput(input))] };
}

/**
 * 召开研判会: the list as it stands is frozen into the round's snapshot (with the names it shows), and the round is
 * read-only from then on; so are the round's 进展情况 entries (`progress`: the list's entries), which the snapshot
 * keeps as well and which record the status each measure stands at. One step: undone, the round is in preparation
 * again and the snapshot is gone.
 */
export function holdRound(
  round: Round,
  content: ListContent,
  directory: Directory,
  now = Date.now(),
  progress: readonly ProgressEntry[] = [],
): Patch {
  if (round.state !== 'preparing') throw new DomainError(`“${round.name}”已召开过。`);
  const snapshot = takeSnapshot(content, directory, round.id, now, progressTexts(progress, round.id));
  return {
    label: `召开研判会“${round.name}”（冻结 ${snapshot.problems.length} 个问题、${snapshot.measures.length} 条措施）`,
    ops: [
      create('snapshots', snapshot),
      ...freezeProgress(round, progress, content),
      update('rounds', round.id, { state: 'held', snapshotId: snapshot.id, heldAt: now }),
    ],
  };
}

export function archiveRound(round: Round): Patch {
  if (round.state !== 'held') throw new DomainError('只有已召开的研判会可以归档。');
  return { label: `归档研判轮次“${round.name}”`, ops: [update('rounds', round.id, { state: 'archived' })] };
}

/**
 * Only a round in preparation can go: a held round is the record of a meeting. Its progress entries go with it, as
 * those of any deleted measure or list do (storage adds them to the same step: progress.ts progressDeletion).
 */
export function deleteRound(round: Round): Patch {
  if (round.state !== 'preparing') throw new DomainError(`“${round.name}”已召开，是会议的记录，不能删除（可以归档）。`);
  return { label: `删除研判轮次“${round.name}”`, ops: [remove('rounds', round.id)] };
}

/** The rounds and snapshots of a list being deleted go with it (one patch with the list's own deletion). */
export function roundsDeletion(rounds: readonly Round[]): Patch {
  return { label: '', ops: rounds.flatMap((r) => (r.snapshotId ? [remove('snapshots', r.snapshotId), remove('rounds', r.id)] : [remove('rounds', r.id)])) };
}

export { sortRounds } from './roundOrder';
