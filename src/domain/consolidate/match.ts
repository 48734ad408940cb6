import type { ImportRow } from '../import/types';
import { cleanText } from '../text';
import { rowKey, type BaseRow } from './model';
import { bigrams, containment, dice, normalise, shared } from './similarity';

/**
 * Matching a returned copy's rows to the list's. Our hidden id column first: it moves with its row in Excel/WPS, so
 * reordered rows still match. Rows without ids (added, or a retyped table) then match by text: the same problem and
 * measure, the same measure, then the most similar measure (and problem) above the threshold, best pairs first. A row
 * whose text is a piece of an already matched measure is a split of it; any other row is new.
 */
export type MatchHow = 'id' | 'text' | 'split' | 'new';

export interface RowMatch {
  how: MatchHow;
  /** the base row matched, or split from */
  baseKey: string | null;
  /** similarity of a text match (1 for ids and exact texts) */
  score: number;
}

/** How much the measure counts in a row's similarity; the problem text gives the rest. */
const MEASURE_WEIGHT = 0.8;
/** A split part must be mostly (in bigrams) inside the measure it came from, and long enough to tell. */
const SPLIT_CONTAINMENT = 0.8;
const SPLIT_MIN_GRAMS = 4;

export const DEFAULT_THRESHOLD = 0.6;

export interface Features {
  p: string;
  m: string;
  pg: Uint32Array;
  mg: Uint32Array;
}

const features = (problem: string, measure: string): Features => {
  const p = normalise(problem);
  const m = normalise(measure);
  return { p, m, pg: bigrams(p), mg: bigrams(m) };
};

/** The base rows indexed once for all copies of a merge. */
export class BaseIndex {
  readonly byKey = new Map<string, number>();
  readonly f: Features[];
  private readonly exactPM = new Map<string, number[]>();
  private readonly exactM = new Map<string, number[]>();
  /** measure bigram → base rows that have it */
  private readonly grams = new Map<number, number[]>();
  private readonly problemOnly: number[] = [];

  constructor(readonly rows: readonly BaseRow[]) {
    this.f = rows.map((r) => features(r.problem, r.measure));
    rows.forEach((r, i) => {
      this.byKey.set(r.key, i);
      const f = this.f[i]!;
      push(this.exactPM, `${f.p}|${f.m}`, i);
      if (f.m) push(this.exactM, f.m, i);
      else this.problemOnly.push(i);
      for (const g of f.mg) push(this.grams, g, i);
    });
  }

  match(rows: readonly ImportRow[], threshold: number): RowMatch[] {
    const out: (RowMatch | null)[] = rows.map(() => null);
    const taken = new Set<number>();
    const take = (row: number, base: number, how: MatchHow, score: number) => {
      taken.add(base);
      out[row] = { how, baseKey: this.rows[base]!.key, score };
    };

    // 1. ids; a second row with the same id was copied with its hidden cell (a measure split into two rows)
    rows.forEach((r, i) => {
      if (!r.ids) return;
      const b = this.byKey.get(rowKey(r.ids.measureId, r.ids.problemId));
      if (b === undefined) return;
      if (taken.has(b)) out[i] = { how: 'split', baseKey: this.rows[b]!.key, score: 1 };
      else take(i, b, 'id', 1);
    });

    // features only of the rows the ids did not match: bigrams of every row of thirty copies cost more than the rest
    const cache: (Features | undefined)[] = [];
    const fe = (i: number): Features => (cache[i] ??= features(cleanText(rows[i]!.problem), cleanText(rows[i]!.measure)));
    const free = () => rows.map((_, i) => i).filter((i) => out[i] === null);

    // 2. the same text, in any order
    for (const [map, keyOf] of [
      [this.exactPM, (f: Features) => (f.p || f.m ? `${f.p}|${f.m}` : '')],
      [this.exactM, (f: Features) => f.m],
    ] as const) {
      for (const i of free()) {
        const k = keyOf(fe(i));
        if (!k) continue;
        const b = map.get(k)?.find((x) => !taken.has(x));
        if (b !== undefined) take(i, b, 'text', 1);
      }
    }

    // 3. similar text, the best pairs first (ties: the nearer position)
    const pairs: { i: number; b: number; s: number }[] = [];
    const problemScore = new Map<string, number>();
    const pdice = (i: number, b: number) => {
      const k = `${fe(i).p}|${this.f[b]!.p}`;
      let s = problemScore.get(k);
      if (s === undefined) problemScore.set(k, (s = dice(fe(i).pg, this.f[b]!.pg)));
      return s;
    };
    for (const i of free()) {
      const f = fe(i);
      if (!f.m) {
        for (const b of this.problemOnly) if (!taken.has(b)) addPair(pairs, i, b, pdice(i, b), threshold);
        continue;
      }
      for (const [b, common] of this.sharing(f.mg)) {
        if (taken.has(b)) continue;
        const dm = (2 * common) / (f.mg.length + this.f[b]!.mg.length);
        addPair(pairs, i, b, MEASURE_WEIGHT * dm + (1 - MEASURE_WEIGHT) * pdice(i, b), threshold);
      }
    }
    pairs.sort((x, y) => y.s - x.s || Math.abs(x.i - x.b) - Math.abs(y.i - y.b));
    for (const { i, b, s } of pairs) if (out[i] === null && !taken.has(b)) take(i, b, 'text', s);

    // 4. a measure rewritten in place: the one row between two rows that matched neighbours in the list, same problem
    const baseAt = (i: number): number => {
      const m = out[i];
      return m && m.how !== 'split' && m.baseKey !== null ? this.byKey.get(m.baseKey)! : -1;
    };
    for (const i of free()) {
      const before = i > 0 ? baseAt(i - 1) : -1;
      const after = i + 1 < rows.length ? baseAt(i + 1) : -1;
      // both neighbours, not one: a row added at the end after a deleted last row is an addition (nothing is lost)
      if (before < 0 || after !== before + 2) continue;
      const b = before + 1;
      if (taken.has(b)) continue;
      if (!fe(i).m || !this.f[b]!.m || fe(i).p !== this.f[b]!.p) continue;
      take(i, b, 'text', MEASURE_WEIGHT * dice(fe(i).mg, this.f[b]!.mg) + (1 - MEASURE_WEIGHT));
    }

    // 5. pieces of a measure: the first piece takes the measure if nothing did, the others are splits of it
    for (const i of free()) {
      const f = fe(i);
      if (f.mg.length < SPLIT_MIN_GRAMS) continue;
      let best = -1;
      let bestScore = 0;
      for (const [b, common] of this.sharing(f.mg)) {
        if (this.f[b]!.mg.length <= f.mg.length) continue;
        const c = common / f.mg.length;
        if (c > bestScore) [best, bestScore] = [b, c];
      }
      if (best < 0 || bestScore < Math.max(threshold, SPLIT_CONTAINMENT)) continue;
      if (taken.has(best)) out[i] = { how: 'split', baseKey: this.rows[best]!.key, score: containment(f.mg, this.f[best]!.mg) };
      else take(i, best, 'text', bestScore);
    }

    return out.map((m) => m ?? { how: 'new', baseKey: null, score: 0 });
  }

  /** Base rows sharing measure bigrams with `grams`, with how many they share. */
  private sharing(grams: Uint32Array): Map<number, number> {
    const counts = new Map<number, number>();
    for (const g of grams) for (const b of this.grams.get(g) ?? []) counts.set(b, (counts.get(b) ?? 0) + 1);
    return counts;
  }

  /** The base problem most like a text (exact first), for a new row; -1 when none reaches the threshold. */
  similarProblem(problem: string, threshold: number): number {
    const f = features(problem, '');
    if (!f.p) return -1;
    let best = -1;
    let bestScore = 0;
    const seen = new Set<string>();
    for (let b = 0; b < this.rows.length; b++) {
      const p = this.f[b]!;
      if (seen.has(p.p)) continue;
      seen.add(p.p);
      if (p.p === f.p) return b;
      const s = p.pg.length && f.pg.length ? (2 * shared(f.pg, p.pg)) / (f.pg.length + p.pg.length) : 0;
      if (s > bestScore) [best, bestScore] = [b, s];
    }
    return bestScore >= threshold ? best : -1;
  }
}

function push(map: Map<string | number, number[]>, key: string | number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addPair(pairs: { i: number; b: number; s: number }[], i: number, b: number, s: number, threshold: number): void {
  if (s >= threshold) pairs.push({ i, b, s });
}
