import { expect, it } from 'vitest';
import { describeE2e, openApp, openWithSample, useBrowser } from './browser';
import { cell, clippedCells, columnTexts, dragTo, editText, gridScrollTop, ROW_HANDLE, textOf, TICKED, until, untilRowsStill } from './grid';

describeE2e('three-list editor in Chromium', () => {
  const { newContext } = useBrowser();

  it('creates a list, adds a problem with two measures, picks departments and a leader, and keeps it all after reload', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);

    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('empty-new-list').click();
    await page.getByTestId('list-title').fill('2026年意识形态领域风险“三清单”');
    await page.getByTestId('list-unit').fill('测试中学');
    await page.getByTestId('list-dialog-submit').click();
    await until(textOf(page.getByTestId('list-heading')), '测试中学2026年意识形态领域风险“三清单”');

    // a problem, typed into the new row
    await page.getByTestId('add-problem').click();
    await cell(page, 0, 'problem').waitFor();
    await editText(page, cell(page, 0, 'problem'), '新学期作息调整涉及家长切身利益，可能引发不实信息传播');
    await until(() => columnTexts(page, 'problem'), ['新学期作息调整涉及家长切身利益，可能引发不实信息传播']);

    // its first measure, typed into the problem's blank measure cell; then a second one
    await editText(page, cell(page, 0, 'measure'), '通过致家长的一封信统一发布作息安排');
    await page.getByTestId('add-measure').click();
    await until(async () => (await columnTexts(page, 'measure')).length, 2);
    await editText(page, cell(page, 1, 'measure'), '班主任加入家长群，及时澄清不实信息');
    await until(() => columnTexts(page, 'measure'), ['通过致家长的一封信统一发布作息安排', '班主任加入家长群，及时澄清不实信息']);
    // the problem cell spans both measures, like a merged cell
    await until(() => cell(page, 0, 'problem').getAttribute('aria-rowspan'), '2');

    // two departments (created from the picker) and a leader
    await cell(page, 0, 'departments').click();
    await page.keyboard.press('Enter');
    const picker = page.getByTestId('picker-department');
    await picker.waitFor();
    await page.keyboard.type('党办');
    await page.keyboard.press('Enter'); // creates 党办
    await page.keyboard.type('德育处');
    await page.keyboard.press('Enter'); // creates 德育处
    await picker.getByRole('button', { name: '确定' }).click();
    await until(textOf(cell(page, 0, 'departments')), '党办\n德育处');

    await cell(page, 0, 'leaders').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('picker-leader').waitFor();
    await page.keyboard.type('王校长');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // Tab confirms
    await until(textOf(cell(page, 0, 'leaders')), '王校长');

    // picking an existing department by filtering and ticking it with the mouse
    await cell(page, 1, 'departments').dblclick();
    await page.getByTestId('picker-department').waitFor();
    await page.keyboard.type('德育');
    await page.getByTestId('picker-department').getByRole('option', { name: /德育处/ }).click();
    await page.getByTestId('picker-department').getByRole('button', { name: '确定' }).click();
    await until(textOf(cell(page, 1, 'departments')), '德育处');
    await until(textOf(page.getByTestId('row-count')), '显示 2 / 共 2 条措施');

    await page.reload();
    await until(() => columnTexts(page, 'measure'), ['通过致家长的一封信统一发布作息安排', '班主任加入家长群，及时澄清不实信息']);
    expect(await columnTexts(page, 'problem')).toEqual(['新学期作息调整涉及家长切身利益，可能引发不实信息传播']);
    expect(await columnTexts(page, 'departments')).toEqual(['党办\n德育处', '德育处']);
    expect(await columnTexts(page, 'leaders')).toEqual(['王校长', '']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renaming a department on the departments page changes every row that uses it', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('open-sample').click();
    await cell(page, 0, 'departments').waitFor();
    const before = (await columnTexts(page, 'departments')).filter((t) => t.split('\n').includes('德育处')).length;
    expect(before).toBeGreaterThan(2);

    await page.getByTestId('tab-directory').click();
    const name = page.getByTestId('rename-德育处');
    await name.fill('学生发展中心');
    await name.press('Enter');
    await page.getByTestId('department-row-学生发展中心').waitFor();

    await page.getByTestId('tab-list').click();
    await cell(page, 0, 'departments').waitFor();
    const texts = await columnTexts(page, 'departments');
    expect(texts.filter((t) => t.split('\n').includes('德育处'))).toEqual([]);
    expect(texts.filter((t) => t.split('\n').includes('学生发展中心')).length).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pastes a 3×3 block of tab-separated text from Excel, overwriting cells and adding rows', async () => {
    const context = await newContext();
    const { page, errors } = await openApp(context);
    await page.getByTestId('empty-new-list').click();
    await page.getByTestId('list-title').fill('粘贴测试');
    await page.getByTestId('list-dialog-submit').click();
    await page.getByTestId('add-problem').click();
    await editText(page, cell(page, 0, 'problem'), '宣传阵地管理不到位');
    await editText(page, cell(page, 0, 'measure'), '旧措施');

    // Excel puts a multi-line cell in quotes and ends rows with CRLF
    const tsv = '每月检查宣传栏\t党办\t张书记\r\n"发布前双人校对\n领导姓名职务"\t总务处\t\r\n建立台账\t"党办\n总务处"\t张书记\r\n';
    await cell(page, 0, 'measure').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
    await page.keyboard.press('Control+V');

    await until(() => columnTexts(page, 'measure'), ['每月检查宣传栏', '发布前双人校对\n领导姓名职务', '建立台账']);
    expect(await columnTexts(page, 'departments')).toEqual(['党办', '总务处', '党办\n总务处']);
    expect(await columnTexts(page, 'leaders')).toEqual(['张书记', '', '张书记']);
    // one problem cell over the three rows; the grid joins the new rows into its span a frame or more after it draws
    // them (on a loaded machine, the measures are in before the span is)
    await until(() => columnTexts(page, 'problem'), ['宣传阵地管理不到位']);

    // copying the focused cell gives what Excel expects back
    await cell(page, 1, 'measure').click();
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('"发布前双人校对\n领导姓名职务"');

    await page.reload();
    await until(() => columnTexts(page, 'measure'), ['每月检查宣传栏', '发布前双人校对\n领导姓名职务', '建立台账']);
    expect(await columnTexts(page, 'departments')).toEqual(['党办', '总务处', '党办\n总务处']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('two pages on the same list see each other’s edits live', async () => {
    const context = await newContext();
    const a = await openApp(context);
    await a.page.getByTestId('open-sample').click();
    await cell(a.page, 0, 'measure').waitFor();
    const b = await openApp(context);
    await cell(b.page, 0, 'measure').waitFor();

    await editText(a.page, cell(a.page, 0, 'status'), '已销号');
    await until(textOf(cell(b.page, 0, 'status')), '已销号');

    await editText(b.page, cell(b.page, 1, 'note'), '第二个标签页的备注');
    await until(textOf(cell(a.page, 1, 'note')), '第二个标签页的备注');
    expect([...a.errors, ...b.errors]).toEqual([]);
    await context.close();
  });

  it('deletes rows and brings them back with undo', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const before = await columnTexts(page, 'measure');
    await cell(page, 1, 'measure').click();
    await page.getByTestId('delete-rows').click();
    await until(async () => (await columnTexts(page, 'measure'))[1], before[2]);
    await until(textOf(page.getByTestId('row-count')), '显示 21 / 共 21 条措施');
    await page.getByTestId('undo').click();
    await until(() => columnTexts(page, 'measure'), before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows wrapped text in full: rows grow with long text, a tall problem grows its last row, and a narrower column', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await until(() => clippedCells(page), []);

    // a measure long enough for many lines: its row grows to show all of it
    const before = (await cell(page, 1, 'measure').boundingBox())!.height;
    const long = '组织全体教职工逐条学习相关政策文件并开展专题解读培训，'.repeat(6);
    await editText(page, cell(page, 1, 'measure'), long);
    await until(textOf(cell(page, 1, 'measure')), long);
    expect((await cell(page, 1, 'measure').boundingBox())!.height).toBeGreaterThan(before * 2);
    expect(await clippedCells(page)).toEqual([]);

    // a problem taller than its three measures: the merged cell still shows all of it
    await editText(page, cell(page, 0, 'problem'), '高考加分政策调整涉及教师、家长、学生切身利益，可能因解读不到位引发误解。'.repeat(8));
    await until(async () => (await clippedCells(page)).length === 0 && (await textOf(cell(page, 0, 'problem'))()).length > 200, true);

    // the measure column made narrower by dragging its edge: the rows grow again
    const header = page.locator('.ag-header-cell[col-id="measure"]');
    const box = (await header.boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 140, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await until(async () => (await header.boundingBox())!.width < box.width - 100, true);
    await until(() => clippedCells(page), []);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('selects all shown rows from the header box and sets their status at once', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.getByTestId('quick-search').fill('家长');
    await until(async () => /^显示 [1-9] \/ 共 22 条措施$/.test(await page.getByTestId('row-count').innerText()), true);
    const shown = Number((await page.getByTestId('row-count').innerText()).match(/显示 (\d+)/)![1]);

    await page.getByTestId('select-all').check();
    await until(() => page.locator(TICKED).count(), shown);
    await page.getByTestId('bulk-set').click();
    await page.getByRole('checkbox', { name: '设置进展/状态' }).check();
    await page.getByTestId('bulk-status').fill('已完成');
    await page.getByTestId('bulk-apply').click();
    await until(async () => (await columnTexts(page, 'status')).every((t) => t === '已完成'), true);

    // the rows the search hid were not touched
    await page.getByTestId('quick-search').fill('');
    await until(textOf(page.getByTestId('row-count')), '显示 22 / 共 22 条措施');
    expect((await columnTexts(page, 'status')).some((t) => t !== '已完成')).toBe(true);
    // some rows ticked: the box shows it, and a click clears the ticks
    expect(await page.getByTestId('select-all').evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    await page.getByTestId('select-all').click();
    await until(() => page.locator(TICKED).count(), 0);

    // rows ticked one by one (a click on the box, Space on the row) are the ones 删除行 removes, in one undoable step
    await page.getByTestId('quick-search').fill('');
    await until(textOf(page.getByTestId('row-count')), '显示 22 / 共 22 条措施');
    const measures = await columnTexts(page, 'measure');
    await cell(page, 1, ROW_HANDLE).locator('input[type=checkbox]').click();
    await cell(page, 3, 'measure').click();
    await page.keyboard.press('Space');
    await until(() => page.locator(TICKED).count(), 2);
    expect(await page.getByTestId('select-all').evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    await page.getByRole('button', { name: '删除行' }).click();
    await until(textOf(page.getByTestId('row-count')), '显示 20 / 共 20 条措施');
    await until(async () => (await columnTexts(page, 'measure')).slice(0, 3), [measures[0], measures[2], measures[4]]);
    await page.getByRole('button', { name: /撤销/ }).click();
    await until(async () => (await columnTexts(page, 'measure')).slice(0, 5), measures.slice(0, 5));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves a whole problem by its 序号 handle, a measure by its row handle, and a problem with Alt+↓', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await until(textOf(page.getByTestId('row-count')), '显示 22 / 共 22 条措施');
    await untilRowsStill(page);
    const before = await columnTexts(page, 'measure');
    // problem 2 (rows 3–4) is dragged above problem 1 (rows 0–2)
    await dragTo(page, page.locator('.ag-row[row-index="3"] .ag-cell[col-id="serial"] .ag-row-drag'), cell(page, 0, ROW_HANDLE));
    await until(async () => (await columnTexts(page, 'measure')).slice(0, 5), [before[3], before[4], before[0], before[1], before[2]]);
    expect(await cell(page, 0, 'serial').innerText()).toBe('1');

    // the last measure of (now) problem 2 is dragged to the top: it joins problem 1
    const now = await columnTexts(page, 'measure');
    await dragTo(page, cell(page, 4, ROW_HANDLE).locator('.ag-row-drag'), cell(page, 0, ROW_HANDLE));
    await until(async () => (await columnTexts(page, 'measure')).slice(0, 5), [now[4], now[0], now[1], now[2], now[3]]);
    await until(() => cell(page, 0, 'problem').getAttribute('aria-rowspan'), '3');

    // keyboard: Alt+↓ on the problem cell moves the whole first problem below the second
    const texts = await columnTexts(page, 'measure');
    await cell(page, 0, 'problem').click();
    await page.evaluate(() => {
      const w = window as unknown as { altDown?: KeyboardEvent };
      window.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowDown' && e.altKey) w.altDown ??= e;
      }, { capture: true });
    });
    await page.keyboard.press('Alt+ArrowDown');
    await until(async () => (await columnTexts(page, 'measure')).slice(0, 5), [texts[3], texts[4], texts[0], texts[1], texts[2]]);
    // the view stays where it was: the browser's own Alt+↓ (a smooth scroll) does not carry the moved rows away. That
    // scroll comes late (half a second after the rows moved), so no state to wait for shows it coming: the key's event
    // says whether the browser was told to leave the key alone
    expect(await page.evaluate(() => (window as unknown as { altDown?: KeyboardEvent }).altDown?.defaultPrevented)).toBe(true);
    await untilRowsStill(page);
    expect(await gridScrollTop(page)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
