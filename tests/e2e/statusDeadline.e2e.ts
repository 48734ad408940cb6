import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { listYearOf, overdueDeadline, todayIso } from '../../src/domain/deadline';
import { DEFAULT_STATUSES, STATUS_COLORS } from '../../src/domain/status';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, textOf, until, untilRowsStill } from './grid';

const sample = JSON.parse(readFileSync('samples/sample-list.json', 'utf8')) as {
  list: { title: string; period: string };
  rows: { deadline: string; status: string }[];
};
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const dotColor = (page: import('playwright-core').Page, row: number) =>
  cell(page, row, 'status').locator('.status-dot').evaluate((el) => getComputedStyle(el).backgroundColor);

describeE2e('statuses and deadlines', () => {
  const { newContext } = useBrowser();

  it('colours statuses, counts them in the legend, marks overdue measures, and filters by either', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    // colours in the cells
    expect(sample.rows[0]!.status).toBe('已完成');
    expect(await dotColor(page, 0)).toBe(rgb(STATUS_COLORS.green.hex));
    expect(sample.rows[1]!.status).toBe('推进中');
    expect(await dotColor(page, 1)).toBe(rgb(STATUS_COLORS.blue.hex));

    // the legend counts each status
    const legend = page.getByTestId('status-legend');
    const done = sample.rows.filter((r) => r.status === '已完成').length;
    expect(await legend.locator('button[data-status="已完成"] .count').innerText()).toBe(String(done));
    expect(await legend.locator('button[data-status="已销号"] .count').innerText()).toBe('0');

    // overdue as the domain counts it for today
    const ctx = { today: todayIso(), listYear: listYearOf(sample.list)! };
    const overdue = sample.rows.map((r, i) => (overdueDeadline(r.deadline, r.status, DEFAULT_STATUSES, ctx) ? i : -1)).filter((i) => i >= 0);
    expect(overdue.length).toBeGreaterThan(0);
    await until(textOf(page.getByTestId('overdue-count')), String(overdue.length));
    const late = cell(page, overdue[0]!, 'deadline');
    expect(await late.getAttribute('class')).toContain('cell-overdue');
    expect(await late.locator('.deadline-cell').getAttribute('title')).toContain('已逾期');
    expect(await cell(page, 0, 'deadline').getAttribute('class')).not.toContain('cell-overdue');

    await page.getByTestId('filter-overdue').click();
    await until(textOf(page.getByTestId('row-count')), `显示 ${overdue.length} / 共 ${sample.rows.length} 条措施`);
    await page.getByTestId('filter-overdue').click();
    await legend.locator('button[data-status="已完成"]').click();
    await until(textOf(page.getByTestId('row-count')), `显示 ${done} / 共 ${sample.rows.length} 条措施`);
    await legend.locator('button[data-status="已完成"]').click();
    await until(textOf(page.getByTestId('row-count')), `显示 ${sample.rows.length} / 共 ${sample.rows.length} 条措施`);

    // picking 已完成 for an overdue measure: no longer overdue
    await cell(page, overdue[0]!, 'status').click();
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('status-editor');
    await editor.waitFor();
    await editor.getByRole('option', { name: /已完成/ }).click();
    await until(textOf(cell(page, overdue[0]!, 'status')), '已完成');
    await until(textOf(page.getByTestId('overdue-count')), String(overdue.length - 1));
    expect(await cell(page, overdue[0]!, 'deadline').getAttribute('class')).not.toContain('cell-overdue');

    // free text stays, in a neutral colour
    await cell(page, 1, 'status').click();
    await page.keyboard.press('Enter');
    await editor.waitFor();
    await editor.locator('input').fill('部分完成，待验收');
    await editor.locator('input').press('Enter');
    await until(textOf(cell(page, 1, 'status')), '部分完成，待验收');
    expect(await legend.locator('button[data-status="部分完成，待验收"] .count').innerText()).toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a list’s own statuses are set in its settings, and a new one is offered and coloured', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('edit-list').click();
    const dialog = page.getByTestId('list-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('status-add').click();
    const names = dialog.getByTestId('status-option-name');
    await names.last().fill('已报送');
    await dialog.getByRole('combobox', { name: '状态 6 颜色' }).selectOption('red');
    await dialog.getByTestId('list-dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('status-legend').locator('button[data-status="已报送"]').waitFor();
    await cell(page, 2, 'status').click();
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('status-editor');
    await editor.waitFor();
    await editor.locator('input').fill('已报');
    await editor.locator('input').press('Enter'); // the typed start highlights 已报送
    await until(textOf(cell(page, 2, 'status')), '已报送');
    expect(await dotColor(page, 2)).toBe(rgb(STATUS_COLORS.red.hex));

    // 批量设置 offers the list's own statuses too, not the default ones alone (once the edited row is redrawn: the
    // header checkbox is drawn again with it)
    await untilRowsStill(page);
    await page.getByTestId('select-all').check();
    await page.getByTestId('bulk-set').click();
    await page.getByRole('checkbox', { name: '设置进展/状态' }).check();
    const offered = await page.getByTestId('bulk-status-options').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['未开始', '推进中', '已完成', '已销号', '长期坚持', '已报送']);
    await page.getByTestId('bulk-status').fill('已报送');
    await page.getByTestId('bulk-apply').click();
    await until(() => page.getByTestId('status-legend').locator('button[data-status="已报送"] .count').innerText(), '22');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the deadline editor offers a date and says what it reads', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await cell(page, 1, 'deadline').click();
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('deadline-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('deadline-reading').innerText()).toContain('每学期');
    await editor.getByTestId('deadline-date').fill('2026-06-30');
    await until(async () => editor.locator('input[aria-label="完成时限"]').inputValue(), '2026年6月30日前');
    expect(await editor.getByTestId('deadline-reading').innerText()).toContain('2026-06-30');
    await editor.locator('input[aria-label="完成时限"]').press('Enter');
    await until(textOf(cell(page, 1, 'deadline')), '2026年6月30日前');
    expect(errors).toEqual([]);
    await context.close();
  });
});
