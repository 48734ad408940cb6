import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, textOf, until } from './grid';

const messages = (page: import('playwright-core').Page) => async () => (await page.getByTestId('message').allInnerTexts()).join('\n');

describeE2e('paste never drops a value', () => {
  const { newContext } = useBrowser();

  it('three lines with three problem texts over one problem’s three rows make three problems, said in the toast, undone in one step', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const problems = await columnTexts(page, 'problem');
    const measures = await columnTexts(page, 'measure');
    await until(() => cell(page, 0, 'problem').getAttribute('aria-rowspan'), '3');

    await cell(page, 0, 'problem').click();
    const tsv = '网络阵地甲\t措施一\r\n网络阵地乙\t措施二\r\n网络阵地丙\t措施三\r\n';
    await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
    await page.keyboard.press('Control+V');

    await until(async () => (await columnTexts(page, 'problem')).slice(0, 4), ['网络阵地甲', '网络阵地乙', '网络阵地丙', problems[1]]);
    expect((await columnTexts(page, 'measure')).slice(0, 4)).toEqual(['措施一', '措施二', '措施三', measures[3]]);
    expect((await columnTexts(page, 'serial')).slice(0, 4)).toEqual(['1', '2', '3', '4']);
    await until(async () => (await messages(page)()).includes('有 2 行的问题与上一行不同，已拆分为新问题'), true);

    // one undo takes the whole paste back
    await page.getByTestId('undo').click();
    await until(async () => (await columnTexts(page, 'problem')).slice(0, 2), problems.slice(0, 2));
    expect((await columnTexts(page, 'measure')).slice(0, 3)).toEqual(measures.slice(0, 3));
    await until(() => cell(page, 0, 'problem').getAttribute('aria-rowspan'), '3');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a pasted header row is skipped; the names the paste creates are listed and undone with it', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const measures = await columnTexts(page, 'measure');
    await cell(page, 1, 'measure').click();
    const tsv = '措施清单\t责任部门\t责任领导\r\n新措施\t网信办\t赵主任\r\n';
    await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
    await page.keyboard.press('Control+V');
    await until(textOf(cell(page, 1, 'measure')), '新措施');
    expect(await textOf(cell(page, 1, 'departments'))()).toBe('网信办');
    expect(await textOf(cell(page, 2, 'measure'))()).toBe(measures[2]);
    await until(async () => /新建部门：网信办.*新建领导：赵主任.*已跳过 1 行表头/.test(await messages(page)()), true);

    await page.getByTestId('tab-directory').click();
    await page.getByTestId('department-row-网信办').waitFor();
    expect(await page.getByTestId('department-row-责任部门').count()).toBe(0);
    await page.getByTestId('tab-list').click();
    await cell(page, 1, 'measure').waitFor();
    await page.getByTestId('undo').click();
    await until(textOf(cell(page, 1, 'measure')), measures[1]!);
    await page.getByTestId('tab-directory').click();
    await page.getByTestId('department-row-党办').waitFor();
    expect(await page.getByTestId('department-row-网信办').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
