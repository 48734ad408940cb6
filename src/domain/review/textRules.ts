import {
  ACTION_VERBS,
  CATEGORY_WORDS,
  FILLER_WORDS,
  FREQUENCY_OR_TIME,
  INSPECTION_VERBS,
  NOUN_LIKE_VERBS,
  MIN_MEASURE_SUBSTANCE,
  MIN_PROBLEM_CHARS,
  PREVENTION_VERBS,
  RISK_PHRASES,
} from './wordLists';
import { withoutNumbering } from '../text';

/**
 * The text tests behind the review rules: pure functions of one cell's text, so that they can be tested on a table of
 * real phrasings and run over 20,000 measures in a few milliseconds.
 */

const PUNCTUATION = /[\s\u3000，。、；;：:,.!！?？“”"'‘’（）()《》〈〉【】[\]—\-－_…·]/g;

/** The text without its own numbering and punctuation: what the length rules count. */
export function coreText(text: string): string {
  return withoutNumbering(text).replace(PUNCTUATION, '');
}

/** The normalised text two problems or measures are compared by for duplicates. */
export function duplicateKey(text: string): string {
  return coreText(text)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

const CATEGORY_KEYS = new Set(CATEGORY_WORDS.map((w) => coreText(w)));

export type ProblemVagueness = 'category' | 'short' | null;

/** Why a problem says too little: only a category or slogan, or too short to say who/what/where. */
export function problemVagueness(text: string): ProblemVagueness {
  const core = coreText(text);
  if (!core) return null; // empty is its own rule
  if (CATEGORY_KEYS.has(core) || CATEGORY_KEYS.has(core.replace(/(方面|领域|工作|管理|问题|风险|隐患)+$/, ''))) return 'category';
  if ([...core].length < MIN_PROBLEM_CHARS) return 'short';
  return null;
}


export type Unactionable = 'question' | 'risk' | 'no-verb' | null;

/**
 * The verb lists are two-character words: a text is scanned once, each pair of characters looked up as one number,
 * instead of an indexOf per word (200 words × 20,000 measures took a second).
 */
class WordPairs {
  private readonly pairs = new Set<number>();
  constructor(words: readonly string[]) {
    for (const w of words) {
      if (w.length !== 2) throw new Error(`verb lists hold two-character words: ${w}`);
      this.pairs.add(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
    }
  }
  /** the first position of any of the words in text, from `from`; -1 if none */
  firstIn(text: string, from = 0, to = text.length): number {
    const end = Math.min(to, text.length) - 1;
    for (let i = from; i < end; i++) if (this.pairs.has(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1))) return i;
    return -1;
  }
}

const ACTIONS = new WordPairs(ACTION_VERBS);
const STRONG = new WordPairs(ACTION_VERBS.filter((v) => !NOUN_LIKE_VERBS.has(v)));
const PREVENTIONS = new WordPairs(PREVENTION_VERBS);
const INSPECTIONS = new WordPairs(INSPECTION_VERBS);

/** An inspection verb close before 是否 makes the question its object (“排查是否存在…”). */
function isInspectionQuestion(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 14), at);
  const clauseStart = Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(','));
  return INSPECTIONS.firstIn(before, clauseStart + 1) >= 0;
}

/**
 * Why a measure is not something to do: written as a question (“是否…”), as a risk or situation (“可能存在…的情况”),
 * or with no action verb at all.
 */
export function measureUnactionable(text: string): Unactionable {
  const core = withoutNumbering(text).trim();
  if (!core) return null;
  const question = core.indexOf('是否');
  if ((question >= 0 && !isInspectionQuestion(core, question)) || /[?？]\s*$/.test(core)) return 'question';
  let risk = Infinity;
  for (const re of RISK_PHRASES) {
    const at = re.exec(core)?.index;
    if (at !== undefined && at < risk) risk = at;
  }
  // an action before the risk phrase makes the risk its object: “建立机制，及时处置可能出现的舆情”
  if (risk !== Infinity && STRONG.firstIn(core, 0, risk + 1) < 0 && PREVENTIONS.firstIn(core, 0, risk + 1) < 0) return 'risk';
  if (ACTIONS.firstIn(core) < 0 && PREVENTIONS.firstIn(core) < 0) return 'no-verb';
  return null;
}

// one pass over the text; longest first, so that “齐抓共管” goes before “管理”
const FILLERS = new RegExp([...FILLER_WORDS].sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * An action with no object, frequency or time: what is left once the filler words are gone is (almost) nothing, and
 * no frequency or date is stated (“进一步加强管理”, “高度重视”, “加大力度”).
 */
export function measureIsVague(text: string): boolean {
  const core = coreText(text);
  if (!core || FREQUENCY_OR_TIME.test(core)) return false;
  return [...core.replace(FILLERS, '')].length < MIN_MEASURE_SUBSTANCE;
}
