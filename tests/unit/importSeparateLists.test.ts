import { describe, expect, it } from 'vitest';
import { extractAll, importWorkbook, remapColumn } from '../../src/domain/import/importWorkbook';
import { refKey } from '../../src/domain/import/separateLists';
import type { SheetTable } from '../../src/domain/import/types';

const sheet = (name: string, rows: string[][], extra: Partial<SheetTable> = {}): SheetTable => ({ name, hidden: false, rows, merges: [], ...extra });

const P1 = '新学期作息调整涉及家长切身利益，可能引发家长群内不实信息传播';
const P2 = '部分教师课堂教学中存在不当言论风险';
const P3 = '校园网站及公众号信息发布审核不严';

const problems = (): SheetTable =>
  sheet('问题清单', [['某某中学意识形态领域风险问题清单'], ['序号', '问题清单', '风险等级'], ['1', P1, '一级'], ['2', P2, '二级'], ['3', P3, '三级']]);

const measures = (): SheetTable =>
  sheet('措施清单', [
    ['某某中学意识形态领域风险措施清单'],
    ['序号', '问题序号', '措施清单'],
    ['1', '1', '提前在家长会上说明作息调整原因'],
    ['2', '1', '班主任每日关注家长群舆情'],
    ['3', '2', '开展师德师风专题教育'],
    ['4', '3', '落实信息发布三审三校制度'],
    ['5', '3', '每月检查网站及公众号内容'],
  ]);

const responsibility = (): SheetTable =>
  sheet('责任清单', [
    ['某某中学意识形态领域风险责任清单'],
    ['措施序号', '责任部门', '责任领导', '完成时限'],
    ['1', '德育处\n各年级', '分管副校长', '2026年3月'],
    ['2', '各年级', '校长', '长期'],
    ['3', '党办', '党委书记', '2026年6月'],
    ['4', '办公室', '党委书记', '长期'],
    ['5', '信息中心', '分管副校长', '每月'],
  ]);

const summary = (rows: { problem: string; measure: string; departments: string[]; leaders: string[]; level?: string; deadline?: string }[]) =>
  rows.map((r) => [r.problem, r.measure, r.departments.join('、'), r.leaders.join('、'), r.level ?? '', r.deadline ?? '']);

describe('three lists kept on three sheets', () => {
  it('reads 问题清单, 措施清单 (by 问题序号) and 责任清单 (by 措施序号) as one table', () => {
    const result = importWorkbook([problems(), measures(), responsibility()]);
    expect(result.analyses.map((a) => a.sheet)).toEqual(['措施清单']);
    expect(summary(result.rows)).toEqual([
      [P1, '提前在家长会上说明作息调整原因', '德育处、各年级', '分管副校长', '一级', '2026年3月'],
      [P1, '班主任每日关注家长群舆情', '各年级', '校长', '一级', '长期'],
      [P2, '开展师德师风专题教育', '党办', '党委书记', '二级', '2026年6月'],
      [P3, '落实信息发布三审三校制度', '办公室', '党委书记', '三级', '长期'],
      [P3, '每月检查网站及公众号内容', '信息中心', '分管副校长', '三级', '每月'],
    ]);
    // the list is titled by its problems' sheet, and the preview says how the sheets were joined
    expect(result.title).toBe('某某中学意识形态领域风险问题清单');
    const said = result.warnings.map((w) => w.message).join('\n');
    expect(said).toContain('工作表“措施清单”的措施按“问题序号”列对应工作表“问题清单”中的问题');
    expect(said).toContain('工作表“责任清单”按“措施序号”列对应工作表“措施清单”中的措施（5 条）');
    expect(said).not.toContain('没有可识别');
    expect(said).not.toContain('问题为空');
  });

  it('reads the rows again the same way when a column is mapped anew', () => {
    const sheets = [problems(), measures(), responsibility()];
    const result = importWorkbook(sheets);
    const deadline = result.analyses[0]!.columns.find((c) => c.field === 'deadline')!;
    const again = extractAll(sheets, remapColumn(result.analyses, '措施清单', deadline.index, 'note'));
    expect(again.rows.map((r) => [r.departments.join('、'), r.note])).toEqual([
      ['德育处、各年级', '2026年3月'],
      ['各年级', '长期'],
      ['党办', '2026年6月'],
      ['办公室', '长期'],
      ['信息中心', '每月'],
    ]);
  });

  it('reads the same joined table from a copy of the sheets never imported (the rows read again elsewhere)', () => {
    const result = importWorkbook([problems(), measures(), responsibility()]);
    const again = extractAll([problems(), measures(), responsibility()], result.analyses);
    expect(again.rows.map((r) => [r.problem, r.measure, r.departments.join('、')])).toEqual(result.rows.map((r) => [r.problem, r.measure, r.departments.join('、')]));
  });

  it('numbers measures within their problem (问题序号 | 措施序号), the problem merged down over its measures', () => {
    const m = sheet(
      '措施清单',
      [['问题序号', '措施序号', '具体措施'], ['1', '1', '提前在家长会上说明作息调整原因'], ['', '2', '班主任每日关注家长群舆情'], ['2', '1', '开展师德师风专题教育'], ['3', '1', '落实信息发布三审三校制度'], ['', '2', '每月检查网站及公众号内容']],
      { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }, { top: 4, left: 0, bottom: 5, right: 0 }] },
    );
    const r = sheet('责任清单', [
      ['问题序号', '措施序号', '责任部门', '责任领导'],
      ['1', '1', '德育处', '分管副校长'],
      ['1', '2', '各年级', '校长'],
      ['2', '1', '党办', '党委书记'],
      ['3', '1', '办公室', '党委书记'],
      ['3', '2', '信息中心', '分管副校长'],
      ['4', '1', '工会', '工会主席'],
    ]);
    const result = importWorkbook([problems(), m, r]);
    expect(result.rows.map((x) => [x.problem, x.measure, x.departments.join('、'), x.level])).toEqual([
      [P1, '提前在家长会上说明作息调整原因', '德育处', '一级'],
      [P1, '班主任每日关注家长群舆情', '各年级', '一级'],
      [P2, '开展师德师风专题教育', '党办', '二级'],
      [P3, '落实信息发布三审三校制度', '办公室', '三级'],
      [P3, '每月检查网站及公众号内容', '信息中心', '三级'],
    ]);
    // the responsibility row of a measure that is not there is said, with its row, not imported as a row
    const said = result.warnings.map((w) => w.message);
    expect(said).toContain('工作表“责任清单”第 7 行所写的措施在工作表“措施清单”中找不到，这些行未导入；请核对“措施序号”后重新导入');
    expect(result.rows.some((x) => x.departments.includes('工会'))).toBe(false);
  });

  it('reads a measure number 1-2 as the second measure of problem one, not as the range 1 to 2', () => {
    const m = sheet('措施清单', [['问题序号', '措施序号', '具体措施'], ['1', '1', '提前在家长会上说明作息调整原因'], ['1', '2', '班主任每日关注家长群舆情'], ['2', '1', '开展师德师风专题教育'], ['3', '1', '落实信息发布三审三校制度'], ['3', '2', '每月检查网站及公众号内容']]);
    const r = sheet('责任清单', [
      ['措施序号', '责任部门', '责任领导'],
      ['1-1', '德育处', '分管副校长'],
      ['1-2', '各年级', '校长'],
      ['2-1', '党办', '党委书记'],
      ['3-1', '办公室', '党委书记'],
      ['3-2', '信息中心', '分管副校长'],
    ]);
    const result = importWorkbook([problems(), m, r]);
    expect(result.rows.map((x) => [x.measure, x.departments.join('、')])).toEqual([
      ['提前在家长会上说明作息调整原因', '德育处'],
      ['班主任每日关注家长群舆情', '各年级'],
      ['开展师德师风专题教育', '党办'],
      ['落实信息发布三审三校制度', '办公室'],
      ['每月检查网站及公众号内容', '信息中心'],
    ]);
  });

  it('still reads 1-3 as a range where no measure is numbered so', () => {
    const r = sheet('责任清单', [['措施序号', '责任部门', '责任领导'], ['1-3', '党办', '党委书记'], ['4', '办公室', '校长']]);
    const result = importWorkbook([problems(), measures(), r]);
    expect(result.rows.map((x) => x.departments.join('、'))).toEqual(['党办', '党办', '党办', '办公室', '']);
  });

  it('matches a 责任清单 numbering measures within their problems, with no 问题序号, by the problems’ order', () => {
    // the measures' sheet numbers them 1 to 5; the responsibility sheet starts again at 1 for each problem
    const r = sheet('责任清单', [
      ['措施序号', '责任部门', '责任领导'],
      ['1', '德育处', '分管副校长'],
      ['2', '各年级', '校长'],
      ['1', '党办', '党委书记'],
      ['1', '办公室', '党委书记'],
      ['2', '信息中心', '分管副校长'],
    ]);
    const result = importWorkbook([problems(), measures(), r]);
    expect(result.rows.map((x) => [x.measure, x.departments.join('、')])).toEqual([
      ['提前在家长会上说明作息调整原因', '德育处'],
      ['班主任每日关注家长群舆情', '各年级'],
      ['开展师德师风专题教育', '党办'],
      ['落实信息发布三审三校制度', '办公室'],
      ['每月检查网站及公众号内容', '信息中心'],
    ]);
  });

  it('reads 1-2 as a range where measures are numbered through the list, and within the problem a 问题序号 names', () => {
    const byRange = importWorkbook([problems(), measures(), sheet('责任清单', [['措施序号', '责任部门', '责任领导'], ['1-2', '党办', '党委书记'], ['3', '德育处', '校长'], ['4-5', '办公室', '分管副校长']])]);
    expect(byRange.rows.map((x) => x.departments.join('、'))).toEqual(['党办', '党办', '德育处', '办公室', '办公室']);
    const m = sheet('措施清单', [['问题序号', '措施序号', '具体措施'], ['1', '1', 'M1'], ['1', '2', 'M2'], ['2', '1', 'M3'], ['3', '1', 'M4'], ['3', '2', 'M5']]);
    const r = sheet('责任清单', [['问题序号', '措施序号', '责任部门', '责任领导'], ['1', '1', '德育处', '分管副校长'], ['1', '2', '各年级', '校长'], ['2', '1', '党办', '党委书记'], ['3', '1-2', '信息中心', '分管副校长']]);
    expect(importWorkbook([problems(), m, r]).rows.map((x) => [x.measure, x.departments.join('、')])).toEqual([
      ['M1', '德育处'],
      ['M2', '各年级'],
      ['M3', '党办'],
      ['M4', '信息中心'],
      ['M5', '信息中心'],
    ]);
  });

  it('does not take a measure named on two rows (1, 1, 2, …) for numbers starting again within the problems', () => {
    const r = sheet('责任清单', [['措施序号', '责任部门', '责任领导'], ['1', '德育处', '分管副校长'], ['1', '各年级', '校长'], ['2', '团委', '校长'], ['3', '党办', '党委书记'], ['4', '办公室', '党委书记'], ['5', '信息中心', '分管副校长']]);
    expect(importWorkbook([problems(), measures(), r]).rows.map((x) => x.departments.join('、'))).toEqual(['德育处、各年级', '团委', '党办', '办公室', '信息中心']);
  });

  it('says measure numbers named again further down, which join one measure twice', () => {
    // numbered within the problems, but problem 2 has no row: the runs do not match the problems, read list-wide
    const r = sheet('责任清单', [['措施序号', '责任部门', '责任领导'], ['1', '德育处', '分管副校长'], ['2', '各年级', '校长'], ['1', '办公室', '党委书记'], ['2', '信息中心', '分管副校长']]);
    const result = importWorkbook([problems(), measures(), r]);
    expect(result.warnings.map((w) => w.message)).toContain(
      '工作表“责任清单”第 4、5 行所写的“措施序号”在前面已出现过，这些行并入了同一条措施；如序号在各问题内重新编号，请在该表加上“问题序号”列后重新导入',
    );
    // a measure named on the next row again (a second department's part) is not said
    const twice = sheet('责任清单', [['措施序号', '责任部门', '责任领导'], ['1', '德育处', '分管副校长'], ['1', '各年级', '校长'], ['2', '团委', '校长']]);
    expect(importWorkbook([problems(), measures(), twice]).warnings.some((w) => w.message.includes('在前面已出现过'))).toBe(false);
  });

  it('matches such a 责任清单 to one table of problems merged down over their measures', () => {
    const t = sheet(
      '三清单',
      [['问题清单', '措施清单'], [P1, '提前在家长会上说明作息调整原因'], ['', '班主任每日关注家长群舆情'], [P2, '开展师德师风专题教育'], [P3, '落实信息发布三审三校制度'], ['', '每月检查网站及公众号内容']],
      { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }, { top: 4, left: 0, bottom: 5, right: 0 }] },
    );
    const r = sheet('责任清单', [['措施序号', '责任部门', '责任领导'], ['1', '德育处', '分管副校长'], ['2', '各年级', '校长'], ['1', '党办', '党委书记'], ['1', '办公室', '党委书记'], ['2', '信息中心', '分管副校长']]);
    const result = importWorkbook([t, r]);
    expect(result.rows.map((x) => [x.problem, x.departments.join('、')])).toEqual([
      [P1, '德育处'],
      [P1, '各年级'],
      [P2, '党办'],
      [P3, '办公室'],
      [P3, '信息中心'],
    ]);
  });

  it('takes the section headings on the problems’ sheet as the category, and does not count them as problems', () => {
    const p = sheet(
      '问题清单',
      [['序号', '问题清单', '风险等级'], ['一、课堂教学', '', ''], ['', P1, '一级'], ['', P2, '二级'], ['二、网络阵地', '', ''], ['', P3, '三级']],
      { merges: [{ top: 1, left: 0, bottom: 1, right: 2 }, { top: 4, left: 0, bottom: 4, right: 2 }] },
    );
    // no 问题序号 on the problems: the measures name them by their place, which the headings do not take
    const m = sheet('措施清单', [['问题序号', '措施清单'], ['1', '提前在家长会上说明作息调整原因'], ['2', '开展师德师风专题教育'], ['3', '落实信息发布三审三校制度']]);
    const result = importWorkbook([p, m]);
    expect(result.rows.map((x) => [x.problem, x.category, x.level])).toEqual([
      [P1, '课堂教学', '一级'],
      [P2, '课堂教学', '二级'],
      [P3, '网络阵地', '三级'],
    ]);
  });

  it('joins measures naming their problem by its text, and keeps a problem without measures', () => {
    const m = sheet('措施及责任', [
      ['对应问题', '整改措施', '责任部门', '责任领导'],
      [P1, '提前在家长会上说明作息调整原因', '德育处', '分管副校长'],
      ['', '班主任每日关注家长群舆情', '各年级', '校长'],
      [P3, '落实信息发布三审三校制度', '办公室', '党委书记'],
    ]);
    const result = importWorkbook([problems(), m]);
    expect(result.rows.map((x) => [x.problem, x.measure, x.level])).toEqual([
      [P2, '', '二级'],
      [P1, '提前在家长会上说明作息调整原因', '一级'],
      [P1, '班主任每日关注家长群舆情', '一级'],
      [P3, '落实信息发布三审三校制度', '三级'],
    ]);
    expect(result.warnings.map((w) => w.message)).toContain('工作表“问题清单”中有 1 个问题没有对应的措施，作为无措施的问题导入');
  });

  it('says a measure whose problem number is not on the problems’ sheet, and keeps the number as its problem', () => {
    const m = sheet('措施清单', [['序号', '问题编号', '措施清单'], ['1', '问题1', '提前在家长会上说明作息调整原因'], ['2', '问题2', '开展师德师风专题教育'], ['3', '问题9', '多出来的措施']]);
    const result = importWorkbook([problems(), m]);
    expect(result.rows.map((x) => [x.problem, x.measure])).toEqual([
      [P3, ''],
      [P1, '提前在家长会上说明作息调整原因'],
      [P2, '开展师德师风专题教育'],
      ['问题9', '多出来的措施'],
    ]);
    expect(result.warnings.map((w) => w.message)).toContain(
      '工作表“措施清单”第 4 行所写的问题（“问题9”）在工作表“问题清单”中找不到，这些措施的问题按原样导入；请核对序号，导入后修改',
    );
  });

  it('joins a 责任清单 of measure texts by the text, punctuation aside', () => {
    const r = sheet('责任清单', [['措施清单', '责任部门', '责任领导'], ['提前在家长会上说明作息调整原因', '德育处', '分管副校长'], ['开展师德师风专题教育。', '党办', '党委书记']]);
    const result = importWorkbook([problems(), measures(), r]);
    expect(result.rows.map((x) => [x.measure, x.departments.join('、')])).toEqual([
      ['提前在家长会上说明作息调整原因', '德育处'],
      ['班主任每日关注家长群舆情', ''],
      ['开展师德师风专题教育', '党办'],
      ['落实信息发布三审三校制度', ''],
      ['每月检查网站及公众号内容', ''],
    ]);
  });

  it('leaves a department’s sheet of its own measures alone: the same measure on a 汇总表 and on 团委’s sheet', () => {
    const all = sheet('汇总表', [['问题清单', '措施清单', '责任部门', '责任领导'], [P2, '开展师德师风专题教育', '党办\n团委', '党委书记']]);
    const own = sheet('团委', [['措施清单', '责任部门', '完成时限'], ['开展师德师风专题教育', '团委', '6月']]);
    const result = importWorkbook([all, own]);
    expect(result.analyses.map((a) => a.sheet)).toEqual(['汇总表', '团委']);
    expect(result.warnings.some((w) => w.message.includes('对应工作表'))).toBe(false);
  });

  it('reads the numbers references are written with alike', () => {
    expect(['1', '1.', '1、', '（1）', '第1项', '问题1', '一', '十二', '01'].map(refKey)).toEqual(['1', '1', '1', '1', '1', '1', '1', '12', '1']);
    expect(['1-2', '1.2', '措施1.2'].map(refKey)).toEqual(['1.2', '1.2', '1.2']);
    expect(['党办', '', '长期'].map(refKey)).toEqual(['', '', '']);
  });
});

describe('two tables side by side on one sheet', () => {
  it('reads each as a table of its own, its departments its own, titled by the line above it', () => {
    const rows = [
      ['上半年', '', '', '', '', '', '下半年'],
      ['序号', '问题清单', '措施清单', '责任部门', '责任领导', '', '序号', '问题清单', '措施清单', '责任部门', '责任领导'],
      ['1', '校园网站信息发布审核不严格', '落实三审三校', '党办', '党委书记', '', '1', '公众号留言管理不到位', '专人审核留言', '团委', '分管副校长'],
      ['2', '讲座报告会审批不严格', '一会一报', '教务处', '校长'],
    ];
    const result = importWorkbook([sheet('三清单', rows)]);
    expect(result.analyses.map((a) => [a.sheet, a.title])).toEqual([
      ['三清单（A–E 列）', '上半年'],
      ['三清单（G–K 列）', '下半年'],
    ]);
    expect(result.rows.map((r) => [r.sheet, r.excelRow, r.problem, r.departments.join('、'), r.leaders.join('、')])).toEqual([
      ['三清单（A–E 列）', 3, '校园网站信息发布审核不严格', '党办', '党委书记'],
      ['三清单（A–E 列）', 4, '讲座报告会审批不严格', '教务处', '校长'],
      ['三清单（G–K 列）', 3, '公众号留言管理不到位', '团委', '分管副校长'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(['工作表“三清单”中左右并排有 2 个表格（第 2 行各有表头），分别导入为“三清单（A–E 列）”、“三清单（G–K 列）”']);
  });

  it('parts them at the empty column between them, each with its category column without a header', () => {
    const h = ['', '问题清单', '措施清单', '责任部门', '责任领导'];
    const rows = [
      ['上半年风险清单', '', '', '', '', '', '下半年风险清单'],
      [...h, '', ...h],
      ['网络阵地', '校园网站信息发布审核不严格', '落实三审三校', '党办', '党委书记', '', '宣传阵地', '宣传栏内容更新不及时', '每月检查宣传栏', '办公室', '校长'],
      ['', '公众号留言管理不到位', '专人审核留言', '团委', '分管副校长', '', '', '', '定期开展自查', '德育处', '分管副校长'],
    ];
    const merges = [
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 6, bottom: 3, right: 6 },
      { top: 2, left: 7, bottom: 3, right: 7 },
    ];
    const result = importWorkbook([sheet('三清单', rows, { merges })]);
    expect(result.rows.map((r) => [r.sheet, r.category, r.problem, r.measure, r.departments.join('、')])).toEqual([
      ['三清单（A–E 列）', '网络阵地', '校园网站信息发布审核不严格', '落实三审三校', '党办'],
      ['三清单（A–E 列）', '网络阵地', '公众号留言管理不到位', '专人审核留言', '团委'],
      ['三清单（G–K 列）', '宣传阵地', '宣传栏内容更新不及时', '每月检查宣传栏', '办公室'],
      ['三清单（G–K 列）', '宣传阵地', '宣传栏内容更新不及时', '定期开展自查', '德育处'],
    ]);
  });

  it('keeps one table whose header has an empty cell in it as one', () => {
    const rows = [
      ['问题清单', '措施清单', '', '责任部门', '责任领导'],
      ['校园网站信息发布审核不严格', '落实三审三校', '', '党办', '党委书记'],
    ];
    const result = importWorkbook([sheet('三清单', rows)]);
    expect(result.analyses.map((a) => a.sheet)).toEqual(['三清单']);
    expect(result.rows[0]!.departments).toEqual(['党办']);
  });
});

describe('a responsibility sheet that joins nothing', () => {
  it('is not taken for the measures’ continuation, its header a row', () => {
    const r = sheet('责任清单', [
      ['问题序号', '措施序号', '责任部门', '责任领导'],
      ['1', '7', '德育处', '分管副校长'],
      ['2', '8', '各年级', '校长'],
    ]);
    // (the measures' sheet joined with its problems is four columns wide, as wide as this sheet)
    const result = importWorkbook([problems(), measures(), r]);
    expect(result.analyses.map((a) => a.sheet)).toEqual(['措施清单']);
    expect(result.rows.some((x) => x.measure === '责任部门' || x.departments.includes('德育处'))).toBe(false);
    expect(result.warnings.map((w) => w.message)).toContain('工作表“责任清单”按“措施序号”列所写的措施在工作表“措施清单”中都找不到，该工作表未导入；请核对两表的序号后重新导入');
  });
});

describe('workbooks that are not three separate lists', () => {
  it('keeps one table whose problem header is merged over two columns as one', () => {
    const rows = [
      ['序号', '风险问题', '', '防控措施', '责任部门', '责任领导'],
      ['1', '校园网站信息发布审核不严格', '', '落实三审三校', '党办', '党委书记'],
      ['2', '讲座报告会审批不严格', '', '一会一报', '教务处', '校长'],
    ];
    const merges = [0, 1, 2].map((r) => ({ top: r, left: 1, bottom: r, right: 2 }));
    const result = importWorkbook([sheet('三清单', rows, { merges })]);
    expect(result.analyses.map((a) => a.sheet)).toEqual(['三清单']);
    expect(result.rows.map((r) => [r.problem, r.measure])).toEqual([
      ['校园网站信息发布审核不严格', '落实三审三校'],
      ['讲座报告会审批不严格', '一会一报'],
    ]);
  });

  it('keeps a problems part beside a measures part, a column left empty between, as one table', () => {
    const rows = [
      ['序号', '风险问题', '风险等级', '', '防控措施', '责任部门', '责任领导'],
      ['1', '校园网站信息发布审核不严格', '一级', '', '落实三审三校', '党办', '党委书记'],
    ];
    const result = importWorkbook([sheet('三清单', rows)]);
    expect(result.analyses.map((a) => a.sheet)).toEqual(['三清单']);
    expect(result.rows.map((r) => [r.problem, r.measure, r.level])).toEqual([['校园网站信息发布审核不严格', '落实三审三校', '一级']]);
  });

  it('leaves a department’s full table alone beside another department’s problems without measures', () => {
    const full = sheet('党办', [['问题编号', '风险问题', '防控措施', '责任部门', '责任领导'], ['1', '公众号留言区无人管理', '明确专人审核留言', '党办', '党委书记']]);
    const only = sheet('德育处', [['问题编号', '风险问题', '风险等级'], ['1', '主题班会内容把关不严', '二级']]);
    const result = importWorkbook([full, only]);
    expect(result.rows.map((r) => [r.sheet, r.problem, r.measure])).toEqual([
      ['党办', '公众号留言区无人管理', '明确专人审核留言'],
      ['德育处', '主题班会内容把关不严', ''],
    ]);
  });

  it('does not merge a task list into measures that name their own departments', () => {
    const full = sheet('三清单', [
      ['序号', '问题清单', '措施清单', '责任部门', '责任领导'],
      ['1', '公众号留言区无人管理', '明确专人审核留言', '党办', '党委书记'],
    ]);
    const tasks = sheet('任务分解', [['任务编号', '工作任务', '责任部门', '责任领导'], ['1', '修订宣传栏管理办法', '办公室', '张三']]);
    const result = importWorkbook([full, tasks]);
    expect(result.rows[0]!.departments).toEqual(['党办']);
    expect(result.rows[0]!.leaders).toEqual(['党委书记']);
    expect(result.warnings.some((w) => w.message.includes('对应工作表'))).toBe(false);
  });

  it('joins by text only when the problems’ numbers start again under each section', () => {
    const p = sheet('问题清单', [['序号', '问题清单'], ['1', P1], ['2', P2], ['1', P3]]);
    const m = sheet('措施清单', [['问题序号', '措施清单'], ['1', '提前在家长会上说明作息调整原因']]);
    const result = importWorkbook([p, m]);
    expect(result.warnings.some((w) => w.message.includes('对应工作表'))).toBe(false);
  });
});
