import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byId } from '../../src/domain/directory';
import { DomainError } from '../../src/domain/errors';
import { buildRows } from '../../src/domain/rows';
import { appendFlatRows, emptyContent, type FlatRow } from '../../src/domain/rowsToList';
import { isSampleFile, samplePatch, type SampleFile } from '../../src/domain/sample';
import type { Directory } from '../../src/domain/types';
import { applyToWorld, contentOf, directoryOf, fixture, makeList, names, view, worldOf, type World } from './helpers';

const sample = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../samples/sample-list.json', import.meta.url)), 'utf8'),
) as SampleFile;

const EMPTY_WORLD: World = { lists: [], problems: [], measures: [], departments: [], leaders: [], rounds: [], snapshots: [], progress: [] };

function openSample(world: World) {
  const { patch, list } = samplePatch(sample, directoryOf(world));
  const next = applyToWorld(world, patch);
  const content = contentOf(next, list.id);
  return { patch, list, world: next, content, directory: directoryOf(next), rows: buildRows(content.problems, content.measures) };
}

/** Consecutive sample rows with the same problem text are one problem. */
const distinctProblems = (rows: readonly FlatRow[]) => rows.filter((r, i) => i === 0 || rows[i - 1]!.problem !== r.problem);

describe('samplePatch', () => {
  it('the sample file is recognised', () => {
    expect(isSampleFile(sample)).toBe(true);
    expect(sample.rows.length).toBeGreaterThan(10);
  });

  it('builds a list whose rows equal the sample rows, with problems grouped and names resolved', () => {
    const { rows, directory, list, content } = openSample(EMPTY_WORLD);
    expect(list).toMatchObject(sample.list);
    expect(rows).toHaveLength(sample.rows.length);
    expect(content.problems).toHaveLength(distinctProblems(sample.rows).length);
    rows.forEach((row, i) => {
      const s = sample.rows[i]!;
      expect(row.problem).toBe(s.problem);
      expect(row.measure).toBe(s.measure);
      expect(names(directory, row.departmentIds)).toEqual(s.departments);
      expect(names(directory, row.leaderIds)).toEqual(s.leaders);
      expect(row.deadline).toBe(s.deadline ?? '');
      expect(row.status).toBe(s.status ?? '');
      expect(row.note).toBe(s.note ?? '');
    });
    // serials count problems: the last row carries the number of problems
    expect(rows[rows.length - 1]!.serial).toBe(content.problems.length);
  });

  it('takes level and category from the first row of each problem', () => {
    const { content } = openSample(EMPTY_WORLD);
    const firsts = distinctProblems(sample.rows);
    expect(content.problems.map((p) => [p.level, p.category])).toEqual(firsts.map((r) => [r.level ?? '', r.category ?? '']));
  });

  it('creates the sample’s leaders and departments with posts, aliases and supervisors', () => {
    const { directory } = openSample(EMPTY_WORLD);
    expect(directory.leaders.map((l) => l.name).sort()).toEqual(sample.leaders.map((l) => l.name).sort());
    const leaders = byId(directory.leaders);
    for (const d of sample.departments) {
      const rec = directory.departments.find((x) => x.name === d.name)!;
      expect(rec, d.name).toBeDefined();
      expect(rec.aliases).toEqual(d.aliases);
      expect(rec.supervisorId ? leaders.get(rec.supervisorId)!.name : null).toBe(d.supervisor);
    }
    for (const l of sample.leaders) expect(directory.leaders.find((x) => x.name === l.name)!.post).toBe(l.post);
  });

  it('every department named in the rows exists exactly once', () => {
    const { directory } = openSample(EMPTY_WORLD);
    const allNames = directory.departments.map((d) => d.name);
    expect(new Set(allNames).size).toBe(allNames.length);
    for (const n of new Set(sample.rows.flatMap((r) => r.departments))) expect(allNames, n).toContain(n);
  });

  it('a department named only in the rows is created once, without supervisor', () => {
    const extended: SampleFile = {
      ...sample,
      rows: [
        ...sample.rows,
        { problem: '校史馆展陈内容审核不严', measure: '展陈内容报党办审核', departments: ['校史馆', '党办'], leaders: [] },
        { problem: '', measure: '定期检查展板', departments: ['校史馆'], leaders: [] },
      ],
    };
    const { patch, list } = samplePatch(extended, { departments: [], leaders: [] });
    const world = applyToWorld(EMPTY_WORLD, patch);
    const recs = world.departments.filter((d) => d.name === '校史馆');
    expect(recs).toHaveLength(1);
    expect(recs[0]!.supervisorId).toBeNull();
    const c = contentOf(world, list.id);
    const rows = buildRows(c.problems, c.measures);
    expect(rows.slice(-2).map((r) => r.problem)).toEqual(['校史馆展陈内容审核不严', '校史馆展陈内容审核不严']);
    expect(rows[rows.length - 1]!.departmentIds).toEqual([recs[0]!.id]);
  });

  it('does not fill leaders from supervisors: rows without leaders stay without', () => {
    const { rows } = openSample(EMPTY_WORLD);
    sample.rows.forEach((s, i) => {
      if (s.leaders.length === 0) expect(rows[i]!.leaderIds).toEqual([]);
    });
  });

  it('opening it a second time reuses existing departments and leaders and makes a second list', () => {
    const first = openSample(EMPTY_WORLD);
    const second = openSample(first.world);
    expect(second.patch.ops.some((o) => o.table === 'departments' || o.table === 'leaders')).toBe(false);
    expect(second.directory.departments).toHaveLength(first.directory.departments.length);
    expect(second.directory.leaders).toHaveLength(first.directory.leaders.length);
    expect(second.world.lists).toHaveLength(2);
    expect(second.list.id).not.toBe(first.list.id);
    // same names in the same rows, pointing at the same records
    expect(second.rows.map((r) => r.departmentIds)).toEqual(first.rows.map((r) => r.departmentIds));
    expect(view(second.rows)).toEqual(view(first.rows));
  });

  it('reuses a department the user already has under an alias and keeps its supervisor', () => {
    const { directory } = fixture(); // has 德育处 (alias 政教处, supervised by 王海燕 = l-wang) and 张建国 = l-zhang
    const mine: Directory = {
      leaders: directory.leaders,
      departments: directory.departments.map((d) => (d.id === 'd-deyu' ? { ...d, supervisorId: 'l-zhang' } : d)),
    };
    const world: World = { ...EMPTY_WORLD, departments: mine.departments, leaders: mine.leaders };
    const { directory: after, rows } = openSample(world);
    expect(after.departments.filter((d) => d.name === '德育处')).toHaveLength(1);
    expect(after.departments.find((d) => d.name === '德育处')!.supervisorId).toBe('l-zhang');
    expect(after.leaders.filter((l) => l.name === '张建国')).toHaveLength(1);
    expect(rows.some((r) => r.departmentIds.includes('d-deyu'))).toBe(true);
  });

  it('rejects something that is not a sample file', () => {
    expect(() => samplePatch({ format: 'x' } as unknown as SampleFile, { departments: [], leaders: [] })).toThrow(DomainError);
  });
});

describe('appendFlatRows', () => {
  const { directory } = fixture();
  const list = makeList({ id: 'list9' });

  function append(rows: FlatRow[], world: World = worldOf(emptyContent(list), directory)) {
    const content = contentOf(world, 'list9');
    const next = applyToWorld(world, appendFlatRows(content, directoryOf(world), rows, '导入'));
    const c = contentOf(next, 'list9');
    return { world: next, content: c, rows: buildRows(c.problems, c.measures), directory: directoryOf(next) };
  }

  it('groups a problem with empty problem cells below it (merged cells), and starts a new one on new text', () => {
    const { rows, content } = append([
      { problem: '问题甲', measure: '措施1', departments: ['党办'], leaders: [] },
      { problem: '', measure: '措施2', departments: [], leaders: [] },
      { problem: '问题甲', measure: '措施3', departments: [], leaders: [] },
      { problem: '问题乙', measure: '措施4', departments: [], leaders: ['张建国'] },
    ]);
    expect(content.problems).toHaveLength(2);
    expect(view(rows)).toEqual(['1 问题甲 | 措施1', '1 问题甲 | 措施2', '1 问题甲 | 措施3', '2 问题乙 | 措施4']);
    expect(rows[3]!.leaderIds).toEqual(['l-zhang']);
  });

  it('appends after the existing problems of a list', () => {
    const first = append([{ problem: '问题甲', measure: '措施1', departments: [], leaders: [] }]);
    const second = append([{ problem: '问题乙', measure: '措施2', departments: [], leaders: [] }], first.world);
    expect(view(second.rows)).toEqual(['1 问题甲 | 措施1', '2 问题乙 | 措施2']);
  });

  it('resolves names by alias and creates unknown names once', () => {
    const { rows, directory: dir, world } = append([
      { problem: '问题甲', measure: '措施1', departments: ['政教处', '图书馆'], leaders: [] },
      { problem: '', measure: '措施2', departments: ['图书馆'], leaders: [] },
    ]);
    expect(names(dir, rows[0]!.departmentIds)).toEqual(['德育处', '图书馆']);
    expect(world.departments.filter((d) => d.name === '图书馆')).toHaveLength(1);
    expect(rows[1]!.departmentIds).toEqual([rows[0]!.departmentIds[1]]);
  });
});
