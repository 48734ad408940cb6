import { copyFileSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { textOf, until } from './grid';

const SHOTS = process.env.SQD_SHOTS;

describeE2e('each leader’s review and the 研判 material in Chromium', () => {
  const { newContext } = useBrowser();

  it('a leader marks measures 已审核 and 退回修改, the marks survive a reload, and the 研判 material copies and downloads', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    if (SHOTS) await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('tab-review').click();
    const review = page.getByTestId('review-page');
    await review.waitFor();

    // pick a leader who is not the first one offered
    const leader = page.getByTestId('review-leader');
    const options = await leader.locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(2);
    expect(options.at(-1)).toBe('全部（办公室汇总）');
    const pickedLabel = options[1]!;
    const pickedName = pickedLabel.replace(/（.*）$/, '');
    await leader.selectOption({ label: pickedLabel });
    await until(async () => (await page.getByTestId('review-counts').innerText()).startsWith('待审核'), true);

    const measures = review.getByTestId('review-measure');
    await measures.first().waitFor();
    const n = await measures.count();
    expect(n).toBeGreaterThan(1);
    expect(await page.getByTestId('review-counts').innerText()).toBe(`待审核 ${n} · 已审核 0 · 退回修改 0`);
    // the seed's measures are written as questions: the checks say so beside them
    expect(await review.locator('.review-findings').count()).toBeGreaterThan(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/review-page.png` });

    const first = measures.nth(0);
    const second = measures.nth(1);
    const firstId = await first.getAttribute('data-measure-id');
    const secondId = await second.getAttribute('data-measure-id');
    const firstText = (await first.locator('.review-measure__text').innerText()).trim();
    await first.getByTestId('review-approve').click();
    await until(textOf(first.getByTestId('review-state')), '已审核');

    await second.getByTestId('review-return').click();
    const dialog = page.getByTestId('return-dialog');
    await dialog.getByTestId('return-comment').fill('措施写成了问句，请写明做法和频次');
    await dialog.getByTestId('return-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await until(textOf(second.getByTestId('review-state')), '退回修改');
    await until(textOf(page.getByTestId('review-counts')), `待审核 ${n - 2} · 已审核 1 · 退回修改 1`);

    // a mark is one undoable step
    const third = measures.nth(2);
    await third.getByTestId('review-approve').click();
    await until(textOf(page.getByTestId('review-counts')), `待审核 ${n - 3} · 已审核 2 · 退回修改 1`);
    await page.getByTestId('undo').click();
    await until(textOf(third.getByTestId('review-state')), '待审核');
    await until(textOf(page.getByTestId('review-counts')), `待审核 ${n - 2} · 已审核 1 · 退回修改 1`);

    // after a reload: the same leader's page shows the marks, the comment, who and when
    await page.reload();
    await page.getByTestId('tab-review').click();
    await page.getByTestId('review-leader').selectOption({ label: pickedLabel });
    const today = new Date().toLocaleDateString('zh-CN');
    const firstAgain = page.locator(`[data-testid="review-measure"][data-measure-id="${firstId}"]`);
    const secondAgain = page.locator(`[data-testid="review-measure"][data-measure-id="${secondId}"]`);
    await until(textOf(firstAgain.getByTestId('review-state')), '已审核');
    expect(await secondAgain.getByTestId('review-state').innerText()).toBe('退回修改');
    const secondState = await secondAgain.locator('.review-measure__state').innerText();
    expect(secondState).toContain('措施写成了问句，请写明做法和频次');
    expect(secondState).toContain(`${pickedName} ${today}`);
    expect(await firstAgain.locator('.review-measure__state').innerText()).toContain(`${pickedName} ${today}`);

    // the 研判 material: the leader's risk points and measures as paragraphs
    await page.getByTestId('material-open').click();
    const material = page.getByTestId('material-view');
    await material.waitFor();
    const title = (await material.locator('.report-page__title').innerText()).trim();
    expect(title).toContain(pickedName);
    const headings = await material.locator('.report-page__heading').allInnerTexts();
    expect(headings.some((h) => h.includes('主要风险点'))).toBe(true);
    expect(headings.some((h) => h.includes('防控措施'))).toBe(true);
    const body = await material.getByTestId('report-text').innerText();
    expect(body).toContain(firstText.slice(0, 12));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/material-view.png` });

    await material.getByTestId('report-copy').click();
    await until(async () => (await page.evaluate(() => navigator.clipboard.readText())).includes(title), true);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('主要风险点');
    expect(copied).toContain(firstText.slice(0, 12));

    const download = page.waitForEvent('download');
    await material.getByTestId('report-docx').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${title}.docx`);
    if (SHOTS) copyFileSync((await file.path())!, `${SHOTS}/material.docx`);
    const zip = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
    const xml = strFromU8(zip['word/document.xml']!);
    expect(xml).toContain(title);
    expect(xml).toContain('防控措施');
    await page.keyboard.press('Escape');
    await material.waitFor({ state: 'detached' });

    // the office's summary shows every leader's marks, and marks nothing itself
    await page.getByTestId('review-leader').selectOption({ label: '全部（办公室汇总）' });
    await until(async () => (await page.getByTestId('review-counts').innerText()).endsWith('已审核 1 · 退回修改 1'), true);
    expect(await page.getByTestId('review-measure').count()).toBe(22);
    expect(await page.getByTestId('review-approve').count()).toBe(0);

    // the row's history in the grid records the mark with the comment
    await page.getByTestId('tab-history').click();
    const log = page.getByTestId('history-entries');
    await log.waitFor();
    const logText = await log.innerText();
    expect(logText).toContain(`退回修改措施（${pickedName}）`);
    expect(logText).toContain(`已审核措施（${pickedName}）`);
    expect(logText).toContain('措施写成了问句，请写明做法和频次');
    expect(logText).not.toContain('[object Object]');

    expect(errors).toEqual([]);
    await context.close();
  });
});
