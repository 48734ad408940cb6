import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, until } from './grid';

// the text editors (popup textarea, inline input)
const EDITOR = '.ag-popup-editor textarea, .ag-popup-editor input, .ag-cell-inline-editing input, .ag-cell-inline-editing textarea';

describeE2e('typing right after a shortcut that adds a row', () => {
  const { newContext } = useBrowser();

  const typeAfter = async (page: Page, shortcut: string, text: string, delay: number, col: string) => {
    await cell(page, 1, 'measure').click();
    const before = await columnTexts(page, col);
    await page.keyboard.press(shortcut);
    await page.keyboard.type(text, { delay });
    const editor = page.locator(EDITOR).first();
    await editor.waitFor();
    await until(() => editor.inputValue(), text);
    await page.keyboard.press('Enter');
    // the new row holds the whole text; every other measure (the one the user came from first) is as it was
    await until(async () => (await columnTexts(page, col)).includes(text), true);
    // (the grid draws only the rows in view: the new row may push the last one out of it)
    const others = (await columnTexts(page, col)).filter((t) => t !== text);
    expect(others.length).toBeGreaterThanOrEqual(before.length - 1);
    expect(others).toEqual(before.slice(0, others.length));
    return before;
  };

  // a slow machine (CI under load): the editor takes longer to open and take the focus than a key's interval
  const slowed = async (page: Page, rate: number) => {
    if (rate <= 1) return;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  };

  for (const [delay, rate] of [[0, 1], [80, 1], [80, 6]] as const) {
    it(`Ctrl+Shift+Enter then typing at ${delay} ms a key${rate > 1 ? `, CPU ${rate}× slower` : ''}: every key lands in the new problem's cell`, async () => {
      const context = await newContext();
      const { page, errors } = await openWithSample(context);
      await slowed(page, rate);
      const measure1 = (await columnTexts(page, 'measure'))[1];
      await typeAfter(page, 'Control+Shift+Enter', '甲乙丙丁', delay, 'problem');
      // the cell the user came from is untouched (the new problem's measure is empty)
      expect((await columnTexts(page, 'measure'))[1]).toBe(measure1);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`Ctrl+Enter then typing at ${delay} ms a key${rate > 1 ? `, CPU ${rate}× slower` : ''}: every key lands in the new measure, in order`, async () => {
      const context = await newContext();
      const { page, errors } = await openWithSample(context);
      await slowed(page, rate);
      const before = await typeAfter(page, 'Control+Enter', '新措施测试', delay, 'measure');
      expect((await columnTexts(page, 'measure'))[1]).toBe(before[1]);
      // Latin keys (keydown type-to-edit) are held too
      await cell(page, 0, 'measure').click();
      const now = await columnTexts(page, 'measure');
      await page.keyboard.press('Control+Enter');
      await page.keyboard.type('abc', { delay });
      const editor = page.locator(EDITOR).first();
      await editor.waitFor();
      await until(() => editor.inputValue(), 'abc');
      await page.keyboard.press('Enter');
      await until(async () => (await columnTexts(page, 'measure'))[1], 'abc');
      expect((await columnTexts(page, 'measure'))[0]).toBe(now[0]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
