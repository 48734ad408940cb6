import { editCell } from './editing';
import { EditContext } from './editContext';
import type { Patch } from './patch';
import type { RiskRow } from './rows';
import { cleanText } from './text';
import type { Directory, ListContent } from './types';

/** The texts 查找和替换 searches: a problem, a measure and its note. */
export type FindField = 'problem' | 'measure' | 'note';
export const FIND_FIELDS: readonly FindField[] = ['problem', 'measure', 'note'];

/** One cell holding the text, in the order the rows are shown. */
export interface FindMatch {
  row: RiskRow;
  field: FindField;
  /** how often the text occurs in the cell */
  count: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Case-insensitive for Latin letters (as Excel's find), exact for everything else. */
const pattern = (needle: string): RegExp => new RegExp(escape(needle), 'gi');

export function countIn(text: string, needle: string): number {
  if (!needle) return 0;
  return text.match(pattern(needle))?.length ?? 0;
}

export function replaceIn(text: string, needle: string, replacement: string): string {
  return needle ? text.replace(pattern(needle), () => replacement) : text;
}

/**
 * The cells of `rows` that hold `needle`, row by row and left to right. A problem is one cell however many rows its
 * merge covers: it is found once, on its first shown row.
 */
export function findMatches(rows: readonly RiskRow[], needle: string, fields: readonly FindField[] = FIND_FIELDS): FindMatch[] {
  if (!needle) return [];
  const out: FindMatch[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (const field of fields) {
      if (field === 'problem' && i > 0 && rows[i - 1]!.problemId === row.problemId) continue;
      const count = countIn(row[field], needle);
      if (count > 0) out.push({ row, field, count });
    }
  }
  return out;
}

/** Replaces the text in one found cell. */
export function replaceOne(content: ListContent, directory: Directory, match: FindMatch, needle: string, replacement: string): Patch {
  const patch = editCell(content, directory, match.row, match.field, replaceIn(match.row[match.field], needle, replacement));
  return { ...patch, label: `替换“${needle}”为“${replacement}”` };
}

/** 全部替换: every found cell, as one undoable step. */
export function replaceAll(
  content: ListContent,
  directory: Directory,
  matches: readonly FindMatch[],
  needle: string,
  replacement: string,
): Patch {
  const ctx = new EditContext(content, directory);
  let total = 0;
  for (const m of matches) {
    ctx.setText(m.row, m.field, cleanText(replaceIn(m.row[m.field], needle, replacement)));
    total += m.count;
  }
  return ctx.changes.build(`全部替换“${needle}”为“${replacement}”（${total} 处）`);
}
