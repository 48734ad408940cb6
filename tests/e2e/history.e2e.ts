import { expect, it } from 'vitest';
import { describeE2e, openApp, useBrowser } from './browser';
import { cell, editText, textOf, until } from './grid';

describeE2e('change history in Chromium', () => {
  const { newContext } = useBrowser();

  it('shows a row’s changes old → new, and the list’s log survives a reload and filters by date', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('open-sample').click();
    await cell(page, 0, 'status').waitFor();
    // (已销号 would offer the real 销号 first: closure.e2e.ts)
    await editText(page, cell(page, 0, 'status'), '推进中');
    await until(textOf(cell(page, 0, 'status')), '推进中');

    await cell(page, 0, 'status').click();
    await page.getByTestId('row-history-button').click();
    const dialog = page.getByTestId('row-history');
    await until(async () => (await dialog.getByTestId('history-entries').innerText()).includes('进展/状态：已完成 → 推进中'), true);
    await page.keyboard.press('Escape');

    await page.reload();
    await page.getByTestId('tab-history').click();
    const log = page.getByTestId('history-entries');
    await log.waitFor();
    const text = await log.innerText();
    expect(text).toContain('编辑“进展/状态”');
    expect(text).toContain('打开示例');
    const today = new Date();
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await page.getByTestId('log-from').fill(iso(new Date(today.getTime() + 86400000)));
    await until(textOf(page.getByTestId('log-count')), '共 0 条修改记录');
    await page.getByTestId('log-from').fill(iso(today));
    await until(textOf(page.getByTestId('log-count')), '共 2 条修改记录');
    expect(errors).toEqual([]);
    await context.close();
  });
});
