/**
 * The words the review rules look for, each list with the reason it exists. Kept apart from the rules so that an office
 * can read (and we can extend) what counts as an action or a slogan without reading code. The phrasings come from
 * real lists: the seed unit's table (school-rules-with-three-list.txt), the 廉政/安全 sibling tables and inspection
 * wording (“问题内容是否具体，措施是否具有可操作性”; “五个明确”).
 */

/**
 * Verbs that make a measure something a department can do and a leader can check. A measure with none of them
 * describes a wish or a situation. Longer words first is not needed: any occurrence counts.
 */
export const ACTION_VERBS: readonly string[] = [
  '开展', '建立', '制定', '组织', '落实', '签订', '清理', '审核', '召开', '报告', '培训', '排查', '约谈',
  '完善', '健全', '规范', '实行', '实施', '推进', '推行', '执行', '督促', '督查', '督导', '检查', '核查', '巡查',
  '抽查', '审查', '审批', '把关', '监测', '监控', '监督', '处置', '宣传', '解读', '宣讲', '讲清', '告知', '引导',
  '教育', '公开', '公示', '通报', '举办', '设立', '设置', '配备', '配齐', '明确', '印发', '修订', '编制', '梳理',
  '登记', '备案', '汇报', '上报', '报送', '提交', '跟踪', '回访', '走访', '谈心', '谈话', '座谈', '发布', '回应',
  '研判', '分析', '评估', '整改', '查处', '追责', '问责', '考核', '纳入', '安排', '部署', '学习', '传达', '签署',
  '压实', '细化', '畅通', '收集', '记录', '存档', '建档', '更新', '维护', '关闭', '删除', '下架', '整治', '提醒',
  '警示', '承诺', '选树', '表彰', '开设', '张贴', '播放', '成立', '聘请', '邀请', '对接', '沟通', '协调', '会同',
  '指导', '帮扶', '审议', '审定', '调整', '轮训', '集中', '专题', '约束', '统筹', '摸排', '摸底', '调查', '走访',
  '家访', '讲座', '开设', '上好', '讲好', '办好', '抓好', '做好', '用好', '管好', '守好', '建好', '开好', '开通',
  '建设', '加强', '强化', '管理', '管控', '防控', '防范', '杜绝', '严禁', '禁止', '严格', '实现', '确保', '保障',
  '参加', '参与', '听取', '接受', '撰写', '填写', '形成', '编印', '报备', '核实', '反馈', '办理', '答复', '回复',
  '签字', '公布', '挂牌', '值班', '值守', '演练', '备课', '听课', '评课', '巡课', '巡视', '筛查', '甄别', '删帖',
  '封堵', '拦截', '屏蔽', '取缔', '清查', '清退', '更换', '撤换', '替换', '补充', '增设', '制止', '纠正',
];

/**
 * Action words that are as often nouns (思想教育, 阵地管理, 宣传工作): they do not make a risk phrase after them an action
 * (“学生思想教育存在薄弱环节的风险” is a risk), though they still count as a verb for a measure that has no other.
 */
export const NOUN_LIKE_VERBS: ReadonlySet<string> = new Set([
  '教育', '管理', '宣传', '建设', '学习', '专题', '集中', '讲座', '防控', '管控', '值班', '值守', '备课', '分析',
  '考核', '安排', '部署', '引导', '监督', '记录',
]);

/**
 * Inspection verbs that may take a 是否 clause as their object: “排查是否存在违规补课” is an action, “是否开展…”
 * alone is a checklist question.
 */
export const INSPECTION_VERBS: readonly string[] = [
  '排查', '检查', '核查', '督查', '审查', '抽查', '巡查', '摸排', '调查', '了解', '评估', '研判', '查看', '询问',
  '统计', '掌握', '核实', '确认', '甄别', '筛查', '判断', '监测', '关注',
];

/**
 * Words a measure may open a risk phrase with and still be an action: “防止…的情况” is a measure, “可能存在…的情况”
 * is the problem written again.
 */
export const PREVENTION_VERBS: readonly string[] = ['防止', '避免', '杜绝', '防范', '减少', '降低', '消除', '化解', '遏制', '预防', '严防', '谨防'];

/**
 * Phrases that describe a risk or a situation rather than something to do (the seed table's “measures” are written so:
 * “可能存在对条文规定不知晓的情况”).
 */
export const RISK_PHRASES: readonly RegExp[] = [
  /可能(存在|出现|引发|导致|造成|带来|会|被|发生|产生|有)/,
  /(存在|有)[^，。；]{0,24}(风险|隐患|情况|现象|问题)[。；;.]?$/,
  /的(情况|风险|隐患|危机|现象|可能|倾向)[。；;.]?$/,
  /(不到位|不及时|不够|不足|不强|不深|不实|不严|缺失|缺位|滞后|薄弱)[。；;.]?$/,
];

/**
 * Words that carry no content of their own in a measure: left when they are taken away, a measure with nothing (or
 * almost nothing) behind them says no object, frequency or time (“进一步加强管理”, “高度重视”, “加大力度”).
 */
export const FILLER_WORDS: readonly string[] = [
  '进一步', '切实', '认真', '全面', '持续', '不断', '着力', '大力', '努力', '积极', '加强', '强化', '重视', '高度',
  '力度', '加大', '管理', '工作', '落实', '抓好', '抓实', '抓紧', '狠抓', '提高', '提升', '认识', '意识', '做好',
  '相关', '有关', '各项', '扎实', '有效', '深入', '推进', '推动', '开展', '务必', '一定', '要', '的', '和', '与', '及',
  '并', '等', '好', '严格', '规范', '监管', '责任', '水平', '能力', '力量', '措施', '举措', '机制', '制度', '常态化',
  '长效', '防范', '防控', '风险', '问题', '隐患', '确保', '实效', '成效', '到位', '齐抓共管', '形成合力', '合力',
  '保持', '警惕', '注意', '关注', '重点', '方面', '领域', '全力', '全方位', '多措并举', '建设', '完善', '健全',
];

/**
 * Categories and slogans that name a field of risk, not a risk: a problem that is only this (“网络舆情”, “意识形态风险”)
 * says nothing of who, what or where.
 */
export const CATEGORY_WORDS: readonly string[] = [
  '意识形态', '意识形态风险', '意识形态安全', '意识形态领域', '意识形态领域风险', '意识形态工作', '网络舆情',
  '舆情', '舆情风险', '网络安全', '网络意识形态', '网络阵地', '宣传阵地', '阵地管理', '校园安全', '安全稳定',
  '师德师风', '思想政治', '思想政治工作', '政治安全', '政治风险', '宗教渗透', '民族团结', '课堂教学', '教材管理',
  '教材', '课堂', '网络', '宣传', '阵地', '安全', '稳定', '风险', '隐患', '问题', '廉政风险', '作风建设',
  '党风廉政', '思想教育', '舆论引导', '社团管理', '讲座论坛', '讲座报告会', '校园文化', '境外渗透',
];


/** Marks of a stated frequency or time: a measure that has one is concrete enough however short. */
export const FREQUENCY_OR_TIME = /每|[0-9０-９一二两三四五六七八九十]+\s*(次|遍|个|名|人|天|日|周|月|年|学期|课时|小时)|定期|学期|季度|寒假|暑假|开学|月底|年底|之前|以前|[0-9０-９]+月|前完成|期间/;

/** A problem shorter than this many characters (numbering and punctuation aside) is too short to say who/what/where. */
export const MIN_PROBLEM_CHARS = 8;

/** What is left of a measure once its filler words are gone: fewer than this many characters is no object at all. */
export const MIN_MEASURE_SUBSTANCE = 3;


/** Leaders responsible for everything (第一责任人, 直接责任人): never “not the supervisor” of a department. */
export const TOP_LEADER = /^(?:党委|党总支|党支部|党组)?(?:书记|校长|院长|园长|局长|主任)$/;
