/**
 * Pinyin search over names: “jwc” or “jiaowuchu” or “jiaowc” finds 教务处, “db” finds 党办. A query matches a name
 * when, from some character on, each following character's pinyin is typed in full or by its first letters (the last
 * may be cut short), as pinyin input methods and spreadsheet filters of Chinese office software do.
 *
 * The pinyin of a name comes from a source the app loads on demand (pinyin-pro, ~140 KB gzip: not in the first
 * bundle): until it is set, nothing matches by pinyin and plain text search works as before.
 */
export type SyllableSource = (text: string) => string[];

let source: SyllableSource | null = null;
const cache = new Map<string, string[]>();

export function setSyllableSource(s: SyllableSource | null): void {
  source = s;
  cache.clear();
}

export const pinyinReady = (): boolean => source !== null;

/** The query as pinyin: lower-case Latin letters only (spaces and apostrophes dropped); null if it is not one. */
export function pinyinQuery(query: string): string | null {
  const q = query
    .replace(/[\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s']/g, '')
    .toLowerCase();
  return /^[a-z]+$/.test(q) ? q : null;
}

/** Per character of `text`: its pinyin (no tones, ü as v) for a Chinese character, else the character lower-cased. */
function syllables(text: string): string[] {
  let s = cache.get(text);
  if (!s) {
    const chars = [...text];
    const read = source ? source(text) : [];
    s = chars.map((c, i) => (/[\u3400-\u9fff]/.test(c) ? (read[i] ?? '').toLowerCase().replace(/ü/g, 'v') : c.toLowerCase()));
    if (cache.size > 5000) cache.clear();
    cache.set(text, s);
  }
  return s;
}

function matchesFrom(syl: readonly string[], i: number, q: string, at: number): boolean {
  if (at === q.length) return true;
  if (i >= syl.length) return false;
  const s = syl[i]!;
  for (let k = Math.min(s.length, q.length - at); k >= 1; k--) {
    if (q.startsWith(s.slice(0, k), at) && matchesFrom(syl, i + 1, q, at + k)) return true;
  }
  return false;
}

/** Whether the pinyin query `q` (from pinyinQuery) matches `text`: from its start (prefix) or from any character. */
export function pinyinMatch(text: string, q: string): 'prefix' | 'inside' | null {
  if (!source || !q || !text) return null;
  const syl = syllables(text);
  if (matchesFrom(syl, 0, q, 0)) return 'prefix';
  for (let i = 1; i < syl.length; i++) if (syl[i]![0] === q[0] && matchesFrom(syl, i, q, 0)) return 'inside';
  return null;
}
