import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, textOf, until } from './grid';

const sample = JSON.parse(readFileSync('samples/sample-list.json', 'utf8')) as { rows: { departments: string[] }[] };

describeE2e('pinyin in the picker and the filters', () => {
  const { newContext } = useBrowser();

  it('jwc finds 教务处 in the picker and Enter picks it; “j” and Enter creates nothing; 新建 takes its own row', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    // a row whose departments do not include 教务处 (nor 党办)
    const row = sample.rows.findIndex((r) => !r.departments.includes('教务处') && !r.departments.includes('党办'));
    expect(row).toBeGreaterThanOrEqual(0);
    const before = (await cell(page, row, 'departments').innerText()).trim();
    await cell(page, row, 'departments').click();
    await page.keyboard.press('Enter');
    const picker = page.getByTestId('picker-department');
    await picker.waitFor();
    await page.keyboard.type('jwc');
    await until(async () => (await picker.locator('li.active').innerText()).includes('教务处'), true);
    await page.keyboard.press('Enter');
    await until(async () => (await picker.locator('.chip').allInnerTexts()).some((t) => t.includes('教务处')), true);

    // a Latin letter with no match: Enter creates no department called “j”
    await page.keyboard.type('xq');
    await picker.getByTestId('picker-no-match').waitFor();
    await page.keyboard.press('Enter');
    expect(await picker.locator('.chip').allInnerTexts()).not.toContainEqual(expect.stringContaining('xq'));
    // ↓ onto the 新建 row, then Enter, creates it explicitly
    await page.keyboard.press('ArrowDown');
    expect(await picker.locator('li.active').innerText()).toContain('新建部门“xq”');
    await page.keyboard.press('Escape');
    await until(textOf(cell(page, row, 'departments')), before);

    // db → 党办 in the leader picker's sibling: the department picker again, by initials
    await cell(page, row, 'departments').click();
    await page.keyboard.press('Enter');
    await picker.waitFor();
    await page.keyboard.type('db');
    await until(async () => (await picker.locator('li.active').innerText()).includes('党办'), true);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the quick search matches department names by pinyin initials and full pinyin', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const total = sample.rows.length;
    const withJwc = sample.rows.filter((r) => r.departments.includes('教务处')).length;
    await page.getByTestId('quick-search').fill('jwc');
    await until(textOf(page.getByTestId('row-count')), `显示 ${withJwc} / 共 ${total} 条措施`);
    await page.getByTestId('quick-search').fill('jiaowuchu');
    await until(textOf(page.getByTestId('row-count')), `显示 ${withJwc} / 共 ${total} 条措施`);
    await page.getByTestId('quick-search').fill('');
    await until(textOf(page.getByTestId('row-count')), `显示 ${total} / 共 ${total} 条措施`);

    // the department filter takes pinyin typed on it
    const select = page.getByTestId('filter-department');
    await select.focus();
    await page.keyboard.type('jwc');
    await until(async () => select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? ''), '教务处');
    await until(textOf(page.getByTestId('row-count')), `显示 ${withJwc} / 共 ${total} 条措施`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
