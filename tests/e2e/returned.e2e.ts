import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { textOf, until } from './grid';

describeE2e('a measure a leader returns (退回修改) in the grid', () => {
  const { newContext } = useBrowser();

  it('is marked with the leader’s note, found by the filter bar, and unmarked once the leader approves it', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const total = await page.getByTestId('row-count').innerText();
    // nothing returned yet: no filter to offer
    expect(await page.getByTestId('filter-returned').count()).toBe(0);
    expect(await page.locator('.risk-grid .cell-returned').count()).toBe(0);

    await page.getByTestId('tab-review').click();
    const review = page.getByTestId('review-page');
    await review.waitFor();
    const leader = page.getByTestId('review-leader');
    await leader.selectOption({ index: 0 });
    const measure = review.getByTestId('review-measure').nth(1);
    await measure.waitFor();
    const text = (await measure.locator('.review-measure__text').innerText()).trim();
    await measure.getByTestId('review-return').click();
    const dialog = page.getByTestId('return-dialog');
    await dialog.getByTestId('return-comment').fill('请写明排查频次和责任人');
    await dialog.getByTestId('return-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await until(textOf(measure.getByTestId('review-state')), '退回修改');

    await page.getByTestId('tab-list').click();
    const toggle = page.getByTestId('filter-returned');
    await until(textOf(page.getByTestId('returned-count')), '1');
    // (the returned row may be below the fold: the filter brings it into view)
    await toggle.click();
    await until(textOf(page.getByTestId('row-count')), total.replace(/显示 \d+/, '显示 1'));
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const marked = page.locator('.risk-grid .ag-cell.cell-returned');
    await until(() => marked.count(), 1);
    expect((await marked.innerText()).trim()).toBe(text);
    await until(() => page.locator('.risk-grid .ag-cell[col-id="measure"]:not(.cell-returned)').count(), 0);
    await marked.hover();
    await until(async () => ((await marked.getAttribute('title')) ?? '').includes('退回修改：请写明排查频次和责任人'), true);
    await toggle.click();
    await until(textOf(page.getByTestId('row-count')), total);

    // approved after the change: the mark and the filter go
    await page.getByTestId('tab-review').click();
    await page.getByTestId('review-leader').selectOption({ index: 0 });
    const again = page.getByTestId('review-page').getByTestId('review-measure').nth(1);
    await again.getByTestId('review-approve').click();
    await until(textOf(again.getByTestId('review-state')), '已审核');
    await page.getByTestId('tab-list').click();
    await page.getByTestId('risk-grid').locator('.ag-row').first().waitFor();
    await until(() => page.locator('.risk-grid .cell-returned').count(), 0);
    expect(await page.getByTestId('filter-returned').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
