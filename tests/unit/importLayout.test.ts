import { describe, expect, it } from 'vitest';
import { extractAll, importWorkbook, remapColumn, rereadWarnings, setContinuation } from '../../src/domain/import/importWorkbook';
import type { SheetTable } from '../../src/domain/import/types';

const sheet = (name: string, rows: string[][], extra: Partial<SheetTable> = {}): SheetTable => ({ name, hidden: false, rows, merges: [], ...extra });
const HEADER = ['序号', '问题清单', '措施清单', '责任部门', '责任领导'];

/** A cover, a 目录 and a 领导小组 list: forty-odd rows before the table, some of them with header words. */
function coverRows(): string[][] {
  const rows: string[][] = [['某某中学'], ['意识形态领域风险“三清单”'], [''], ['校长签字：________', '分管校长签字：________'], ['编写人：王某某'], ['2026年3月']];
  rows.push(['目录'], ['一、问题清单', '二、措施清单'], ['三、责任清单']);
  rows.push(['意识形态工作领导小组']);
  rows.push(['组长：', '张国栋', '党委书记、校长']);
  for (let i = 0; i < 12; i++) rows.push([i ? '成员：' : '副组长：', `成员${i}`, '各处室主任']);
  rows.push(['领导小组办公室设在党办，办公室主任：李敏']);
  rows.push(['时间', '内容'], ['1月', '建立本年度风险清单'], ['每月第一次班子会', '研判意识形态领域情况']);
  while (rows.length < 44) rows.push(['']);
  return rows;
}

describe('the header far down the sheet', () => {
  it('finds a header at row 45 under a cover block, a 目录 and a 领导小组 list', () => {
    const rows = [...coverRows(), HEADER, ['1', '网络阵地管理不到位', '建立账号台账，明确专人管理', '党办', '张国栋'], ['2', '讲座审核不严', '严格落实一会一报制度', '教务处', '']];
    const result = importWorkbook([sheet('三清单', rows)]);
    expect(result.analyses[0]!.headerRow).toBe(44);
    expect(result.rows.map((r) => r.measure)).toEqual(['建立账号台账，明确专人管理', '严格落实一会一报制度']);
  });

  it('finds a header at row 150', () => {
    const rows: string[][] = [['说明：本表每学期更新一次']];
    while (rows.length < 149) rows.push([]);
    rows.push(['问题', '措施', '部门'], ['宣传栏错字', '双人校对', '总务处']);
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.analyses[0]!.headerRow).toBe(149);
    expect(result.rows).toHaveLength(1);
  });

  it('prefers the row with data under it over a 目录 row naming the lists', () => {
    const rows = [['问题清单', '措施清单', '责任清单'], ['一', '二', '三'], [], ['风险点', '防控措施', '责任部门'], ['网络舆情应对不及时', '建立舆情日报制度', '党办']];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.analyses[0]!.headerRow).toBe(3);
    expect(result.rows.map((r) => r.measure)).toEqual(['建立舆情日报制度']);
  });
});

describe('a table going on over a second sheet without a header', () => {
  const first = sheet('三清单', [
    ['某中学意识形态风险三清单'],
    HEADER,
    ['1', '网络阵地管理不到位', '建立账号台账', '党办', '张国栋'],
    ['', '', '僵尸号一律注销', '党办', ''],
  ], { merges: [{ top: 2, left: 1, bottom: 3, right: 1 }] });
  const second = sheet('三清单（续）', [
    ['', '', '每月检查留言区', '信息中心', ''],
    ['2', '讲座审核不严', '严格落实一会一报', '教务处', '李敏'],
    ['3', '宣传栏错字', '双人校对', '总务处\n党办', ''],
  ]);
  const notes = sheet('填表说明', [['填表说明：1.问题要具体；2.措施要可操作。'], ['3.责任部门写全称。']]);

  it('reads its rows with the previous mapping, the first ones going on with the last problem, and says so', () => {
    const result = importWorkbook([first, second, notes]);
    expect(result.rows.map((r) => [r.sheet, r.problem, r.measure, r.departments, r.leaders])).toEqual([
      ['三清单', '网络阵地管理不到位', '建立账号台账', ['党办'], ['张国栋']],
      ['三清单', '网络阵地管理不到位', '僵尸号一律注销', ['党办'], []],
      ['三清单（续）', '网络阵地管理不到位', '每月检查留言区', ['信息中心'], []],
      ['三清单（续）', '讲座审核不严', '严格落实一会一报', ['教务处'], ['李敏']],
      ['三清单（续）', '宣传栏错字', '双人校对', ['总务处', '党办'], []],
    ]);
    expect(result.analyses.map((a) => [a.sheet, a.continues?.from])).toEqual([['三清单', undefined], ['三清单（续）', '三清单']]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '工作表“三清单（续）”没有表头，其各列与工作表“三清单”的表格一致，视为续表，按相同的列对应导入（可在预览中取消）',
      '工作表“填表说明”中没有可识别的三清单表格，已跳过',
    ]);
  });

  it('passes a title line above the continued rows and follows a chain of continuation sheets', () => {
    const titled = sheet('续2', [['三清单（续表）'], ['4', '外籍教师授课审查', '授课内容定期抽查', '教务处', '']]);
    const result = importWorkbook([first, second, titled]);
    expect(result.rows.map((r) => r.measure).slice(-1)).toEqual(['授课内容定期抽查']);
    expect(result.analyses.map((a) => a.continues?.from)).toEqual([undefined, '三清单', '三清单']);
  });

  it('lets the user undo the choice: the sheet is then left out, with a warning, and can be taken back', () => {
    const sheets = [first, second];
    const result = importWorkbook(sheets);
    const off = setContinuation(result.analyses, '三清单（续）', false);
    const read = extractAll(sheets, off);
    expect(read.rows.map((r) => r.sheet)).toEqual(['三清单', '三清单']);
    const warnings = rereadWarnings(result.warnings, read.warnings);
    expect(warnings.map((w) => w.message)).toContain('工作表“三清单（续）”未作为续表导入，其中的行已跳过');
    const on = setContinuation(off, '三清单（续）', true);
    const again = extractAll(sheets, on);
    expect(again.rows).toHaveLength(5);
    expect(rereadWarnings(warnings, again.warnings).map((w) => w.message)).not.toContain('工作表“三清单（续）”未作为续表导入，其中的行已跳过');
  });

  it('follows a column mapped to another field on its table', () => {
    const sheets = [first, second];
    const result = importWorkbook(sheets);
    const next = remapColumn(result.analyses, '三清单', 4, 'note');
    const read = extractAll(sheets, next);
    expect(read.rows.every((r) => r.leaders.length === 0)).toBe(true);
    expect(read.rows.map((r) => r.note)).toEqual(['张国栋', '', '', '李敏', '']);
  });

  it('does not take a sheet of other columns, or one after a sheet without a table, for a continuation', () => {
    const wider = sheet('其他', [['', '', '', '', '', '', '说明文字在第七列'], ['a', 'b', 'c', 'd', 'e', 'f', 'g']]);
    expect(importWorkbook([first, wider]).analyses).toHaveLength(1);
    const options = sheet('选项表', [['高'], ['中'], ['低']]);
    expect(importWorkbook([first, options]).analyses).toHaveLength(1);
    const noMeasure = sheet('统计', [['1', '党办', '', '3', ''], ['2', '团委', '', '5', '']]);
    expect(importWorkbook([first, noMeasure]).analyses).toHaveLength(1);
    expect(importWorkbook([first, notes, second]).analyses).toHaveLength(1);
    // a sheet whose first row is header words of its own (a 责任清单 sheet of 序号 | 措施 | 责任部门 | 责任领导)
    // (the three lists kept as three sheets: the 措施清单 sheet's table, then a 责任清单 sheet it could seem to go on)
    const measures = sheet('措施清单', [['措施清单'], ['序号', '对应问题', '措施'], ['1', '1', '明确专人审核留言'], ['2', '2', '开展听课巡查']]);
    const responsibility = sheet('责任清单', [['责任清单'], ['措施序号', '责任部门', '责任领导'], ['1', '党办', '张国栋'], ['2', '教务处', '王芳']]);
    const result = importWorkbook([measures, responsibility]);
    expect(result.analyses.map((a) => a.sheet)).toEqual(['措施清单']);
    expect(result.rows.map((r) => r.measure)).toEqual(['明确专人审核留言', '开展听课巡查']);
  });
});

describe('the same rows on several sheets (a 手册 with its 汇总表 and 一览表)', () => {
  it('imports once a 汇总表 row copied onto each of its departments’ sheets with that department alone', () => {
    const summary = sheet('汇总表', [HEADER, ['1', '学生自办媒体三审三校落实不到位', '指导教师初审、团委复审、党办终审', '团委\n党办', '高占清']]);
    const own = (name: string) => sheet(name, [HEADER, ['1', '学生自办媒体三审三校落实不到位', '指导教师初审、团委复审、党办终审', name, '高占清']]);
    const result = importWorkbook([summary, own('团委'), own('党办'), own('德育处')]);
    expect(result.rows.map((r) => [r.sheet, r.departments])).toEqual([
      ['汇总表', ['团委', '党办']],
      ['德育处', ['德育处']], // a department the 汇总表 does not name: its own row
    ]);
    expect(result.warnings.filter((w) => w.message.includes('未重复导入'))).toHaveLength(2);
  });

  it('imports a row once when a later sheet repeats it exactly, and says so; the same measure for another department is another row', () => {
    const summary = sheet('汇总表', [HEADER, ['1', '网络阵地管理不到位', '建立账号台账，明确专人管理', '党办', '张国栋'], ['2', '讲座审核不严', '严格落实一会一报制度', '教务处', '']]);
    const detail = sheet('一览表（单位）', [HEADER, ['1', '网络阵地管理不到位', '建立账号台账，明确专人管理', '党办', '张国栋'], ['2', '讲座审核不严', '严格落实一会一报制度', '德育处', ''], ['3', '宣传栏错字', '双人校对', '总务处', '']]);
    const result = importWorkbook([summary, detail]);
    expect(result.rows.map((r) => [r.sheet, r.measure, r.departments])).toEqual([
      ['汇总表', '建立账号台账，明确专人管理', ['党办']],
      ['汇总表', '严格落实一会一报制度', ['教务处']],
      ['一览表（单位）', '严格落实一会一报制度', ['德育处']],
      ['一览表（单位）', '双人校对', ['总务处']],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(['工作表“一览表（单位）”中有 1 行（第 2 行）与前面工作表中的行相同（问题、措施一致，责任部门和责任领导相同或包含在内，不计编号、空格和标点），未重复导入']);
  });

  it('takes a row written with a list number, other spaces or punctuation for the same row', () => {
    const summary = sheet('汇总', [HEADER, ['1', '1.学校公众号留言区无人管理，不良评论处置不及时', '明确专人审核留言', '党办', '']]);
    const department = sheet('党办', [HEADER, ['1', '学校公众号留言区无人管理, 不良评论处置不及时 ', '明确专人审核留言。', '党办', '']]);
    expect(importWorkbook([summary, department]).rows.map((r) => r.sheet)).toEqual(['汇总']);
  });
});
