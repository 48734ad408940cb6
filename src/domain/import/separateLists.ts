import { normalise } from '../consolidate/similarity';
import { chineseNumber, CHINESE_NUMBER, cleanText, nameKey } from '../text';
import { rowList } from './cellRefs';
import { headerKey, matchHeader } from './headerSynonyms';
import { extractRows } from './extractRows';
import type { ImportWarning, SheetAnalysis, SheetTable } from './types';

/**
 * The three lists kept as three sheets (三张清单): a 问题清单 sheet of numbered problems, a 措施清单 sheet whose rows
 * name their problem by its number (问题序号) or its text, and a 责任清单 sheet whose rows name their measure by its
 * number (措施序号) with who is responsible and by when. A person reads them as one table; so does the importer: the
 * measures' sheet is given its problems' text (and their level, category…) and its measures' responsibility, as
 * columns of its own, and is then read as any table. A problems' sheet whose every problem has measures, and a
 * responsibility sheet, are left out (said); a problem without measures is kept from its own sheet.
 */
export interface JoinedLists {
  /** the sheets to read in place of the workbook's: the measures' sheet joined, the others left out or as they were */
  sheets: SheetTable[];
  notes: ImportWarning[];
  /** the joined sheet's title, from the problems' sheet (its own names the measures only) */
  titles: Map<string, string>;
}

/** A measures' column naming its problem: 问题序号, 问题编号, 所属问题, 对应问题, 风险点编号 */
const PROBLEM_REF = /^(?:(?:所属|对应|关联|针对)?(?:问题|风险点?|风险问题|隐患)(?:清单)?(?:序号|编号|号|代码)|(?:所属|对应|关联|针对)(?:的)?(?:问题|风险点?|风险问题|隐患))$/;
/** A responsibility column naming its measure: 措施序号, 措施编号, 对应措施, 任务编号 */
const MEASURE_REF = /^(?:(?:所属|对应|关联|针对)?(?:整改|防控|管控)?(?:措施|任务)(?:清单)?(?:序号|编号|号|代码)|(?:所属|对应|关联|针对)(?:的)?(?:措施|任务))$/;
/** A sheet's own number column */
const OWN_NUMBER = /^(?:序号|编号|序|No\.?|NO\.?)$/;

/** A header naming a problem or measure by its number (问题序号, 措施编号): a header word, though no field's */
export const isReferenceHeader = (text: string): boolean => {
  const key = headerKey(text);
  return PROBLEM_REF.test(key) || MEASURE_REF.test(key);
};

/**
 * A number as a reference compares: 1, 1., 1、, （1）, 第1项, 问题1, 一, 1-2 and 1.2 (the second measure of problem
 * one) alike. '' when the text is no number.
 */
export function refKey(text: string): string {
  let k = nameKey(cleanText(text))
    .replace(/^(?:第|no\.?|#)/, '')
    .replace(/^(?:问题|措施|任务|风险点?|隐患)/, '')
    .replace(/^[（(【[]|[）)】\]]$/g, '')
    .replace(/[项条号]$/, '')
    .replace(/[.、,，]$/, '');
  k = k.replace(/^[（(【[]|[）)】\]]$/g, '');
  if (CHINESE_NUMBER.test(k)) return String(chineseNumber(k));
  if (!/^\d{1,5}(?:[-_.—–]\d{1,4}){0,2}$/.test(k)) return '';
  return k.split(/[-_.—–]/).map((n) => String(Number(n))).join('.');
}

/**
 * Several numbers in one cell: 1、2, 3,4, 1-3 (a range, when it is one of small numbers). A 1-2 that names a
 * measure (the second of problem one) is that measure, not a range.
 */
function refKeys(text: string, known: (key: string) => boolean): string[] {
  const one = refKey(text);
  if (one && (!/^\d+\.\d+$/.test(one) || known(one))) return [one];
  const parts = cleanText(text).split(/[、,，;；/\n\s]+/).filter(Boolean);
  if (parts.length > 1) {
    const keys = parts.map(refKey);
    if (keys.every(Boolean)) return keys;
  }
  const range = /^(\d{1,3})\s*[-~～—至到]\s*(\d{1,3})$/.exec(nameKey(cleanText(text)));
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to > from && to - from < 50) return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  }
  return one ? [one] : [];
}

interface Columns {
  headerRow: number;
  /** the row data starts at */
  first: number;
  headers: string[]; // per column, '' where none
}

function columnsOf(sheet: SheetTable, headerRow: number, headerRows: number): Columns {
  const width = Math.max(0, ...sheet.rows.slice(headerRow, headerRow + Math.max(1, headerRows)).map((r) => r.length));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    let h = '';
    for (let r = headerRow; r < headerRow + Math.max(1, headerRows); r++) h = cleanText(sheet.rows[r]?.[c] ?? '') || h;
    headers.push(h.replace(/\n/g, ''));
  }
  return { headerRow, first: headerRow + Math.max(1, headerRows), headers };
}

const findColumn = (cols: Columns, test: (key: string) => boolean): number => cols.headers.findIndex((h) => h !== '' && test(headerKey(h)));

/** The header of a responsibility sheet, which names no problem or measure: a measure's number and who is responsible. */
function responsibilityHeader(sheet: SheetTable): { cols: Columns; ref: number; problemRef: number } | null {
  for (let r = 0; r < Math.min(sheet.rows.length, 20); r++) {
    const cols = columnsOf(sheet, r, 1);
    const ref = findColumn(cols, (k) => MEASURE_REF.test(k));
    if (ref < 0) continue;
    const named = cols.headers.some((h, c) => {
      const f = c !== ref && h ? matchHeader(h)?.field : undefined;
      return f === 'departments' || f === 'leaders';
    });
    if (!named) continue;
    return { cols, ref, problemRef: findColumn(cols, (k) => PROBLEM_REF.test(k)) };
  }
  return null;
}

interface Problems {
  sheet: SheetTable;
  analysis: SheetAnalysis;
  cols: Columns;
  problemCol: number;
  /** the problem's row by its number and by its text */
  byKey: Map<string, number>;
  byText: Map<string, number>;
  /** the section heading each problem's row is under (its category, when the sheet has no category column) */
  sections: Map<number, string>;
}

function problemsOf(sheet: SheetTable, a: SheetAnalysis): Problems | null {
  const problemCol = a.columns.find((c) => c.field === 'problem')?.index;
  if (problemCol === undefined || a.columns.some((c) => c.field === 'measure')) return null;
  const cols = columnsOf(sheet, a.headerRow, a.headerRows);
  const numberCol = a.columns.find((c) => c.field === 'serial')?.index ?? findColumn(cols, (k) => OWN_NUMBER.test(k) || PROBLEM_REF.test(k));
  // the problems as the sheet is read alone: section headings (一、课堂教学) are no problems, but their rows' category
  const read = extractRows(sheet, a).rows;
  const ownCategory = a.columns.some((c) => c.field === 'category');
  const problemRows = new Set<number>();
  const sections = new Map<number, string>();
  for (const row of read) {
    if (!row.problem) continue;
    problemRows.add(row.excelRow - 1);
    if (!ownCategory && row.category) sections.set(row.excelRow - 1, row.category);
  }
  const numbered = numberCol >= 0 && [...problemRows.keys()].some((r) => refKey(sheet.rows[r]?.[numberCol] ?? '') !== '');
  const byKey = new Map<string, number>();
  const byText = new Map<string, number>();
  let ordinal = 0;
  let duplicated = false;
  for (let r = cols.first; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const text = cleanText(row[problemCol] ?? '');
    if (!text || (read.length > 0 && !problemRows.has(r))) continue;
    ordinal++;
    // a problem's number, or its place in the list when the sheet numbers none (问题一 is the first)
    const key = numbered ? refKey(row[numberCol] ?? '') : String(ordinal);
    if (key && byKey.has(key)) duplicated = true;
    if (key && !byKey.has(key)) byKey.set(key, r);
    const norm = normalise(text);
    if (norm && !byText.has(norm)) byText.set(norm, r);
  }
  // numbers that start again under each section (1, 2 / 1, 2) name no one problem: the texts still do
  if (duplicated) byKey.clear();
  return byKey.size || byText.size ? { sheet, analysis: a, cols, problemCol, byKey, byText, sections } : null;
}

/** Rows (0-based) as a message lists them */
const listed = (rows: readonly number[]): string => rowList(rows.map((r) => r + 1));

/**
 * Each measure row's problem as its place among the problems (1, 2, …): by the problem's number carried down when
 * the sheets were joined, else by the measures' sheet's own problem column (a new text starts the next problem).
 */
function problemGroups(rows: readonly (readonly string[])[], first: number, measureCol: number, a: SheetAnalysis, problemKeyOf: ReadonlyMap<number, string>): Map<number, number> {
  const out = new Map<number, number>();
  const problemCol = a.columns.find((c) => c.field === 'problem')?.index;
  let group = 0;
  let last = '';
  for (let r = first; r < rows.length; r++) {
    if (!cleanText(rows[r]?.[measureCol] ?? '')) continue;
    const own = problemKeyOf.size ? (problemKeyOf.get(r) ?? '') : problemCol !== undefined ? normalise(cleanText(rows[r]?.[problemCol] ?? '')) : '';
    if (problemKeyOf.size || problemCol !== undefined) {
      if (own && own !== last) {
        group++;
        last = own;
      }
      if (group > 0) out.set(r, group);
    }
  }
  return out;
}

/**
 * A responsibility sheet's rows by the run of numbers they are in (1 to 3, then 1 to 2…: the problem they count
 * within, if the runs match the problems), with each run's highest number; null when the numbers never start again
 * at 1, or do not count so.
 */
function restartGroups(rows: readonly (readonly string[])[], first: number, refCol: number): { groups: Map<number, number>; longest: number[] } | null {
  const groups = new Map<number, number>();
  const longest: number[] = []; // each run's highest number
  let group = 0;
  let previous = 0;
  for (let r = first; r < rows.length; r++) {
    const key = refKey(rows[r]?.[refCol] ?? '');
    if (!key) continue;
    if (!/^\d+$/.test(key)) return null;
    const n = Number(key);
    if (group === 0 || n <= previous) {
      if (n !== 1) return null;
      group++;
      longest.push(0);
    }
    previous = n;
    longest[group - 1] = Math.max(longest[group - 1]!, n);
    groups.set(r, group);
  }
  return group > 1 ? { groups, longest } : null;
}

/**
 * Joins a workbook's separate lists (see JoinedLists). `analyses` are the visible sheets' own (null: no table found);
 * null when the workbook keeps no lists so.
 */
export function joinSeparateLists(sheets: readonly SheetTable[], analyses: ReadonlyMap<SheetTable, SheetAnalysis | null>): JoinedLists | null {
  const visible = sheets.filter((s) => analyses.has(s));
  if (visible.length < 2) return null;
  const notes: ImportWarning[] = [];
  const replaced = new Map<SheetTable, SheetTable | null>();
  const titles = new Map<string, string>();

  // the problems' sheet, and the measures' sheet that names its problems by a column of numbers or texts of them
  let problems: Problems | null = null;
  for (const s of visible) {
    const a = analyses.get(s);
    if (a && (problems = problemsOf(s, a))) break;
  }
  let measures: { sheet: SheetTable; analysis: SheetAnalysis } | null = null;
  for (const s of visible) {
    const a = analyses.get(s);
    if (a && a.columns.some((c) => c.field === 'measure')) {
      measures = { sheet: s, analysis: a };
      break;
    }
  }
  if (!measures) return null;
  const mCols = columnsOf(measures.sheet, measures.analysis.headerRow, measures.analysis.headerRows);
  const mRows = measures.sheet.rows.map((r) => r.slice());
  const mHeaderRow = measures.analysis.headerRow;
  const appended: string[] = [];
  const width = Math.max(mCols.headers.length, measures.analysis.idColumn !== undefined ? measures.analysis.idColumn + 1 : 0);
  const append = (header: string): number => {
    appended.push(header);
    return width + appended.length - 1;
  };
  const setCell = (r: number, c: number, text: string): void => {
    const row = mRows[r] ?? (mRows[r] = []);
    while (row.length < c) row.push('');
    row[c] = text;
  };
  let joined = false;
  const measureCol = measures.analysis.columns.find((c) => c.field === 'measure')!.index;

  // each measure row's problem (its number, carried down over the problem's rows) for a responsibility sheet that
  // numbers measures within their problem (问题序号 | 措施序号)
  const problemKeyOf = new Map<number, string>();
  if (problems && problems.sheet !== measures.sheet) {
    const p = problems;
    const problemCol = measures.analysis.columns.find((c) => c.field === 'problem')?.index;
    let ref = findColumn(mCols, (k) => PROBLEM_REF.test(k));
    // a sheet with its own problems' texts beside their numbers is a table of its own (one department's)
    if (ref >= 0 && problemCol !== undefined && problemCol !== ref) ref = -1;
    else if (ref < 0 && problemCol !== undefined) ref = problemCol; // 问题 | 措施, the problem's column naming it by number or text
    if (ref >= 0) {
      const used = new Set<number>();
      const matched: number[] = [];
      const missing: number[] = [];
      const missingRefs = new Set<string>();
      // the problem's fields the measures' sheet lacks (风险等级, 类别…) come along as columns of their own
      const have = new Set(measures.analysis.columns.filter((c) => c.field).map((c) => c.field));
      const carried = p.analysis.columns.filter(
        (c) =>
          c.field &&
          c.field !== 'problem' &&
          c.field !== 'measure' &&
          c.field !== 'serial' &&
          !have.has(c.field) &&
          p.sheet.rows.some((row, r) => r >= p.cols.first && cleanText(row[c.index] ?? '') !== ''),
      );
      const carriedAt = carried.map((c) => append(p.cols.headers[c.index] || c.header));
      const sectionAt = p.sections.size > 0 && !have.has('category') ? append('类别') : -1;
      let section = '';
      let current = '';
      let carry: string[] = []; // the problem's fields, for its measures on the rows below that leave its cell blank
      for (let r = mCols.first; r < mRows.length; r++) {
        const raw = cleanText(mRows[r]?.[ref] ?? '');
        if (!raw && cleanText(mRows[r]?.[measureCol] ?? '')) {
          for (let i = 0; i < carried.length; i++) if (carry[i]) setCell(r, carriedAt[i]!, carry[i]!);
          if (section) setCell(r, sectionAt, section);
        }
        if (raw) {
          carry = [];
          section = '';
          const key = refKey(raw);
          const at = (key ? p.byKey.get(key) : undefined) ?? p.byText.get(normalise(raw));
          current = key || normalise(raw);
          if (at === undefined) {
            if (cleanText(mRows[r]?.[measureCol] ?? '')) {
              missing.push(r);
              missingRefs.add(raw);
            }
            continue;
          }
          used.add(at);
          matched.push(r);
          const source = p.sheet.rows[at] ?? [];
          setCell(r, ref, cleanText(source[p.problemCol] ?? ''));
          carry = carried.map((c) => cleanText(source[c.index] ?? ''));
          for (let i = 0; i < carried.length; i++) if (carry[i]) setCell(r, carriedAt[i]!, carry[i]!);
          section = p.sections.get(at) ?? '';
          if (section) setCell(r, sectionAt, section);
        }
        if (current) problemKeyOf.set(r, current);
      }
      // most of its references found: a sheet that names other problems (or none) is not these problems' measures
      if (matched.length > 0 && matched.length >= (matched.length + missing.length) * 0.6) {
        joined = true;
        mCols.headers[ref] = p.cols.headers[p.problemCol] || '问题清单';
        setCell(mHeaderRow, ref, mCols.headers[ref]!);
        const refHeader = measures.sheet.rows[mHeaderRow]?.[ref] ?? '';
        notes.push({
          sheet: measures.sheet.name,
          message: `工作表“${measures.sheet.name}”的措施按“${cleanText(refHeader) || '问题'}”列对应工作表“${p.sheet.name}”中的问题（${matched.length} 处），作为一张表导入${carried.length ? `；问题的${carried.map((c) => `“${c.header}”`).join('、')}一并带入` : ''}`,
        });
        if (missing.length) {
          notes.push({
            sheet: measures.sheet.name,
            message: `工作表“${measures.sheet.name}”${listed(missing)}所写的问题（${[...missingRefs].slice(0, 5).map((t) => `“${t}”`).join('、')}）在工作表“${p.sheet.name}”中找不到，这些措施的问题按原样导入；请核对序号，导入后修改`,
          });
        }
        // a problem with no measure stays, from its own sheet; the problems' sheet goes when each has its measures
        const rest = p.sheet.rows.map((row, r) => (used.has(r) ? [] : row));
        const left = [...p.byKey.values(), ...p.byText.values()].some((r) => !used.has(r));
        replaced.set(p.sheet, left ? { ...p.sheet, rows: rest, merges: p.sheet.merges.filter((m) => !used.has(m.top)) } : null);
        if (!left) notes.push({ sheet: p.sheet.name, message: `工作表“${p.sheet.name}”的问题都已随其措施从工作表“${measures.sheet.name}”导入，不再单独导入` });
        else notes.push({ sheet: p.sheet.name, message: `工作表“${p.sheet.name}”中有 ${new Set([...p.byKey.values(), ...p.byText.values()].filter((r) => !used.has(r))).size} 个问题没有对应的措施，作为无措施的问题导入` });
        if (p.analysis.title) titles.set(measures.sheet.name, p.analysis.title);
      }
    }
  }

  // the responsibility sheet: who is responsible for each measure, by the measure's number (or text) — only for
  // measures that name no one responsible themselves (another sheet of 任务编号 | 责任部门 is a list of its own)
  const responsible = measures.analysis.columns.filter((c) => c.field === 'departments' || c.field === 'leaders').map((c) => c.index);
  const named = measures.sheet.rows.some((row, r) => r >= mCols.first && responsible.some((c) => cleanText(row[c] ?? '') !== ''));
  for (const s of named ? [] : visible) {
    if (s === measures.sheet || s === problems?.sheet) continue;
    const own = analyses.get(s);
    if (own?.columns.some((c) => c.field === 'problem')) continue;
    const found = responsibilityHeader(s);
    const byText = !found && own ? own.columns.find((c) => c.field === 'measure')?.index : undefined;
    if (!found && byText === undefined) continue;
    // a sheet of measures and their departments joins by the measures' text only when it says it is the
    // responsibility list: a department's sheet of its own measures (a 汇总表's copy) is a table of its own
    if (!found && (!own!.columns.some((c) => c.field === 'departments' || c.field === 'leaders') || !/责任/.test(`${s.name}${own!.title}`))) continue;
    const cols = found ? found.cols : columnsOf(s, own!.headerRow, own!.headerRows);
    const refCol = found ? found.ref : byText!;
    const problemRef = found ? found.problemRef : -1;

    // the measures by number (their 序号, or their place when they have none) and by text
    // (the measures' own number, not the column naming their problem: 问题序号 | 措施序号 | 措施)
    let serialCol = findColumn(mCols, (k) => MEASURE_REF.test(k));
    if (serialCol < 0) serialCol = findColumn(mCols, (k) => OWN_NUMBER.test(k));
    const byKey = new Map<string, number>();
    const byMeasureText = new Map<string, number>();
    const within = new Map<string, number>();
    const count = new Map<string, number>();
    let ordinal = 0;
    const groupOf = problemGroups(mRows, mCols.first, measureCol, measures.analysis, problemKeyOf);
    const inGroup = new Map<number, number>(); // the measures counted so far in each problem
    for (let r = mCols.first; r < mRows.length; r++) {
      const text = cleanText(mRows[r]?.[measureCol] ?? '');
      if (!text) continue;
      ordinal++;
      const group = groupOf.get(r);
      if (group !== undefined) {
        const place = (inGroup.get(group) ?? 0) + 1;
        inGroup.set(group, place);
        if (!within.has(`#${group}.${place}`)) within.set(`#${group}.${place}`, r);
      }
      const key = serialCol >= 0 ? refKey(mRows[r]?.[serialCol] ?? '') : String(ordinal);
      if (key) {
        count.set(key, (count.get(key) ?? 0) + 1);
        if (!byKey.has(key)) byKey.set(key, r);
        const pk = problemKeyOf.get(r);
        if (pk && !within.has(`${pk}.${key}`)) within.set(`${pk}.${key}`, r);
      }
      const norm = normalise(text);
      if (norm && !byMeasureText.has(norm)) byMeasureText.set(norm, r);
    }
    const unique = [...count.values()].every((n) => n === 1);
    const carried = cols.headers.map((h, c) => ({ h, c })).filter(({ h, c }) => {
      if (!h || c === refCol || c === problemRef) return false;
      const f = matchHeader(h)?.field;
      return f !== 'problem' && f !== 'measure' && f !== 'serial' && !(OWN_NUMBER.test(headerKey(h)) || MEASURE_REF.test(headerKey(h)) || PROBLEM_REF.test(headerKey(h)));
    });
    if (carried.length === 0) continue;
    const at = carried.map(({ h }) => append(h));
    const filled = new Set<number>();
    const missing: number[] = [];
    let currentProblem = '';
    // a 1-2 names one measure only where measures are numbered so (1.2 on the measures' sheet), or counted within
    // their problems (1, 2, 1, …) with no 问题序号 beside the number; else it is the range 1 to 2
    const known = (key: string): boolean => byKey.has(key) || (!unique && problemRef < 0 && within.has(key));
    // measure numbers that start again (1, 2, 1, 2, 3) with no 问题序号 beside them count within the problems in
    // their order, each 1 the next problem's first measure — only when the runs are as many as the problems and none
    // counts past its problem's measures (a measure named on two rows, 1, 1, 2, … is no new run of numbers)
    const runs = found && problemRef < 0 ? restartGroups(s.rows, cols.first, refCol) : null;
    const restarting = runs && runs.longest.length === inGroup.size && runs.longest.every((n, g) => n <= (inGroup.get(g + 1) ?? 0)) ? runs.groups : null;
    // a measure named again further down (not on the row after: that is a second department's part) is said
    const named = new Set<number>();
    let previousTargets: number[] = [];
    const again: number[] = [];
    for (let r = cols.first; r < s.rows.length; r++) {
      const row = s.rows[r] ?? [];
      const raw = cleanText(row[refCol] ?? '');
      if (problemRef >= 0 && cleanText(row[problemRef] ?? '')) currentProblem = refKey(row[problemRef]!);
      if (!raw || !carried.some(({ c }) => cleanText(row[c] ?? ''))) continue;
      const targets: number[] = [];
      if (found) {
        const group = restarting?.get(r);
        for (const key of refKeys(raw, known)) {
          const t =
            (group !== undefined ? within.get(`#${group}.${key}`) : undefined) ??
            (currentProblem && (!unique || problemRef >= 0) ? within.get(`${currentProblem}.${key}`) : undefined) ??
            (unique ? byKey.get(key) : undefined) ??
            within.get(key);
          if (t !== undefined) targets.push(t);
        }
        if (targets.length === 0) {
          const t = byMeasureText.get(normalise(raw));
          if (t !== undefined) targets.push(t);
        }
      } else {
        const t = byMeasureText.get(normalise(raw));
        if (t !== undefined) targets.push(t);
      }
      if (targets.length === 0) {
        missing.push(r);
        continue;
      }
      if (found && targets.some((t) => named.has(t) && !previousTargets.includes(t))) again.push(r);
      for (const t of targets) named.add(t);
      previousTargets = targets;
      for (const t of targets) {
        filled.add(t);
        for (let i = 0; i < carried.length; i++) {
          const text = cleanText(row[carried[i]!.c] ?? '');
          if (!text) continue;
          // a measure named on two rows (two departments' parts) takes both
          const before = cleanText(mRows[t]?.[at[i]!] ?? '');
          setCell(t, at[i]!, before && before !== text ? `${before}\n${text}` : text);
        }
      }
    }
    if (filled.size === 0) {
      appended.length -= carried.length;
      // a sheet of responsibility by measure numbers none of which is there: said as such, not as a table not found
      if (found && missing.length) {
        replaced.set(s, null);
        notes.push({
          sheet: s.name,
          message: `工作表“${s.name}”按“${cols.headers[refCol]}”列所写的措施在工作表“${measures.sheet.name}”中都找不到，该工作表未导入；请核对两表的序号后重新导入`,
        });
      }
      continue;
    }
    joined = true;
    replaced.set(s, null);
    const refHeader = cols.headers[refCol] || '措施';
    notes.push({
      sheet: s.name,
      message: `工作表“${s.name}”按“${refHeader}”列对应工作表“${measures.sheet.name}”中的措施（${filled.size} 条），其${carried.map(({ h }) => `“${h}”`).join('、')}并入这些措施，不再单独导入`,
    });
    if (missing.length) {
      notes.push({
        sheet: s.name,
        message: `工作表“${s.name}”${listed(missing)}所写的措施在工作表“${measures.sheet.name}”中找不到，这些行未导入；请核对“${refHeader}”后重新导入`,
      });
    }
    if (again.length) {
      notes.push({
        sheet: s.name,
        message: `工作表“${s.name}”${listed(again)}所写的“${refHeader}”在前面已出现过，这些行并入了同一条措施；如序号在各问题内重新编号，请在该表加上“问题序号”列后重新导入`,
      });
    }
  }
  if (!joined) return null;

  for (let i = 0; i < appended.length; i++) setCell(mHeaderRow, width + i, appended[i]!);
  replaced.set(measures.sheet, { ...measures.sheet, rows: mRows });
  const out: SheetTable[] = [];
  for (const s of sheets) {
    const r = replaced.get(s);
    if (r === undefined) out.push(s);
    else if (r) out.push(r);
  }
  return { sheets: out, notes, titles };
}
