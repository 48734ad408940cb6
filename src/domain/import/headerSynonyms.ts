import type { FieldId } from '../fields';
import { nameKey } from '../text';

/**
 * Header texts seen for each column of a three-list and its sibling tables (廉政风险防控表, 整改台账, 安全风险清单):
 * see shared/reference/table-layouts.md §2. Compared after removing every space and line break ("序 号", "风险\n类别").
 */
export const HEADER_SYNONYMS: Record<FieldId, string[]> = {
  serial: ['序号', '编号', '序'],
  problem: [
    '问题清单', '问题', '存在问题', '问题描述', '问题内容', '风险点', '风险隐患', '风险点描述', '风险名称', '主要风险',
    '廉政风险点', '风险隐患点', '潜在风险隐患', '主要风险概述', '隐患内容', '隐患描述', '问题表现', '具体问题', '风险描述',
    '风险内容', '风险点及表现形式', '风险项目', '问题清单（风险点）',
  ],
  measure: [
    '措施清单', '措施', '防控措施', '整改措施', '应对措施', '管控措施', '工作措施', '具体措施', '防控方法', '防范措施',
    '化解防范措施', '措施内容', '整改举措', '防控要点及防控措施', '应对措施及工作频次', '工作举措', '任务清单',
  ],
  departments: [
    '责任部门', '责任单位', '责任处室', '责任科室', '牵头部门', '负责部门', '部门', '单位/科室', '责任股室', '主责单位',
    '负责单位', '牵头单位', '责任部门（单位）', '科室', '处室', '责任科（室）', '承办部门', '配合部门',
  ],
  leaders: ['责任领导', '分管领导', '主管领导', '牵头领导', '责任校领导', '分管校领导', '包保领导', '风险防控责任领导', '领导'],
  deadline: ['完成时限', '整改时限', '时限', '完成时间', '时间节点', '整改期限', '完成期限', '办结时限', '时限要求', '整改时间'],
  level: ['风险等级', '等级', '风险级别', '风险级次', '隐患级别', '级别'],
  status: ['整改情况', '整改进展', '进展情况', '完成情况', '状态', '进展', '落实情况', '措施状态', '是否完成', '整改结果', '进展/状态', '推进情况'],
  note: ['备注', '说明'],
  category: ['类别', '风险类别', '领域', '风险类型', '类型', '分类', '风险领域'],
  progress: [], // a table's 进展情况 column is read as the status; per-round progress is entered in the app
};

/** Person columns that are not the responsible department or leader (we do not import people's names as such). */
const NOT_A_FIELD = /负责人|责任人|联系人|电话|签字|经办人/;

const EXACT = new Map<string, FieldId>();
const CONTAINED: { key: string; field: FieldId }[] = [];
for (const [field, words] of Object.entries(HEADER_SYNONYMS) as [FieldId, string[]][]) {
  for (const w of words) {
    const key = headerKey(w);
    if (!EXACT.has(key)) EXACT.set(key, field);
    if (key.length >= 2) CONTAINED.push({ key, field });
  }
}
CONTAINED.sort((a, b) => b.key.length - a.key.length); // the longest synonym found in a header wins

/** A header cell as compared: no spaces or line breaks, full-width folded, no required-field marks or trailing colon. */
export function headerKey(text: string): string {
  return nameKey(text).replace(/[*＊:：]/g, '').replace(/[（(]/g, '（').replace(/[)）]/g, '）');
}

export interface HeaderMatch {
  field: FieldId;
  exact: boolean;
}

// Data cells are checked too (a header repeated on each printed page is skipped), and their texts repeat (党办, 长期坚持):
// each distinct text is matched once. Bounded, so a huge sheet of distinct texts cannot grow it without limit.
const matched = new Map<string, HeaderMatch | null>();

export function matchHeader(text: string): HeaderMatch | null {
  let m = matched.get(text);
  if (m === undefined) {
    if (matched.size > 5000) matched.clear();
    matched.set(text, (m = matchHeaderKey(text)));
  }
  return m;
}

function matchHeaderKey(text: string): HeaderMatch | null {
  const key = headerKey(text);
  if (!key || key.length > 24) return null;
  const exact = EXACT.get(key);
  if (exact) return { field: exact, exact: true };
  if (NOT_A_FIELD.test(key)) return null;
  for (const c of CONTAINED) if (key.includes(c.key)) return { field: c.field, exact: false };
  return null;
}
