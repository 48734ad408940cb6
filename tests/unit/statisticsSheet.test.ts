import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bulletinText } from '../../src/domain/cycle/bulletinText';
import { diffSnapshots } from '../../src/domain/cycle/diff';
import { takeSnapshot } from '../../src/domain/cycle/snapshot';
import { listStatistics } from '../../src/domain/cycle/statistics';
import { todayIso } from '../../src/domain/deadline';
import { deadlineReading } from '../../src/domain/deadlineReading';
import { buildExport } from '../../src/domain/export/buildExport';
import { defaultOptions, type ExportOptions } from '../../src/domain/export/exportOptions';
import { percentText } from '../../src/domain/cycle/statistics';
import type { Directory, ListContent } from '../../src/domain/types';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import { sampleList } from './sampleList';
import { fixture, makeMeasure, rowsOf } from './helpers';

const DATE = new Date(2026, 11, 2);
const TODAY = todayIso(DATE);


async function sheetOf(content: ListContent, directory: Directory, over: Partial<ExportOptions> = {}): Promise<ExcelJS.Worksheet> {
  const options = { ...defaultOptions(rowsOf(content), DATE), summary: true, ...over };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(writeXlsx(buildExport(content, directory, options))) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('统计汇总');
  if (!ws) throw new Error(`no 统计汇总 sheet in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** A row's texts; a merged cell's text once, in its first column (ExcelJS repeats it in the others). */
const texts = (ws: ExcelJS.Worksheet, r: number): string[] =>
  [1, 2, 3, 4, 5, 6].map((c) => {
    const cell = ws.getRow(r).getCell(c);
    return cell.isMerged && cell.master.address !== cell.address ? '' : String(cell.value ?? '');
  });

/** A table's body as read back: the rows under its caption and header, up to the blank row before the next one. */
function tableOf(ws: ExcelJS.Worksheet, caption: string): string[][] {
  let r = 1;
  while (r <= ws.rowCount && !String(ws.getCell(r, 1).value ?? '').endsWith(caption)) r++;
  if (r > ws.rowCount) throw new Error(`no table “${caption}”`);
  const out: string[][] = [];
  for (r += 2; r <= ws.rowCount && ws.getRow(r).cellCount > 0 && ws.getCell(r, 1).value !== null; r++) out.push(texts(ws, r));
  return out;
}

/** A table as label → figures, the label in A:B (merged, so read from A) and the figures from C on, merged cells once. */
function figures(ws: ExcelJS.Worksheet, caption: string, columns: number[]): Record<string, string[]> {
  return Object.fromEntries(tableOf(ws, caption).map((row) => [row[0]!, columns.map((c) => row[c - 1]!)]));
}

describe('the 统计汇总 sheet', () => {
  it('holds the figures of the statistics (the 通报’s), read back from the file', async () => {
    const { content, directory } = sampleList();
    const stats = listStatistics(content, directory, deadlineReading(content.list, TODAY));
    expect(stats.measures).toBeGreaterThan(10);
    const ws = await sheetOf(content, directory);
    expect(ws.getCell('A1').value).toBe(`${content.list.unit}${content.list.title}统计汇总`);
    expect(String(ws.getCell('A2').value)).toContain(`统计日期：${TODAY}`);

    const basic = figures(ws, '基本情况', [3]);
    expect(basic['风险问题']).toEqual([String(stats.problems)]);
    expect(basic['防控措施']).toEqual([String(stats.measures)]);
    expect(basic['完成率']).toEqual([percentText(stats.completionRate)]);
    expect(basic['逾期未完成']).toEqual([String(stats.overdue.length)]);
    expect(basic['本轮新增']).toEqual(['—']);

    const byStatus = figures(ws, '按进展情况统计', [3]);
    const { 合计: total, ...statuses } = byStatus;
    expect(Object.fromEntries(Object.entries(statuses).map(([k, [n]]) => [k, Number(n)]))).toEqual(stats.byStatus);
    expect(total).toEqual([String(stats.measures)]);

    const byLevel = figures(ws, '按风险等级统计', [3]);
    delete byLevel['合计'];
    expect(Object.fromEntries(Object.entries(byLevel).map(([k, [n]]) => [k, Number(n)]))).toEqual(stats.byLevel);

    const byDepartment = figures(ws, '按责任部门统计', [3, 4, 5, 6]);
    expect(Object.keys(byDepartment).sort()).toEqual(Object.keys(stats.byDepartment).sort());
    for (const [name, c] of Object.entries(stats.byDepartment)) {
      expect(byDepartment[name], name).toEqual([String(c.measures), String(c.done), String(c.overdue), percentText(c.done / c.measures)]);
    }
    const byLeader = figures(ws, '按责任领导统计', [3, 4, 5]);
    for (const [name, c] of Object.entries(stats.byLeader)) expect(byLeader[name], name).toEqual([String(c.measures), String(c.done), String(c.overdue)]);

    const overdue = tableOf(ws, '逾期未完成的措施');
    if (stats.overdue.length) expect(overdue.map((r) => [Number(r[0]), r[1], r[2]])).toEqual(stats.overdue.map((o) => [o.serial, o.measure, o.deadline]));
    else expect(overdue).toEqual([['无逾期未完成的措施', '', '', '', '', '']]);
  });

  it('counts a 销号 by record as 已销号 in the rate, and lists what was closed and added since the latest held round', async () => {
    const { content, directory } = fixture();
    content.measures[0] = { ...content.measures[0]!, deadline: '2026-03-31', status: '推进中' };
    content.measures[1] = { ...content.measures[1]!, deadline: '2026-06-30' };
    const round = takeSnapshot(content, directory, 'r1');
    // after the round: m11 closed by record (its text still 推进中), a new measure under p3
    content.measures[0] = { ...content.measures[0]!, closed: { date: '2026-09-20', note: '经党办验收', by: '李老师', at: 2 } };
    content.measures.push(makeMeasure('m31', 'p3', '每周检查宣传栏', 1024, { departmentIds: ['d-deyu'], leaderIds: ['l-wang'], status: '推进中' }));
    const ws = await sheetOf(content, directory, { since: { name: '2026年上半年研判会', date: '2026-03-15', snapshot: round } });

    const reading = deadlineReading(content.list, TODAY);
    const stats = listStatistics(content, directory, reading);
    expect(stats.completionRate).toBeCloseTo(1 / 4, 4);
    const basic = figures(ws, '基本情况', [3, 4]);
    expect(basic['完成率']).toEqual(['25.0%', '已完成、已销号 1 条 / 措施 4 条']);
    expect(basic['逾期未完成']?.[0]).toBe('1'); // m12, not m11: closed work is never overdue
    expect(basic['本轮销号']).toEqual(['1', '自“2026年上半年研判会”以来销号的措施']);
    expect(basic['本轮新增']).toEqual(['1', '自“2026年上半年研判会”以来新增的措施']);
    expect(String(ws.getCell('A2').value)).toContain('对比：2026年上半年研判会（2026-03-15）');
    expect(figures(ws, '按进展情况统计', [3])).toMatchObject({ 已销号: ['1'], 推进中: ['2'], 未填写: ['1'], 合计: ['4'] });

    expect(tableOf(ws, '本轮销号的措施（自“2026年上半年研判会”以来）')).toEqual([['1', '清理新媒体账号', '2026-09-20', '', '党办', '']]);
    expect(tableOf(ws, '本轮新增的措施（自“2026年上半年研判会”以来）')).toEqual([['3', '每周检查宣传栏', '德育处', '', '王海燕', '']]);
    expect(tableOf(ws, '逾期未完成的措施')).toEqual([['1', '专人审核留言', '2026-06-30', '党办、德育处', '', '']]);

    // the 通报 says the same
    const diff = diffSnapshots(round, takeSnapshot(content, directory, 'now'));
    const doc = bulletinText({ unit: content.list.unit, period: '2026年', date: TODAY, stats, problems: [], diff });
    expect(doc.sections[0]!.paragraphs[0]).toContain('措施完成率为 25.0%');
    expect(doc.sections[2]!.paragraphs.join('')).toContain('本轮销号措施 1 条');
  });

  it('without a held round: every closure of the period, and no 本轮新增', async () => {
    const { content, directory } = fixture();
    content.measures[2] = { ...content.measures[2]!, closed: { date: '2026-06-01', note: '', by: '', at: 1 } };
    const ws = await sheetOf(content, directory);
    expect(figures(ws, '基本情况', [3, 4])['本期销号']).toEqual(['1', '有销号记录的措施']);
    expect(figures(ws, '基本情况', [3, 4])['风险问题']).toEqual(['3', '高 1 个、中 1 个']);
    expect(tableOf(ws, '本期销号的措施')).toEqual([['2', '落实“一会一报”', '2026-06-01', '', '教务处', '']]);
    expect(tableOf(ws, '本轮新增的措施')).toEqual([['尚无已召开的研判轮次，不统计新增', '', '', '', '', '']]);
    expect(figures(ws, '按类别统计', [3])).toEqual({ 主要阵地: ['1'], 未填写: ['2'], 合计: ['3'] });
  });

  it('is one sheet, replacing the old counts-only 汇总, and is printed A4 portrait one page wide with borders', async () => {
    const { content, directory } = fixture();
    const spec = buildExport(content, directory, { ...defaultOptions(rowsOf(content), DATE), summary: true });
    expect(spec.sheets.map((s) => s.name)).toEqual([content.list.title, '统计汇总', '_三清单']);
    const sheet = spec.sheets[1]!;
    expect(sheet.print).toMatchObject({ landscape: false, scale: 100 });
    const ws = await sheetOf(content, directory);
    expect(ws.pageSetup.orientation).toBe('portrait');
    const header = ws.getRow(5); // 基本情况's header, under the title, the 统计日期 line, a spacer and the caption
    expect(header.getCell(1).value).toBe('项目');
    expect(header.getCell(1).border?.top?.style).toBe('thin');
    expect(ws.getCell('A4').value).toBe('一、基本情况');
  });

  it('counts only the rows of a filtered export', async () => {
    const { content, directory } = fixture();
    const rows = rowsOf(content).filter((r) => r.measureId === 'm21');
    const spec = buildExport(content, directory, { ...defaultOptions(rowsOf(content), DATE), summary: true }, rows);
    const sheet = spec.sheets.find((s) => s.name === '统计汇总')!;
    const cell = (label: string) => sheet.rows.find((r) => r.cells[0]?.value === label)?.cells[2]?.value;
    expect([cell('风险问题'), cell('防控措施')]).toEqual([1, 1]);
  });
});
