import {
  ACTION_VERBS,
  CATEGORY_WORDS,
  FILLER_WORDS,
  FREQUENCY_OR_TIME,
  INSPECTION_VERBS,
  LEADING_NUMBER,
  NOUN_LIKE_VERBS,
  MIN_MEASURE_SUBSTANCE,
  MIN_PROBLEM_CHARS,
  PREVENTION_VERBS,
  RISK_PHRASES,
} from './wordLists';

/**
 * The text tests behind the review rules: pure functions of one cell's text, so that they can be tested on a table of
 * real phrasings and run over 20,000 measures in a few milliseconds.
 */

const PUNCTUATION = /[\s\u3000，。、；;：:,.!！?？“”"'‘’（）()《》〈〉【】\[\]—\-－_…·]/g;

/** The text without its own numbering and punctuation: what the length rules count. */
export function coreText(text: string): string {
  return text.replace(LEADING_NUMBER, '').replace(PUNCTUATION, '');
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

const STRONG_VERBS = ACTION_VERBS.filter((v) => !NOUN_LIKE_VERBS.has(v));

export type Unactionable = 'question' | 'risk' | 'no-verb' | null;

const firstIndexOf = (text: string, words: readonly string[]): number => {
  let first = -1;
  for (const w of words) {
    const at = text.indexOf(w);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
};

/** An inspection verb close before 是否 makes the question its object (“排查是否存在…”). */
function isInspectionQuestion(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 14), at);
  const clauseStart = Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(','));
  const clause = before.slice(clauseStart + 1);
  return INSPECTION_VERBS.some((v) => clause.includes(v));
}

/**
 * Why a measure is not something to do: written as a question (“是否…”), as a risk or situation (“可能存在…的情况”),
 * or with no action verb at all.
 */
export function measureUnactionable(text: string): Unactionable {
  const core = text.replace(LEADING_NUMBER, '').trim();
  if (!core) return null;
  const question = core.indexOf('是否');
  if ((question >= 0 && !isInspectionQuestion(core, question)) || /[?？]\s*$/.test(core)) return 'question';
  const risk = Math.min(...RISK_PHRASES.map((re) => re.exec(core)?.index ?? Infinity));
  if (risk !== Infinity) {
    // an action before the risk phrase makes the risk its object: “建立机制，及时处置可能出现的舆情”
    const acted = [firstIndexOf(core, STRONG_VERBS), firstIndexOf(core, PREVENTION_VERBS)].some((i) => i >= 0 && i < risk);
    if (!acted) return 'risk';
  }
  if (firstIndexOf(core, ACTION_VERBS) < 0 && firstIndexOf(core, PREVENTION_VERBS) < 0) return 'no-verb';
  return null;
}

// longest first, so that “进一步” goes before “一步” would, and “齐抓共管” before “管理”
const FILLERS = [...FILLER_WORDS].sort((a, b) => b.length - a.length);

/**
 * An action with no object, frequency or time: what is left once the filler words are gone is (almost) nothing, and
 * no frequency or date is stated (“进一步加强管理”, “高度重视”, “加大力度”).
 */
export function measureIsVague(text: string): boolean {
  const core = coreText(text);
  if (!core || FREQUENCY_OR_TIME.test(core)) return false;
  let rest = core;
  for (const w of FILLERS) if (rest.includes(w)) rest = rest.split(w).join('');
  return [...rest].length < MIN_MEASURE_SUBSTANCE;
}
