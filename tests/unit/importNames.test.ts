import { describe, expect, it } from 'vitest';
import { importPatch, matchedText, nameReport, similarText } from '../../src/domain/import/importPlan';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import type { ImportRow, SheetTable } from '../../src/domain/import/types';
import type { Directory } from '../../src/domain/types';

const dir = (): Directory => ({
  departments: [
    { id: 'd1', name: '德育处', aliases: ['政教处'], supervisorId: null },
    { id: 'd2', name: '党政办公室', aliases: [], supervisorId: null },
    { id: 'd3', name: '校长室', aliases: [], supervisorId: null },
  ],
  leaders: [
    { id: 'l1', name: '校长', post: '' },
    { id: 'l2', name: '张国栋', post: '' },
    { id: 'l3', name: '刘洋', post: '' },
    { id: 'l4', name: '王芳', post: '校长' },
  ],
});
const row = (departments: string[], leaders: string[], extra: Partial<ImportRow> = {}): ImportRow => ({ problem: '问题', measure: '措施', departments, leaders, excelRow: 2, ...extra });
/** A four-column list with the usual header above the given rows */
const listSheet = (rows: string[][]): SheetTable => ({ name: '表', hidden: false, merges: [], rows: [['问题清单', '措施清单', '责任部门', '责任领导'], ...rows] });
const leadersPatch = (rows: ImportRow[]) => importPatch({ mode: 'new', rows, mapped: new Map(), meta: { unit: '', title: 't', period: '' } }, dir(), 'f.xlsx').patch;
type Patch = ReturnType<typeof leadersPatch>;
/** The leaders a patch creates, as [name, post] */
const createdLeaders = (patch: Patch) => patch.ops.flatMap((o) => (o.type === 'create' && o.table === 'leaders' ? [[o.value.name, o.value.post]] : []));
/** The leaders a patch changes, as [id, changes] */
const changedLeaders = (patch: Patch) => patch.ops.flatMap((o) => (o.type === 'update' && o.table === 'leaders' ? [[o.id, o.changes]] : []));

describe('a name maps to an existing record only when it is that record', () => {
  it('matches 校长 to 校长 and leaves 陈校长, 周校长, 吴校长 new, with 校长 offered, not chosen', () => {
    const report = nameReport([row([], ['陈校长']), row([], ['校长']), row([], ['周校长', '吴校长']), row([], ['校长'])], dir());
    expect(report.matched).toEqual([{ kind: 'leader', name: '校长', count: 2, id: 'l1', record: '校长', reason: 'same' }]);
    expect(report.fresh.map((n) => n.name)).toEqual(['陈校长', '周校长', '吴校长']);
    for (const n of report.fresh) {
      expect(n.similar[0]).toMatchObject({ id: 'l1', reason: 'contains' });
      expect(similarText(n.similar[0]!, n.name)).toBe(`“${n.name}”包含“校长”`);
    }
  });

  it('matches a name after normalisation (spaces, widths, invisible characters) and an alias, saying why', () => {
    const report = nameReport([row(['校长室\u200b', ' 校 长 室', '政教处', '德育处'], [])], dir());
    expect(report.fresh).toEqual([]);
    expect(report.matched.map((m) => [m.name, m.record, m.reason, matchedText(m)])).toEqual([
      ['校长室\u200b', '校长室', 'same', '与已有部门同名'],
      ['政教处', '德育处', 'alias', '是部门“德育处”的别名'],
      ['德育处', '德育处', 'same', '与已有部门同名'],
    ]);
    expect(report.matched.find((m) => m.name === '校长室\u200b')!.count).toBe(2);
  });

  it('shows a new leader with the post the file first writes with the name, the post the new record gets', () => {
    const rows = [row([], ['周明'], { posts: {} }), row([], ['周明'], { posts: { 周明: '副校长' } }), row([], ['周明'], { posts: { 周明: '校长' } }), row([], ['吴芳'])];
    const report = nameReport(rows, dir());
    expect(report.fresh.map((n) => [n.name, n.post])).toEqual([
      ['周明', '副校长'],
      ['吴芳', undefined],
    ]);
    expect(createdLeaders(leadersPatch(rows))).toEqual([
      ['周明', '副校长'],
      ['吴芳', ''],
    ]);
  });

  it('offers records that contain the name, or are contained in it, and leaders of the same surname', () => {
    const report = nameReport([row(['办公室', '德育处学生科'], ['张书记', '欧阳娜娜', '副校长'])], dir());
    const similar = Object.fromEntries(report.fresh.map((n) => [n.name, n.similar.map((s) => [s.name, s.reason])]));
    expect(similar).toEqual({
      办公室: [['党政办公室', 'contained']],
      德育处学生科: [['德育处', 'contains']],
      张书记: [['张国栋', 'surname']],
      欧阳娜娜: [],
      副校长: [['校长', 'contains']],
    });
  });

  it('imports a new name as a new record unless the user maps it', () => {
    const directory = dir();
    const rows = [row([], ['陈校长']), row([], ['校长'])];
    const { patch } = importPatch({ mode: 'new', rows, mapped: new Map(), meta: { unit: '', title: 't', period: '' } }, directory, 'f.xlsx');
    expect(createdLeaders(patch).map(([name]) => name)).toEqual(['陈校长']);
    const measures = patch.ops.flatMap((o) => (o.type === 'create' && o.table === 'measures' ? [o.value.leaderIds] : []));
    expect(measures[1]).toEqual(['l1']);
    expect(measures[0]).not.toEqual(['l1']);
  });
});

describe('posts written with leaders’ names fill their 职务', () => {
  const sheet = listSheet([
    ['问题一', '措施一', '党办（牵头）', '李敏（副校长）'],
    ['问题一', '措施二', '党办', '分管副校长：张国栋'],
    ['问题一', '措施三', '党办', '刘洋(书记)、王芳（副校长）'],
    ['问题一', '措施四', '党办', '李敏（党委书记）'],
  ]);

  it('for a new leader, and for an existing one without a post; an existing post is kept', () => {
    const result = importWorkbook([sheet]);
    const patch = leadersPatch(result.rows);
    expect(createdLeaders(patch)).toEqual([['李敏', '副校长']]);
    expect(changedLeaders(patch)).toEqual([
      ['l2', { post: '副校长' }],
      ['l3', { post: '书记' }],
    ]);
    const departments = patch.ops.flatMap((o) => (o.type === 'create' && o.table === 'departments' ? [o.value.name] : []));
    expect(departments).toEqual(['党办']);
  });
});

describe('a post on a line of its own above the name is that leader’s post', () => {
  it('reads 副校长\\n张国栋 as one leader with the post, and leaves two posts as two leaders', () => {
    const sheet = listSheet([
      ['问题一', '措施一', '党办', '副校长\n张国栋'],
      ['问题一', '措施二', '党办', '分管副校长\n李敏\n党委书记\n刘洋'],
      ['问题一', '措施三', '党办', '党委书记\n校长'],
      ['问题一', '措施四', '党办', '张副校长\n王芳'],
    ]);
    const result = importWorkbook([sheet]);
    expect(result.rows.map((r) => r.leaders)).toEqual([['张国栋'], ['李敏', '刘洋'], ['党委书记', '校长'], ['张副校长', '王芳']]);
    const patch = leadersPatch(result.rows);
    expect(createdLeaders(patch)).toEqual([
      ['李敏', '副校长'],
      ['党委书记', ''],
      ['张副校长', ''],
    ]);
    expect(changedLeaders(patch)).toEqual([
      ['l2', { post: '副校长' }],
      ['l3', { post: '党委书记' }],
    ]);
  });
});
