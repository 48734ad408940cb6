import { FIELDS, isPeopleField, type FieldId } from '../fields';
import { cleanText } from '../text';
import { ID_COLUMN_HEADER } from '../rowIds';
import { headerKey, isPersonHeader, isResponsibilityList, matchHeader, type HeaderMatch } from './headerSynonyms';
import { SECTION_LEAD } from './sections';
import type { ImportColumn, SheetAnalysis, SheetTable } from './types';

/**
 * How far down a sheet the header may be: title, unit/date and 附件 lines come first in real files, and a cover block,
 * a 目录 or a 领导小组 list can push the header to row 30–60.
 */
const HEADER_SEARCH_ROWS = 200;

/** Fields read from one column only: departments and leaders may be spread over several (牵头部门 | 配合部门). */
const ONE_COLUMN_FIELDS = new Set<FieldId>(FIELDS.filter((f) => !isPeopleField(f.id)).map((f) => f.id));

interface RowScore {
  fields: Set<FieldId>;
  exact: number;
  /** the columns the row names a problem or measure in: data rows below a header have long texts there */
  textCols: number[];
}

function scoreRow(row: readonly string[] | undefined): RowScore {
  const fields = new Set<FieldId>();
  const textCols: number[] = [];
  let exact = 0;
  const cells = row ?? [];
  // (bounded: a row of a hostile file can claim a cell in its last column)
  for (let c = 0; c < cells.length && c < 1024; c++) {
    const text = cells[c];
    if (!text) continue;
    const m = matchHeader(text);
    if (!m) continue;
    fields.add(m.field);
    if (m.exact) exact++;
    if (m.field === 'problem' || m.field === 'measure') textCols.push(c);
  }
  return { fields, exact, textCols };
}

/** A row that can be a header: names a problem or measure column and at least one other known column. */
function isHeaderLike(s: RowScore): boolean {
  return (s.fields.has('problem') || s.fields.has('measure')) && s.fields.size >= 2;
}

/**
 * Whether data follows a candidate header: among the next few rows, one of several cells with a longer text in the
 * candidate's problem or measure column (a 目录 or a cover has short lines, or one cell a line).
 */
function dataBelow(sheet: SheetTable, r: number, s: RowScore): boolean {
  const keys = headerKeysOf(sheet, r, 1);
  let seen = 0;
  for (let k = r + 1; k < sheet.rows.length && k <= r + 12 && seen < 3; k++) {
    const row = sheet.rows[k];
    if (!row || row.length === 0 || isRepeatedHeader(row, keys)) continue;
    // its own sub-headers (措施清单 merged over 具体措施 | 完成时限): the second row of this header, not another header
    if (k === r + 1 && isSubHeaderRow(sheet, r)) continue;
    const below = scoreRow(row);
    // a header naming as much follows: what is under it is its data (the first was a 目录 or a cover line)
    if (isHeaderLike(below) && below.fields.size >= s.fields.size && below.exact >= 2) return false;
    if (isDataRow(row, s)) return true;
    if (row.some((t) => t && cleanText(t))) seen++;
  }
  return false;
}

/** A row of several cells with a longer text in the problem or measure column of a header. */
function isDataRow(row: readonly string[] | undefined, s: RowScore): boolean {
  if (!row) return false;
  let filled = 0;
  for (let c = 0; c < row.length && c < 1024 && filled < 2; c++) if (row[c] && cleanText(row[c]!)) filled++;
  if (filled < 2) return false;
  for (const c of s.textCols) if (cleanText(row[c] ?? '').length > 8) return true;
  return false;
}

/** More fields first, then exact header texts, then data under it (a 目录 has none); the earliest row among equals. */
const headerScore = (s: RowScore, data: boolean): number => s.fields.size * 100 + s.exact * 10 + (data ? 50 : 0);

/**
 * Finds the table in a sheet: the header row (scored against known header texts), a second header row under a group
 * header (“责任清单” over “责任部门 | 责任领导”), the column mapping, and the title and unit above it. Null when the sheet
 * holds no recognisable table (a 填表说明 or 选项表 sheet).
 */
export function analyzeSheet(sheet: SheetTable): SheetAnalysis | null {
  let best = -1;
  let bestScore = -1;
  let bestKeys: string[][] | null = null;
  let bestRow: RowScore | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const s = scoreRow(sheet.rows[r]);
    if (!isHeaderLike(s)) continue;
    // the header repeated (a printed page) never takes over from itself
    if (bestKeys && isRepeatedHeader(sheet.rows[r] ?? [], bestKeys)) continue;
    // a row naming no other field than the best header, less exactly, is a row of its table (“教材选用存在问题 | 落实整改措施”)
    if (bestRow && s.exact < bestRow.exact && [...s.fields].every((f) => bestRow!.fields.has(f))) continue;
    const data = dataBelow(sheet, r, s);
    const score = headerScore(s, data);
    if (score > bestScore) {
      best = r;
      bestScore = score;
      bestKeys = headerKeysOf(sheet, r, 1);
      bestRow = s;
    }
    if (data) break;
  }
  if (best < 0) return null;

  // a group header over sub-headers: take the row below into the header when it names further columns, each under a
  // group header (a cell merged across, or one that names no field: “责任清单”) or under an empty cell; a row with a
  // cell under a column the header already names is data, however short its texts (“存在问题 | 整改措施”)
  const below = sheet.rows[best + 1] ?? [];
  const twoRows = isSubHeaderRow(sheet, best);
  const headerRow = best;
  const headerRows = twoRows ? 2 : 1;

  const width = Math.max(...sheet.rows.slice(headerRow, headerRow + headerRows).map((r) => r.length), 0);
  const top = sheet.rows[headerRow] ?? [];
  const groupOf = groupHeaders(sheet, headerRow, width);
  const candidates: Candidate[] = [];
  let idColumn: number | undefined;
  for (let c = 0; c < width; c++) {
    if (cleanText(top[c] ?? '') === ID_COLUMN_HEADER) {
      idColumn = c; // our own id column: read by the importer, never offered for mapping
      continue;
    }
    const upper = cleanText(top[c] ?? '') || groupOf[c] || '';
    const lower = twoRows ? cleanText(below[c] ?? '') : '';
    const header = lower && upper && lower !== upper ? `${upper}/${lower}` : lower || upper;
    // under a group header merged across columns the sub-header says what the column is: “风险点所在单元/单位名称” is
    // no risk point, though its group's text names one
    const grouped = twoRows && groupOf[c] !== '' && lower !== '';
    const match = (lower ? matchHeader(lower) : null) ?? (grouped ? null : matchHeader(cleanText(top[c] ?? '')));
    candidates.push({ index: c, header: header.replace(/\n/g, ''), match, group: twoRows ? groupOf[c] ?? '' : '' });
  }
  const columns = assignFields(candidates);
  if (twoRows) fieldsFromGroups(columns, candidates);
  textBesideNumbers(sheet, headerRow, headerRow + headerRows, columns);
  unheadedCategory(sheet, headerRow + headerRows, columns);
  problemDescription(columns, candidates);
  peopleAsLeaders(columns);
  const { title, unit, department } = titleAndUnit(sheet.rows.slice(0, headerRow));
  return {
    sheet: sheet.name,
    headerRow,
    headerRows,
    columns,
    title,
    unit,
    headerKeys: headerKeysOf(sheet, headerRow, headerRows),
    ...(department ? { department } : {}),
    ...(idColumn !== undefined ? { idColumn } : {}),
  };
}

/**
 * Whether the row under header row `r` holds its sub-headers: each of its cells a header word (or a short text, or
 * under a group header merged across: 风险点所在单元 over 主管(监管)单位、街道) under a group header, under an empty cell
 * (one merged down from the header: 问题清单 over two rows), under a group word that names no field (责任清单), or
 * under a header naming the same field it refines (措施清单 over 具体措施); and no long texts (a data row).
 */
function isSubHeaderRow(sheet: SheetTable, r: number): boolean {
  const below = sheet.rows[r + 1] ?? [];
  const top = sheet.rows[r] ?? [];
  const groupCols = groupHeaders(sheet, r, Math.min(Math.max(below.length, top.length), 1024));
  const matches = below.map((t) => matchHeader(t));
  // the row names columns the header leaves unnamed (under a group header or an empty cell): only then may a
  // sub-header refine the header above it (措施清单 over 具体措施), which a table's first data row also seems to do
  // (问题 | 措施 over 教材存在问题 | 整改措施)
  const names = below.some((t, i) => cleanText(t) !== '' && ((groupCols[i] ?? '') !== '' || !cleanText(top[i] ?? '')));
  // (sub-headers that name no field of ours count when each sits under a group header merged across: 责任领导 over
  // 姓名 | 职务)
  return (
    (matches.some((m) => m?.exact) || below.some((t, i) => cleanText(t) !== '' && (groupCols[i] ?? '') !== '')) &&
    below.every((t, i) => {
      if (!t.trim()) return true;
      const group = groupCols[i] ?? '';
      const short = cleanText(t).length <= (group ? 20 : 8);
      return (matches[i] || short) && underGroup(top[i] ?? '', group, names ? (matches[i] ?? null) : null);
    }) &&
    !isDataLike(below)
  );
}

/**
 * A header cell a sub-header may sit under: empty, merged across columns, a group word that names no field, or (`sub`
 * given) one naming the sub-header's own field.
 */
function underGroup(top: string, group: string, sub: HeaderMatch | null): boolean {
  if (group !== '' || !cleanText(top)) return true;
  const match = matchHeader(top);
  return !match || (sub !== null && match.field === sub.field);
}

/** The text of a header cell merged across several columns, for each column it covers (for “组/子” header names). */
function groupHeaders(sheet: SheetTable, headerRow: number, width: number): string[] {
  const out = new Array<string>(width).fill('');
  for (let i = 0; i < sheet.merges.length; i++) {
    const m = sheet.merges[i]!; // (indexed: a long sheet has as many merges as rows; see extractRows)
    if (m.top !== headerRow || m.right === m.left) continue;
    const text = cleanText(sheet.rows[headerRow]?.[m.left] ?? '');
    for (let c = m.left; c <= m.right && c < width; c++) out[c] = text;
  }
  return out;
}

interface Candidate {
  index: number;
  header: string;
  match: HeaderMatch | null;
  /** the text of the group header merged over the column, '' when none */
  group?: string;
}

/** Sub-headers that name the thing a group header describes: “风险点描述” over “类别 | 具体名称 | 风险特征” */
const DESCRIBING = /名称|内容|描述|表现|事项|具体/;

/**
 * A field no column is named for but a group header is (“风险点描述” merged over “类别 | 具体名称 | 可能导致的后果”):
 * one of its sub-columns that names no field of its own holds it, the one whose sub-header names the thing (具体名称)
 * else the first. A group naming its field exactly goes before one that only contains a synonym (风险点所在单元).
 */
function fieldsFromGroups(columns: ImportColumn[], cands: readonly Candidate[]): void {
  const taken = new Set(columns.map((c) => c.field).filter((f): f is FieldId => f !== null));
  const groups = [...new Set(cands.map((c) => c.group ?? '').filter((g) => g !== ''))]
    .map((text) => ({ text, match: matchHeader(text) }))
    .filter((g): g is { text: string; match: HeaderMatch } => g.match !== null)
    .sort((a, b) => Number(b.match.exact) - Number(a.match.exact));
  for (const g of groups) {
    if (taken.has(g.match.field)) continue;
    const free = cands.filter((c) => c.group === g.text && c.match === null);
    const pick = free.find((c) => DESCRIBING.test(c.header.slice(g.text.length))) ?? free[0];
    const col = pick && columns.find((c) => c.index === pick.index);
    if (!col) continue;
    col.field = col.detected = g.match.field;
    taken.add(g.match.field);
  }
}

/**
 * A risk's description in a column of its own beside its short name (风险点 “公车管理” | 廉政风险主要内容及表现形式 “公车私用，
 * 违规报销油费”; 风险名称 | 风险描述; 风险点 | 主要风险概述; 风险项目 “外来人员” | 潜在风险隐患 “外来人员进校登记不严”): the name
 * alone is no specific problem, and the description left out would be lost, so both are read, as the problem's second
 * column (extractRows joins them: “公车管理：公车私用…”). The second column is one whose header says it describes a risk
 * or problem, or, beside a column of short names, another problem header (潜在风险隐患), never a post's or a person's
 * (风险点涉及的岗位); the problem's own column must not itself be a description (问题描述 | 风险描述 keeps the first).
 */
const DESCRIPTION_HEADER = /(?:风险|问题|隐患).*(?:描述|内容|表现|概述|特征|情形)|^(?:具体)?(?:描述|表现形式|主要内容|具体表现)$/;
/** Headers of a column of risks' short names (公车管理, 工程招标, 外来人员) */
const NAME_HEADER = /^(?:廉政)?(?:风险点|风险名称|风险项目|风险事项|风险点名称|主要风险)$/;
/** Headers that name who or where, not what: a problem header with one of these is no description */
const NOT_DESCRIPTION = /岗位|部门|单位|科室|人员?$|领导|位置/;

function problemDescription(columns: ImportColumn[], cands: readonly Candidate[]): void {
  const named = columns.filter((c) => c.field === 'problem');
  // (the whole header: a column under a group header that describes, 风险点描述/具体名称, is the description)
  const own = named.length === 1 ? headerKey(named[0]!.header) : '';
  if (!own || DESCRIPTION_HEADER.test(own)) return;
  const shortNames = NAME_HEADER.test(own);
  const describing = (c: ImportColumn): boolean => {
    if (c.field !== null || c.index === named[0]!.index) return false;
    const key = headerKey(lastPart(c.header));
    if (NOT_DESCRIPTION.test(key)) return false;
    const match = cands.find((k) => k.index === c.index)?.match ?? null;
    if (DESCRIPTION_HEADER.test(key)) return match === null || match.field === 'problem';
    return shortNames && match?.field === 'problem';
  };
  const description = columns.find(describing);
  if (description) description.field = description.detected = 'problem';
}

/** A sub-header's own text (“风险点描述/具体名称” → 具体名称). */
const lastPart = (header: string): string => header.slice(header.lastIndexOf('/') + 1);

/**
 * A table naming its responsible people only in a 责任人 column (责任部门 | 责任人, 整改台账's 责任单位 | 责任人): they
 * are its measures' responsible leaders, and left out they would be lost. Beside a 责任领导 column, a 责任人 or 部门负责人
 * column is someone else (a department's head) and is not read.
 */
function peopleAsLeaders(columns: ImportColumn[]): void {
  if (columns.some((c) => c.field === 'leaders')) return;
  // a 责任清单 in one column (问题清单 | 措施清单 | 责任清单): its departments and people, read together (extractRows)
  const list = columns.some((c) => c.field === 'departments') ? undefined : columns.find((c) => c.field === null && isResponsibilityList(c.header));
  if (list) {
    list.field = list.detected = 'departments';
    return;
  }
  const person = columns.find((c) => c.field === null && isPersonHeader(lastPart(c.header)));
  if (person) person.field = person.detected = 'leaders';
}

/** A cell that only numbers the item beside it: 1. | 2、 | （1） | 一、 | ① */
const NUMBER_ONLY = /^(?:[（(]?\d{1,3}[)）]?[.．、]?|[（(]?[一二三四五六七八九十]{1,3}[)）]?[、.．]?|[\u2460-\u2473])$/;
/** How many rows under the header are looked at to tell a column of numbers */
const NUMBER_LOOK_ROWS = 30;

/**
 * A header cell merged across two or more columns over a number and its text (问题清单 over “1. | 网络阵地管理不到位”,
 * as a Word table converted to Excel has them), or over an empty column and the one with the text (a Word table's
 * extra grid column: 责任部门 over “ | 政办”): the field is the text's column, not the one the header starts at. Moved
 * only when the first column holds nothing but numbers (a one-column field) or nothing at all, and one of the others
 * holds texts.
 */
function textBesideNumbers(sheet: SheetTable, headerRow: number, dataRow: number, columns: ImportColumn[]): void {
  for (let i = 0; i < sheet.merges.length; i++) {
    const m = sheet.merges[i]!;
    if (m.top !== headerRow || m.right === m.left || m.right - m.left > 4) continue;
    const col = columns.find((c) => c.index === m.left);
    if (!col?.field || col.field === 'serial') continue;
    const texts = new Array<number>(m.right - m.left + 1).fill(0);
    const longest = new Array<number>(m.right - m.left + 1).fill(0);
    let numbers = 0;
    let other = 0;
    for (let r = dataRow; r < sheet.rows.length && r < dataRow + NUMBER_LOOK_ROWS; r++) {
      const row = sheet.rows[r] ?? [];
      const first = cleanText(row[m.left] ?? '');
      if (first) {
        if (NUMBER_ONLY.test(first)) numbers++;
        else other++;
        if (!SECTION_LEAD.test(first)) longest[0] = Infinity;
        else longest[0] = Math.max(longest[0]!, first.length);
      }
      for (let c = m.left + 1; c <= m.right; c++) {
        const text = cleanText(row[c] ?? '');
        if (text.length > 1) texts[c - m.left]!++;
        longest[c - m.left] = Math.max(longest[c - m.left]!, text.length);
      }
    }
    let best = 0;
    for (let k = 1; k < texts.length; k++) if (texts[k]! > (texts[best] ?? 0)) best = k;
    if (best === 0 || texts[best] === 0) continue;
    // the problem's header over its section and its text (问题清单 over “一、网络阵地 | 学校公众号留言区无人管理…”): the
    // short names are the sections (the category, when no column is), the long texts the problems
    const sections = col.field === 'problem' && other > 0 && numbers === 0 && longest[0]! <= SECTION_NAME_LENGTH && longest[best]! > 2 * longest[0]!;
    if (!sections && (other > 0 || (numbers > 0 && !ONE_COLUMN_FIELDS.has(col.field)))) continue;
    const target = columns.find((c) => c.index === m.left + best && c.field === null);
    if (!target) continue;
    target.field = target.detected = col.field;
    col.field = col.detected = sections && !columns.some((c) => c.field === 'category') ? 'category' : null;
  }
}

/**
 * A name that is a department's, not a section's: 党办, 教务处, 高一年级. Narrower than cellNames' DEPARTMENT_ENDING on
 * purpose: sections end in 网站, 场所, 体系 and 例会 too, which that list takes for departments' endings.
 */
const DEPARTMENT_LIKE = /(?:处|室|办|部|委|中心|年级|组|科|馆|支部)$/;

/**
 * A column without a header left of the problems, with short names merged down (or written once) over them: the
 * sections (网络阵地 | 课堂讲坛), the category as a reader takes it — a title merged across the top often leaves the
 * first column's header cell empty. Only when no column is the category, and never a column of numbers, of
 * departments' names or of names of one or two characters.
 */
function unheadedCategory(sheet: SheetTable, dataRow: number, columns: ImportColumn[]): void {
  if (columns.some((c) => c.field === 'category')) return;
  const text = columns.find((c) => c.field === 'problem') ?? columns.find((c) => c.field === 'measure');
  if (!text) return;
  const measure = columns.find((c) => c.field === 'measure')?.index ?? text.index;
  const first = Math.min(...columns.map((c) => c.index));
  for (let col = 0; col < Math.min(text.index, first); col++) {
    let filled = 0;
    let rows = 0;
    let short = 0;
    let ok = true;
    for (let r = dataRow; r < sheet.rows.length && r < dataRow + NUMBER_LOOK_ROWS * 2 && ok; r++) {
      const row = sheet.rows[r] ?? [];
      if (!cleanText(row[text.index] ?? '') && !cleanText(row[measure] ?? '')) continue;
      rows++;
      const name = cleanText(row[col] ?? '');
      if (!name) continue;
      filled++;
      if (name.length > SECTION_NAME_LENGTH || NUMBER_ONLY.test(name) || /^\d/.test(name) || DEPARTMENT_LIKE.test(name)) ok = false;
      if (name.length < 3) short++;
    }
    // names of one or two characters are as often departments (工会, 高一), people (张三) or marks (是, ★) as
    // sections (网络, 课堂): most of them so, and the column is not taken for the category
    if (short * 2 > filled) ok = false;
    const merged = sheet.merges.some((m) => m.left <= col && m.right >= col && m.top >= dataRow && m.bottom > m.top);
    // a name over several rows (merged down, or written once and left blank below): sections, not a row's own text
    if (!ok || filled === 0 || rows < 2 || (!merged && filled > rows * 0.6)) continue;
    columns.unshift({ index: col, header: `（第 ${col + 1} 列，无表头）`, field: 'category', detected: 'category' });
    columns.sort((a, b) => a.index - b.index);
    return;
  }
}

/** The longest a section's name is, written beside its problems under their header (一、网络阵地, （二）课堂讲坛) */
const SECTION_NAME_LENGTH = 16;

/** Exact matches claim their field first; a one-column field taken twice keeps its first column only. */
function assignFields(cands: readonly Candidate[]): ImportColumn[] {
  const taken = new Set<FieldId>();
  const fieldOf = new Map<number, FieldId>();
  for (const pass of [true, false]) {
    for (const c of cands) {
      if (!c.match || c.match.exact !== pass) continue;
      if (ONE_COLUMN_FIELDS.has(c.match.field) && taken.has(c.match.field)) continue;
      taken.add(c.match.field);
      fieldOf.set(c.index, c.match.field);
    }
  }
  return cands
    .filter((c) => c.header !== '' || fieldOf.has(c.index))
    .map((c) => ({ index: c.index, header: c.header, field: fieldOf.get(c.index) ?? null, detected: fieldOf.get(c.index) ?? null }));
}

/** A row of data rather than sub-headers: long texts. */
function isDataLike(row: readonly string[]): boolean {
  return row.some((t) => cleanText(t).length > 16);
}

const UNIT_LINE = /(?:填报|报送|填表|责任)?单位(?:（盖章）|\(盖章\)|名称)?[:：]\s*([^\s:：]+?)(?:\s|填报|报送|日期|时间|$)/;
/** 部门（盖章）：德育处, 填报部门：教务处, 责任处室：党办 — a line above the header naming the sheet's department */
const DEPARTMENT_LINE = /(?:填报|报送|填表|责任)?(?:部门|处室|科室|股室)(?:（盖章）|\(盖章\)|名称)?\s*[:：]\s*([\u4e00-\u9fa5]{2,12})(?=\s|（|\(|填报|填表|报送|日期|时间|$)/;
const UNIT_PREFIX = /^(.+?(?:学校|中学|小学|大学|学院|幼儿园|中心校|学区|教育局|局|委员会|党委|党总支|党支部|中心|公司|医院|研究所|街道|镇|乡))(?=\d{4}\s*年|年度|意识形态|党风|廉政|安全|校园|风险|“|")/;

/** Words a table's title line has: 三清单, 台账, 一览表, 风险防控表… */
const TITLE_WORDS = /清单|台账|一览表|排查表|登记表|防控表|统计表|汇总表|责任表|风险|问题|隐患/;

/**
 * The list's title and the unit. The title is the nearest line above the header that reads like one (a cover, a 目录
 * or a 领导小组 list may come further up), else the longest line above it; 附件 labels and 填报 lines are not titles.
 */
function titleAndUnit(above: string[][]): { title: string; unit: string; department: string } {
  let unit = '';
  let department = '';
  const lines: string[] = [];
  for (const row of above) {
    const line = cleanText(row.filter((t) => t.trim()).join(' '));
    if (!line || /^附件\s*\d*[:：]?$/.test(line)) continue;
    const d = DEPARTMENT_LINE.exec(line);
    if (d) department ||= d[1]!;
    const u = UNIT_LINE.exec(line);
    if (u || d) {
      if (u) unit ||= u[1]!;
      continue;
    }
    if (!/^(填报|填表|填写|报送|日期|时间)/.test(line)) lines.push(line.replace(/^附件\s*\d*[:：]?\s*/, ''));
  }
  let title = '';
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 3; i--) {
    if (TITLE_WORDS.test(lines[i]!) && lines[i]!.length <= 80) {
      title = lines[i]!;
      break;
    }
  }
  if (!title) for (const line of lines) if (line.length > title.length) title = line;
  if (!unit) unit = UNIT_PREFIX.exec(title)?.[1] ?? '';
  return { title, unit, department };
}

/** The header rows' cells as a repeated header is compared with them: one key per column, '' for an empty cell. */
export function headerKeysOf(sheet: SheetTable, headerRow: number, headerRows: number): string[][] {
  const out: string[][] = [];
  for (let r = headerRow; r < headerRow + headerRows; r++) {
    const row = sheet.rows[r] ?? [];
    // (bounded: a header row of a hostile file can claim a cell in its last column)
    const width = Math.min(row.length, 1024);
    const keys: string[] = new Array<string>(width);
    for (let c = 0; c < width; c++) keys[c] = headerKey(cleanText(row[c] ?? ''));
    out.push(keys);
  }
  return out;
}

/**
 * True when a row repeats one of the header rows (a table printed across pages): each of its cells is, after the same
 * normalisation, the header's cell in that column, or empty. A row whose cells merely contain header words (a measure
 * “落实整改措施”, a problem “教材选用存在问题”) is data, never a header.
 */
export function isRepeatedHeader(row: readonly string[], headerKeys: readonly (readonly string[])[]): boolean {
  for (let h = 0; h < headerKeys.length; h++) if (repeats(row, headerKeys[h]!)) return true;
  return false;
}

function repeats(row: readonly string[], keys: readonly string[]): boolean {
  let same = 0;
  for (let c = 0; c < row.length; c++) {
    const raw = row[c];
    if (!raw) continue;
    const key = keys[c];
    if (!key) {
      // a column the header left unnamed, named on this page's header (备注 added at its end): a header word, exactly
      if (raw.length <= 12 && matchHeader(raw)?.exact) continue;
      return false;
    }
    // cheap refusals first (this runs for every row): a data cell is mostly much longer, or shorter, than the header's
    if (raw.length > key.length * 2 + 8) return false;
    const text = cleanText(raw);
    if (!text) continue;
    if (text.length < key.length || text.indexOf(key[0]!) < 0 || headerKey(text) !== key) return false;
    same++;
  }
  if (same === 0) return false;
  let wanted = 0;
  for (let c = 0; c < keys.length; c++) if (keys[c]) wanted++;
  return same >= Math.min(2, wanted);
}
