import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeE2e, openApp, useBrowser } from './browser';
import { cell, columnTexts, editText, textOf, until } from './grid';

describeE2e('backup and restore in Chromium', () => {
  const { newContext } = useBrowser();

  it('backs up, and restores into a browser whose data was cleared, identically; a broken file changes nothing', async () => {
    const first = await newContext();
    const a = await openApp(first);
    await a.page.getByTestId('open-sample').click();
    await cell(a.page, 0, 'measure').waitFor();
    await editText(a.page, cell(a.page, 1, 'note'), '备份前的修改');
    await until(textOf(cell(a.page, 1, 'note')), '备份前的修改');
    const measures = await columnTexts(a.page, 'measure');
    const departments = await columnTexts(a.page, 'departments');
    expect(await a.page.getByTestId('last-backup').innerText()).toContain('尚未备份');

    const download = a.page.waitForEvent('download');
    await a.page.getByTestId('backup-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^三清单备份_\d{8}_\d{4}\.json$/);
    const backup = readFileSync((await file.path())!); // downloads go when their browser context closes
    await until(async () => (await a.page.getByTestId('last-backup').innerText()).startsWith('上次备份：'), true);
    await first.close();

    // a new profile: as after the browser's data was cleared
    const second = await newContext();
    const b = await openApp(second);
    await b.page.getByTestId('empty-state').waitFor();

    await b.page.getByTestId('backup-restore-file').setInputFiles({ name: '坏的备份.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"sanqingdan-backup","version":1,"da') });
    expect(await b.page.getByTestId('restore-error').innerText()).toContain('“坏的备份.json”不是可用的三清单备份');
    await b.page.getByRole('button', { name: '知道了' }).click();
    await b.page.getByTestId('empty-state').waitFor();

    await b.page.getByTestId('backup-restore-file').setInputFiles({ name: '备份.json', mimeType: 'application/json', buffer: backup });
    expect(await b.page.getByTestId('restore-summary').innerText()).toContain('清单“2026年意识形态领域风险“三清单””：22 条措施');
    await b.page.getByTestId('restore-confirm').click();
    await until(() => columnTexts(b.page, 'measure'), measures);
    expect(await columnTexts(b.page, 'departments')).toEqual(departments);
    expect(await cell(b.page, 1, 'note').innerText()).toBe('备份前的修改');

    // one undo goes back to before the restore
    await b.page.getByTestId('undo').click();
    // the restore made the list: undoing it deletes the list, which is asked first
    await b.page.getByTestId('confirm-ok').click();
    await b.page.getByTestId('empty-state').waitFor();
    expect([...a.errors, ...b.errors]).toEqual([]);
    await second.close();
  });
});
