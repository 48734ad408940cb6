import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, clippedCells, editText, textOf, until, untilRowsStill } from './grid';

// Texts whose lines the row heights once counted short, so that the last line was cut off: Chinese quotation marks
// (a CJK font draws them as full squares, and the browser keeps them with a Latin neighbour), straight quotes, which
// never break from either neighbour, a URL and the punctuation after it, Latin words among CJK text.
const TEXTS = {
  problem: '个别班级“家长群”内传播‘不实信息’、「专项」整治期间有人转发"内部通知"截图，引发“学校要停课”等议论，造成不良影响。',
  measures: [
    '部分学生在“家长群”内传播‘不实信息’、「专项」整治中发现"班级QQ群"里有人转发https://example.com/news/2026/03/a.html等链接，已约谈（共3人）并开展“回头看”。',
    "落实“三清单”制度，“一岗双责”，“谁主管谁负责”；组织'PPT'宣讲12场、覆盖师生1,200人次（完成率100%），形成“问题—措施—责任”闭环，每月5日前报送“周报”和“月报”。",
    '“网络安全周”期间开展‘清朗’行动：排查WeChat公众号、QQ群、微博账号共42个，“一号一档”；对“未经核实”的转发“零容忍”，发现即删、即报、即处置。'.repeat(2),
  ],
};

/** Fits every rendered text cell, once rows stopped moving: the cells (with the start of their text) that do not. */
async function settledClipped(page: Page): Promise<string[]> {
  await until(() => clippedCells(page), []);
  await untilRowsStill(page);
  return clippedCells(page);
}

const headerWidth = (page: Page, colId: string) =>
  page.locator(`[data-testid="risk-grid"] .ag-header-cell[col-id="${colId}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().width));

describeE2e('text fit: wrapped cells with quotation marks and mixed text are shown whole', () => {
  const { newContext } = useBrowser();

  it('shows every line of quoted and mixed CJK/Latin text at several widths and zooms', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await editText(page, cell(page, 0, 'problem'), TEXTS.problem);
    await until(textOf(cell(page, 0, 'problem')), TEXTS.problem);
    for (const [i, text] of TEXTS.measures.entries()) {
      await editText(page, cell(page, i, 'measure'), text);
      await until(textOf(cell(page, i, 'measure')), text);
    }
    expect(await settledClipped(page)).toEqual([]);

    // narrower and wider windows give the fill columns other widths: the texts wrap elsewhere
    for (const width of [1024, 1280, 1600]) {
      const before = await headerWidth(page, 'measure');
      await page.setViewportSize({ width, height: 900 });
      await until(async () => (await headerWidth(page, 'measure')) !== before, true);
      expect(await settledClipped(page), `at ${width} px`).toEqual([]);
    }

    // a larger text zoom: other character widths and line height
    await page.getByTestId('zoom-in').click();
    await page.getByTestId('zoom-in').click();
    await until(textOf(page.getByTestId('zoom-level')), '125%');
    await until(() => cell(page, 0, 'measure').evaluate((el) => parseFloat(getComputedStyle(el).fontSize) > 14), true);
    expect(await settledClipped(page), 'at 125%').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
