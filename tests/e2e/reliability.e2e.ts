import { expect, it } from 'vitest';
import { baseUrl, describeE2e, openApp, useBrowser } from './browser';
import { cell, columnTexts, editText, textOf, until } from './grid';

describeE2e('never lose a row: tabs, undo of directory changes, upgrades, storage refused', () => {
  const { newContext } = useBrowser();

  it('two pages editing different cells of the same row both keep their edit; the same cell ends with the later edit', async () => {
    const context = await newContext();
    const a = await openApp(context);
    await a.page.getByTestId('open-sample').click();
    await cell(a.page, 0, 'measure').waitFor();
    const b = await openApp(context);
    await cell(b.page, 0, 'measure').waitFor();

    await editText(a.page, cell(a.page, 2, 'deadline'), 'A页的时限');
    await editText(b.page, cell(b.page, 2, 'note'), 'B页的备注');
    for (const page of [a.page, b.page]) {
      await until(textOf(cell(page, 2, 'deadline')), 'A页的时限');
      await until(textOf(cell(page, 2, 'note')), 'B页的备注');
    }
    await editText(a.page, cell(a.page, 3, 'status'), '先写');
    await until(textOf(cell(b.page, 3, 'status')), '先写');
    await editText(b.page, cell(b.page, 3, 'status'), '后写');
    await until(textOf(cell(a.page, 3, 'status')), '后写');
    expect([...a.errors, ...b.errors]).toEqual([]);
    await context.close();
  });

  it('undoes and redoes a department merge', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('open-sample').click();
    await cell(page, 0, 'departments').waitFor();
    const before = await columnTexts(page, 'departments');
    await page.getByTestId('tab-directory').click();
    await page.getByTestId('merge-政办').click();
    await page.getByTestId('merge-target').selectOption({ label: '党办' });
    await page.getByTestId('merge-confirm').click();
    await page.getByTestId('department-row-政办').waitFor({ state: 'detached' });
    await page.getByTestId('tab-list').click();
    await cell(page, 0, 'departments').waitFor();
    const merged = await columnTexts(page, 'departments');
    expect(merged.some((t) => t.split('\n').includes('政办'))).toBe(false);
    expect(merged[0]).toBe('党办\n教务处');

    await page.getByTestId('undo').click();
    await until(() => columnTexts(page, 'departments'), before);
    await page.getByTestId('tab-directory').click();
    await page.getByTestId('department-row-政办').waitFor();
    await page.getByTestId('tab-list').click();
    await page.getByTestId('redo').click();
    await until(() => columnTexts(page, 'departments'), merged);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells an open tab to reload when a newer version of the app upgrades the database', async () => {
    const context = await newContext();
    const a = await openApp(context);
    await a.page.getByTestId('open-sample').click();
    await cell(a.page, 0, 'measure').waitFor();
    const b = await context.newPage();
    await b.goto(baseUrl);
    // a newer app version opening the same database with a higher version
    await b.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('sanqingdan', 1000);
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await a.page.getByRole('alert').filter({ hasText: '请' }).first().waitFor();
    expect(await a.page.getByRole('alert').first().innerText()).toContain('刷新本页');
    await context.close();
  });

  it('says clearly when the browser refuses local storage', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined });
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    const message = page.getByTestId('storage-error');
    await message.waitFor();
    expect(await message.innerText()).toContain('无痕');
    await context.close();
  });
});
