import { ORDER_STEP } from '../../src/domain/order';
import type { Department, Directory, Leader, ListContent, Measure, Problem } from '../../src/domain/types';

/**
 * A large list in the shape real ones have: problems with 1–4 measures (so the problem cell is merged over 1–4 rows),
 * a few departments per measure, realistic CJK text lengths. Deterministic, so runs compare.
 */
export function syntheticList(measureCount: number): { content: ListContent; directory: Directory } {
  const departments: Department[] = ['党办', '政办', '德育处', '教务处', '团委', '各年级', '信息中心', '总务处', '保卫处', '纪委'].map((name, i) => ({
    id: `d${i}`,
    name,
    aliases: [],
    supervisorId: `l${i % 4}`,
  }));
  const leaders: Leader[] = ['张建国', '李明远', '王海燕', '赵志强'].map((name, i) => ({ id: `l${i}`, name, post: '' }));
  const problems: Problem[] = [];
  const measures: Measure[] = [];
  let seed = 7;
  // the high bits of the generator: its low bits repeat with a short period (seed % 4 was always the same, so every
  // problem had one measure instead of the 1–4 of real tables)
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  for (let p = 0; measures.length < measureCount; p++) {
    const pid = `p${p}`;
    problems.push({ id: pid, listId: 'L', text: `${p + 1}.新学期作息时间调整涉及家长切身利益，可能引发家长群内不实信息传播和炒作（第${p + 1}项）。`, order: (p + 1) * ORDER_STEP, level: ['高', '中', '低'][p % 3]!, category: '' });
    const n = 1 + rand(4);
    for (let k = 0; k < n && measures.length < measureCount; k++) {
      measures.push({
        id: `m${measures.length}`,
        listId: 'L',
        problemId: pid,
        text: `班主任加入所有班级家长群，发现不实信息第一时间澄清并上报德育处，措施${measures.length + 1}。`,
        order: (k + 1) * ORDER_STEP,
        departmentIds: [`d${rand(10)}`, `d${rand(10)}`].filter((d, i, a) => a.indexOf(d) === i),
        leaderIds: k === 0 ? [`l${rand(4)}`] : [],
        deadline: ['长期坚持', '每学期', '2026年6月底前'][rand(3)]!,
        status: ['推进中', '已完成', ''][rand(3)]!,
        note: '',
      });
    }
  }
  return {
    content: { list: { id: 'L', unit: '基准测试学校', title: '意识形态领域风险“三清单”', period: '2026年上半年', createdAt: 0, updatedAt: 0 }, problems, measures },
    directory: { departments, leaders },
  };
}
