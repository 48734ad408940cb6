import { describe, expect, it } from 'vitest';
import { measureIsVague, measureUnactionable, problemVagueness } from '../../src/domain/review/textRules';

/** Real phrasings: the seed unit's table (school-rules-with-three-list.txt), the samples, sibling tables, our own. */
describe('measureUnactionable', () => {
  const notActionable: [string, 'question' | 'risk' | 'no-verb'][] = [
    // the seed's “measures”, written as questions or risks
    ['各部门是否有力组织教职工进行了深入学习，可能存在对条文规定不知晓的情况。', 'question'],
    ['各年级是否通过“家校共建”的方式向家长解读相关政策，可能存在的舆论风险或被外部势力利用的情况。', 'question'],
    ['是否开展工作不扎实，可能存在对政策制度执行落实不到位的情况，如没有对教师进行培训。', 'question'],
    ['舆情应急预案是否健全，对可能引发关注讨论的问题，可能存在对网络安全监管不及时的情况。', 'question'],
    ['对开学时间、校园疫情防控、课程课时安排是否和师生家长讲清利弊，可能存在的舆论危机。', 'question'],
    ['是否对教师违规补课警示引导不够、教育监督不够，可能存在违规补课而被群众举报的情况。', 'question'],
    ['应急预案是否健全，通知引导是否及时，可能存在的疫情输入风险。', 'question'],
    ['是否在重要时间节点开展主题教育，可能存在的党员工作作风不实的情况。', 'question'],
    ['教师网上言行是否规范？', 'question'],
    // risks and situations
    ['可能存在违规补课而被群众举报的情况', 'risk'],
    ['个别教师课堂上发表不当言论的风险', 'risk'],
    ['家长群内不实信息传播较快，存在舆情隐患', 'risk'],
    ['学生思想教育存在薄弱环节的风险', 'risk'],
    ['网络安全监管不及时', 'risk'],
    ['部分教师对政策理解不到位', 'risk'],
    // no action at all
    ['家长群', 'no-verb'],
    ['校园网站与微信公众号', 'no-verb'],
  ];
  it.each(notActionable)('%s → %s', (text, why) => {
    expect(measureUnactionable(text)).toBe(why);
  });

  const actionable = [
    '组织教职工集中学习政策文件，每学期至少1次',
    '排查是否存在违规补课情况，发现问题及时约谈',
    '建立舆情应急处置机制，及时处置可能出现的网络舆情',
    '各年级召开家长会解读“双减”政策，防止出现误读误传的情况',
    '落实“一会一报”制度，讲座报告会实行事前审批',
    '清理停用的新媒体账号，建立账号台账',
    '签订意识形态工作责任书',
    '每月开展一次网络舆情研判',
    '对校内宣传栏、电子屏内容实行专人审核',
    '1.加强教育提醒；2.制定公务用车管理制度；3.加强过程管理',
    '开学前一周向家长发布作息调整说明，班主任在家长群答疑',
    '严格执行教材选用审核制度，杜绝未经审定的教辅进校园',
    '防止教师在课堂上发表不当言论',
    '约谈履职不到位的部门负责人',
    '每年开展1次党员干部意识形态能力提升专题培训',
  ];
  it.each(actionable)('actionable: %s', (text) => {
    expect(measureUnactionable(text)).toBeNull();
  });
});

describe('measureIsVague', () => {
  it.each(['进一步加强管理', '高度重视', '加大力度', '切实加强领导', '抓好落实', '加强监管，确保实效', '认真做好相关工作', '强化责任意识'])(
    'vague: %s',
    (text) => expect(measureIsVague(text)).toBe(true),
  );
  it.each(['加强学生思想教育', '每月召开1次舆情研判会', '加强校园网站内容审核', '进一步加强管理，每学期检查1次', '落实“一会一报”制度', '清理停用的新媒体账号'])(
    'concrete: %s',
    (text) => expect(measureIsVague(text)).toBe(false),
  );
});

describe('problemVagueness', () => {
  it.each([
    ['网络舆情', 'category'],
    ['意识形态风险', 'category'],
    ['1.意识形态领域风险', 'category'],
    ['（一）网络安全方面', 'category'],
    ['师德师风问题', 'category'],
    ['教材有问题', 'short'],
    ['宣传栏管理', 'short'],
  ] as const)('%s → %s', (text, why) => expect(problemVagueness(text)).toBe(why));

  it.each([
    '新学期作息调整涉及家长切身利益，可能引发家长群内不实信息传播',
    '1.高考加分政策改革、“双减”政策落实、推行使用国家统编教材等重大决策部署贯彻落实中，涉及教师、家长、学生等相关群体，可能存在的风险隐患。',
    '外请讲座审核把关不严',
    '校园网络阵地管理不严',
    '个别教师在课堂上发表不当言论',
  ])('specific: %s', (text) => expect(problemVagueness(text)).toBeNull());
});
