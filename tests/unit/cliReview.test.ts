import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), ...args], { cwd: root, encoding: 'utf8' });

/** A department's table with planted defects, one per row, as the office would receive it. */
async function plantedWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('三清单');
  ws.addRow(['2026年意识形态领域风险“三清单”']);
  ws.addRow(['问题清单', '措施清单', '责任部门', '责任领导', '完成时限', '进展']);
  ws.addRow(['新学期作息调整涉及家长切身利益，可能引发家长群内不实信息传播', '开学前一周向家长发布作息调整说明', '德育处', '王副校长', '2026-02-20', '已完成']); // 3: clean
  ws.addRow(['', '各年级是否向家长讲清作息调整的原因？', '各年级', '王副校长', '2026-03-31', '推进中']); // 4: question; overdue
  ws.addRow(['网络舆情', '每月开展一次网络舆情研判', '党办', '张书记', '长期坚持', '']); // 5: vague problem
  ws.addRow(['外请讲座、报告会审核把关不严', '进一步加强管理', '教务处', '', '2026年12月底前', '推进中']); // 6: vague measure, no leader
  ws.addRow(['', '落实讲座“一会一报”审批制度', '', '李副校长', '', '']); // 7: no department, no deadline
  ws.addRow(['教材教辅选用存在未经审定的风险', '', '教务处', '', '', '']); // 8: problem without a measure
  ws.mergeCells('A3:A4');
  const dir = mkdtempSync(join(tmpdir(), 'sqd-check-'));
  const file = join(dir, '检查.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

describe('cli check and summary', () => {
  it('check: the findings at their Excel rows, counted by rule', async () => {
    const r = cli('check', await plantedWorkbook(), '--today', '2026-12-02');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: { rule: string; row: number; severity: string; sheet: string; field: string; message: string }[]; counts: Record<string, number> };
    const at = (row: number) => out.findings.filter((f) => f.row === row).map((f) => f.rule).sort();
    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual(['measure-not-actionable', 'overdue']);
    expect(at(5)).toEqual(['problem-vague']);
    expect(at(6)).toEqual(['measure-no-leader', 'measure-vague']);
    expect(at(7)).toEqual(['measure-no-deadline', 'measure-no-department']);
    expect(at(8)).toEqual(['problem-no-measure']);
    expect(out.findings.every((f) => f.sheet === '三清单' && f.message.length > 0 && (f.severity === 'error' || f.severity === 'warning'))).toBe(true);
    expect(out.counts['measure-vague']).toBe(1);
    expect(out.counts['problem-duplicate']).toBe(0);
  });

  it('summary: counts by status, department and leader, the completion rate and the overdue rows', async () => {
    const r = cli('summary', await plantedWorkbook(), '--today', '2026-12-02');
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ problems: 4, measures: 5, byStatus: { 已完成: 1, 推进中: 2, 未填写: 2 }, completionRate: 0.2 });
    expect(s.byDepartment['德育处']).toEqual({ measures: 1, done: 1, overdue: 0 });
    expect(s.byDepartment['各年级']).toEqual({ measures: 1, done: 0, overdue: 1 });
    expect(s.byLeader['王副校长']).toEqual({ measures: 2, done: 1, overdue: 1 });
    expect(s.overdue).toEqual([{ row: 4, sheet: '三清单', measure: '各年级是否向家长讲清作息调整的原因？', deadline: '2026-03-31', due: '2026-03-31' }]);
  });

  it('refuses a bad --today and a missing file with one line, no stack trace', () => {
    const bad = cli('check', 'x.xlsx', '--today', '明天');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--today');
    const missing = cli('summary', join(tmpdir(), 'no-such-file.xlsx'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('找不到文件');
    expect(missing.stderr).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
  });
});

describe('cli usage', () => {
  it('an unknown command prints a usage that names every command the CLI runs, and exits 2', () => {
    const r = cli('bogus');
    expect(r.status).toBe(2);
    for (const command of ['import', 'check', 'summary', 'convert', 'export', 'merge']) expect(r.stderr).toContain(`${command} <`);
  });
});
