import { DomainError } from '../errors';
import { newId } from '../ids';
import { create, remove, update, type Op, type Patch } from '../patch';
import { cleanText } from '../text';
import type { Id, ListContent, Measure } from '../types';
import { sortRounds } from './roundOrder';
import type { ProgressEntry, Round } from './types';


/**
 * 进展情况 per round. Each measure has at most one entry per round; the entry of the round being prepared is the one
 * the grid edits, the entries of held rounds are frozen with their round.
 *
 * Which round is "current": the list's round in preparation (准备中); if several are, the earliest by date (the next
 * meeting). With none in preparation nothing can be written — the office reports progress *for* a meeting, so the user
 * is told to create that meeting first (a text written "for no meeting" would later have to be guessed onto one); the
 * grid then shows the latest held round's text, read-only, so what was said last time stays in view.
 */

/** The round progress is written for now: the earliest round in preparation, or null. */
export function currentRound(rounds: readonly Round[]): Round | null {
  return sortRounds(rounds).find((r) => r.state === 'preparing') ?? null;
}

/** The round whose progress the grid shows: the current one, else the latest held (read-only), else none. */
export function shownRound(rounds: readonly Round[]): { round: Round; editable: boolean } | null {
  const current = currentRound(rounds);
  if (current) return { round: current, editable: true };
  const held = sortRounds(rounds).filter((r) => r.state !== 'preparing');
  const last = held[held.length - 1];
  return last ? { round: last, editable: false } : null;
}

/** Why progress cannot be written now, in words for the user; null when it can. */
export function progressBlocked(rounds: readonly Round[]): string | null {
  if (currentRound(rounds)) return null;
  return rounds.length === 0
    ? '进展情况按研判轮次填写：请先在“研判轮次”页新建本次研判会（例如“2026年上半年研判会”），再填写。'
    : '已有的研判会都已召开，进展已冻结：请先在“研判轮次”页新建下一次研判会，再填写本次的进展情况。';
}

export interface ProgressInput {
  text: string;
  date: string; // YYYY-MM-DD: the day it is reported
  by?: string;
}

const clip = (s: string): string => (s.length > 16 ? `${s.slice(0, 16)}…` : s) || '（无内容）';

/**
 * Writes a measure's 进展情况 for `round` (which must be in preparation): creates its entry, or updates the one it has;
 * an emptied text removes the entry. The entry takes the measure's status as it is now. One field-level patch.
 */
export function recordProgress(
  round: Round,
  measure: Measure,
  input: ProgressInput,
  entries: readonly ProgressEntry[],
  now = Date.now(),
): Patch {
  if (round.state !== 'preparing') throw new DomainError(`“${round.name}”已召开，进展情况已冻结，不能再修改。`);
  if (round.listId !== measure.listId) throw new DomainError('这条措施不属于该研判轮次的清单。');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new DomainError('请填写进展日期（年-月-日）。');
  const text = cleanText(input.text);
  const by = input.by === undefined ? undefined : cleanText(input.by);
  const existing = entries.find((e) => e.roundId === round.id && e.measureId === measure.id);
  const label = `填写“${round.name}”进展：${clip(measure.text)}`;
  if (!existing) {
    if (!text) return { label, ops: [] };
    const entry: ProgressEntry = {
      id: newId(),
      listId: measure.listId,
      measureId: measure.id,
      roundId: round.id,
      status: measure.status,
      text,
      date: input.date,
      at: now,
      ...(by ? { by } : {}),
    };
    return { label, ops: [create('progress', entry)] };
  }
  if (!text) return { label: `清除“${round.name}”进展：${clip(measure.text)}`, ops: [remove('progress', existing.id)] };
  if (text === existing.text && measure.status === existing.status) return { label, ops: [] };
  const changes: Partial<ProgressEntry> = { text, status: measure.status, date: input.date, at: now };
  if (by) changes.by = by;
  return { label, ops: [update('progress', existing.id, changes)] };
}

/**
 * Holding a round freezes its entries: each records the status its measure stands at in the meeting (a status changed
 * after the text was written is what the meeting saw). Ops to add to the hold's patch.
 */
export function freezeProgress(round: Round, entries: readonly ProgressEntry[], content: ListContent): Op[] {
  const status = new Map(content.measures.map((m) => [m.id, m.status]));
  const ops: Op[] = [];
  for (const e of entries) {
    if (e.roundId !== round.id) continue;
    const s = status.get(e.measureId);
    if (s !== undefined && s !== e.status) ops.push(update('progress', e.id, { status: s }));
  }
  return ops;
}

/** The progress text of each measure at `roundId`: what a held round's snapshot keeps. */
export function progressTexts(entries: readonly ProgressEntry[], roundId: Id): Map<Id, string> {
  return new Map(entries.filter((e) => e.roundId === roundId).map((e) => [e.measureId, e.text]));
}

/** The entry each measure has in the round the grid shows (see shownRound). */
export function currentProgress(entries: readonly ProgressEntry[], rounds: readonly Round[]): Map<Id, ProgressEntry> {
  const shown = shownRound(rounds);
  return shown ? new Map(entries.filter((e) => e.roundId === shown.round.id).map((e) => [e.measureId, e])) : new Map();
}

export interface ProgressLogRow {
  round: Round;
  entry: ProgressEntry | null;
  /** the status at that round: a held round's frozen one; for the round in preparation the measure's status now */
  status: string;
  text: string;
  date: string;
}

/**
 * A measure's progress through the rounds, oldest first: every round that has an entry for it, and the round in
 * preparation (even without one yet, so the history says what is still to be reported).
 */
export function progressLog(measure: Pick<Measure, 'id' | 'status'>, entries: readonly ProgressEntry[], rounds: readonly Round[]): ProgressLogRow[] {
  const byRound = new Map(entries.filter((e) => e.measureId === measure.id).map((e) => [e.roundId, e]));
  const current = currentRound(rounds);
  const rows: ProgressLogRow[] = [];
  for (const round of sortRounds(rounds)) {
    const entry = byRound.get(round.id) ?? null;
    if (!entry && round !== current) continue;
    const live = round.state === 'preparing';
    rows.push({ round, entry, status: live ? measure.status : (entry?.status ?? ''), text: entry?.text ?? '', date: entry?.date ?? '' });
  }
  return rows;
}

/**
 * The entries a patch orphans: those of the measures and lists it deletes (and of rounds in preparation it deletes).
 * Added to the same patch, so one undo brings the rows back with their progress.
 */
export function progressDeletion(patch: Patch, entries: readonly ProgressEntry[]): Op[] {
  const owners = deletedOwners(patch);
  const gone = { measures: new Set(owners.measures), lists: new Set(owners.lists), rounds: new Set(owners.rounds) };
  const already = new Set(patch.ops.flatMap((op) => (op.type === 'delete' && op.table === 'progress' ? [op.id] : [])));
  return entries
    .filter((e) => !already.has(e.id) && (gone.measures.has(e.measureId) || gone.lists.has(e.listId) || gone.rounds.has(e.roundId)))
    .map((e) => remove('progress', e.id));
}

/** The measures, lists and rounds a patch deletes: whose entries storage looks up for `progressDeletion`. */
export function deletedOwners(patch: Patch): { measures: Id[]; lists: Id[]; rounds: Id[] } {
  const out = { measures: [] as Id[], lists: [] as Id[], rounds: [] as Id[] };
  for (const op of patch.ops) {
    if (op.type === 'delete' && (op.table === 'measures' || op.table === 'lists' || op.table === 'rounds')) out[op.table].push(op.id);
  }
  return out;
}

/** The rounds and entries a paste, fill or Delete in the 本轮进展情况 column writes to, and the day it is written on. */
export interface ProgressTarget {
  rounds: readonly Round[];
  entries: readonly ProgressEntry[];
  date: string; // YYYY-MM-DD
}

/** What writing 进展情况 cells did: the entries written (“写入“…”进展 2 条”), or why none could be ('' when neither). */
export interface ProgressWritten {
  written: string;
  refused: string;
}

/**
 * 进展情况 cells written by a paste, a fill or Delete, as the current round's entries: their ops added to `ops` (one
 * step with the rest of the change, after the measures it creates). With no round in preparation nothing is written,
 * and `refused` says why (only when some cell had a text to write).
 */
export function writeProgressCells(
  cells: readonly { measureId: Id; text: string }[],
  measureOf: (id: Id) => Measure | undefined,
  target: ProgressTarget | undefined,
  ops: Patch['ops'],
): ProgressWritten {
  const round = target ? currentRound(target.rounds) : null;
  if (!target || !round) {
    if (!cells.some((c) => cleanText(c.text) !== '')) return { written: '', refused: '' };
    const why = target ? progressBlocked(target.rounds) : '进展情况按研判轮次填写，请在“研判轮次”页新建本次研判会后再填写。';
    return { written: '', refused: `“本轮进展情况”未写入：${why}` };
  }
  let written = 0;
  for (const c of cells) {
    const measure = measureOf(c.measureId);
    if (!measure) continue;
    const patch = recordProgress(round, measure, { text: c.text, date: target.date }, target.entries);
    if (patch.ops.length) written++;
    ops.push(...patch.ops);
  }
  return { written: written ? `写入“${round.name}”进展 ${written} 条` : '', refused: '' };
}
