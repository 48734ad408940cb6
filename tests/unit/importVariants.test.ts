import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import type { SheetTable } from '../../src/domain/import/types';

const sheet = (name: string, rows: string[][], extra: Partial<SheetTable> = {}): SheetTable => ({ name, hidden: false, rows, merges: [], ...extra });

describe('a group header naming the problem over sub-headers (安全风险点清单 template)', () => {
  // 序号 | 上报单元 | 风险点描述 (类别 | 具体名称 | 风险特征) | 风险点所在单元 (单位名称 | 负责人) | 风险等级 | 管控措施
  const rows = [
    ['安全风险点清单（样式）'],
    ['序号', '上报单元', '风险点描述', '', '', '风险点所在单元', '', '风险等级', '管控措施'],
    ['', '', '类别', '具体名称', '风险特征', '单位名称', '负责人', '', ''],
    ['1', '某中学', '校园安全', '教学楼消防通道堆放杂物', '通道堵塞', '某中学', '王某', '较大风险', '每周检查清理消防通道'],
    ['2', '某中学', '校园安全', '校门口上下学交通拥堵', '人车混行', '某中学', '李某', '一般风险', '上下学时段安排护导'],
  ];
  const merges = [
    { top: 1, left: 0, bottom: 2, right: 0 },
    { top: 1, left: 1, bottom: 2, right: 1 },
    { top: 1, left: 2, bottom: 1, right: 4 },
    { top: 1, left: 5, bottom: 1, right: 6 },
    { top: 1, left: 7, bottom: 2, right: 7 },
    { top: 1, left: 8, bottom: 2, right: 8 },
  ];

  it('reads the problem from the sub-column that names it, not from a unit column whose group mentions 风险点', () => {
    const result = importWorkbook([sheet('安全风险点清单', rows, { merges })]);
    const a = result.analyses[0]!;
    expect(a.headerRows).toBe(2);
    expect(a.columns.find((c) => c.field === 'problem')?.header).toBe('风险点描述/具体名称');
    expect(a.columns.find((c) => c.index === 5)?.field).toBeNull();
    expect(result.rows.map((r) => [r.problem, r.measure, r.category, r.level])).toEqual([
      ['教学楼消防通道堆放杂物', '每周检查清理消防通道', '校园安全', '较大风险'],
      ['校门口上下学交通拥堵', '上下学时段安排护导', '校园安全', '一般风险'],
    ]);
  });

  it('takes the first sub-column naming no field when none names the thing', () => {
    const plain = rows.map((r) => [...r]);
    plain[2]![3] = '隐患部位';
    const result = importWorkbook([sheet('表', plain, { merges })]);
    expect(result.rows.map((r) => r.problem)).toEqual(['教学楼消防通道堆放杂物', '校门口上下学交通拥堵']);
  });
});

const HEADER = ['序号', '问题清单', '措施清单', '责任部门', '责任领导'];
const msgs = (r: ReturnType<typeof importWorkbook>) => r.warnings.map((w) => w.message);

describe('other tables and lists in the sheet under the three lists (as the school rules have them)', () => {
  it('skips a 时间 | 内容 schedule under the table, with one message naming its first row, and reads on after the header again', () => {
    const rows = [
      HEADER,
      ['1', '网络阵地管理不到位', '建立账号台账', '党办', '张国栋'],
      [],
      ['意识形态工作具体工作安排'],
      ['时间', '内容'],
      ['3月第一周', '各部门负责人撰写《意识形态工作汇报》，填写《意识形态领域风险三清单》'],
      ['9月中旬', '召开下半年意识形态工作分析研判会'],
      HEADER,
      ['2', '讲座审核不严', '一会一报', '教务处', '李敏'],
    ];
    const result = importWorkbook([sheet('三清单', rows)]);
    expect(result.rows.map((r) => [r.problem, r.measure])).toEqual([
      ['网络阵地管理不到位', '建立账号台账'],
      ['讲座审核不严', '一会一报'],
    ]);
    expect(msgs(result)).toContain('第 5 行起：另一张表格（表头“时间 | 内容”，共 3 行），不是三清单的问题和措施，已跳过；如需导入，请把它放到单独的工作表并写明三清单的表头');
  });

  it('keeps a table whose own header has a 时间 column, and a row of data that merely mentions 时间', () => {
    const rows = [['问题清单', '措施清单', '责任部门', '时间'], ['时间节点把握不准', '时间', '党办', '3月'], ['讲座审核不严', '一会一报', '教务处', '内容']];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows.map((r) => r.measure)).toEqual(['时间', '一会一报']);
  });

  it('skips a 领导小组 list (组长 / 副组长 / 成员, spaced for alignment) under the table', () => {
    const rows = [
      ['问题清单', '措施清单', '责任部门', '责任领导'],
      ['网络阵地管理不到位', '建立账号台账', '党办', '张国栋'],
      ['组长：王子忠'],
      ['副组长：沈润生 高占清 赵春发'],
      ['成员', '各处室主任', '年级主任'],
      ['组 长：', '王子忠', '党委书记'],
      ['成员单位落实不到位', '每季度通报', '党办', ''],
    ];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows.map((r) => r.problem)).toEqual(['网络阵地管理不到位', '成员单位落实不到位']);
    expect(msgs(result)).toContain('第 6 行：领导小组名单“组 长： 王子忠 党委书记”，不是问题或措施，已跳过');
  });
});

describe('page footers, numbered section rows and template rows', () => {
  it('skips a page footer copied into the sheet and says it is one', () => {
    const rows = [HEADER, ['1', '违规报销', '严格审核', '财务室', '张局'], ['第 1 页,共 9 页'], ['共2页 第2页'], ['2', '违规用人', '集体研究', '人事科', '王局'], ['— 3 —']];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows).toHaveLength(2);
    expect(msgs(result)).toEqual(['第 3 行：页码“第 1 页,共 9 页”（打印页的页脚），已跳过', '第 4 行：页码“共2页 第2页”（打印页的页脚），已跳过', '第 6 行：页码“— 3 —”（打印页的页脚），已跳过']);
  });

  it('reads a section number in the 序号 cell before the section name as a heading, not as a problem the next rows go on with', () => {
    const rows = [
      HEADER,
      ['一', '网络阵地', '', '', ''],
      ['', '', '明确专人每日巡查', '信息中心', ''],
      ['（二）', '课堂讲坛'],
      ['2', '外请讲座审核不严', '一会一报', '教务处', '李敏'],
      ['三、', '宣传阵地'],
      ['3', '宣传栏错字', '双人校对', '总务处', ''],
    ];
    const result = importWorkbook([sheet('表', rows, { merges: [{ top: 3, left: 1, bottom: 3, right: 4 }] })]);
    expect(result.rows.map((r) => [r.problem, r.measure])).toEqual([
      ['', '明确专人每日巡查'],
      ['外请讲座审核不严', '一会一报'],
      ['宣传栏错字', '双人校对'],
    ]);
    expect(msgs(result)).toEqual([
      '第 2 行：只有标题“一 网络阵地”，视为分节标题，已跳过',
      '第 3 行：问题为空，措施归入上一问题或一个无标题问题',
      '第 4 行：通栏标题“（二） 课堂讲坛”，视为分节标题，已跳过',
      '第 6 行：只有标题“三、 宣传阵地”，视为分节标题，已跳过',
    ]);
  });

  it('still reads a row with a 序号 and a problem but no measure as a problem without a measure', () => {
    const rows = [HEADER, ['1', '网络阵地管理不到位', '', '', ''], ['', '', '建立账号台账', '党办', '']];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows.map((r) => [r.problem, r.measure])).toEqual([['网络阵地管理不到位', '建立账号台账']]);
    expect(msgs(result)).toEqual(['第 2 行：措施为空，已跳过']);
  });

  it('says a pre-numbered row left blank is one, not a section heading', () => {
    const rows = [HEADER, ['1', '网络阵地管理不到位', '建立账号台账', '党办', ''], ['2'], ['3']];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows).toHaveLength(1);
    expect(msgs(result)).toEqual(['第 3 行：只有序号“2”（未填写的空行），已跳过', '第 4 行：只有序号“3”（未填写的空行），已跳过']);
  });
});

describe('vertical text', () => {
  it('joins a merged category written one character at a time (领 导 班 子 成 员), and keeps spaced words as they are', () => {
    const rows = [
      ['序 号', '岗位 类别', '风险 名称', '防控措施'],
      ['1', '领 导 班 子 成 员', '决策风险', '严格执行“三重一大”制度'],
      ['2', '', '用人风险 重大', '严格执行干部任用程序'],
      ['3', '中\n层\n干\n部', '审批 风险', '集体研究'],
    ];
    const result = importWorkbook([sheet('表', rows, { merges: [{ top: 1, left: 1, bottom: 2, right: 1 }] })]);
    expect(result.rows.map((r) => [r.category, r.problem])).toEqual([
      ['领导班子成员', '决策风险'],
      ['领导班子成员', '用人风险 重大'],
      ['中层干部', '审批 风险'],
    ]);
  });
});

describe('header texts as offices write them', () => {
  const mapped = (header: string[]) => importWorkbook([sheet('表', [header, header.map((_, i) => `第${i}列的内容文字`)])]).analyses[0]!.columns.map((c) => c.field);

  it('reads a compound header as what it ends with when two synonyms are as long (问题类型 is a category, 部门领导 a leader)', () => {
    expect(mapped(['序号', '问题类型', '问题描述', '整改措施', '责任部门'])).toEqual(['serial', 'category', 'problem', 'measure', 'departments']);
    expect(mapped(['问题清单', '措施清单', '部门领导'])).toEqual(['problem', 'measure', 'leaders']);
    expect(mapped(['问题清单', '整改措施', '整改措施落实情况'])).toEqual(['problem', 'measure', 'status']);
  });

  it('reads a column naming the department or leader together with the person as that column, and a person column not at all', () => {
    expect(mapped(['问题清单', '措施清单', '责任部门及责任人', '分管领导/责任人', '部门负责人'])).toEqual(['problem', 'measure', 'departments', 'leaders', null]);
    expect(mapped(['问题清单', '措施清单', '责任单位（责任人）', '分管校长签字', '联系电话'])).toEqual(['problem', 'measure', 'departments', null, null]);
  });

  it('knows the headers 风险程度, 风险评估等次, 截止时间, 完成日期, 整改进度, 是否销号, 办结情况', () => {
    expect(mapped(['问题清单', '措施清单', '风险程度', '截止时间', '整改进度'])).toEqual(['problem', 'measure', 'level', 'deadline', 'status']);
    expect(mapped(['问题清单', '措施清单', '风险评估等次', '完成日期', '是否销号'])).toEqual(['problem', 'measure', 'level', 'deadline', 'status']);
    expect(mapped(['问题清单', '措施清单', '办结情况'])).toEqual(['problem', 'measure', 'status']);
  });

  it('knows the headers 责任主体, 应对策略, 工作任务, 时间要求, 销号情况, 存在的风险', () => {
    expect(mapped(['存在的风险', '应对策略', '责任主体', '时间要求', '销号情况'])).toEqual(['problem', 'measure', 'departments', 'deadline', 'status']);
    expect(mapped(['风险事项', '工作任务', '责任处（室）'])).toEqual(['problem', 'measure', 'departments']);
  });
});

describe('names in a cell as offices number and annotate them', () => {
  const rows = [
    ['问题清单', '措施清单', '责任部门', '责任领导'],
    ['问题一', '措施一', '1.党办 2.德育处', '1.王子忠\n2.沈润生'],
    ['问题二', '措施二', '1、党办\n2、德育处', '（1）王子忠（2）沈润生'],
    ['问题三', '措施三', '①党办②德育处', '王子忠、沈润生等'],
    ['问题四', '措施四', '党办、德育处等部门', '张国栋\n（副校长）'],
    ['问题五', '措施五', '党办\n（牵头）', '李敏'],
    ['问题六', '措施六', '高一(1)班', '王等'],
  ];
  const result = importWorkbook([sheet('表', rows)]);

  it('takes list numbering and a trailing 等 off the names', () => {
    expect(result.rows.map((r) => [r.departments, r.leaders])).toEqual([
      [['党办', '德育处'], ['王子忠', '沈润生']],
      [['党办', '德育处'], ['王子忠', '沈润生']],
      [['党办', '德育处'], ['王子忠', '沈润生']],
      [['党办', '德育处'], ['张国栋']],
      [['党办'], ['李敏']],
      [['高一(1)班'], ['王等']],
    ]);
  });

  it('reads a bracketed post on the line under a leader as that leader’s post, not as another leader', () => {
    expect(result.rows[3]!.posts).toEqual({ 张国栋: '副校长' });
  });
});

describe('one sheet per department, without a 责任部门 column', () => {
  const table = (dept: string): string[][] => [[`${dept}意识形态领域风险“三清单”`], ['序号', '问题清单', '措施清单', '责任领导'], ['1', `${dept}的网络阵地管理不到位`, '建立账号台账', '张国栋']];

  it('gives each sheet’s rows the department the sheet is named for, and says so', () => {
    const result = importWorkbook([sheet('党办', table('党办')), sheet('德育处', table('德育处')), sheet('高一年级', table('高一年级'))]);
    expect(result.rows.map((r) => r.departments)).toEqual([['党办'], ['德育处'], ['高一年级']]);
    expect(msgs(result)).toContain('工作表“党办”的表格没有责任部门列，其 1 条措施的责任部门按工作表名称记为“党办”；如不对，请在“列对应”中指定责任部门列，或导入后修改');
  });

  it('takes the department a line above the table names (部门（盖章）：德育处), and sheets named 后勤 or 政教', () => {
    const above = (line: string[]): string[][] => [['意识形态领域风险“三清单”'], line, ['序号', '问题清单', '措施清单', '责任领导'], ['1', '班级群无教师管理', '班主任全部入群', '李敏']];
    const result = importWorkbook([
      sheet('Sheet1', above(['部门（盖章）：德育处', '', '填表人：李敏', '日期：2024年3月5日'])),
      sheet('Sheet2', above(['填报部门：教务处'])),
      sheet('后勤', table('后勤')),
      sheet('政教', table('政教')),
      sheet('2.团委', table('团委')),
      sheet('📋 办公室（3月修订）', table('办公室')),
      sheet('工会2024', table('工会')),
    ]);
    expect(result.rows.map((r) => r.departments)).toEqual([['德育处'], ['教务处'], ['后勤'], ['政教'], ['团委'], ['办公室'], ['工会']]);
    expect(result.title).toBe('意识形态领域风险“三清单”');
    const partly = importWorkbook([
      sheet('Sheet1', [['责任部门：德育处'], ['问题清单', '措施清单', '责任部门'], ['班级群无教师管理', '班主任全部入群', ''], ['社团活动报批不及时', '一事一报', '团委']]),
    ]);
    expect(partly.rows.map((r) => r.departments)).toEqual([['德育处'], ['团委']]);
    expect(msgs(result)).toContain('工作表“Sheet1”的表格没有责任部门列，其 1 条措施的责任部门按表格上方所写的部门记为“德育处”；如不对，请在“列对应”中指定责任部门列，或导入后修改');
  });

  it('leaves the departments empty on a sheet not named as a department, and reads a 责任部门 column as written', () => {
    // (three tables of their own: a later sheet's rows the same as an earlier sheet's are imported once)
    const named = importWorkbook([sheet('三清单', table('一中')), sheet('整改台账', table('二中')), sheet('Sheet1', table('三中'))]);
    expect(named.rows.map((r) => r.departments)).toEqual([[], [], []]);
    expect(named.warnings).toEqual([]);
    const withColumn = importWorkbook([sheet('党办', [['问题清单', '措施清单', '责任部门'], ['网络阵地', '建立台账', '信息中心']])]);
    expect(withColumn.rows[0]!.departments).toEqual(['信息中心']);
  });
});

describe('lines under the table and a template’s example row', () => {
  const rows = [
    ['问题清单', '措施清单', '责任部门', '责任领导'],
    ['（示例）宣传栏错字', '双人校对', '总务处', '李敏'],
    ['审核把关不严，外请讲座存在错误言论风险', '严格落实一会一报', '党办', ''],
    ['盖章管理不规范', '建立用印登记制度', '办公室', ''],
    ['讲座审核不严', '', '教务处', ''],
    ['（以下空白）'],
    ['联系人：王某', '', '联系电话：13800000000'],
    ['单位（盖章）', '', '', '2024年3月1日'],
    ['合计5项'],
  ];

  it('skips contact, seal and 以下空白 lines and the example, and keeps problems that start with 审核 or 盖章', () => {
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows.map((r) => r.problem)).toEqual(['审核把关不严，外请讲座存在错误言论风险', '盖章管理不规范']);
    expect(msgs(result)).toEqual([
      '第 2 行：填写示例“（示例）宣传栏错字 双人校对 总务处 李敏”，不是清单内容，已跳过',
      '第 5 行：措施为空，已跳过',
      '第 6 行：表尾或说明行“（以下空白）”，已跳过',
      '第 7 行：表尾或说明行“联系人：王某”，已跳过',
      '第 8 行：表尾或说明行“单位（盖章）”，已跳过',
      '第 9 行：表尾或说明行“合计5项”，已跳过',
    ]);
  });

  it('does not keep a contact line as a problem without a measure when empty measures are kept (the review)', () => {
    const result = importWorkbook([sheet('表', rows)], { keepEmptyMeasures: true });
    expect(result.rows.map((r) => r.problem)).toEqual(['审核把关不严，外请讲座存在错误言论风险', '盖章管理不规范', '讲座审核不严']);
  });

  it('skips an example row named in its 序号 cell', () => {
    const result = importWorkbook([sheet('表', [['序号', '问题清单', '措施清单'], ['示例', '宣传栏错字', '双人校对'], ['1', '网络阵地管理不到位', '建立账号台账']])]);
    expect(result.rows.map((r) => r.problem)).toEqual(['网络阵地管理不到位']);
  });
});

describe('a row numbering the columns under the header', () => {
  it('is skipped when it counts 1, 2, 3… or 甲, 乙, 丙… (then 1, 2…), also on a later page; a data row with a 序号 of 1 is read', () => {
    const rows = [
      ['序号', '问题清单', '措施清单', '责任部门', '责任领导'],
      ['1', '2', '3', '4', '5'],
      ['1', '网络阵地管理不到位', '建立账号台账', '党办', '张国栋'],
      ['序号', '问题清单', '措施清单', '责任部门', '责任领导'],
      ['甲', '乙', '1', '2', '3'],
      ['2', '讲座审核不严', '一会一报', '教务处', '李敏'],
      ['1', '3', '2', '', ''],
    ];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows.map((r) => r.problem)).toEqual(['网络阵地管理不到位', '讲座审核不严', '3']);
    expect(msgs(result)).toEqual([
      '第 2 行：表头下的栏目编号“1 2 3 4 5”，已跳过',
      '第 4 行：与表头相同（跨页重复的表头），已跳过',
      '第 5 行：表头下的栏目编号“甲 乙 1 2 3”，已跳过',
    ]);
  });
});

describe('numbered section headings inside the table', () => {
  it('give the rows under them their category when the table has no category column; a repeated title does not', () => {
    const rows = [
      ['小学安全风险分级管控清单'],
      ['序号', '问题清单', '措施清单', '责任部门'],
      ['（一）组织领导'],
      ['1', '安全工作领导小组未建立', '成立安全工作领导小组', '校长室'],
      ['小学安全风险分级管控清单'],
      ['2', '岗位职责不清', '制定岗位安全职责清单', '办公室'],
      ['二', '网络阵地'],
      ['3', '校园网站管理不严', '建立网站信息审核制度', '信息中心'],
    ];
    const result = importWorkbook([sheet('表', rows, { merges: [{ top: 2, left: 0, bottom: 2, right: 3 }] })]);
    expect(result.rows.map((r) => [r.problem, r.category])).toEqual([
      ['安全工作领导小组未建立', '组织领导'],
      ['岗位职责不清', '组织领导'],
      ['校园网站管理不严', '网络阵地'],
    ]);
  });

  it('give their category from a heading without a number too: 网络阵地, 【课堂讲坛】, 宣传阵地方面, a score left off', () => {
    const rows = [
      ['XX中学意识形态风险三清单'],
      ['序号', '问题清单', '措施清单', '责任部门'],
      ['网络阵地'],
      ['1', '学校公众号留言区无人管理', '明确专人审核留言', '党办'],
      ['【课堂讲坛】'],
      ['2', '个别教师课堂上发表不当言论', '开展听课巡查', '教务处'],
      ['宣传阵地方面'],
      ['3', '宣传栏错字', '双人校对', '总务处'],
      ['四、校园安全（200分）'],
      ['4', '外来人员进校登记不严', '落实门卫登记制度', '保卫处'],
    ];
    const merges = [2, 4, 6, 8].map((top) => ({ top, left: 0, bottom: top, right: 3 }));
    const result = importWorkbook([sheet('表', rows, { merges })]);
    expect(result.rows.map((r) => r.category)).toEqual(['网络阵地', '课堂讲坛', '宣传阵地', '校园安全']);
  });

  it('leave a table with a category column as written', () => {
    const rows = [['类别', '问题清单', '措施清单'], ['（一）组织领导'], ['领导机制', '领导小组未建立', '成立领导小组'], ['', '职责不清', '制定职责清单']];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows.map((r) => r.category)).toEqual(['领导机制', '']);
  });
});

describe('a header merged over a number and its text (a Word table converted to Excel)', () => {
  const rows = [
    ['问题清单', '', '措施清单', '', '责任部门', '责任领导'],
    ['1.', '网络阵地管理不到位，留言区无人管理', '（1）', '建立账号台账', '党办', '张国栋'],
    ['', '', '（2）', '僵尸号一律注销', '党办', ''],
    ['2.', '讲座审核不严', '（1）', '一会一报', '教务处', '李敏'],
  ];
  const merges = [
    { top: 0, left: 0, bottom: 0, right: 1 },
    { top: 0, left: 2, bottom: 0, right: 3 },
    { top: 1, left: 0, bottom: 2, right: 0 },
    { top: 1, left: 1, bottom: 2, right: 1 },
  ];

  it('reads the problem and the measure from the texts’ columns, not the numbers’', () => {
    const result = importWorkbook([sheet('表', rows, { merges })]);
    expect(result.rows.map((r) => [r.problem, r.measure])).toEqual([
      ['网络阵地管理不到位，留言区无人管理', '建立账号台账'],
      ['网络阵地管理不到位，留言区无人管理', '僵尸号一律注销'],
      ['讲座审核不严', '一会一报'],
    ]);
  });

  it('keeps the first column when it holds texts (two columns under one header, the first the field)', () => {
    const texts = rows.map((r, i) => (i === 0 ? r : [`问题文字${i}`, ...r.slice(1)]));
    const result = importWorkbook([sheet('表', texts, { merges: merges.slice(0, 2) })]);
    expect(result.rows.map((r) => r.problem)).toEqual(['问题文字1', '问题文字2', '问题文字3']);
  });
});

describe('the problem header merged over the sections and the problems', () => {
  it('reads the problems from the long texts and the numbered sections beside them as the category', () => {
    const rows = [
      ['问题清单', '', '措施清单', '责任部门'],
      ['一、网络阵地', '学校公众号留言区无人管理，不良评论处置不及时', '明确专人审核留言', '党办'],
      ['', '学生自建群传播错误观点，班主任掌握不及时', '班主任加入班级群', '德育处'],
      ['二、讲座论坛', '外请专家讲座审核把关不严，可能出现错误言论', '严格落实一会一报', '教务处'],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 1, left: 0, bottom: 2, right: 0 },
    ];
    const result = importWorkbook([sheet('三清单', rows, { merges })]);
    expect(result.rows.map((r) => [r.category, r.problem])).toEqual([
      ['一、网络阵地', '学校公众号留言区无人管理，不良评论处置不及时'],
      ['一、网络阵地', '学生自建群传播错误观点，班主任掌握不及时'],
      ['二、讲座论坛', '外请专家讲座审核把关不严，可能出现错误言论'],
    ]);
  });
});

describe('a group header over 姓名 | 职务', () => {
  it('reads the leaders from the 姓名 column under 责任领导', () => {
    const rows = [
      ['问题清单', '措施清单', '责任部门', '责任领导', ''],
      ['', '', '', '姓名', '职务'],
      ['网络阵地管理不到位', '建立账号台账', '党办', '张国栋', '副校长'],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 1, right: 2 },
      { top: 0, left: 3, bottom: 0, right: 4 },
    ];
    const result = importWorkbook([sheet('表', rows, { merges })]);
    expect(result.rows.map((r) => [r.departments, r.leaders])).toEqual([[['党办'], ['张国栋']]]);
  });
});

describe('校园安全 tables with 一级指标 / 二级指标', () => {
  it('reads 一级指标 as the category; 二级指标 is not imported', () => {
    const result = importWorkbook([
      sheet('安全', [
        ['一级指标', '二级指标', '风险点', '防控措施', '责任部门'],
        ['校舍安全', '消防设施', '灭火器过期未更换', '每月检查灭火器有效期', '总务处'],
      ]),
    ]);
    expect(result.analyses[0]!.columns.map((c) => [c.header, c.field])).toEqual([
      ['一级指标', 'category'],
      ['二级指标', null],
      ['风险点', 'problem'],
      ['防控措施', 'measure'],
      ['责任部门', 'departments'],
    ]);
    expect(result.rows.map((r) => [r.category, r.problem, r.measure])).toEqual([['校舍安全', '灭火器过期未更换', '每月检查灭火器有效期']]);
  });
});

describe('a risk named in one column and described in the next (廉政风险防控表: 风险点 | 廉政风险主要内容及表现形式)', () => {
  const header = ['序号', '单位/科室', '风险\n类别', '风险点', '廉政风险主要内容及表现形式', '风险等级', '防控措施', '部门\n负责人', '责任\n领导'];

  it('reads both into the problem, the name before its description, and maps the description column as the problem', () => {
    const rows = [
      header,
      ['1', '综合科', '岗位职责风险', '公车管理', '公车私用，违规报销油费', '中', '1.加强教育提醒；2.制定公车管理制度', '徐千', '李彬'],
      ['2', '', '业务流程风险', '工程招标', '围标串标，泄露标底', '高', '严格执行招投标法', '', ''],
    ];
    const result = importWorkbook([sheet('廉政风险', rows, { merges: [{ top: 1, left: 1, bottom: 2, right: 1 }] })]);
    expect(result.analyses[0]!.columns.filter((c) => c.field === 'problem').map((c) => c.header)).toEqual(['风险点', '廉政风险主要内容及表现形式']);
    expect(result.rows.map((r) => [r.problem, r.measure, r.level])).toEqual([
      ['公车管理：公车私用，违规报销油费', '1.加强教育提醒；2.制定公车管理制度', '中'],
      ['工程招标：围标串标，泄露标底', '严格执行招投标法', '高'],
    ]);
  });

  it('keeps one problem over a name merged down over its measures, and a new one for each description under it', () => {
    // 风险名称 | 风险描述 | 防控措施 (L2): descriptions 1.1, 1.2 under one name, each with its measure; a name merged over
    // two measures of one description
    const rows = [
      ['序 号', '风险 名称', '风险描述', '防控措施', '监测 指标'],
      ['1', '决策风险', '1.1 违反民主集中制', '1.1 严格执行“三重一大”制度', '每年上党课次数'],
      ['', '', '1.2 个人说了算', '1.2 落实集体决策程序', ''],
      ['2', '用人风险', '', '严格干部选拔程序', ''],
      ['', '', '', '落实任前公示', ''],
    ];
    const merges = [
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 3, left: 1, bottom: 4, right: 1 },
    ];
    const result = importWorkbook([sheet('廉洁风险', rows, { merges })]);
    expect(result.rows.map((r) => [r.problem, r.measure])).toEqual([
      ['决策风险：1.1 违反民主集中制', '1.1 严格执行“三重一大”制度'],
      ['决策风险：1.2 个人说了算', '1.2 落实集体决策程序'],
      ['用人风险', '严格干部选拔程序'],
      ['用人风险', '落实任前公示'],
    ]);
    // (监测指标, KPI-like text beside the measure, is kept as its note rather than dropped)
    expect(result.rows[0]!.note).toBe('每年上党课次数');
  });

  it('leaves a second problem-like column that describes no risk out (风险点涉及的岗位), and a description column that is the problem itself', () => {
    const posts = importWorkbook([sheet('表', [['廉政风险点表现形式', '风险点涉及的岗位', '防控措施'], ['违规审批项目资金', '财务科', '落实双人审核']])]);
    expect(posts.rows.map((r) => r.problem)).toEqual(['违规审批项目资金']);
    const two = importWorkbook([sheet('表', [['问题描述', '风险描述', '整改措施'], ['宣传栏内容未经审核', '错误观点传播', '落实三审制度']])]);
    expect(two.rows.map((r) => r.problem)).toEqual(['宣传栏内容未经审核']);
  });

  it('shows the description alone when it already names the risk', () => {
    const result = importWorkbook([sheet('表', [['风险点', '风险描述', '防控措施'], ['公车管理', '公车管理不规范，存在私用现象', '建立用车登记制度']])]);
    expect(result.rows[0]!.problem).toBe('公车管理不规范，存在私用现象');
  });
});

describe('two header rows with group headers over the measures and the responsibility', () => {
  // 序号 | 问题清单 | 措施清单 (具体措施 | 完成时限) | 责任清单 (责任部门 | 责任领导) | 备注, 序号, 问题清单 and 备注 merged
  // down over both rows
  const top = ['序号', '问题清单', '措施清单', '', '责任清单', '', '备注'];
  const sub = ['', '', '具体措施', '完成时限', '责任部门（单位）', '责任领导（分管校领导）', ''];
  const data = [
    ['1', '学校公众号留言区无人管理，不良评论处置不及时。', '明确专人审核留言，不良评论2小时内处置。', '2026年5月底前', '党办', '李敏', '—'],
    ['2', '外请专家讲座审核把关不严。', '落实“一会一报”，提前两个工作日填写备案表。', '长期坚持', '教务处、党办', '王芳', '每学期通报'],
  ];
  const expected = [
    ['学校公众号留言区无人管理，不良评论处置不及时。', '明确专人审核留言，不良评论2小时内处置。', '2026年5月底前', ['党办'], ['李敏'], ''],
    ['外请专家讲座审核把关不严。', '落实“一会一报”，提前两个工作日填写备案表。', '长期坚持', ['教务处', '党办'], ['王芳'], '每学期通报'],
  ];
  const read = (rows: string[][], merges: SheetTable['merges'] = []) => {
    const result = importWorkbook([sheet('三清单', rows, { merges })]);
    expect(result.analyses[0]).toMatchObject({ headerRow: 0, headerRows: 2 });
    return result.rows.map((r) => [r.problem, r.measure, r.deadline, r.departments, r.leaders, r.note ?? '']);
  };

  it('reads the header from both rows, the problem and the note from the cells merged down over them', () => {
    const merges = [0, 1, 6].map((c) => ({ top: 0, left: c, bottom: 1, right: c })).concat([
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 5 },
    ]);
    expect(read([top, sub, ...data], merges)).toEqual(expected);
  });

  it('reads them alike when nothing is merged: a sub-header under its group word, under an empty cell, or refining the header above', () => {
    expect(read([top, sub, ...data])).toEqual(expected);
  });

  it('takes a long sub-header under a group header merged across (风险点所在位置 over 主管(监管)单位、街道) for a sub-header', () => {
    const rows = [
      ['序号', '风险点描述', '', '风险点所在位置', '', '风险等级', '管控措施'],
      ['', '类别', '具体名称', '县/区', '主管(监管)单位、街道', '', ''],
      ['1', '校园安全', '学生宿舍消防通道堆放杂物', '某区', '区教育局', '较大风险', '每周检查消防通道，落实宿舍夜间巡查制度。'],
    ];
    const merges = [
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 0, right: 4 },
    ];
    const result = importWorkbook([sheet('安全风险点清单', rows, { merges })]);
    expect(result.analyses[0]).toMatchObject({ headerRow: 0, headerRows: 2 });
    expect(result.rows.map((r) => [r.category, r.problem, r.level])).toEqual([['校园安全', '学生宿舍消防通道堆放杂物', '较大风险']]);
  });
});

describe('columns of real tables that used to end up nowhere', () => {
  it('reads a 风险项目 with its 潜在风险隐患 as one problem, 项目 as the category and 责任人 as the leaders when no 责任领导 column names them', () => {
    const rows = [
      ['项目', '风险项目', '潜在风险隐患', '易发的校园安全事故', '风险等级', '管控措施', '责任部门', '责任人'],
      ['组织领导', '领导机构', '未成立安全工作领导小组或分工不明确', '管理失职', '较大风险', '成立以校长为组长的领导小组，明确分工并发文。', '校长室', '王子忠（校长）'],
      ['', '外来人员', '进校登记把关不严', '校园伤害', '一般风险', '严格执行来访登记制度。', '保卫处', '周明'],
    ];
    const result = importWorkbook([sheet('安全风险清单', rows, { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] })]);
    expect(result.rows.map((r) => [r.category, r.problem, r.leaders, r.posts])).toEqual([
      ['组织领导', '领导机构：未成立安全工作领导小组或分工不明确', ['王子忠'], { 王子忠: '校长' }],
      ['组织领导', '外来人员：进校登记把关不严', ['周明'], undefined],
    ]);
    // what no field reads is said, once for the sheet
    expect(result.warnings.map((w) => w.message)).toEqual(['工作表“安全风险清单”中有内容的列未导入：“易发的校园安全事故”（2 行）；如需导入，请在预览的“列对应”中为该列选择字段']);
  });

  it('leaves 责任人 and 部门负责人 out beside a 责任领导 column (a department head is no responsible leader), and says so', () => {
    const rows = [
      ['重要环节', '廉政风险点表现形式', '防控措施', '部门责任人', '责任领导'],
      ['财务管理', '违规审批报销，虚列支出', '严格执行财务审批制度', '刘会计', '陈建国'],
    ];
    const result = importWorkbook([sheet('一览表', rows)]);
    expect(result.rows.map((r) => [r.category, r.problem, r.leaders])).toEqual([['财务管理', '违规审批报销，虚列支出', ['陈建国']]]);
    expect(result.warnings.map((w) => w.message).join('\n')).toContain('“部门责任人”（1 行）');
  });
});

describe('a Word table converted to Excel, and what follows a table', () => {
  it('reads a field from the column its text is in when its header is merged over an empty grid column beside it', () => {
    const rows = [
      ['问题清单', '措施清单', '', '责任部门', '', '责任领导'],
      ['网络阵地管理不到位', '', '建立账号台账，明确专人管理', '', '党办\n德育处', '张国栋'],
      ['', '', '每月开展一次巡查', '', '信息中心', ''],
    ];
    const merges = [
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 0, right: 4 },
      { top: 1, left: 0, bottom: 2, right: 0 },
    ];
    const result = importWorkbook([sheet('三清单', rows, { merges })]);
    expect(result.rows.map((r) => [r.problem, r.measure, r.departments])).toEqual([
      ['网络阵地管理不到位', '建立账号台账，明确专人管理', ['党办', '德育处']],
      ['网络阵地管理不到位', '每月开展一次巡查', ['信息中心']],
    ]);
  });

  it('skips a 时间 | 内容 schedule that starts right under the last row of the table', () => {
    const rows = [
      ['问题清单', '措施清单', '责任部门'],
      ['网络阵地管理不到位', '建立账号台账，明确专人管理', '党办'],
      ['时间', '内容'],
      ['3月中旬', '召开上半年研判会'],
    ];
    const result = importWorkbook([sheet('三清单', rows)]);
    expect(result.rows.map((r) => r.measure)).toEqual(['建立账号台账，明确专人管理']);
    expect(result.warnings.map((w) => w.message).join('\n')).toContain('第 3 行起：另一张表格（表头“时间 | 内容”，共 2 行）');
  });
});

describe('sign-off lines under the table, their cells spread over its columns', () => {
  it('skips them with their row, and keeps a measure that names a role', () => {
    const header = ['问题清单', '措施清单', '责任部门', '责任领导', '完成时限'];
    const data = ['网络阵地管理不到位，账号长期不更新', '建立账号台账，明确专人管理', '党办', '张国栋', '长期坚持'];
    const signOffs = [
      ['党支部书记（签字）：', '', '校长（签字）：', '', '2026年3月5日'],
      ['单位负责人：', '', '填表人：'],
      ['校长：王子忠', '', '分管领导：李敏'],
      ['', '单位（公章）', '', '2026年3月5日'],
      // a form's own lines: a phone number, a unit with its seal, a dotted date, an opinion
      ['单位负责人：王子忠', '联系人：李梦楠', '联系电话：0475-1234567'],
      ['填报单位：XX中学（公章）', '报送时间：2024.3.5'],
      ['分管领导审核意见：同意'],
    ];
    for (const line of signOffs) {
      const result = importWorkbook([sheet('三清单', [header, data, line])]);
      expect(result.rows).toHaveLength(1);
      expect(result.warnings.map((w) => w.message).join('\n')).toMatch(/第 3 行/);
    }
    const kept = importWorkbook([sheet('三清单', [header, data, ['宣传栏审核不严', '分管领导：李敏负责审核', '党办', '李敏', '每学期']])]);
    expect(kept.rows.map((r) => r.measure)).toEqual(['建立账号台账，明确专人管理', '分管领导：李敏负责审核']);
    // a short problem whose measure only starts like a label is a row
    const row = importWorkbook([sheet('三清单', [header, data, ['网络舆情', '联系电话：公布举报电话并专人接听', '党办', '李敏', '长期']])]);
    expect(row.rows).toHaveLength(2);
  });
});

describe('同上 and ditto marks', () => {
  it('reads a cell that says 同上 (〃, ") as the row above in its column, and says how many there were', () => {
    const rows = [
      ['问题清单', '措施清单', '责任部门', '责任领导', '完成时限'],
      ['网络阵地管理不到位，账号长期不更新', '建立账号台账，明确专人管理', '党办', '张国栋', '2026年6月底前'],
      ['学生自建群传播错误观点', '班主任加入班级群并做好引导', '同上', '〃', '"'],
      ['同上', '每学期开展一次专项检查', '德育处', '同上', '长期坚持'],
    ];
    const result = importWorkbook([sheet('三清单', rows)]);
    expect(result.rows.map((r) => [r.problem, r.departments, r.leaders, r.deadline])).toEqual([
      ['网络阵地管理不到位，账号长期不更新', ['党办'], ['张国栋'], '2026年6月底前'],
      ['学生自建群传播错误观点', ['党办'], ['张国栋'], '2026年6月底前'],
      ['学生自建群传播错误观点', ['德育处'], ['张国栋'], '长期坚持'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(['工作表“三清单”中有 5 个单元格写的是“同上”（或 〃），已按上一行同一列的内容读取']);
  });
});

describe('a table without a measure column', () => {
  it('takes a numbered heading alone on its row for a section, not for a row of the problem above', () => {
    const rows = [
      ['权限', '序号', '廉政风险点', '风险级次', '责任科室'],
      ['资金拨付权', '1', '截留挪用专项资金，拨付不及时', '一级', '行财组'],
      ['二、基建项目廉政风险点及防控措施'],
      ['项目审核权', '1', '审核把关不严，虚增工程量', '一级', '基建组'],
    ];
    const result = importWorkbook([sheet('Sheet1', rows)]);
    expect(result.rows.map((r) => [r.category, r.problem])).toEqual([
      ['资金拨付权', '截留挪用专项资金，拨付不及时'],
      ['项目审核权', '审核把关不严，虚增工程量'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(['第 3 行：只有标题“二、基建项目廉政风险点及防控措施”，视为分节标题，已跳过']);
  });
});

describe('a field written as ticks under its options', () => {
  it('reads the option ticked (风险等级 over 高 | 中 | 低, 完成情况 over 已完成 | 未完成) and says nothing of its columns', () => {
    const rows = [
      ['问题清单', '措施清单', '风险等级', '', '', '完成情况', ''],
      ['', '', '高', '中', '低', '已完成', '未完成'],
      ['学校公众号留言区无人管理，不良评论处置不及时', '明确专人审核留言', '√', '', '', '√', ''],
      ['学生自建群传播错误观点，班主任掌握不及时', '班主任加入班级群', '', '✓', '', '', '√'],
      ['外请专家讲座审核把关不严，可能出现错误言论', '严格落实一会一报', '', '', '√', '', ''],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 4 },
      { top: 0, left: 5, bottom: 0, right: 6 },
    ];
    const result = importWorkbook([sheet('三清单', rows, { merges })]);
    expect(result.rows.map((r) => [r.level, r.status])).toEqual([
      ['高', '已完成'],
      ['中', '未完成'],
      ['低', ''],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('takes other marks for a tick: ★, ■, 是', () => {
    const rows = [
      ['问题清单', '措施清单', '风险等级', '', ''],
      ['', '', '重大', '较大', '一般'],
      ['学校公众号留言区无人管理，不良评论处置不及时', '明确专人审核留言', '', '★', ''],
      ['学生自建群传播错误观点，班主任掌握不及时', '班主任加入班级群', '', '', '是'],
      ['外请专家讲座审核把关不严，可能出现错误言论', '严格落实一会一报', '■', '', ''],
    ];
    const merges = [{ top: 0, left: 2, bottom: 0, right: 4 }];
    const result = importWorkbook([{ name: 'Sheet1', hidden: false, rows, merges }]);
    expect(result.rows.map((r) => r.level)).toEqual(['较大', '一般', '重大']);
  });
});

describe('a hidden sheet', () => {
  it('is not imported, and a table on it is said', () => {
    const table = [
      ['问题清单', '措施清单', '责任部门'],
      ['网络阵地管理不到位', '建立账号台账，明确专人管理', '党办'],
    ];
    const result = importWorkbook([
      { name: '三清单', hidden: false, rows: table, merges: [] },
      { name: '旧版清单', hidden: true, rows: [...table, ['课堂讲坛管理不严', '落实听课制度', '教务处']], merges: [] },
      { name: '选项', hidden: true, rows: [['党办'], ['德育处']], merges: [] },
    ]);
    expect(result.rows).toHaveLength(1);
    expect(result.warnings.map((w) => w.message)).toEqual(['工作表“旧版清单”在 Excel 中是隐藏的，其中的表格未导入；如需导入，请在 Excel 或 WPS 中取消隐藏该工作表后再导入']);
  });
});

describe('a problem on a row of its own, its measures on the rows under it', () => {
  it('reads the problem from its own row (with its number beside it, or merged across the table) for the measures below', () => {
    const own = [
      ['序号', '问题清单', '措施清单', '责任部门', '责任领导'],
      ['一', '网络阵地管理不到位，公众号留言区无人管理。', '', '', ''],
      ['1', '', '明确专人审核留言', '党办', '张国栋'],
      ['2', '', '建立账号台账', '信息中心', '张国栋'],
      ['二', '个别教师课堂上发表不当言论。', '', '', ''],
      ['1', '', '开展听课巡查', '教务处', '王芳'],
    ];
    const merged = [
      ['序号', '问题', '整改措施', '责任部门', '责任领导'],
      ['问题一：学校公众号留言区无人管理，存在不当评论传播风险。'],
      ['1', '', '明确专人审核留言', '党办', '张国栋'],
      ['问题二：个别教师课堂上发表不当言论。'],
      ['1', '', '开展听课巡查', '教务处', '王芳'],
    ];
    const a = importWorkbook([sheet('表', own)]);
    expect(a.rows.map((r) => [r.problem, r.measure, r.category])).toEqual([
      ['网络阵地管理不到位，公众号留言区无人管理。', '明确专人审核留言', undefined],
      ['网络阵地管理不到位，公众号留言区无人管理。', '建立账号台账', undefined],
      ['个别教师课堂上发表不当言论。', '开展听课巡查', undefined],
    ]);
    expect(a.warnings.map((w) => w.message)).toContain('第 2 行：问题“网络阵地管理不到位，公众号留言区无人管理。”单独一行，其下各行的措施归入该问题');
    const b = importWorkbook([sheet('表', merged, { merges: [1, 3].map((top) => ({ top, left: 0, bottom: top, right: 4 })) })]);
    expect(b.rows.map((r) => [r.problem, r.measure])).toEqual([
      ['学校公众号留言区无人管理，存在不当评论传播风险。', '明确专人审核留言'],
      ['个别教师课堂上发表不当言论。', '开展听课巡查'],
    ]);
  });

  it('keeps a short heading above the rows a section, and a problem merged down over its measures as it was', () => {
    const rows = [
      ['序号', '问题清单', '措施清单', '责任部门'],
      ['一', '网络阵地', '', ''],
      ['1', '公众号留言区无人管理，不良评论处置不及时。', '明确专人审核留言', '党办'],
      ['', '', '建立账号台账', '信息中心'],
    ];
    const result = importWorkbook([sheet('表', rows, { merges: [{ top: 2, left: 1, bottom: 3, right: 1 }] })]);
    expect(result.rows.map((r) => [r.category, r.problem, r.measure])).toEqual([
      ['网络阵地', '公众号留言区无人管理，不良评论处置不及时。', '明确专人审核留言'],
      ['网络阵地', '公众号留言区无人管理，不良评论处置不及时。', '建立账号台账'],
    ]);
  });
});

describe('a status written in 备注', () => {
  it('is the status when the table has no status column and the note is only a status of finished work', () => {
    const rows = [
      ['问题清单', '措施清单', '责任部门', '完成时限', '备注'],
      ['网络阵地管理不到位', '建立账号台账', '党办', '2024年3月底前', '已销号'],
      ['讲座审核不严', '落实一会一报', '教务处', '2024年3月底前', '已整改到位。'],
      ['宣传栏错字', '双人校对', '总务处', '2024年3月底前', '未完成，延期至6月'],
    ];
    const result = importWorkbook([sheet('表', rows)]);
    expect(result.rows.map((r) => [r.status, r.note])).toEqual([
      ['已销号', '已销号'],
      ['已整改到位', '已整改到位。'],
      [undefined, '未完成，延期至6月'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(['工作表“表”没有进展/状态列，其中 2 条措施的备注写的是“已销号”“已完成”等，已记为其状态（备注照原样保留）']);
    const withStatus = importWorkbook([sheet('表', [[...rows[0]!, '整改情况'], [...rows[1]!, '推进中']])]);
    expect(withStatus.rows[0]!.status).toBe('推进中');
  });
});

describe('a column without a header', () => {
  it('is said with its letter and how many imported rows have text in it, never left out in silence', () => {
    const rows = [
      ['XX中学意识形态风险三清单'],
      ['', '序号', '问题清单', '措施清单', '责任部门'],
      ['重点领域', '1', '课堂教学存在错误言论风险', '开展听课巡查', '教务处'],
      ['', '2', '教材教辅征订把关不严', '严格按目录征订', '教务处', '', '已核对'],
      ['主要阵地', '3', '公众号留言区无人管理', '明确专人审核留言', '党办'],
    ];
    const result = importWorkbook([sheet('表', rows, { merges: [{ top: 2, left: 0, bottom: 3, right: 0 }] })]);
    expect(result.rows).toHaveLength(3);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '工作表“表”中第 G 列（1 行）没有表头，其内容未导入；如需导入，请在 Excel 或 WPS 中为该列写上表头（如“类别”“备注”）后再导入',
    ]);
  });

  it('is the category when it holds short names merged down over the problems, left of them', () => {
    const rows = [
      ['XX中学意识形态风险三清单'],
      ['', '序号', '问题清单', '措施清单', '责任部门'],
      ['重点领域', '1', '课堂教学存在错误言论风险', '开展听课巡查', '教务处'],
      ['', '2', '教材教辅征订把关不严', '严格按目录征订', '教务处'],
      ['主要阵地', '3', '公众号留言区无人管理', '明确专人审核留言', '党办'],
      ['', '4', '校园网站信息发布审核不严', '落实三审三校', '党办'],
    ];
    const merges = [{ top: 2, left: 0, bottom: 3, right: 0 }, { top: 4, left: 0, bottom: 5, right: 0 }];
    const result = importWorkbook([sheet('表', rows, { merges })]);
    expect(result.rows.map((r) => r.category)).toEqual(['重点领域', '重点领域', '主要阵地', '主要阵地']);
    expect(result.analyses[0]!.columns[0]).toMatchObject({ index: 0, header: '（第 1 列，无表头）', field: 'category' });
    expect(result.warnings).toEqual([]);
  });

  it('is the category with a short section name among longer ones', () => {
    const rows = [['', '问题清单', '措施清单'], ['网络', '公众号留言区无人管理', '明确专人审核留言'], ['', '校园网站信息发布审核不严', '落实三审三校'], ['课堂教学阵地', '课堂教学存在错误言论风险', '开展听课巡查'], ['', '教材教辅征订把关不严', '严格按目录征订']];
    const merges = [{ top: 1, left: 0, bottom: 2, right: 0 }, { top: 3, left: 0, bottom: 4, right: 0 }];
    expect(importWorkbook([sheet('表', rows, { merges })]).rows.map((r) => r.category)).toEqual(['网络', '网络', '课堂教学阵地', '课堂教学阵地']);
  });

  it('is not the category when it names departments or numbers, or a text of each row', () => {
    const table = (first: string[]) => [['', '问题清单', '措施清单'], ...first.map((f, i) => [f, `课堂教学存在错误言论风险${i}`, `开展听课巡查${i}`])];
    for (const first of [['教务处', '', '德育处', ''], ['1', '', '2', ''], ['甲', '乙', '丙', '丁'], ['工会', '', '高一', ''], ['张三', '', '', ''], ['★', '', '', '']]) {
      const result = importWorkbook([sheet('表', table(first))]);
      expect(result.analyses[0]!.columns.some((c) => c.field === 'category')).toBe(false);
      expect(result.warnings.map((w) => w.message).join('')).toContain('第 A 列');
    }
  });
});
