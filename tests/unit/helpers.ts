/**
 * Test helpers: small fixtures with readable ids and an in-memory application of patches, so that pure domain tests can
 * check what a user would see after a change (via buildRows) without IndexedDB.
 */
import { foldPatch, type Rec, type RecordStates } from '../../src/domain/foldPatch';
import { byOrder } from '../../src/domain/order';
import type { ListTable, Patch, TableName, TableRecords } from '../../src/domain/patch';
import { buildRows, type RiskRow } from '../../src/domain/rows';
import type { Department, Directory, Id, Leader, ListContent, Measure, Problem, RiskList } from '../../src/domain/types';

export type World = { [T in ListTable]: TableRecords[T][] };

export function makeList(over: Partial<RiskList> = {}): RiskList {
  return {
    id: 'list1',
    unit: '示例市第一中学',
    title: '2026年意识形态领域风险“三清单”',
    period: '2026年上半年',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}

export function makeProblem(id: Id, text: string, order: number, over: Partial<Problem> = {}): Problem {
  return { id, listId: 'list1', text, order, level: '', category: '', ...over };
}

export function makeMeasure(id: Id, problemId: Id, text: string, order: number, over: Partial<Measure> = {}): Measure {
  return {
    id,
    listId: 'list1',
    problemId,
    text,
    order,
    departmentIds: [],
    leaderIds: [],
    deadline: '',
    status: '',
    note: '',
    ...over,
  };
}

export function makeDept(id: Id, name: string, over: Partial<Department> = {}): Department {
  return { id, name, aliases: [], supervisorId: null, ...over };
}

export function makeLeader(id: Id, name: string, post = ''): Leader {
  return { id, name, post };
}

/**
 * A school's list with three problems:
 *  p1 校园网络阵地管理不严 — m11 清理新媒体账号 (党办 / 张书记), m12 专人审核留言 (党办、德育处)
 *  p2 外请讲座审核把关不严 — m21 落实“一会一报” (教务处)
 *  p3 宣传栏内容更新不及时 — no measures yet
 */
export function fixture(): { content: ListContent; directory: Directory } {
  const directory: Directory = {
    leaders: [makeLeader('l-zhang', '张建国', '党委书记'), makeLeader('l-wang', '王海燕', '分管德育副校长')],
    departments: [
      makeDept('d-dangban', '党办', { aliases: ['党务办公室'], supervisorId: 'l-zhang' }),
      makeDept('d-deyu', '德育处', { aliases: ['政教处'], supervisorId: 'l-wang' }),
      makeDept('d-jiaowu', '教务处'),
    ],
  };
  const content: ListContent = {
    list: makeList(),
    problems: [
      makeProblem('p1', '校园网络阵地管理不严', 1024, { level: '高', category: '主要阵地' }),
      makeProblem('p2', '外请讲座审核把关不严', 2048, { level: '中' }),
      makeProblem('p3', '宣传栏内容更新不及时', 3072),
    ],
    measures: [
      makeMeasure('m11', 'p1', '清理新媒体账号', 1024, { departmentIds: ['d-dangban'], leaderIds: ['l-zhang'] }),
      makeMeasure('m12', 'p1', '专人审核留言', 2048, { departmentIds: ['d-dangban', 'd-deyu'], status: '推进中' }),
      makeMeasure('m21', 'p2', '落实“一会一报”', 1024, { departmentIds: ['d-jiaowu'], deadline: '长期坚持' }),
    ],
  };
  return { content, directory };
}

export function worldOf(content: ListContent, directory: Directory, extraLists: RiskList[] = []): World {
  return {
    lists: [content.list, ...extraLists],
    problems: [...content.problems],
    measures: [...content.measures],
    departments: [...directory.departments],
    leaders: [...directory.leaders],
    rounds: [],
    snapshots: [],
    progress: [],
  };
}

/** Applies a patch to in-memory tables by the fold storage uses (foldPatch.ts), on copies: the world passed in is kept. */
export function applyToWorld(world: World, patch: Patch): World {
  const tables = new Map<TableName, RecordStates>();
  for (const t of Object.keys(world) as ListTable[]) {
    tables.set(t, new Map(world[t].map((r) => [r.id, structuredClone(r) as unknown as Rec])));
  }
  foldPatch(structuredClone(patch), (t) => tables.get(t)); // history entries are not part of a world
  const out = {} as Record<TableName, unknown[]>;
  for (const [t, records] of tables) out[t] = [...records.values()].filter((r) => r !== undefined);
  return out as World;
}

export function contentOf(world: World, listId: Id): ListContent {
  const list = world.lists.find((l) => l.id === listId);
  if (!list) throw new Error(`no list ${listId}`);
  return {
    list,
    problems: world.problems.filter((p) => p.listId === listId).sort(byOrder),
    measures: world.measures.filter((m) => m.listId === listId).sort(byOrder),
  };
}

export function directoryOf(world: World): Directory {
  return { departments: world.departments, leaders: world.leaders };
}

/** The content and directory after `patch`, for a single list. */
export function applyPatchTo(
  content: ListContent,
  directory: Directory,
  patch: Patch,
): { content: ListContent; directory: Directory; rows: RiskRow[] } {
  const world = applyToWorld(worldOf(content, directory), patch);
  const next = contentOf(world, content.list.id);
  return { content: next, directory: directoryOf(world), rows: buildRows(next.problems, next.measures) };
}

export const rowsOf = (content: ListContent): RiskRow[] => buildRows(content.problems, content.measures);

export function rowOf(rows: readonly RiskRow[], rowId: string): RiskRow {
  const row = rows.find((r) => r.rowId === rowId);
  if (!row) throw new Error(`no row ${rowId}`);
  return row;
}

/** The grid as text: one "problem | measure" per row, which is what a user reads. */
export const view = (rows: readonly RiskRow[]): string[] => rows.map((r) => `${r.serial} ${r.problem} | ${r.measure}`);

/** Names of departments (or leaders) for ids, in order. */
export function names(directory: Directory, ids: readonly Id[]): string[] {
  const all = [...directory.departments, ...directory.leaders];
  return ids.map((id) => all.find((r) => r.id === id)?.name ?? `<missing ${id}>`);
}

/** Counts how often each record key (table:id) appears in a patch. */
export function opKeys(patch: Patch): string[] {
  return patch.ops.map((op) => `${op.type}:${op.table}:${op.type === 'put' || op.type === 'create' ? op.value.id : op.id}`);
}
