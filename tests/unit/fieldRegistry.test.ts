import { describe, expect, it } from 'vitest';
import { cellText, FIELDS, fieldSpec, isFieldId, namesFrom, TEXT_FIELDS } from '../../src/domain/fields';
import { defaultColumns, EXPORT_LABELS, EXPORT_WIDTHS, EXPORTABLE } from '../../src/domain/export/exportOptions';
import { headerKey, matchHeader } from '../../src/domain/import/headerSynonyms';
import { buildRows } from '../../src/domain/rows';
import type { Measure, Problem } from '../../src/domain/types';

describe('the column registry', () => {
  it('has unique ids, grid labels and export labels', () => {
    const ids = FIELDS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(FIELDS.map((f) => f.label)).size).toBe(FIELDS.length);
    expect(new Set(FIELDS.map((f) => f.exportLabel)).size).toBe(FIELDS.length);
    for (const id of ids) expect(isFieldId(id)).toBe(true);
    expect(isFieldId('rowHandle')).toBe(false);
  });

  it('reads every synonym of a field as that field, and no synonym belongs to two fields', () => {
    const owner = new Map<string, string>();
    // the round's 进展情况 is exported (本轮进展情况) but not imported: it has no headers to read back (a table's
    // 进展情况 is the status)
    const roundOnly = FIELDS.filter((f) => f.store.kind === 'roundProgress');
    expect(roundOnly.map((f) => [f.id, f.synonyms.length, EXPORTABLE.includes(f.id)])).toEqual([['progress', 0, true]]);
    for (const f of FIELDS) {
      if (f.store.kind === 'roundProgress') continue;
      for (const w of [...f.synonyms, f.label, f.exportLabel]) {
        const key = headerKey(w);
        const other = owner.get(key);
        if (other !== undefined && other !== f.id) throw new Error(`“${w}” is a header of both ${other} and ${f.id}`);
        owner.set(key, f.id);
        // the grid's and the export's own headers are read back as their field: a copy imports into the list it left
        expect(matchHeader(w), w).toEqual({ field: f.id, exact: true });
      }
    }
  });

  it('gives every field its export width, a grid width, a scope fitting its storage and a cell text', () => {
    expect(EXPORTABLE).toEqual(FIELDS.map((f) => f.id));
    const problem: Problem = { id: 'p1', listId: 'l', text: '问题', order: 1, level: '较高', category: '意识形态' };
    const measure: Measure = {
      id: 'm1', listId: 'l', problemId: 'p1', text: '措施', order: 1, departmentIds: ['d1', 'd2'], leaderIds: ['x1'],
      deadline: '2026年6月底前', status: '推进中', note: '备注文字',
    };
    const [row] = buildRows([problem], [measure]);
    const people = new Map([['d1', { id: 'd1', name: '党办' }], ['d2', { id: 'd2', name: '教务处' }], ['x1', { id: 'x1', name: '张三' }]]);
    const texts = FIELDS.map((f) => cellText(row!, f.id, namesFrom(people as never)));
    expect(texts).toEqual(['1', '意识形态', '问题', '较高', '措施', '党办\n教务处', '张三', '2026年6月底前', '推进中', '备注文字', '']);
    expect(cellText({ ...row!, progress: '已召开专题会' }, 'progress', namesFrom(people as never))).toBe('已召开专题会');
    for (const f of FIELDS) {
      expect(EXPORT_LABELS[f.id]).toBe(f.exportLabel);
      expect(EXPORT_WIDTHS[f.id]).toBeGreaterThan(0);
      expect(f.defaultWidth).toBeGreaterThan(0);
      if (f.store.kind === 'problemText') expect(f.scope).toBe('problem');
      if (f.store.kind === 'measureText' || f.store.kind === 'people') expect(f.scope).toBe('measure');
      if (f.store.kind === 'serial') expect(f.scope).toBe('derived');
      if (f.store.kind === 'roundProgress') expect(f.scope).toBe('measure');
    }
    expect(TEXT_FIELDS.every((f) => fieldSpec(f).store.kind.endsWith('Text'))).toBe(true);
  });

  it('keeps the labels users see: 进展/状态 in the grid, 进展情况 in the exported table', () => {
    expect(fieldSpec('status').label).toBe('进展/状态');
    expect(fieldSpec('status').exportLabel).toBe('进展情况');
    expect(FIELDS.map((f) => f.exportLabel)).toEqual(['序号', '类别', '问题清单', '风险等级', '措施清单', '责任部门', '责任领导', '完成时限', '进展情况', '备注', '本轮进展情况']);
  });

  it('exports the optional columns only when used', () => {
    const problem: Problem = { id: 'p1', listId: 'l', text: '问题', order: 1, level: '', category: '' };
    const measure: Measure = { id: 'm1', listId: 'l', problemId: 'p1', text: '措施', order: 1, departmentIds: [], leaderIds: [], deadline: '', status: '', note: '' };
    expect(defaultColumns(buildRows([problem], [measure]))).toEqual(['serial', 'problem', 'measure', 'departments', 'leaders']);
    expect(defaultColumns(buildRows([{ ...problem, level: '高' }], [{ ...measure, note: '注' }]))).toEqual(['serial', 'problem', 'level', 'measure', 'departments', 'leaders', 'note']);
  });
});
