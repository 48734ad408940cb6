import { DomainError } from './errors';
import type { ChangeLogEntry } from './changeLog';
import { TABLES, type ListTable, type Op, type Patch, type TableRecords } from './patch';

/**
 * The whole database as one file: versioned so that a file from an older app version is migrated on restore, and
 * checked before anything is touched (format, version, every reference) so that a broken or foreign file changes
 * nothing.
 */
export const BACKUP_FORMAT = 'sanqingdan-backup';
export const BACKUP_VERSION = 3;

export type BackupData = { [T in ListTable]: TableRecords[T][] } & { history: ChangeLogEntry[] };

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  exportedAt: string;
  appVersion: string;
  data: BackupData;
}

export function makeBackup(data: BackupData, schemaVersion: number, appVersion: string, now = new Date()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion, exportedAt: now.toISOString(), appVersion, data };
}

export function backupFileName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `三清单备份_${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}_${p(now.getHours())}${p(now.getMinutes())}.json`;
}

/** Older backup versions, upgraded step by step to the current one. */
const MIGRATIONS: Record<number, (b: Record<string, unknown>) => Record<string, unknown>> = {
  // 2 adds the 研判 rounds and their snapshots: a list backed up before had none
  1: (b) => ({ ...b, version: 2, data: isObj(b.data) ? { rounds: [], snapshots: [], ...b.data } : b.data }),
  // 3 adds the 进展情况 entries per round: a list backed up before had none (its held rounds' statuses are in their snapshots)
  2: (b) => ({ ...b, version: 3, data: isObj(b.data) ? { progress: [], ...b.data } : b.data }),
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const strArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

/** Parses and checks a backup file's text; throws a DomainError that says what is wrong, naming the file. */
export function parseBackup(text: string, fileName: string): Backup {
  const bad = (why: string) => new DomainError(`“${fileName}”不是可用的三清单备份：${why}。数据没有任何改动。`);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw bad('文件内容不是完整的 JSON（可能已损坏或被截断）');
  }
  if (!isObj(raw) || raw.format !== BACKUP_FORMAT) throw bad('文件不是本应用“备份”按钮导出的文件');
  let version = typeof raw.version === 'number' ? raw.version : NaN;
  if (!Number.isInteger(version) || version < 1) throw bad('无法识别备份版本');
  if (version > BACKUP_VERSION) {
    throw new DomainError(`“${fileName}”由更新版本的三清单导出（备份格式 ${version}），请先更新本应用再恢复。数据没有任何改动。`);
  }
  let b: Record<string, unknown> = raw;
  while (version < BACKUP_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw bad(`缺少从备份格式 ${version} 升级的方法`);
    b = step(b);
    version++;
  }
  const data = b.data;
  if (!isObj(data)) throw bad('缺少数据部分');
  for (const t of TABLES) if (!Array.isArray(data[t])) throw bad(`缺少“${t}”数据`);
  if (data.history === undefined) data.history = []; // backups from before the change log have none
  if (!Array.isArray(data.history)) throw bad('修改记录部分无效');
  const d = data as unknown as BackupData;

  const ids = new Map<ListTable, Set<string>>();
  for (const t of TABLES) {
    const seen = new Set<string>();
    for (const [i, r] of (d[t] as unknown[]).entries()) {
      if (!isObj(r) || !isStr(r.id) || r.id === '') throw bad(`“${t}”第 ${i + 1} 条记录缺少 id`);
      if (seen.has(r.id)) throw bad(`“${t}”中 id 重复（${r.id}）`);
      seen.add(r.id);
    }
    ids.set(t, seen);
  }
  for (const l of d.lists) if (!isStr(l.title)) throw bad(`清单 ${l.id} 缺少标题`);
  for (const p of d.problems) {
    if (!ids.get('lists')!.has(p.listId)) throw bad(`问题“${clip(p.text)}”所属的清单不存在`);
    if (!isStr(p.text) || typeof p.order !== 'number') throw bad(`问题 ${p.id} 的内容或顺序无效`);
  }
  for (const m of d.measures) {
    if (!ids.get('problems')!.has(m.problemId)) throw bad(`措施“${clip(m.text)}”所属的问题不存在`);
    if (!ids.get('lists')!.has(m.listId)) throw bad(`措施“${clip(m.text)}”所属的清单不存在`);
    if (!strArray(m.departmentIds) || !strArray(m.leaderIds)) throw bad(`措施“${clip(m.text)}”的责任部门或领导无效`);
    for (const id of m.departmentIds) if (!ids.get('departments')!.has(id)) throw bad(`措施“${clip(m.text)}”引用了不存在的部门`);
    for (const id of m.leaderIds) if (!ids.get('leaders')!.has(id)) throw bad(`措施“${clip(m.text)}”引用了不存在的领导`);
  }
  for (const r of d.rounds) {
    if (!ids.get('lists')!.has(r.listId)) throw bad(`研判轮次“${clip(r.name)}”所属的清单不存在`);
    if (r.snapshotId && !ids.get('snapshots')!.has(r.snapshotId)) throw bad(`研判轮次“${clip(r.name)}”的快照不存在`);
  }
  for (const s of d.snapshots) {
    if (!ids.get('rounds')!.has(s.roundId)) throw bad(`快照 ${s.id} 所属的研判轮次不存在`);
    if (!Array.isArray(s.problems) || !Array.isArray(s.measures)) throw bad(`快照 ${s.id} 的内容无效`);
  }
  for (const e of d.progress) {
    if (!ids.get('measures')!.has(e.measureId)) throw bad(`进展情况 ${e.id} 所属的措施不存在`);
    if (!ids.get('lists')!.has(e.listId)) throw bad(`进展情况 ${e.id} 所属的清单不存在`);
    if (!ids.get('rounds')!.has(e.roundId)) throw bad(`进展情况 ${e.id} 所属的研判轮次不存在`);
    if (!isStr(e.text) || !isStr(e.status) || !isStr(e.date)) throw bad(`进展情况 ${e.id} 的内容无效`);
  }
  for (const dept of d.departments) {
    if (!isStr(dept.name) || !strArray(dept.aliases)) throw bad(`部门 ${dept.id} 的名称或别名无效`);
    if (dept.supervisorId && !ids.get('leaders')!.has(dept.supervisorId)) throw bad(`部门“${dept.name}”的分管领导不存在`);
  }
  return { ...(b as unknown as Backup), version: BACKUP_VERSION, data: d };
}

const clip = (s: unknown) => (isStr(s) ? (s.length > 20 ? `${s.slice(0, 20)}…` : s) : '');

/** Restoring replaces everything with the backup's records, as one patch: atomic, and undone by one undo. */
export function restorePatch(current: BackupData, backup: Backup): Patch {
  const ops: Op[] = [];
  for (const t of [...TABLES, 'history'] as const) for (const r of current[t]) ops.push({ type: 'delete', table: t, id: r.id });
  for (const t of [...TABLES, 'history'] as const) for (const r of backup.data[t]) ops.push({ type: 'put', table: t, value: r } as Op);
  return { label: `从备份恢复（${backup.exportedAt.slice(0, 10)}）`, ops };
}

export function backupSummary(b: Backup): {
  lists: { title: string; measures: number; rounds: number; progress: number }[];
  departments: number;
  leaders: number;
} {
  const count = (xs: readonly { listId: string }[], id: string) => xs.filter((x) => x.listId === id).length;
  return {
    lists: b.data.lists.map((l) => ({
      title: l.title,
      measures: count(b.data.measures, l.id),
      rounds: count(b.data.rounds, l.id),
      progress: count(b.data.progress, l.id),
    })),
    departments: b.data.departments.length,
    leaders: b.data.leaders.length,
  };
}
