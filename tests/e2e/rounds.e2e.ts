import { copyFileSync, readFileSync } from 'node:fs';
import { readXlsx } from '../../src/xlsx/readXlsx';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, textOf, until } from './grid';

const SHOTS = process.env.SQD_SHOTS;

/** Makes a round of the given kind and date on the 研判与通报 page, and holds it (the list is frozen). */
async function holdNewRound(page: Page, kind: string, date: string, name: string): Promise<void> {
  await page.getByTestId('round-kind').selectOption(kind);
  await page.getByTestId('round-date').fill(date);
  expect(await page.getByTestId('round-name').getAttribute('placeholder')).toBe(name);
  const before = await page.getByTestId('round-row').count();
  await page.getByTestId('round-create').click();
  await until(() => page.getByTestId('round-row').count(), before + 1);
  const row = page.getByTestId('round-row').filter({ hasText: name });
  expect(await row.getAttribute('data-state')).toBe('preparing');
  expect(await row.innerText()).toContain('准备中');
  await row.getByTestId('round-hold').click();
  const confirm = page.getByTestId('confirm-dialog');
  await confirm.waitFor();
  expect(await confirm.innerText()).toContain('22 条措施');
  await confirm.getByTestId('confirm-ok').click();
  await until(() => row.getAttribute('data-state'), 'held');
  expect(await row.innerText()).toContain('已召开');
}

async function setStatus(page: Page, row: number, status: string): Promise<void> {
  await cell(page, row, 'status').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('status-editor');
  await editor.waitFor();
  await editor.getByRole('option', { name: new RegExp(status) }).click();
  await until(textOf(cell(page, row, 'status')), status);
}

describeE2e('研判 rounds, their diff and the 通报 in Chromium', () => {
  const { newContext } = useBrowser();

  it('holds two rounds around status changes, compares and exports them, keeps a held round frozen, writes the 通报', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    if (SHOTS) await page.setViewportSize({ width: 1440, height: 900 });
    const measure1 = (await cell(page, 1, 'measure').innerText()).trim();
    expect(await cell(page, 1, 'status').innerText()).toBe('推进中');
    const departments1 = (await cell(page, 1, 'departments').innerText()).trim().split('\n');
    expect(departments1).toContain('德育处');

    await page.getByTestId('tab-rounds').click();
    await page.getByTestId('rounds-page').waitFor();
    expect(await page.getByTestId('rounds-page').innerText()).toContain('还没有研判轮次');
    await holdNewRound(page, 'first-half', '2026-03-15', '2026年上半年研判会');

    // the same name twice is refused with a message, and nothing is added
    await page.getByTestId('round-create').click();
    await until(async () => (await page.locator('body').innerText()).includes('本清单已有“2026年上半年研判会”'), true);
    expect(await page.getByTestId('round-row').count()).toBe(1);

    // after the meeting, the work goes on in the grid
    await page.getByTestId('tab-list').click();
    await setStatus(page, 1, '已完成');

    await page.getByTestId('tab-rounds').click();
    await holdNewRound(page, 'second-half', '2026-09-15', '2026年下半年研判会');
    await page.getByTestId('diff-from').selectOption({ label: '2026年上半年研判会' });
    await page.getByTestId('diff-to').selectOption({ label: '2026年下半年研判会' });
    const changed = page.getByTestId('diff-changed');
    await changed.waitFor();
    expect(await page.getByTestId('diff-summary').innerText()).toMatch(/^新增 0 · 销号 0 · 有变化 1 · 删除 0 · 未变 21$/);
    const item = changed.locator('.diff-item').filter({ hasText: measure1 });
    expect(await item.locator('.diff-changes tr').allInnerTexts()).toEqual(['进展/状态\t推进中\t→\t已完成']);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/rounds-diff.png` });

    // the diff as a sheet
    const sheetDownload = page.waitForEvent('download');
    await page.getByTestId('diff-export').click();
    const sheetFile = await sheetDownload;
    expect(sheetFile.suggestedFilename()).toMatch(/_两轮对比\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await sheetFile.path())!) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('两轮对比')!;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    expect(rows[1]![0]).toBe('2026年上半年研判会 → 2026年下半年研判会');
    expect(rows[2]).toEqual(['类别', '问题清单', '措施清单', '责任部门', '责任领导', '变化项', '原内容', '现内容']);
    expect(rows.slice(3).map((r) => [r[0], r[2], r[5], r[6], r[7]])).toEqual([['变化', measure1, '进展/状态', '推进中', '已完成']]);

    // a department renamed later: the held round still shows the name it had
    await page.getByTestId('tab-directory').click();
    const rename = page.getByTestId('rename-德育处');
    await rename.fill('学生发展中心');
    await rename.press('Enter');
    await page.getByTestId('department-row-学生发展中心').waitFor();
    await page.getByTestId('tab-rounds').click();
    await page.getByTestId('round-row').filter({ hasText: '2026年上半年研判会' }).getByTestId('round-view').click();
    const print = page.getByTestId('print-view');
    await print.waitFor();
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/round-print.png` });
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.screenshot({ path: `${SHOTS}/round-print-1024.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    const frozen = await print.innerText();
    expect(frozen).toContain('填报日期：2026年3月15日');
    expect(frozen).toContain('德育处');
    expect(frozen).not.toContain('学生发展中心');
    const frozenRow = print.locator('tbody tr').filter({ hasText: measure1 });
    expect(await frozenRow.innerText()).toContain('推进中');
    expect(await frozenRow.innerText()).not.toContain('已完成');
    // its workbook too: the names and statuses of the meeting's day
    const frozenDownload = page.waitForEvent('download');
    await page.getByTestId('snapshot-export').click();
    const frozenFile = await frozenDownload;
    expect(frozenFile.suggestedFilename()).toMatch(/_20260315\.xlsx$/);
    const [frozenSheet] = readXlsx(new Uint8Array(readFileSync((await frozenFile.path())!)));
    const cells = frozenSheet!.rows.flat().join('\n');
    expect(cells).toContain('德育处');
    expect(cells).not.toContain('学生发展中心');
    const frozenMeasureRow = frozenSheet!.rows.find((r) => r.includes(measure1))!;
    expect(frozenMeasureRow).toContain('推进中');
    // with the round's own 统计汇总 (on by default here): the first round has none before it to count new work from
    expect(await page.getByTestId('snapshot-export-summary').isChecked()).toBe(true);
    const frozenSummary = readXlsx(new Uint8Array(readFileSync((await frozenFile.path())!))).find((s) => s.name === '统计汇总')!;
    const frozenFigure = (label: string) => frozenSummary.rows.find((r) => r[0] === label)?.[2];
    expect(frozenFigure('防控措施')).toBe('22');
    expect(frozenFigure('本轮新增')).toBe('—');
    expect(frozenSummary.rows[1]![0]).toContain('统计日期：2026-03-15');
    await page.keyboard.press('Escape');
    await print.waitFor({ state: 'detached' });
    await page.getByTestId('snapshot-export').waitFor({ state: 'detached' });

    // the two old rounds are filtered by the name the department had then
    await page.getByTestId('diff-from').selectOption({ label: '2026年上半年研判会' });
    await page.getByTestId('diff-to').selectOption({ label: '2026年下半年研判会' });
    await page.getByTestId('diff-by').selectOption({ label: '德育处' });
    await until(textOf(page.getByTestId('diff-summary')), '新增 0 · 销号 0 · 有变化 1 · 删除 0');
    await page.getByTestId('diff-by').selectOption({ label: '全部部门和领导' });

    // the 通报 of the second round, and its Word file
    await page.getByTestId('round-row').filter({ hasText: '2026年下半年研判会' }).getByTestId('round-bulletin').click();
    const bulletin = page.getByTestId('bulletin-view');
    await bulletin.waitFor();
    const headings = await bulletin.locator('.report-page__heading').allInnerTexts();
    expect(headings).toEqual(['一、基本情况', '二、主要问题', '三、整改进展', '四、下一步工作']);
    const text = await bulletin.getByTestId('report-text').innerText();
    expect(text).toContain('制定防控措施 22 条');
    expect(text).toContain(`自上一轮研判以来完成措施 1 条：${measure1.replace(/[。；]$/, '')}`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/bulletin-view.png` });
    const docDownload = page.waitForEvent('download');
    await bulletin.getByTestId('report-docx').click();
    const docFile = await docDownload;
    expect(docFile.suggestedFilename()).toMatch(/\.docx$/);
    const docPath = (await docFile.path())!;
    if (SHOTS) copyFileSync(docPath, `${SHOTS}/bulletin.docx`);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docPath)))['word/document.xml']!);
    const plain = xml.replace(/<[^>]+>/g, '');
    for (const h of headings) expect(plain).toContain(h);
    expect(plain.indexOf('一、基本情况')).toBeLessThan(plain.indexOf('四、下一步工作'));
    expect(plain).toContain('制定防控措施 22 条');
    await page.keyboard.press('Escape');
    await bulletin.waitFor({ state: 'detached' });

    // the 通报 of the list as it is now names the renamed department
    await page.getByTestId('bulletin-now').click();
    const now = page.getByTestId('bulletin-view');
    await now.waitFor();
    const nowText = await now.getByTestId('report-text').innerText();
    expect(nowText).toContain('学生发展中心');
    expect(nowText).toContain('制定防控措施 22 条');
    const nowRate = /措施完成率为 ([\d.]+%)/.exec(nowText)![1];
    await page.keyboard.press('Escape');
    await now.waitFor({ state: 'detached' });

    // the list's export with its 统计汇总: the 通报's figures, compared with the latest held round
    await page.getByTestId('tab-list').click();
    await page.getByTestId('export-settings').click();
    await page.getByTestId('export-summary').check();
    const summaryDownload = page.waitForEvent('download');
    await page.getByTestId('export-confirm').click();
    const summarySheet = readXlsx(new Uint8Array(readFileSync((await (await summaryDownload).path())!))).find((s) => s.name === '统计汇总')!;
    const figure = (label: string) => summarySheet.rows.find((r) => r[0] === label)?.slice(2, 4);
    expect(summarySheet.rows[1]![0]).toContain('对比：2026年下半年研判会（2026-09-15）');
    expect(figure('完成率')![0]).toBe(nowRate);
    expect(figure('本轮新增')).toEqual(['0', '自“2026年下半年研判会”以来新增的措施']);
    expect(figure('本轮销号')![0]).toBe('0');
    await page.getByTestId('tab-rounds').click();

    // holding is one step that 撤销 takes back; a round in preparation can be deleted
    await holdNewRound(page, 'special', '2026-10-01', '2026年专项研判会');
    const special = page.getByTestId('round-row').filter({ hasText: '2026年专项研判会' });
    await page.getByTestId('undo').click();
    await until(() => special.getAttribute('data-state'), 'preparing');
    expect(await page.getByTestId('diff-from').locator('option').allInnerTexts()).toEqual(['2026年上半年研判会', '2026年下半年研判会']);
    await special.getByRole('button', { name: '删除' }).click();
    await until(() => page.getByTestId('round-row').count(), 2);

    // a reload keeps the rounds and their snapshots
    await page.reload();
    await page.getByTestId('tab-rounds').click();
    await until(async () => (await page.getByTestId('round-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-state')))), ['held', 'held']);
    await page.getByTestId('diff-from').selectOption({ label: '2026年上半年研判会' });
    await page.getByTestId('diff-to').selectOption({ label: '2026年下半年研判会' });
    await until(textOf(page.getByTestId('diff-summary')), '新增 0 · 销号 0 · 有变化 1 · 删除 0 · 未变 21');
    await page.getByTestId('round-row').filter({ hasText: '2026年上半年研判会' }).getByTestId('round-view').click();
    await until(async () => (await page.getByTestId('print-view').locator('tbody tr').filter({ hasText: measure1 }).innerText()).includes('推进中'), true);
    await page.keyboard.press('Escape');

    expect(errors).toEqual([]);
    await context.close();
  });
});
