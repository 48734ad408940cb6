import { exportFileName, type ExportOptions } from '../export/exportOptions';
import { buildRows, type RiskRow } from '../rows';
import type { Directory, Id, ListContent } from '../types';
import { listRows, type RowValues } from './model';

/**
 * Sending the list out (分发给各部门): one workbook per department, either only its measures with their problems, or
 * the whole list with its rows highlighted. The record kept of it holds what each department was sent and every
 * row's values at that moment: the base a returned copy is compared with, so that a change made in the app since
 * then and a different one in the copy show as a conflict instead of one silently winning.
 */
export type DistributionMode = 'own' | 'whole';

export const INSTRUCTIONS =
  '填写说明：请直接在本表中修改措施、责任部门、责任领导、完成时限和进展（可增加或删除行），不要改动隐藏的“数据标识”列；改好后将本文件原样交回。';

export interface DistributionPart {
  department: string;
  departmentId: Id;
  /** the rows of the workbook */
  rows: RiskRow[];
  /** the department's own rows (highlighted in a whole-list copy) */
  own: Set<string>;
  fileName: string;
}

export interface Distribution {
  listId: Id;
  at: number;
  mode: DistributionMode;
  parts: { department: string; file: string; keys: string[] }[];
  snapshot: Record<string, RowValues>;
}

const rowKeyOf = (r: RiskRow) => r.measureId ?? `p:${r.problemId}`;

/** One part per department that has measures in the list, in directory order. */
export function distributionParts(content: ListContent, directory: Directory, mode: DistributionMode, date: Date): DistributionPart[] {
  const rows = buildRows(content.problems, content.measures);
  const parts: DistributionPart[] = [];
  const usedNames = new Set<string>();
  for (const d of directory.departments) {
    const mine = rows.filter((r) => r.departmentIds.includes(d.id));
    if (mine.length === 0) continue;
    let fileName = `${d.name}_${exportFileName(content.list.unit, content.list.title, date)}`.replace(/[\\/:*?"<>|]/g, '');
    for (let n = 2; usedNames.has(fileName.toLowerCase()); n++) fileName = fileName.replace(/(（\d+）)?\.xlsx$/i, `（${n}）.xlsx`);
    usedNames.add(fileName.toLowerCase());
    parts.push({ department: d.name, departmentId: d.id, rows: mode === 'own' ? mine : rows, own: new Set(mine.map((r) => r.rowId)), fileName });
  }
  return parts;
}

/** The export options of one part: the list's own settings, one sheet, the department named, its rows marked. */
export function partOptions(base: ExportOptions, part: DistributionPart, mode: DistributionMode): ExportOptions {
  return {
    ...base,
    perDepartment: false,
    perLeader: false,
    summary: false,
    part: { department: part.department, instructions: INSTRUCTIONS, ...(mode === 'whole' ? { highlight: part.own } : {}) },
  };
}

export function distributionRecord(content: ListContent, directory: Directory, parts: readonly DistributionPart[], mode: DistributionMode, at: number): Distribution {
  const snapshot: Record<string, RowValues> = {};
  for (const r of listRows(content, directory)) {
    const { key, problemId: _p, measureId: _m, index: _i, excelRow: _e, sheet: _s, ...values } = r;
    snapshot[key] = values;
  }
  return {
    listId: content.list.id,
    at,
    mode,
    parts: parts.map((p) => ({ department: p.department, file: p.fileName, keys: p.rows.map(rowKeyOf) })),
    snapshot,
  };
}

