import type { ImportRow } from '../src/domain/import/types';

/**
 * The sample workbooks, as data: each spec says how its sheets are laid out and which rows they hold. The generator
 * (make-samples.ts) writes them; the tests import them and expect exactly these rows back. Contents are paraphrased
 * from the themes in shared/reference/table-layouts.md; units and names are fictional.
 */
/** A row as the importer returns it (the CLI's JSON row), without its sheet, which the spec adds. */
export type SpecRow = Omit<ImportRow, 'excelRow' | 'ids' | 'sheet'>;

export interface WorkbookSpec {
  file: string;
  description: string;
  /** the rows the importer must return, in order, each with its sheet */
  expected: (SpecRow & { sheet: string })[];
}

const P = {
  media: '1.学校及各部门开设的微信公众号、视频号、班级群较多，部分账号长期不更新、留言区无人管理，存在发布或转发不当信息的风险隐患。',
  groups: '2.个别学生自建QQ群、微信群传播历史虚无主义等错误观点，班主任掌握不及时。',
  lectures: '3.外请专家讲座、报告会审核把关不严，可能出现错误言论。',
  religion: '4.宗教团体可能借助校外培训机构、家庭信教成员对学生施加影响。',
  sensitive: '5.重要时间节点和敏感时期网络舆情易发，应对处置不够及时。',
};

export const SCHOOL_ROWS: SpecRow[] = [
  { problem: P.media, measure: '全面清理各类新媒体账号，建立账号台账并报党办备案。', departments: ['党办', '信息中心'], leaders: ['分管副校长'] },
  { problem: P.media, measure: '6个月以上未更新的“僵尸号”“僵尸群”一律注销。', departments: ['党办'], leaders: [] },
  { problem: P.media, measure: '开通留言功能的平台明确专人审核，不良评论及时处置。', departments: ['党办', '德育处', '各年级'], leaders: [] },
  { problem: P.groups, measure: '班主任加入班级群并做好日常引导，发现苗头性问题第一时间上报。', departments: ['德育处', '各年级'], leaders: [] },
  { problem: P.groups, measure: '结合主题班会开展网络素养和国家安全教育，每学期不少于1次。', departments: ['德育处', '团委'], leaders: ['副校长'] },
  { problem: P.lectures, measure: '严格落实“一会一报”，主办部门提前两个工作日填写备案表。', departments: ['党办', '教务处'], leaders: ['党支部书记'] },
  { problem: P.lectures, measure: '审查报告人政治倾向和讲稿内容，活动现场安排专人旁听记录。', departments: ['主办部门'], leaders: [] },
  { problem: P.religion, measure: '新生入学时开展摸底排查，建立工作台账。', departments: ['德育处', '各年级'], leaders: [] },
  { problem: P.religion, measure: '开展马克思主义宗教观和抵御宗教渗透主题教育，严禁在校内传教。', departments: ['德育处', '团委'], leaders: [] },
  { problem: P.sensitive, measure: '敏感时期实行24小时值班和舆情日报制度，统一对外口径，边处置边报告。', departments: ['党办', '政办', '保卫处'], leaders: ['校长'] },
];

export const INTEGRITY_ROWS: SpecRow[] = [
  { problem: '物资采购不按规定比价，化整为零规避招标', measure: '1.严格执行政府采购制度；2.大额采购集体研究；3.采购结果公示。', departments: ['总务处'], leaders: ['分管副校长'], level: '高' },
  { problem: '食材验收把关不严，账实不符', measure: '1.双人验收；2.每月盘点公示。', departments: ['总务处'], leaders: ['分管副校长'], level: '中' },
  { problem: '违规招生、人为干预分班', measure: '招生计划和分班结果公开，接受家长监督。', departments: ['教务处'], leaders: ['校长'], level: 'Ⅰ级' },
  { problem: '推荐评选程序不公开、暗箱操作', measure: '严格按条件和程序推荐，结果公示不少于5个工作日。', departments: ['办公室'], leaders: ['党支部书记'], level: 'Ⅱ级' },
  { problem: '虚列支出、票据不规范', measure: '落实“经办人—部门负责人—分管领导”三级审签。', departments: ['财务室'], leaders: [], level: '低' }, // the file says 无: nobody
];

export const LEDGER_ROWS: SpecRow[] = [
  { problem: '意识形态工作专题研究次数不足，全年仅研究1次', measure: '每半年至少专题研究1次，纳入党支部议事日程', departments: ['党办'], leaders: ['刘书记'], deadline: '长期坚持', status: '已整改', note: '持续巩固' },
  { problem: '分析研判会记录要素不全', measure: '规范会议记录模板，明确参会、请假人员', departments: ['党办'], leaders: ['刘书记'], deadline: '2026-06-30', status: '已完成', note: '' },
  { problem: '部分班级群无教师管理', measure: '班主任全部入群，建立班级群台账', departments: ['德育处', '各年级'], leaders: ['陈校长'], deadline: '立行立改', status: '整改中', note: '' },
  { problem: '部分班级群无教师管理', measure: '每月抽查班级群管理情况并通报', departments: ['德育处'], leaders: ['陈校长'], deadline: '每月', status: '整改中', note: '' },
  { problem: '宣传栏存在错别字', measure: '立即更换，建立发布前审核制度', departments: ['总务处'], leaders: ['周校长'], deadline: '3天', status: '已销号', note: '' },
  { problem: '讲座报告会未按要求报备', measure: '补办备案手续，修订管理办法', departments: ['教务处', '团委'], leaders: ['吴校长'], deadline: '2026年9月30日前', status: '部分整改', note: '管理办法待党支部会审议' },
];

const DEPT_SHEETS: Record<string, SpecRow[]> = {
  党办: [
    { problem: '理论学习中心组学习流于形式', measure: '每学期组织专题学习不少于2次，抽查学习笔记', departments: ['党办'], leaders: ['党委书记'], deadline: '每学期' },
    { problem: '理论学习中心组学习流于形式', measure: '学习情况纳入年终述职', departments: ['党办'], leaders: ['党委书记'], deadline: '12月' },
    { problem: '宣传阵地发布审核不严', measure: '落实“三审三校”，建立发布台账', departments: ['党办', '信息中心'], leaders: ['党委书记'], deadline: '长期坚持' },
  ],
  德育处: [
    { problem: '学生社团活动报批不及时', measure: '社团活动提前一周报批，指导教师全程参与', departments: ['德育处', '团委'], leaders: ['分管德育副校长'], deadline: '长期坚持' },
  ],
  教务处: [
    { problem: '外籍教师授课内容审查存在漏洞', measure: '授课内容定期抽查，发现问题及时纠正', departments: ['教务处', '国际部'], leaders: ['分管教学副校长'], deadline: '每学期' },
    { problem: '教材教辅征订把关不严', measure: '严格按目录征订，每学期清查一次图书角', departments: ['教务处', '图书馆'], leaders: ['分管教学副校长'], deadline: '每学期' },
  ],
};

export const PAGED_ROWS: SpecRow[] = ([
  { problem: '校园网站和公众号留言区管理不到位', measure: '明确专人每日巡查留言区', departments: ['信息中心'], leaders: ['赵副校长'], category: '网络阵地' },
  { problem: '校园网站和公众号留言区管理不到位', measure: '建立不良信息处置流程', departments: ['信息中心', '党办'], leaders: ['赵副校长'], category: '网络阵地' },
  { problem: '宣传栏、电子屏内容更新不及时', measure: '每月检查一次校园宣传阵地', departments: ['党办', '总务处'], leaders: ['张书记'], category: '宣传阵地' },
  { problem: '讲座论坛审核不严', measure: '落实“一会一报”制度', departments: ['党办'], leaders: ['张书记'], category: '宣传阵地' },
  { problem: '讲座论坛审核不严', measure: '活动现场安排专人旁听', departments: ['主办部门'], leaders: ['张书记'], category: '宣传阵地' },
  { problem: '图书馆馆藏清查不及时', measure: '每学期开展一次馆藏清查', departments: ['图书馆'], leaders: ['李副校长'], category: '宣传阵地' },
] as SpecRow[]).map((r) => ({ ...r, note: '' })); // the table has a 备注 column, empty in these rows

export const SYNONYM_ROWS: SpecRow[] = [
  { problem: '新学期作息调整涉及家长切身利益，可能引发家长群内不实信息传播', measure: '调整方案经校务会研究后统一发布', departments: ['政办', '德育处'], leaders: ['校长'], deadline: '开学前一周', status: '已完成', category: '重点领域' },
  { problem: '新学期作息调整涉及家长切身利益，可能引发家长群内不实信息传播', measure: '班主任在家长群及时答疑解惑', departments: ['各年级'], leaders: ['副校长'], deadline: '长期坚持', status: '推进中', category: '重点领域' },
  { problem: '教师违规有偿补课可能被举报引发负面舆情', measure: '签订拒绝有偿补课承诺书', departments: ['纪委', '各年级'], leaders: ['纪委书记', '校长'], deadline: '2026年3月15日前', status: '已完成', category: '敏感人群' },
  { problem: '教师违规有偿补课可能被举报引发负面舆情', measure: '每学期开展一次专项检查', departments: ['纪委'], leaders: ['纪委书记'], deadline: '每学期', status: '推进中', category: '敏感人群' },
];

const withSheet = (rows: SpecRow[], sheet: string) => rows.map((r) => ({ ...r, sheet }));

export const SPECS: WorkbookSpec[] = [
  {
    file: '01-学校三清单-合并单元格.xlsx',
    description: 'title row; 问题清单|措施清单|责任部门|责任领导; problem merged over its measures; several departments in one cell on separate lines; leader often empty',
    expected: withSheet(SCHOOL_ROWS, '三清单'),
  },
  {
    file: '02-廉政风险防控表-序号等级.xlsx',
    description: '附件1 line and title; headers with spaces and line breaks (序 号, 风险\\n等级); 序号, 科室 and 责任领导 merged; unknown columns 岗位 and 责任人; Roman-numeral levels',
    expected: withSheet(INTEGRITY_ROWS, 'Sheet1'),
  },
  {
    file: '03-整改台账-两行表头.xlsx',
    description: 'title, 填报单位/填报时间 line; two-row header (责任清单 over 责任单位|责任领导); real date, number, formula and rich-text cells; CRLF and 、 separators',
    expected: withSheet(LEDGER_ROWS, '整改台账'),
  },
  {
    file: '04-多工作表-各部门.xlsx',
    description: 'one sheet per department, problem text repeated instead of merged; a 填表说明 sheet and a hidden 选项表 sheet are skipped',
    expected: Object.entries(DEPT_SHEETS).flatMap(([sheet, rows]) => withSheet(rows, sheet)),
  },
  {
    file: '05-跨页表头-表尾.xlsx',
    description: 'blank rows before the header; header repeated mid-table (printed pages); full-width section heading rows; a row without measure (warned); footer 填表人/审核人/日期 and 填表说明 rows; 类别 merged',
    expected: withSheet(PAGED_ROWS, '风险清单'),
  },
  {
    file: '06-同义表头-无合并.xlsx',
    description: 'header synonyms (风险点, 防控方法, 牵头部门, 分管领导, 时间节点, 完成情况, 领域); no merges, the problem repeated; full-width spaces; ，/；separators',
    expected: withSheet(SYNONYM_ROWS, '排查表'),
  },
];

/** 07, written by openpyxl (make-samples.py): header at row 45 under a cover, a 目录 and a 领导小组 list; a continuation sheet. */
const NINTH = {
  media: '1.学校公众号、视频号和班级群较多，部分账号长期不更新，留言区无人管理。',
  groups: '2.个别学生在自建群中传播错误观点，班主任掌握不及时。',
  books: '3.教材教辅和课外读物征订把关不严。',
  visitors: '4.校园外来人员及外来宣传品管理不严。',
  sensitive: '5.重要时间节点和敏感时期网络舆情易发。',
  abroad: '6.外籍教师授课、境外研学活动审查存在漏洞。',
};
export const OPENPYXL_ROWS: (SpecRow & { sheet: string })[] = [
  { problem: NINTH.media, measure: '全面清理新媒体账号，建立账号台账并报党办备案。', departments: ['党办', '信息中心'], leaders: ['张国栋'], deadline: '长期坚持', sheet: '三清单' },
  { problem: NINTH.media, measure: '6个月以上未更新的“僵尸号”一律注销。', departments: ['党办', '德育处'], leaders: [], deadline: '', sheet: '三清单' },
  { problem: NINTH.media, measure: '开通留言功能的平台明确专人审核。', departments: ['校长室'], leaders: ['李敏'], deadline: '每学期', sheet: '三清单' },
  { problem: NINTH.groups, measure: '班主任加入班级群并做好日常引导。', departments: ['德育处', '团委'], leaders: ['刘洋'], deadline: '2026年6月底前', sheet: '三清单' },
  { problem: NINTH.groups, measure: '结合主题班会开展网络素养教育，每学期不少于1次。', departments: [], leaders: ['李敏'], deadline: '', sheet: '三清单' },
  { problem: NINTH.books, measure: '严格按目录征订教材教辅，每学期清查一次图书角。', departments: ['教务处', '图书馆'], leaders: [], deadline: '', sheet: '三清单' },
  { problem: NINTH.visitors, measure: '落实门卫登记制度，外来宣传品未经审查不得进校。', departments: ['总务处', '保卫处'], leaders: [], deadline: '立行立改', sheet: '三清单' },
  { problem: NINTH.sensitive, measure: '敏感时期实行24小时值班和舆情日报制度。', departments: ['党办', '政办', '保卫处'], leaders: ['校长'], deadline: '敏感时期', sheet: '三清单（续）' },
  { problem: NINTH.abroad, measure: '外籍教师授课内容定期抽查。', departments: ['教务处', '国际部'], leaders: ['张国栋'], deadline: '每学期', sheet: '三清单（续）' },
  { problem: NINTH.abroad, measure: '研学活动按程序报批。', departments: ['国际部'], leaders: ['李敏'], deadline: '每学期', sheet: '三清单（续）' },
];

/** 08, saved by LibreOffice from a flat ODS (make-samples.py): merges made with “keep contents”, a repeated header. */
export const LIBREOFFICE_ROWS: SpecRow[] = ([
  { problem: '网络舆情应对处置不够及时', measure: '建立舆情日报制度，统一对外口径。', departments: ['党办'], leaders: ['王芳'] },
  { problem: '网络舆情应对处置不够及时', measure: '敏感时期实行24小时值班。', departments: ['党办'], leaders: ['王芳'] },
  { problem: '网络舆情应对处置不够及时', measure: '重大舆情边处置边报告。', departments: ['保卫处'], leaders: ['王芳'] },
  { problem: '教材选用存在问题', measure: '落实整改措施', departments: ['教务处'], leaders: ['副校长'] },
  { problem: '外请专家讲座审核把关不严', measure: '落实“一会一报”，提前两个工作日备案。', departments: ['党办', '教务处'], leaders: ['赵强'] },
  { problem: '外请专家讲座审核把关不严', measure: '活动现场安排专人旁听记录。', departments: ['主办部门'], leaders: [] },
] as SpecRow[]).map((r) => ({ ...r, note: '' })); // the 备注 column holds only dashes

/** The samples made by other producers than ExcelJS: openpyxl and LibreOffice (samples/make-samples.py). */
export const PRODUCER_SPECS: WorkbookSpec[] = [
  {
    file: '07-封面领导小组-续表-openpyxl.xlsx',
    description: 'openpyxl; cover, 目录 and 领导小组 list above a header at row 45; a headerless 三清单（续） sheet continuing 序号; nobody tokens (——, 无, 暂无, ／, /, a full-width space); zero-width and no-break spaces; ／ and ｜ separators; 李  敏; 张国栋（副校长）, 分管副校长：李敏, 刘洋(书记); 党办（牵头）',
    expected: OPENPYXL_ROWS,
  },
  {
    file: '08-LibreOffice-保留合并内容.xlsx',
    description: 'LibreOffice; merges made with “keep contents” (old text under the merged problem, department and leader cells); the header repeated on page 2; a row whose texts contain 存在问题 and 整改措施; — and － in 备注; 王芳（副校长）; 党办 教务处; a footer',
    expected: withSheet(LIBREOFFICE_ROWS, '风险防控表'),
  },
];

SPECS.push(...PRODUCER_SPECS);

export { DEPT_SHEETS };
