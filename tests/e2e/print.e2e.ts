import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, textOf, until } from './grid';

/** pdftotext (poppler-utils), when installed: the PDF's text page by page. */
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const pdfPages = (file: string): string[] => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

describeE2e('printing the list from the browser', () => {
  const { newContext } = useBrowser();

  it('lays the print view out as the workbook prints: words whole, problems kept with their measures', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('print').click();
    const view = page.getByTestId('print-view');
    await view.waitFor();
    await page.emulateMedia({ media: 'print' });

    // each header on one line, each department or leader name on a line of its own (never 责任领/导, 德育/处)
    const layout = await page.evaluate(() => {
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      const names = [...document.querySelectorAll('.print-table td.names')].filter((td) => td.textContent);
      return {
        headers: [...document.querySelectorAll('.print-table th')].map((th) => [th.textContent, lines(th)]),
        names: names.map((td) => [td.textContent, lines(td), td.textContent!.split('\n').length]),
        groups: document.querySelectorAll('.print-table tbody').length,
        groupStyle: getComputedStyle(document.querySelector('.print-table tbody')!).breakInside,
      };
    });
    for (const [text, n] of layout.headers) expect(n, `header ${text}`).toBe(1);
    expect(layout.names.length).toBeGreaterThan(10);
    for (const [text, n, names] of layout.names) expect(n, `names ${text}`).toBe(names);
    expect(layout.groups).toBe(12); // one per problem of the sample
    expect(layout.groupStyle).toBe('avoid');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves as a PDF of several A4 landscape pages numbered 第 P 页 共 N 页, no problem cut by a page', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('print').click();
    await page.getByTestId('print-view').waitFor();
    // each problem's measures, by the first characters of their text (on its cell's first line)
    const problems = await page
      .locator('.print-table tbody')
      .evaluateAll((bodies) => bodies.map((b) => [...b.querySelectorAll('td[data-col="measure"]')].map((td) => td.textContent!.slice(0, 6))));
    expect(problems.length).toBe(12);
    // the same as the browser's print dialog: print media, the page size and margins from the CSS (@page)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'sqd-print-'));
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    copyFileSync(file, join(tmpdir(), 'sanqingdan-print.pdf')); // to look at: pdftoppm -png /tmp/sanqingdan-print.pdf

    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    // A4 landscape: 842 × 595 pt
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
    expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    if (hasPdftotext) {
      const texts = pdfPages(file).map((t) => t.replace(/\s+/g, ''));
      expect(texts).toHaveLength(pages);
      texts.forEach((t, i) => expect(t).toContain(`第${i + 1}页共${pages}页`));
      // the first page starts with the title, not a blank quarter page
      expect(pdfPages(file)[0]!.trimStart().startsWith('示例市第五中学2026年意识形态领域风险“三清单”')).toBe(true);
      // every measure of a problem on the page of its first measure
      for (const measures of problems) {
        const at = measures.map((m) => texts.findIndex((t) => t.includes(m.replace(/\s+/g, ''))));
        expect(at.every((p) => p === at[0] && p >= 0), `measures ${measures.join(' / ')} on pages ${at.join(', ')}`).toBe(true);
      }
    } else console.warn('pdftotext (poppler-utils) not installed: page numbers checked in the CSS only');
    const footer = await page.evaluate(() => {
      for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) if (rule instanceof CSSPageRule) return rule.cssText;
      return '';
    });
    expect(footer).toMatch(/@bottom-center\s*\{[^}]*content: "第 " counter\(page\) " 页 共 " counter\(pages\) " 页"/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints a long department name whole on paper: its column is widened to hold it', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await cell(page, 0, 'departments').click();
    await page.keyboard.press('Enter');
    const picker = page.getByTestId('picker-department');
    await picker.waitFor();
    for (const name of ['学生发展中心', '马克思主义学院']) {
      await page.keyboard.type(name);
      await page.keyboard.press('Enter'); // creates it
    }
    await picker.getByRole('button', { name: '确定' }).click();
    await until(async () => (await textOf(cell(page, 0, 'departments'))()).endsWith('学生发展中心\n马克思主义学院'), true);
    await page.getByTestId('print').click();
    await page.getByTestId('print-view').waitFor();
    // the width the table has on A4 landscape paper (277 mm at 96 px an inch)
    await page.setViewportSize({ width: 1047, height: 800 });
    await page.emulateMedia({ media: 'print' });
    const names = await page.evaluate(() => {
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      return [...document.querySelectorAll('.print-table td.names')].filter((td) => td.textContent).map((td) => [td.textContent, lines(td), td.textContent!.split('\n').length]);
    });
    expect(names.some(([text]) => String(text).includes('马克思主义学院'))).toBe(true);
    for (const [text, n, count] of names) expect(n, `names ${text}`).toBe(count);
    expect(errors).toEqual([]);
    await context.close();
  });
});
