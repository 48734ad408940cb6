import { createOps, findByName, type Person } from './directory';
import { DomainError } from './errors';
import { newId } from './ids';
import { createList, type ListMeta } from './lists';
import { concatPatches, type Patch } from './patch';
import { appendFlatRows, emptyContent, type FlatRow } from './rowsToList';
import type { Department, Directory, Leader, RiskList } from './types';

/** The sample list that ships in samples/ and opens from “打开示例”. */
export interface SampleFile {
  format: 'sanqingdan-sample';
  version: 1;
  list: ListMeta;
  leaders: { name: string; post: string }[];
  departments: { name: string; aliases: string[]; supervisor: string | null }[];
  rows: FlatRow[];
}

export function isSampleFile(value: unknown): value is SampleFile {
  const v = value as Partial<SampleFile> | null;
  return !!v && v.format === 'sanqingdan-sample' && v.version === 1 && Array.isArray(v.rows) && !!v.list;
}

/**
 * Opens the sample as a new list. Leaders and departments the user already has are reused (their supervisors are
 * left as the user set them); missing ones are created with the sample's posts, aliases and supervisors.
 */
export function samplePatch(sample: SampleFile, directory: Directory): { patch: Patch; list: RiskList } {
  if (!isSampleFile(sample)) throw new DomainError('示例文件格式不正确，无法打开。');
  const leaders: Leader[] = [...directory.leaders];
  const createdLeaders: Person[] = [];
  for (const l of sample.leaders) {
    if (findByName({ departments: [], leaders }, 'leader', l.name)) continue;
    const rec: Leader = { id: newId(), name: l.name, post: l.post };
    leaders.push(rec);
    createdLeaders.push(rec);
  }
  const departments: Department[] = [...directory.departments];
  const createdDepartments: Person[] = [];
  for (const d of sample.departments) {
    if (findByName({ departments, leaders: [] }, 'department', d.name)) continue;
    const supervisor = d.supervisor ? findByName({ departments: [], leaders }, 'leader', d.supervisor) : undefined;
    const rec: Department = { id: newId(), name: d.name, aliases: [...d.aliases], supervisorId: supervisor?.id ?? null };
    departments.push(rec);
    createdDepartments.push(rec);
  }
  const { patch: listPatch, list } = createList(sample.list);
  const rows = appendFlatRows(emptyContent(list), { departments, leaders }, sample.rows, '');
  const directoryPatch = { label: '', ops: [...createOps('leader', createdLeaders), ...createOps('department', createdDepartments)] };
  return { patch: concatPatches(`打开示例“${list.title}”`, [directoryPatch, listPatch, rows]), list };
}

