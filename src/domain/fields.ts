import { namesText, type Person } from './directory';
import type { RiskRow } from './rows';
import type { Id, Measure, PersonKind, Problem } from './types';

/**
 * The columns of a three-list, in one place. The grid (its columns, row heights, copy), the exporter (header, widths,
 * merged cells, alignment, default columns), the importer (header synonyms, one-column fields, the fields a row
 * carries, what an update compares), editing (which record a cell writes), the merge and the logs' field names all
 * read from here: adding a field is one entry below, and the type checker then names each place that must handle it
 * (the grid's behaviour per field, the row's value).
 */

/** The keys of a record that hold text: what a text field can be stored under. */
type TextKey<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T];

/** Where a field's value is kept: how it is written, compared, pasted and imported. */
export type FieldStore =
  /** the problem's number: follows the order, never written */
  | { kind: 'serial' }
  /** a text of the problem, shared by all its measures */
  | { kind: 'problemText'; key: Exclude<TextKey<Problem>, 'id' | 'listId'> }
  /** a text of the measure */
  | { kind: 'measureText'; key: Exclude<TextKey<Measure>, 'id' | 'listId' | 'problemId'> }
  /** department or leader records, by id, shown as their names one per line */
  | { kind: 'people'; person: PersonKind; ids: 'departmentIds' | 'leaderIds' }
  /**
   * the 进展情况 of the round in preparation (cycle/progress.ts): kept per measure and 研判 round, not on the measure, so
   * only a cell edit writes it (paste, fill and imports do not: they would not know which round they speak for)
   */
  | { kind: 'roundProgress' };

/** The names a row's departments or leaders show, one per line (the grid has them on its rows already). */
export type NamesOf = (row: RiskRow, person: PersonKind) => string;

interface FieldEntry {
  id: string;
  /** the grid's header, the field's name in the app and its logs */
  label: string;
  /** the header of an exported table, which the importer reads back; the grid's label when not given */
  exportLabel?: string;
  /**
   * header texts seen for this column in real tables and their siblings (廉政风险防控表, 整改台账, 安全风险清单): see
   * shared/reference/table-layouts.md §2. Compared without spaces or line breaks (“序 号”, “风险\n类别”).
   */
  synonyms: readonly string[];
  /**
   * which field a header naming two of them (by synonyms equally long) is read as: the lower rank. The core columns
   * rank before the optional ones.
   */
  headerRank: number;
  /** which record a value lives on: editing a problem-scoped cell changes it for every measure of that problem */
  scope: 'problem' | 'measure' | 'derived';
  /** in an exported or printed table */
  align: 'left' | 'center';
  defaultVisible: boolean;
  /** the grid column's width, in pixels */
  defaultWidth: number;
  /** the relative width in an exported table (Excel units, A4 landscape fitted to one page wide) */
  exportWidth: number;
  /** in a new export's columns always, or only when some row has a value */
  exported: 'always' | 'whenUsed';
  store: FieldStore;
  /** the text a cell shows (and copies, exports, fills) */
  text: (row: RiskRow, names: NamesOf) => string;
}

const REGISTRY = [
  {
    id: 'serial',
    label: '序号',
    synonyms: ['序号', '编号', '序'],
    headerRank: 0,
    scope: 'derived',
    align: 'center',
    defaultVisible: true,
    defaultWidth: 84, // handle + up to 5 digits (consolidated lists)
    exportWidth: 6,
    exported: 'always',
    store: { kind: 'serial' },
    text: (r) => String(r.serial),
  },
  {
    id: 'category',
    label: '类别',
    synonyms: ['类别', '风险类别', '领域', '风险类型', '类型', '分类', '风险领域', '一级指标', '重要环节', '权力事项', '权限', '项目', '事故风险类型'],
    headerRank: 9,
    scope: 'problem',
    align: 'left',
    defaultVisible: false,
    defaultWidth: 110,
    exportWidth: 10,
    exported: 'whenUsed',
    store: { kind: 'problemText', key: 'category' },
    text: (r) => r.category,
  },
  {
    id: 'problem',
    label: '问题清单',
    synonyms: [
      '问题清单', '问题', '存在问题', '问题描述', '问题内容', '风险点', '风险隐患', '风险点描述', '风险名称', '主要风险',
      '廉政风险点', '风险隐患点', '潜在风险隐患', '主要风险概述', '隐患内容', '隐患描述', '问题表现', '具体问题', '风险描述',
      '风险内容', '风险点及表现形式', '风险项目', '问题清单（风险点）', '风险事项', '存在风险', '存在的风险', '风险表现',
    ],
    headerRank: 1,
    scope: 'problem',
    align: 'left',
    defaultVisible: true,
    defaultWidth: 300,
    exportWidth: 32,
    exported: 'always',
    store: { kind: 'problemText', key: 'text' },
    text: (r) => r.problem,
  },
  {
    id: 'level',
    label: '风险等级',
    synonyms: ['风险等级', '等级', '风险级别', '风险级次', '隐患级别', '级别', '风险程度', '风险等次', '风险评估等次', '风险评估等级', '风险评级'],
    headerRank: 6,
    scope: 'problem',
    align: 'center',
    defaultVisible: false,
    defaultWidth: 90,
    exportWidth: 8,
    exported: 'whenUsed',
    store: { kind: 'problemText', key: 'level' },
    text: (r) => r.level,
  },
  {
    id: 'measure',
    label: '措施清单',
    synonyms: [
      '措施清单', '措施', '防控措施', '整改措施', '应对措施', '管控措施', '工作措施', '具体措施', '防控方法', '防范措施',
      '化解防范措施', '措施内容', '整改举措', '防控要点及防控措施', '应对措施及工作频次', '工作举措', '任务清单', '应对策略',
      '工作任务', '具体任务', '整改任务', '举措', '应对举措', '防控举措', '防范举措', '具体举措', '管控举措',
    ],
    headerRank: 2,
    scope: 'measure',
    align: 'left',
    defaultVisible: true,
    defaultWidth: 340,
    exportWidth: 42,
    exported: 'always',
    store: { kind: 'measureText', key: 'text' },
    text: (r) => r.measure,
  },
  {
    id: 'departments',
    label: '责任部门',
    synonyms: [
      '责任部门', '责任单位', '责任处室', '责任科室', '牵头部门', '负责部门', '部门', '单位/科室', '责任股室', '主责单位',
      '负责单位', '牵头单位', '责任部门（单位）', '科室', '处室', '责任科（室）', '承办部门', '配合部门', '责任主体', '责任处（室）',
    ],
    headerRank: 3,
    scope: 'measure',
    align: 'left',
    defaultVisible: true,
    defaultWidth: 130,
    exportWidth: 12,
    exported: 'always',
    store: { kind: 'people', person: 'department', ids: 'departmentIds' },
    text: (r, names) => names(r, 'department'),
  },
  {
    id: 'leaders',
    label: '责任领导',
    synonyms: ['责任领导', '分管领导', '主管领导', '牵头领导', '责任校领导', '分管校领导', '包保领导', '风险防控责任领导', '领导'],
    headerRank: 4,
    scope: 'measure',
    align: 'left',
    defaultVisible: true,
    defaultWidth: 120,
    exportWidth: 11,
    exported: 'always',
    store: { kind: 'people', person: 'leader', ids: 'leaderIds' },
    text: (r, names) => names(r, 'leader'),
  },
  {
    id: 'deadline',
    label: '完成时限',
    synonyms: ['完成时限', '整改时限', '时限', '完成时间', '时间节点', '整改期限', '完成期限', '办结时限', '时限要求', '整改时间', '时间要求', '截止时间', '截止日期', '完成日期', '办结时间', '整改完成时间'],
    headerRank: 5,
    scope: 'measure',
    align: 'center',
    defaultVisible: true,
    defaultWidth: 120,
    exportWidth: 12,
    exported: 'whenUsed',
    store: { kind: 'measureText', key: 'deadline' },
    text: (r) => r.deadline,
  },
  {
    id: 'status',
    label: '进展/状态',
    exportLabel: '进展情况',
    synonyms: ['整改情况', '整改进展', '进展情况', '完成情况', '状态', '进展', '落实情况', '措施状态', '是否完成', '整改结果', '进展/状态', '推进情况', '销号情况', '是否整改到位', '整改进度', '完成进度', '是否销号', '办结情况'],
    headerRank: 7,
    scope: 'measure',
    align: 'center',
    defaultVisible: true,
    defaultWidth: 120,
    exportWidth: 11,
    exported: 'whenUsed',
    store: { kind: 'measureText', key: 'status' },
    text: (r) => r.status,
  },
  {
    id: 'note',
    label: '备注',
    synonyms: ['备注', '说明', '监测指标'],
    headerRank: 8,
    scope: 'measure',
    align: 'left',
    defaultVisible: true,
    defaultWidth: 140,
    exportWidth: 14,
    exported: 'whenUsed',
    store: { kind: 'measureText', key: 'note' },
    text: (r) => r.note,
  },
  {
    // shown on demand (显示列): one more default column would squeeze 问题清单 and 措施清单 below a readable width at
    // 1440 px. No header synonyms: a table's 进展情况/整改情况 column is read as the status (above), as it always was.
    id: 'progress',
    label: '本轮进展情况',
    synonyms: [],
    headerRank: 10,
    scope: 'measure',
    align: 'left',
    defaultVisible: false,
    defaultWidth: 200,
    exportWidth: 20,
    exported: 'whenUsed',
    store: { kind: 'roundProgress' },
    text: (r) => r.progress ?? '',
  },
] as const satisfies readonly FieldEntry[];

type Entry = (typeof REGISTRY)[number];

export type FieldId = Entry['id'];

/** Fields kept as text on a problem or a measure: what a cell edit, a paste or an import writes as it is. */
export type TextField = Extract<Entry, { store: { kind: 'problemText' | 'measureText' } }>['id'];
/** Fields naming department or leader records. */
export type PeopleFieldId = Extract<Entry, { store: { kind: 'people' } }>['id'];

/** Some of the fields, by id: a name that is not a field's id is a type error. */
export type FieldSubset<T extends FieldId> = T;

export interface FieldSpec extends Omit<FieldEntry, 'id' | 'exportLabel'> {
  id: FieldId;
  exportLabel: string;
}

/** Every field, in the grid's and the exported table's column order. */
export const FIELDS: readonly FieldSpec[] = REGISTRY.map((f: FieldEntry) => ({ ...f, exportLabel: f.exportLabel ?? f.label }) as FieldSpec);

const BY_ID = new Map<string, FieldSpec>(FIELDS.map((f) => [f.id, f]));

export const fieldSpec = (id: FieldId): FieldSpec => BY_ID.get(id)!;

export const isFieldId = (id: string): id is FieldId => BY_ID.has(id);

const isTextStore = (f: FieldSpec): boolean => f.store.kind === 'problemText' || f.store.kind === 'measureText';

/** The text fields, in column order. */
export const TEXT_FIELDS: readonly TextField[] = FIELDS.filter(isTextStore).map((f) => f.id as TextField);

/** The people fields, in column order. */
export const PEOPLE_FIELDS: readonly PeopleFieldId[] = FIELDS.filter((f) => f.store.kind === 'people').map((f) => f.id as PeopleFieldId);

export const isTextField = (id: FieldId): id is TextField => isTextStore(fieldSpec(id));

export const isPeopleField = (id: FieldId): id is PeopleFieldId => fieldSpec(id).store.kind === 'people';

/**
 * Whether an import (a file, a pasted table, the preview's column mapping) writes the field: not 序号, which follows
 * the order of problems, nor the round's 进展情况, which is written per round.
 */
export const isImportable = (f: FieldSpec): boolean => f.store.kind !== 'serial' && f.store.kind !== 'roundProgress';

/**
 * 序号 and the problem's own fields: one cell per problem, merged down over its measures in a table; pointing at one
 * means the problem.
 */
export const isProblemCell = (id: FieldId): boolean => fieldSpec(id).scope !== 'measure';

/** The record key a text field is stored under, on its problem or its measure. */
export function textStore(id: TextField): { table: 'problems'; key: TextKey<Problem> } | { table: 'measures'; key: TextKey<Measure> } {
  const store = fieldSpec(id).store;
  if (store.kind === 'problemText') return { table: 'problems', key: store.key };
  if (store.kind === 'measureText') return { table: 'measures', key: store.key };
  throw new Error(`not a text field: ${id}`);
}

/** Names from the directory, for rows that carry ids only. */
export function namesFrom(people: ReadonlyMap<Id, Person>): NamesOf {
  return (r, person) => namesText(people, person === 'department' ? r.departmentIds : r.leaderIds);
}

/** The text a cell shows: department and leader names one per line, the serial as digits. */
export const cellText = (row: RiskRow, field: FieldId, names: NamesOf): string => fieldSpec(field).text(row, names);

/** Suggestions offered when editing the status cell; any other text is allowed too. */
export const STATUS_SUGGESTIONS = ['未开始', '推进中', '已完成', '长期坚持', '已销号'];
