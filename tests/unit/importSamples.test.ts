import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, publicRow } from '../../src/domain/import/importWorkbook';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { SPECS } from '../../samples/workbookSpecs';

const read = (file: string) => readXlsx(readFileSync(join(__dirname, '../../samples', file)));

describe('every sample workbook imports to exactly the rows it was made from', () => {
  for (const spec of SPECS) {
    it(spec.file, () => {
      const result = importWorkbook(read(spec.file));
      expect(result.rows.map(publicRow)).toEqual(spec.expected);
    });
  }
});

describe('what the importer tells the user about the samples', () => {
  it('finds the title and the unit above the table', () => {
    const ledger = importWorkbook(read('03-整改台账-两行表头.xlsx'));
    expect(ledger.title).toBe('示例实验学校意识形态工作问题整改台账');
    expect(ledger.unit).toBe('示例实验学校');
    const school = importWorkbook(read('01-学校三清单-合并单元格.xlsx'));
    expect(school.title).toBe('示例第五中学意识形态风险“三清单”');
    expect(school.unit).toBe('示例第五中学');
  });

  it('maps a two-row header under its group header', () => {
    const [analysis] = importWorkbook(read('03-整改台账-两行表头.xlsx')).analyses;
    expect(analysis!.headerRows).toBe(2);
    const byHeader = Object.fromEntries(analysis!.columns.map((c) => [c.header, c.field]));
    expect(byHeader).toMatchObject({ '责任清单/责任单位': 'departments', '责任清单/责任领导': 'leaders', 整改时限: 'deadline' });
  });

  it('keeps unknown columns visible, unmapped', () => {
    const [analysis] = importWorkbook(read('02-廉政风险防控表-序号等级.xlsx')).analyses;
    const unknown = analysis!.columns.filter((c) => c.field === null).map((c) => c.header);
    expect(unknown).toEqual(['岗位', '责任人']);
  });

  it('skips sheets without a table and hidden sheets, saying so for the visible one', () => {
    const result = importWorkbook(read('04-多工作表-各部门.xlsx'));
    expect(result.analyses.map((a) => a.sheet)).toEqual(['党办', '德育处', '教务处']);
    expect(result.warnings.map((w) => w.message)).toEqual(['工作表“填表说明”中没有可识别的三清单表格，已跳过']);
  });

  it('reports skipped rows with their Excel row numbers', () => {
    const result = importWorkbook(read('05-跨页表头-表尾.xlsx'));
    expect(result.warnings.map((w) => w.message)).toEqual([
      '第 5 行：通栏标题“（一）网络阵地”，视为分节标题，已跳过',
      '第 8 行：通栏标题“（二）宣传阵地”，视为分节标题，已跳过',
      '第 10 行：措施为空，已跳过',
      '第 11 行：与表头相同（跨页重复的表头），已跳过',
      '第 15 行：表尾或说明行“填表人：王某某        审核人：李某某  …”，已跳过',
      '第 16 行：表尾或说明行“填表说明：1.问题要具体；2.措施要可操作。”，已跳过',
    ]);
  });
});

describe('an imported list remembers where each measure came from', () => {
  it('stores the sheet of every measure of a per-department workbook', async () => {
    const { importPatch } = await import('../../src/domain/import/importPlan');
    const result = importWorkbook(read('04-多工作表-各部门.xlsx'));
    const { patch } = importPatch(
      { mode: 'new', rows: result.rows, mapped: new Map(), meta: { unit: '', title: '汇总', period: '' } },
      { departments: [], leaders: [] },
      '04.xlsx',
    );
    const sheets = patch.ops.flatMap((o) => (o.type === 'create' && o.table === 'measures' ? [o.value.sheet] : []));
    expect(sheets).toEqual(['党办', '党办', '党办', '德育处', '教务处', '教务处']);
  });
});
