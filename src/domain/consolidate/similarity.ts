import { nameKey } from '../text';

/**
 * Text similarity for rows that carry no ids (a department retyped the table, or pasted it into its own file): the
 * Dice coefficient of character bigrams on normalised text. Bigrams suit Chinese, where words are not separated and a
 * reworded measure keeps most of its two-character pieces ("加强课堂管理" / "进一步加强课堂教学管理").
 */

// punctuation and leading numbering a retyped table adds or drops without meaning anything
const PUNCT = /[\s\u3000\u00a0\ufeff，。、；;,.．：:！!？?（）()“”"'‘’【】[\]《》<>\-—–…·~～]+/g;
const NUMBERING = /^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）.．、]|[①-⑳])/;

/** The text rows are compared by: no numbering, spaces or punctuation; width and case folded. */
export function normalise(text: string): string {
  return nameKey(text.trim().replace(NUMBERING, '')).replace(PUNCT, '');
}

/** The distinct bigrams of a normalised text as sorted codes (a one-character text is its own "bigram"). */
export function bigrams(norm: string): Uint32Array {
  if (norm.length === 0) return new Uint32Array(0);
  if (norm.length === 1) return Uint32Array.of(norm.charCodeAt(0));
  const set = new Set<number>();
  for (let i = 0; i + 1 < norm.length; i++) set.add(norm.charCodeAt(i) * 65536 + norm.charCodeAt(i + 1));
  return Uint32Array.from(set).sort();
}

/** How many codes two sorted arrays share. */
export function shared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/** Dice coefficient in [0, 1]; two empty texts are alike (1). */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * shared(a, b)) / (a.length + b.length);
}

/** The share of `part`'s bigrams found in `whole`: near 1 when `part` is a piece of `whole` (a measure split in two). */
export function containment(part: Uint32Array, whole: Uint32Array): number {
  return part.length === 0 ? 0 : shared(part, whole) / part.length;
}

export function similarity(a: string, b: string): number {
  return dice(bigrams(normalise(a)), bigrams(normalise(b)));
}
