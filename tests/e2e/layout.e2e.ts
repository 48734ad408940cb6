import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, clippedCells, until } from './grid';

const widths = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-testid="risk-grid"] .ag-root-wrapper')!;
    const cols = Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-testid="risk-grid"] .ag-header-cell[col-id]')].map((c) => [c.getAttribute('col-id')!, c.getBoundingClientRect().width]),
    );
    const sum = Object.values(cols).reduce((a, b) => a + b, 0);
    return { root: root.clientWidth, sum, cols };
  });

const cellFontPx = (page: Page) => cell(page, 0, 'measure').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describeE2e('layout: width, pinned columns, top bar, zoom', () => {
  const { newContext } = useBrowser();

  for (const [w, h] of [[1024, 768], [1440, 900], [1920, 1080]] as const) {
    it(`at ${w}×${h} the columns fill the width and the top bar leaves the grid uncovered${w >= 1440 ? ', on one line' : ''}`, async () => {
      const context = await newContext();
      const { page, errors } = await openWithSample(context);
      await page.setViewportSize({ width: w, height: h });
      if (w >= 1440) {
        // filled: the columns' widths add up to the grid's (less a scrollbar at most)
        await until(async () => {
          const m = await widths(page);
          return m.sum <= m.root + 1 && m.sum >= m.root - 20;
        }, true);
        const m = await widths(page);
        expect(m.cols.problem!).toBeGreaterThanOrEqual(290);
        expect(m.cols.measure!).toBeGreaterThan(m.cols.problem!);
      }
      const bars = await page.evaluate(() => {
        const top = document.querySelector('.topbar')!;
        const items = [...top.children].map((c) => c.getBoundingClientRect());
        return {
          bottom: top.getBoundingClientRect().bottom,
          oneLine: items.every((r) => Math.abs(r.top - items[0]!.top) < 12),
          grid: document.querySelector('[data-testid="risk-grid"]')!.getBoundingClientRect().top,
        };
      });
      expect(bars.grid).toBeGreaterThan(bars.bottom);
      if (w >= 1440) expect(bars.oneLine).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('序号 and 问题清单 stay in view when the grid scrolls sideways', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.setViewportSize({ width: 1024, height: 768 });
    const problem = cell(page, 0, 'problem');
    const x0 = (await problem.boundingBox())!.x;
    await page.evaluate(() => {
      const v = [...document.querySelectorAll<HTMLElement>('[data-testid="risk-grid"] *')].find((el) => el.scrollWidth > el.clientWidth + 50 && /(auto|scroll)/.test(getComputedStyle(el).overflowX))!;
      v.scrollLeft = v.scrollWidth;
    });
    await until(async () => (await cell(page, 0, 'note').boundingBox())!.x < 1000, true);
    expect((await problem.boundingBox())!.x).toBe(x0);
    expect(await cell(page, 0, 'serial').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a dragged width is kept (the other fill column gives way) and remembered after a reload', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.setViewportSize({ width: 1440, height: 900 });
    await until(async () => (await widths(page)).cols.problem! > 280, true);
    const before = await widths(page);
    const header = page.locator('[data-testid="risk-grid"] .ag-header-cell[col-id="problem"]');
    const box = (await header.boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 80, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await until(async () => {
      const m = await widths(page);
      return m.cols.problem! > before.cols.problem! + 60 && m.cols.measure! < before.cols.measure! - 60 && Math.abs(m.sum - before.sum) < 4;
    }, true);
    const after = await widths(page);
    await page.reload();
    await cell(page, 0, 'measure').waitFor();
    await until(async () => Math.round((await widths(page)).cols.problem!), Math.round(after.cols.problem!));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zooms the grid text with the control and Ctrl+wheel, keeps rows tall enough, and remembers it', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const base = await cellFontPx(page);
    const fixedWidths = async () => {
      const { cols } = await widths(page);
      return { departments: Math.round(cols.departments!), deadline: Math.round(cols.deadline!), rowHandle: Math.round(cols.rowHandle!) };
    };
    const at100 = await fixedWidths();
    await page.getByTestId('zoom-in').click();
    await page.getByTestId('zoom-in').click();
    await until(async () => (await page.getByTestId('zoom-level').innerText()).trim(), '125%');
    await until(async () => (await cellFontPx(page)) > base, true);
    // the columns grow with the text, as in a spreadsheet (the row handle's icons do not)
    const scaled = { departments: Math.round(at100.departments * 1.25), deadline: Math.round(at100.deadline * 1.25), rowHandle: at100.rowHandle };
    await until(fixedWidths, scaled);
    // heights follow the larger text: nothing is cut off
    await until(() => clippedCells(page), []);
    await page.reload();
    await cell(page, 0, 'measure').waitFor();
    expect((await page.getByTestId('zoom-level').innerText()).trim()).toBe('125%');
    // remembered as at 100%: the reload scales them once, not twice
    await until(fixedWidths, scaled);
    const box = (await cell(page, 1, 'measure').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 10);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 200);
    await page.keyboard.up('Control');
    await until(async () => (await page.getByTestId('zoom-level').innerText()).trim(), '110%');
    await until(() => clippedCells(page), []);
    await page.getByTestId('zoom-out').click();
    await until(async () => (await page.getByTestId('zoom-level').innerText()).trim(), '100%');
    await until(async () => {
      const w = await fixedWidths();
      return Math.abs(w.departments - at100.departments) <= 1 && Math.abs(w.deadline - at100.deadline) <= 1;
    }, true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
