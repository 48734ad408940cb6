import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SCHOOL_ROWS } from '../../samples/workbookSpecs';
import { hostileFiles } from '../fixtures/hostileFiles';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { columnTexts, until } from './grid';

const sample = (file: string) => join(__dirname, '../../samples', file);

describeE2e('hostile files in the app', () => {
  const { newContext } = useBrowser();

  it('refuses zip bombs and the like with a clear message, and then imports a good file: the page is still usable', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const before = await columnTexts(page, 'measure');
    const dir = mkdtempSync(join(tmpdir(), 'sqd-hostile-e2e-'));
    const wanted: Record<string, string> = { zipBomb: '300 MB', zipBombLying: '已损坏或不完整', hugeRatio: '200 : 1', manySheets: '255' };
    for (const f of hostileFiles().filter((h) => h.key in wanted)) {
      writeFileSync(join(dir, f.name), f.bytes);
      await page.getByTestId('import-file').setInputFiles(join(dir, f.name));
      await page.getByTestId('import-error').waitFor();
      const message = await page.getByTestId('import-error').innerText();
      expect(message, f.key).toContain(`“${f.name}”`);
      expect(message, f.key).toContain(wanted[f.key]);
      expect(await page.getByTestId('import-confirm').count(), f.key).toBe(0);
      await page.getByRole('button', { name: '知道了' }).click();
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
      expect(await columnTexts(page, 'measure'), f.key).toEqual(before);
    }

    // the same page imports a good file as ever
    await page.getByTestId('import-file').setInputFiles(sample('01-学校三清单-合并单元格.xlsx'));
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toContain('共 5 个问题、10 条措施');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await until(() => columnTexts(page, 'measure'), SCHOOL_ROWS.map((r) => r.measure));
    expect(errors).toEqual([]);
    await context.close();
  });
});
