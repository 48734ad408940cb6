import { ImportError } from '../domain/import/errors';
import type { ImportWarning } from '../domain/import/types';
import { MAX_MERGE_COLUMNS, MAX_MERGES } from '../domain/import/limits';
import { attrs, tagEnd, tagStart } from './xml';

export interface MergeRange {
  top: number; // 0-based, inclusive
  left: number;
  bottom: number;
  right: number;
}

/** What the merges of all the sheets read so far have used of the limits. */
export interface MergeBudget {
  merges: number;
  mergeColumns: number;
}

/**
 * The merged ranges, searched for from `from` (they follow the cell data). A long list merges each problem's cell: as
 * many merges as rows, so each is found with indexOf and its ref read in place; a tag in another shape goes through
 * the attribute reader.
 */
export function mergeRanges(xml: string, from: number, budget: MergeBudget): MergeRange[] {
  const merges: MergeRange[] = [];
  for (let i = xml.indexOf('mergeCell', from); i >= 0; i = xml.indexOf('mergeCell', i + 9)) {
    // the tag's own name, maybe prefixed: not </mergeCell>, <mergeCells>, or the word in some other element's text
    const lt = tagStart(xml, i, 'mergeCell');
    if (lt < 0) continue;
    if (++budget.merges > MAX_MERGES) throw new ImportError('too-many-merges');
    let range: MergeRange | null;
    if (xml.startsWith(' ref="', i + 9)) {
      const close = xml.indexOf('"', i + 15);
      if (close < 0) break;
      range = rangeAt(xml, i + 15, close); // (read in place: no copy of each reference)
    } else {
      const gt = tagEnd(xml, i + 9);
      if (gt < 0) break;
      const ref = attrs(xml.slice(lt, gt + 1)).ref;
      range = ref ? rangeAt(ref, 0, ref.length) : null;
    }
    if (range) merges.push(range);
  }
  return merges;
}

/** A merged range such as "B3:B6" (or one cell, "B3") written in `s` between `from` and `to`, 0-based; null when it is not one. */
function rangeAt(s: string, from: number, to: number): MergeRange | null {
  let colon = s.indexOf(':', from);
  if (colon >= to) colon = -1;
  if (!cellRef(s, from, colon < 0 ? to : colon)) return null;
  const top = scratch.row;
  const left = scratch.col;
  if (colon >= 0 && !cellRef(s, colon + 1, to)) return null;
  return { top, left, bottom: scratch.row, right: scratch.col };
}

// (one object for every reference read: a long list has as many merges as rows, and a pair per merge was garbage)
const scratch = { row: 0, col: 0 };

/** "B12" (with `$` signs, any case) into `scratch`, 0-based; false when it is not a cell's reference. */
function cellRef(s: string, from: number, to: number): boolean {
  let col = 0;
  let row = 0;
  let i = from;
  if (s.charCodeAt(i) === 36) i++;
  for (; i < to; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > 1e6) return false;
  }
  if (s.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
    if (row > 1e8) return false;
  }
  if (col === 0 || row === 0 || i === digitsFrom) return false;
  scratch.row = row - 1;
  scratch.col = col - 1;
  return true;
}

/** "A1", from 0-based row and column. */
export function cellName(row: number, col: number): string {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

const rangeName = (m: MergeRange) => `${cellName(m.top, m.left)}:${cellName(m.bottom, m.right)}`;

/**
 * The merges as they act on the cells read: clamped to the rows and columns that hold cells (a merge over A1:A1048576
 * is a merge over the rows there are: work in proportion to the cells, not to what a range claims), those that cover
 * nothing or overlap another (Excel never writes those; it repairs such a file) left out, and the text that covered
 * cells still hold blanked: LibreOffice's and WPS's “keep contents” merge leaves it there, while every spreadsheet
 * shows only the top-left cell's. Per column, the merges crossing it sorted by their top row, walked with the rows.
 */
export function settleMerges(rows: string[][], raw: readonly MergeRange[], sheet: string, budget: MergeBudget, notes: ImportWarning[]): MergeRange[] {
  if (raw.length === 0) return [];
  const height = rows.length;
  let width = 0;
  for (let r = 0; r < height; r++) if (rows[r]!.length > width) width = rows[r]!.length;
  const kept: MergeRange[] = [];
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i]!;
    const top = Math.min(m.top, m.bottom);
    const left = Math.min(m.left, m.right);
    if (top >= height || left >= width) continue;
    const bottom = Math.min(Math.max(m.top, m.bottom), height - 1);
    const right = Math.min(Math.max(m.left, m.right), width - 1);
    if (top === bottom && left === right) continue;
    budget.mergeColumns += right - left + 1;
    if (budget.mergeColumns > MAX_MERGE_COLUMNS) throw new ImportError('too-many-merges');
    // (the range itself when it needs no clamping, as nearly every one: no second object per merge)
    kept.push(top === m.top && left === m.left && bottom === m.bottom && right === m.right ? m : { top, left, bottom, right });
  }
  if (kept.length === 0) return kept;

  let minLeft = width;
  let maxRight = -1;
  const byColumn: (number[] | undefined)[] = new Array(width);
  for (let k = 0; k < kept.length; k++) {
    const m = kept[k]!;
    if (m.left < minLeft) minLeft = m.left;
    if (m.right > maxRight) maxRight = m.right;
    for (let c = m.left; c <= m.right; c++) (byColumn[c] ??= []).push(k);
  }
  const overlapping = new Uint8Array(kept.length);
  let overlaps = 0;
  for (let c = minLeft; c <= maxRight; c++) {
    const list = byColumn[c];
    if (!list) continue;
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) if (kept[list[i]!]!.top < kept[list[i - 1]!]!.top) sorted = false;
    if (!sorted) list.sort((a, b) => kept[a]!.top - kept[b]!.top || a - b);
    let reach = -1;
    let reachBy = -1;
    for (let i = 0; i < list.length; i++) {
      const k = list[i]!;
      const m = kept[k]!;
      if (m.top <= reach) {
        overlaps += (overlapping[k] ? 0 : 1) + (overlapping[reachBy] ? 0 : 1);
        overlapping[k] = overlapping[reachBy] = 1;
      }
      if (m.bottom > reach) {
        reach = m.bottom;
        reachBy = k;
      }
    }
  }
  if (overlaps) {
    const first = kept.find((_, k) => overlapping[k])!;
    notes.push({ sheet, message: `工作表“${sheet}”中有 ${overlaps} 个合并区域互相重叠（如 ${rangeName(first)}），Excel 不允许这样合并，这些合并已忽略` });
    for (let c = minLeft; c <= maxRight; c++) {
      const list = byColumn[c];
      if (list) byColumn[c] = list.filter((k) => !overlapping[k]);
    }
  }

  const next = new Int32Array(width);
  for (let r = 0; r < height; r++) {
    const row = rows[r]!;
    const end = Math.min(row.length, maxRight + 1);
    for (let c = minLeft; c < end; c++) {
      if (row[c] === '') continue;
      const list = byColumn[c];
      if (!list) continue;
      let p = next[c]!;
      while (p < list.length && kept[list[p]!]!.bottom < r) p++;
      next[c] = p;
      if (p === list.length) continue;
      const m = kept[list[p]!]!;
      if (m.top <= r && (m.top !== r || m.left !== c)) row[c] = '';
    }
  }
  return overlaps ? kept.filter((_, k) => !overlapping[k]) : kept;
}
