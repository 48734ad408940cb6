import { pinyin } from 'pinyin-pro';
import { afterAll, describe, expect, it } from 'vitest';
import { importPatch } from '../../src/domain/import/importPlan';
import type { ImportRow } from '../../src/domain/import/types';
import { NameResolver, resolverBuilds } from '../../src/domain/names/nameResolver';
import { setSyllableSource } from '../../src/domain/pinyinMatch';
import type { Directory } from '../../src/domain/types';
import { applyPatchTo, makeDept, makeLeader, makeList, makeMeasure, makeProblem, rowsOf } from './helpers';

const directory: Directory = {
  departments: [
    makeDept('d-office', '党政办公室', { aliases: ['党办'] }),
    makeDept('d-jwc', '教务处'),
    makeDept('d-xz', '校长'),
  ],
  leaders: [makeLeader('l-zhang', '张国栋', '副校长'), makeLeader('l-oy', '欧阳娜娜', '党委书记'), makeLeader('l-li', '李敏')],
};

describe('NameResolver', () => {
  const depts = NameResolver.of(directory, 'department');
  const leaders = NameResolver.of(directory, 'leader');

  it('resolves a written name to its record by name or alias, after normalising width, spaces, invisible characters and marks', () => {
    expect(depts.resolve('党办（牵头）')).toMatchObject({ found: true, name: '党办', record: { id: 'd-office' }, reason: 'alias' });
    expect(depts.resolve('\u200b教 务 处 ')).toMatchObject({ found: true, record: { id: 'd-jwc' }, reason: 'same' });
    expect(depts.resolve('党政办公室(配合)')).toMatchObject({ found: true, record: { id: 'd-office' }, reason: 'same' });
    expect(leaders.resolve('张国栋（副校长）')).toMatchObject({ found: true, name: '张国栋', post: '副校长', record: { id: 'l-zhang' } });
    expect(leaders.resolve('分管副校长：张国栋')).toMatchObject({ found: true, name: '张国栋', post: '副校长' });
    expect(leaders.resolve('李\u3000敏')).toMatchObject({ found: true, record: { id: 'l-li' } });
  });

  it('never picks a similar record: it offers them with the reason', () => {
    const office = depts.resolve('办公室');
    expect(office.found).toBe(false);
    expect(office.found ? [] : office.similar).toEqual([{ id: 'd-office', name: '党政办公室', reason: 'contained', via: '党政办公室' }]);
    const chen = depts.resolve('陈校长');
    expect(chen.found ? [] : chen.similar.map((s) => [s.id, s.reason])).toEqual([['d-xz', 'contains']]);
    const zhang = leaders.resolve('张书记');
    expect(zhang.found ? [] : zhang.similar.map((s) => [s.id, s.reason])).toEqual([['l-zhang', 'surname']]);
    // a compound surname is the surname: 欧阳 is not 欧
    const ou = leaders.resolve('欧文');
    expect(ou.found ? [] : ou.similar).toEqual([]);
    const oy = leaders.resolve('欧阳书记');
    expect(oy.found ? [] : oy.similar.map((s) => s.id)).toEqual(['l-oy']);
    expect(depts.lookup('办公室')).toBeUndefined();
  });

  it('creates a record for a new name once, and finds it by that name afterwards', () => {
    const r = NameResolver.of(directory, 'department');
    const first = r.find('团委');
    const again = r.find(' 团 委 ');
    expect(first?.created).toBe(true);
    expect(again).toEqual({ record: first!.record, created: false });
    expect(r.lookup('团委')?.id).toBe(first!.record.id);
    expect(r.find('  ')).toBeNull();
    expect(directory.departments.map((d) => d.name)).not.toContain('团委'); // the directory itself is not changed
  });

  describe('picker search', () => {
    afterAll(() => setSyllableSource(null));
    it('ranks name prefixes, then names, aliases and posts containing the text, then pinyin', () => {
      expect(depts.search('党').map((d) => d.id)).toEqual(['d-office']);
      expect(depts.search('办').map((d) => d.id)).toEqual(['d-office']); // by its alias and name
      expect(leaders.search('书记').map((l) => l.id)).toEqual(['l-oy']); // by post
      expect(depts.search('jwc')).toEqual([]); // no pinyin source yet
      setSyllableSource((t) => pinyin(t, { toneType: 'none', type: 'array', v: true }));
      expect(depts.search('jwc').map((d) => d.id)).toEqual(['d-jwc']);
      expect(depts.search('bgs').map((d) => d.id)).toEqual(['d-office']); // from inside 党政办公室
      expect(depts.search('').map((d) => d.id)).toEqual(['d-office', 'd-jwc', 'd-xz']);
    });
  });
});

describe('an update import of 20,000 rows with 160 departments', () => {
  it('indexes the directory once per kind, not per row, and lands every row on its records', () => {
    const dir: Directory = {
      departments: Array.from({ length: 160 }, (_, i) => makeDept(`d${i}`, `部门${i}`, { aliases: [`别名${i}`] })),
      leaders: Array.from({ length: 40 }, (_, i) => makeLeader(`l${i}`, `领导${i}`)),
    };
    const problems = Array.from({ length: 2000 }, (_, p) => makeProblem(`p${p}`, `问题${p}`, p + 1));
    const measures = Array.from({ length: 20000 }, (_, m) =>
      makeMeasure(`m${m}`, `p${Math.floor(m / 10)}`, `措施${m}`, (m % 10) + 1, { departmentIds: [`d${m % 160}`], leaderIds: [`l${m % 40}`] }),
    );
    const content = { list: makeList(), problems, measures };
    // every row moves to the next department, written by its alias
    const rows: ImportRow[] = measures.map((m, i) => ({
      problem: `问题${Math.floor(i / 10)}`,
      measure: m.text,
      departments: [`别名${(i + 1) % 160}`],
      leaders: [`领导${i % 40}`],
      excelRow: i + 3,
      ids: { measureId: m.id, problemId: m.problemId },
    }));
    const before = resolverBuilds();
    const { patch } = importPatch({ mode: 'update', rows, mapped: new Map(), target: content }, dir, '更新.xlsx');
    expect(resolverBuilds() - before).toBeLessThanOrEqual(2);
    const after = rowsOf(applyPatchTo(content, dir, patch).content);
    expect(after).toHaveLength(20000);
    expect(after[0]!.departmentIds).toEqual(['d1']);
    expect(after[19999]!.departmentIds).toEqual(['d0']);
    expect(after[5]!.leaderIds).toEqual(['l5']);
    expect(patch.ops.filter((o) => o.type === 'create')).toEqual([]); // aliases matched: no department created
  });
});
