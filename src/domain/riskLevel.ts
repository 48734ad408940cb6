import { chineseNumber, CHINESE_NUMBER, nameKey } from './text';

/**
 * A 风险等级 as it is counted: one list writes 一级, 1级, Ⅰ级 and I级 for the same grade, or 高 and 高风险, and a 通报
 * that counted them apart would show four grades where there are three. The key is the grade; the text shown is the
 * list's own spelling (the one it uses most).
 */

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, '\u2170': 1, '\u2171': 2, '\u2172': 3, '\u2173': 4, '\u2174': 5 };
/** The words for a level, from the highest: 重大 and 高风险 are one level */
const WORDS = ['重大', '高', '较高', '中', '一般', '较低', '低'];
const WORD_ALIASES: Record<string, string> = { 特别重大: '重大', 特大: '重大', 中等: '中', 中度: '中', 高度: '高', 低度: '低', 轻微: '低', 较大: '较高', 严重: '高' };

/** 'g1' for a first grade however written, 'w:高' for a level word, else the text itself folded (full-width, case, spaces). */
export function levelKey(text: string): string {
  const folded = nameKey(text); // (Ⅰ is ⅰ then)
  const bare = folded.replace(/(?:风险|隐患)?(?:等级|级别)?$/, '').replace(/^(?:风险|隐患)?(?:等级|级别)?[:：]?/, '');
  const grade = /^(?:第)?([1-5]|i{1,3}|iv|v|[\u2170-\u2174]|[一二三四五壹贰叁肆伍])(?:级|等|类)?$/.exec(bare);
  if (grade) {
    const g = grade[1]!;
    return `g${ROMAN[g] ?? (CHINESE_NUMBER.test(g) ? chineseNumber(g) : Number(g))}`;
  }
  const word = bare.replace(/(?:风险|级)$/, '');
  const canonical = WORD_ALIASES[word] ?? word;
  return WORDS.includes(canonical) ? `w:${canonical}` : folded;
}

/** Levels in order, from the highest: the words' order, then grades (一级 first), then others. */
export function levelRank(key: string): number {
  if (key.startsWith('w:')) return WORDS.indexOf(key.slice(2));
  if (/^g\d$/.test(key)) return WORDS.length + Number(key.slice(1));
  return 100;
}

/** Counts levels by their key, each shown as the spelling the list uses most (the first written of equals). */
export class LevelTally {
  private readonly spellings = new Map<string, Map<string, number>>();

  add(text: string): void {
    const key = levelKey(text);
    const forKey = this.spellings.get(key) ?? new Map<string, number>();
    forKey.set(text, (forKey.get(text) ?? 0) + 1);
    this.spellings.set(key, forKey);
  }

  /** label → count, from the highest level (levelRank), the others in the order first written */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    const keys = [...this.spellings.keys()].sort((a, b) => levelRank(a) - levelRank(b));
    for (const key of keys) {
      const forKey = this.spellings.get(key)!;
      let label = '';
      let most = 0;
      let total = 0;
      for (const [spelling, n] of forKey) {
        total += n;
        if (n > most) [label, most] = [spelling, n];
      }
      out[label] = (out[label] ?? 0) + total;
    }
    return out;
  }
}
