import { describe, expect, it } from 'vitest';
import {
  createPerson,
  deletePerson,
  findByName,
  mergePersons,
  renamePerson,
  resolveNames,
  setDepartmentAliases,
  setDepartmentSupervisor,
  usageCounts,
} from '../../src/domain/directory';
import { NameResolver } from '../../src/domain/names/nameResolver';
import { DomainError } from '../../src/domain/errors';
import type { Directory, Measure } from '../../src/domain/types';
import { applyToWorld, directoryOf, fixture, makeMeasure, worldOf, type World } from './helpers';

const { content, directory } = fixture();
const world = worldOf(content, directory);

const referencing = (kind: 'department' | 'leader', id: string, w: World = world): Measure[] =>
  w.measures.filter((m) => (kind === 'department' ? m.departmentIds : m.leaderIds).includes(id));

/** Every id a measure or department refers to exists. */
function expectNoDanglingIds(w: World): void {
  const depts = new Set(w.departments.map((d) => d.id));
  const leaders = new Set(w.leaders.map((l) => l.id));
  for (const m of w.measures) {
    for (const id of m.departmentIds) expect(depts.has(id), `department ${id} of ${m.id}`).toBe(true);
    for (const id of m.leaderIds) expect(leaders.has(id), `leader ${id} of ${m.id}`).toBe(true);
  }
  for (const d of w.departments) if (d.supervisorId) expect(leaders.has(d.supervisorId), `supervisor of ${d.name}`).toBe(true);
}

const measure = (w: World, id: string) => w.measures.find((m) => m.id === id)!;
const dept = (w: World, id: string) => w.departments.find((d) => d.id === id);

describe('createPerson', () => {
  it('creates a department with a clean name', () => {
    const { patch, record } = createPerson(directory, 'department', '\u3000图书馆 ');
    expect(record).toMatchObject({ name: '图书馆', aliases: [], supervisorId: null });
    expect(patch.ops).toEqual([{ type: 'create', table: 'departments', value: record }]);
  });

  it('creates a leader with an empty post', () => {
    const { patch, record } = createPerson(directory, 'leader', '赵志强');
    expect(record).toMatchObject({ name: '赵志强', post: '' });
    expect(patch.ops[0]).toMatchObject({ type: 'create', table: 'leaders' });
  });

  it('rejects a duplicate name, ignoring spaces and width', () => {
    expect(() => createPerson(directory, 'department', '德 育 处')).toThrow(DomainError);
    expect(() => createPerson(directory, 'leader', '张建国')).toThrow(/已有名为“张建国”的领导/);
  });

  it('rejects a name that is another department’s alias, naming that department', () => {
    expect(() => createPerson(directory, 'department', '政教处')).toThrow(DomainError);
    expect(() => createPerson(directory, 'department', '政教处')).toThrow(/“德育处”/);
  });

  it('rejects an empty name', () => {
    expect(() => createPerson(directory, 'department', ' \u3000')).toThrow(DomainError);
  });

  it('the same name may exist as a department and as a leader', () => {
    expect(() => createPerson(directory, 'leader', '党办')).not.toThrow();
  });
});

describe('renamePerson', () => {
  it('changes only the name field', () => {
    const patch = renamePerson(directory, 'department', 'd-jiaowu', '教导处');
    expect(patch.ops).toEqual([{ type: 'update', table: 'departments', id: 'd-jiaowu', changes: { name: '教导处' } }]);
    const next = applyToWorld(world, patch);
    expect(dept(next, 'd-jiaowu')!.name).toBe('教导处');
    // references are by id, so the measure still points at it
    expect(measure(next, 'm21').departmentIds).toEqual(['d-jiaowu']);
  });

  it('renaming to the same name is no change', () => {
    expect(renamePerson(directory, 'department', 'd-deyu', ' 德育处 ').ops).toEqual([]);
  });

  it('may rename a department to one of its own aliases', () => {
    expect(renamePerson(directory, 'department', 'd-deyu', '政教处').ops).toHaveLength(1);
  });

  it('rejects another record’s name or alias', () => {
    expect(() => renamePerson(directory, 'department', 'd-jiaowu', '党办')).toThrow(DomainError);
    expect(() => renamePerson(directory, 'department', 'd-jiaowu', '党务办公室')).toThrow(DomainError);
    expect(() => renamePerson(directory, 'leader', 'l-wang', '张建国')).toThrow(DomainError);
  });

  it('rejects an unknown id', () => {
    expect(() => renamePerson(directory, 'leader', 'l-none', '某某')).toThrow(DomainError);
  });
});

describe('mergePersons', () => {
  it('moves every reference of a department into the target, deduping measures that had both', () => {
    // m12 has 党办 and 德育处; m11 has 党办 only
    const patch = mergePersons(directory, 'department', 'd-dangban', 'd-deyu', referencing('department', 'd-dangban'));
    const next = applyToWorld(world, patch);
    expect(measure(next, 'm11').departmentIds).toEqual(['d-deyu']);
    expect(measure(next, 'm12').departmentIds).toEqual(['d-deyu']);
    expect(measure(next, 'm21').departmentIds).toEqual(['d-jiaowu']);
    expect(dept(next, 'd-dangban')).toBeUndefined();
    expectNoDanglingIds(next);
  });

  it('adds the old name and aliases as aliases of the target, so the old name still resolves', () => {
    const patch = mergePersons(directory, 'department', 'd-dangban', 'd-deyu', referencing('department', 'd-dangban'));
    const next = applyToWorld(world, patch);
    expect(dept(next, 'd-deyu')!.aliases).toEqual(['政教处', '党办', '党务办公室']);
    expect(findByName(directoryOf(next), 'department', '党办')?.id).toBe('d-deyu');
    expect(resolveNames(directoryOf(next), 'department', ['党务办公室']).created).toEqual([]);
  });

  it('keeps the target’s supervisor, or takes the merged one’s when the target has none', () => {
    const keep = applyToWorld(world, mergePersons(directory, 'department', 'd-dangban', 'd-deyu', []));
    expect(dept(keep, 'd-deyu')!.supervisorId).toBe('l-wang');
    const take = applyToWorld(world, mergePersons(directory, 'department', 'd-dangban', 'd-jiaowu', []));
    expect(dept(take, 'd-jiaowu')!.supervisorId).toBe('l-zhang');
  });

  it('merging leaders moves measure references and departments’ supervisors', () => {
    const w: World = {
      ...world,
      measures: [...world.measures, makeMeasure('m22', 'p2', '审查报告人', 2048, { leaderIds: ['l-wang', 'l-zhang'] })],
    };
    const patch = mergePersons(directoryOf(w), 'leader', 'l-zhang', 'l-wang', referencing('leader', 'l-zhang', w));
    const next = applyToWorld(w, patch);
    expect(measure(next, 'm11').leaderIds).toEqual(['l-wang']);
    expect(measure(next, 'm22').leaderIds).toEqual(['l-wang']);
    expect(dept(next, 'd-dangban')!.supervisorId).toBe('l-wang');
    expect(next.leaders.map((l) => l.id)).toEqual(['l-wang']);
    expectNoDanglingIds(next);
  });

  it('refuses to merge a record into itself', () => {
    expect(() => mergePersons(directory, 'department', 'd-deyu', 'd-deyu', [])).toThrow(DomainError);
  });
});

describe('deletePerson', () => {
  it('without reassignment removes the references and the record', () => {
    const patch = deletePerson(directory, 'department', 'd-dangban', null, referencing('department', 'd-dangban'));
    const next = applyToWorld(world, patch);
    expect(measure(next, 'm11').departmentIds).toEqual([]);
    expect(measure(next, 'm12').departmentIds).toEqual(['d-deyu']);
    expect(dept(next, 'd-dangban')).toBeUndefined();
    expectNoDanglingIds(next);
  });

  it('deleting a leader clears it from measures and from departments it supervised', () => {
    const patch = deletePerson(directory, 'leader', 'l-zhang', null, referencing('leader', 'l-zhang'));
    const next = applyToWorld(world, patch);
    expect(measure(next, 'm11').leaderIds).toEqual([]);
    expect(dept(next, 'd-dangban')!.supervisorId).toBeNull();
    expect(dept(next, 'd-deyu')!.supervisorId).toBe('l-wang');
    expectNoDanglingIds(next);
  });

  it('with reassignment moves the references to the other record', () => {
    const patch = deletePerson(directory, 'department', 'd-jiaowu', 'd-dangban', referencing('department', 'd-jiaowu'));
    const next = applyToWorld(world, patch);
    expect(measure(next, 'm21').departmentIds).toEqual(['d-dangban']);
    expect(dept(next, 'd-jiaowu')).toBeUndefined();
    expectNoDanglingIds(next);
  });

  it('deleting a leader with reassignment moves supervisors too', () => {
    const patch = deletePerson(directory, 'leader', 'l-wang', 'l-zhang', referencing('leader', 'l-wang'));
    const next = applyToWorld(world, patch);
    expect(dept(next, 'd-deyu')!.supervisorId).toBe('l-zhang');
    expectNoDanglingIds(next);
  });
});

describe('setDepartmentAliases', () => {
  it('sets aliases split on separators, dropping the own name and duplicates', () => {
    const patch = setDepartmentAliases(directory, 'd-jiaowu', '教导处、教学处\n教务处，教 导 处');
    expect(patch.ops).toEqual([{ type: 'update', table: 'departments', id: 'd-jiaowu', changes: { aliases: ['教导处', '教学处'] } }]);
  });

  it('keeps its own existing aliases allowed', () => {
    expect(setDepartmentAliases(directory, 'd-deyu', '政教处、学生处').ops[0]).toMatchObject({ changes: { aliases: ['政教处', '学生处'] } });
  });

  it('rejects an alias that names another department (by name or alias)', () => {
    expect(() => setDepartmentAliases(directory, 'd-jiaowu', '教导处、德育处')).toThrow(DomainError);
    expect(() => setDepartmentAliases(directory, 'd-jiaowu', '党务办公室')).toThrow(/“党办”/);
  });

  it('an empty text clears the aliases', () => {
    expect(setDepartmentAliases(directory, 'd-deyu', '').ops[0]).toMatchObject({ changes: { aliases: [] } });
  });
});

describe('setDepartmentSupervisor', () => {
  it('sets and clears the supervisor, rejecting an unknown leader', () => {
    expect(setDepartmentSupervisor(directory, 'd-jiaowu', 'l-wang').ops[0]).toMatchObject({ changes: { supervisorId: 'l-wang' } });
    expect(setDepartmentSupervisor(directory, 'd-deyu', null).ops[0]).toMatchObject({ changes: { supervisorId: null } });
    expect(() => setDepartmentSupervisor(directory, 'd-jiaowu', 'l-none')).toThrow(DomainError);
  });
});

describe('resolveNames', () => {
  it('matches names and aliases and creates each unknown name once', () => {
    const { ids, created } = resolveNames(directory, 'department', ['政教处', '图书馆', ' 图书馆', '党办', '']);
    expect(created.map((c) => c.name)).toEqual(['图书馆']);
    expect(ids).toEqual(['d-deyu', created[0]!.id, 'd-dangban']);
  });
});

describe('usageCounts (domain)', () => {
  it('counts the measures referencing each record', () => {
    const counts = usageCounts(world.measures, 'department');
    expect(Object.fromEntries(counts)).toEqual({ 'd-dangban': 2, 'd-deyu': 1, 'd-jiaowu': 1 });
    expect(Object.fromEntries(usageCounts(world.measures, 'leader'))).toEqual({ 'l-zhang': 1 });
  });
});

describe('the picker’s search (NameResolver.search)', () => {
  it('ranks name prefixes first, then matches in alias or post', () => {
    const dir: Directory = directory;
    const searchPeople = (records: Directory['departments'] | Directory['leaders'], query: string) =>
      new NameResolver(records === dir.leaders ? 'leader' : 'department', [...records]).search(query, false);
    expect(searchPeople(dir.departments, '政教').map((d) => d.name)).toEqual(['德育处']);
    expect(searchPeople(dir.leaders, '书记').map((l) => l.name)).toEqual(['张建国']);
    expect(searchPeople(dir.departments, '').map((d) => d.name)).toEqual(['党办', '德育处', '教务处']);
  });
});
