/**
 * The columns of a three-list, in one place: the grid, the paste mapping and (later) the importer's header synonyms and
 * the exporter's column set all read from here.
 */
export type FieldId =
  | 'serial'
  | 'problem'
  | 'measure'
  | 'departments'
  | 'leaders'
  | 'deadline'
  | 'status'
  | 'note'
  | 'level'
  | 'category'
  | 'progress';

export interface FieldSpec {
  id: FieldId;
  label: string;
  /** Which record a value lives on: editing a problem-scoped cell changes it for every measure of that problem. */
  scope: 'problem' | 'measure' | 'derived';
  defaultVisible: boolean;
  defaultWidth: number;
}

export const FIELDS: readonly FieldSpec[] = [
  { id: 'serial', label: '序号', scope: 'derived', defaultVisible: true, defaultWidth: 84 }, // handle + up to 5 digits (consolidated lists)
  { id: 'category', label: '类别', scope: 'problem', defaultVisible: false, defaultWidth: 110 },
  { id: 'problem', label: '问题清单', scope: 'problem', defaultVisible: true, defaultWidth: 300 },
  { id: 'level', label: '风险等级', scope: 'problem', defaultVisible: false, defaultWidth: 90 },
  { id: 'measure', label: '措施清单', scope: 'measure', defaultVisible: true, defaultWidth: 340 },
  { id: 'departments', label: '责任部门', scope: 'measure', defaultVisible: true, defaultWidth: 130 },
  { id: 'leaders', label: '责任领导', scope: 'measure', defaultVisible: true, defaultWidth: 120 },
  { id: 'deadline', label: '完成时限', scope: 'measure', defaultVisible: true, defaultWidth: 120 },
  { id: 'status', label: '进展/状态', scope: 'measure', defaultVisible: true, defaultWidth: 120 },
  { id: 'note', label: '备注', scope: 'measure', defaultVisible: true, defaultWidth: 140 },
  // the current round's 进展情况 (cycle/progress.ts): not a field of the measure, kept per round; shown on demand (显示列):
  // one more default column would squeeze 问题清单 and 措施清单 below a readable width at 1440 px
  { id: 'progress', label: '进展情况', scope: 'measure', defaultVisible: false, defaultWidth: 200 },
];

export const fieldSpec = (id: FieldId): FieldSpec => FIELDS.find((f) => f.id === id)!;

export const isFieldId = (id: string): id is FieldId => FIELDS.some((f) => f.id === id);

/** Suggestions offered when editing the status cell; any other text is allowed too. */
export const STATUS_SUGGESTIONS = ['未开始', '推进中', '已完成', '长期坚持', '已销号'];
