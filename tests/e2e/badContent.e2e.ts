import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { toTsv } from '../../src/domain/tsv';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { describeE2e, openApp, useBrowser } from './browser';
import { cell, columnTexts, editText, until } from './grid';

const HOSTILE = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '=HYPERLINK("http://x","点我")', '=1+1', '+cmd', '@SUM(A1)'];
const LONG = '长'.repeat(9990) + '结尾十个字符到此止';
const ODD = '表情😀👍🏻 生僻字𠮷𡘙\n第二行\t制表符后';

describeE2e('hostile and unusual text in Chromium', () => {
  const { newContext } = useBrowser();

  it('shows it literally, keeps it through reload, exports it as text and imports it back unchanged', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId('empty-new-list').click();
    await page.getByTestId('list-title').fill('<b>标题</b>');
    await page.getByTestId('list-dialog-submit').click();
    await page.getByTestId('add-problem').click();
    await editText(page, cell(page, 0, 'problem'), '<img src=x onerror=alert(1)>问题');

    // pasted: six hostile measures with hostile department names
    await cell(page, 0, 'measure').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), toTsv(HOSTILE.map((h) => [h, h.replace(/[<>=@+]/g, '')])));
    await page.keyboard.press('Control+V');
    await until(() => columnTexts(page, 'measure'), HOSTILE);
    // typed: very long text, emoji, rare characters, a line break and a tab
    await page.getByTestId('add-measure').click();
    await until(async () => (await columnTexts(page, 'measure')).length, 7);
    await editText(page, cell(page, 6, 'measure'), ODD);
    await editText(page, cell(page, 6, 'note'), LONG);
    await until(async () => (await columnTexts(page, 'measure'))[6], ODD);
    // the long note is saved and drawn a moment after the measure (under load, after the first check ran)
    await until(async () => (await cell(page, 6, 'note').innerText()).length, LONG.length);

    const check = async () => {
      expect(await columnTexts(page, 'measure')).toEqual([...HOSTILE, ODD]);
      expect(await cell(page, 6, 'note').innerText()).toBe(LONG);
      expect(await cell(page, 0, 'problem').innerText()).toBe('<img src=x onerror=alert(1)>问题');
      expect(await page.getByTestId('list-heading').innerText()).toBe('<b>标题</b>');
      expect(await page.locator('[data-testid=risk-grid] img, [data-testid=risk-grid] script, h1 b').count()).toBe(0);
    };
    await check();
    await page.reload();
    await until(async () => (await columnTexts(page, 'measure')).length, 7);
    await check();

    // exported as strings, never formulas
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const bytes = readFileSync((await (await download).path())!);
    const parts = unzipSync(bytes);
    const sheetXml = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const back = importWorkbook(readXlsx(bytes));
    expect(back.rows.map((r) => r.measure)).toEqual([...HOSTILE, ODD]);
    expect(back.rows[6]!.note).toBe(LONG);

    // the policy stops an injected inline handler from running
    const ran = await page.evaluate(async () => {
      document.body.insertAdjacentHTML('beforeend', '<img id="injected" src="x" onerror="window.__ran = 1">');
      // the image fails to load: its inline handler, had it been allowed, runs before a listener added after it
      await new Promise((r) => document.getElementById('injected')!.addEventListener('error', r, { once: true }));
      return (window as unknown as { __ran?: number }).__ran ?? 0;
    });
    expect(ran).toBe(0);
    expect(dialogs).toEqual([]);
    // the CSP reports the blocked handler on the console: the only error allowed here
    expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    await context.close();
  });
});
