import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, columnTexts, editText, textOf, until } from './grid';

// the text editors, and the status and deadline editors' text field (a popup since statuses became a list)
const EDITOR = '.ag-popup-editor textarea, .ag-popup-editor .choice-editor input:not([type=date]), .ag-cell-inline-editing input';

describeE2e('typing through an input method into a focused cell', () => {
  const { newContext } = useBrowser();

  it('a composition on a focused (not edited) cell starts the edit with the composed text; Enter stores it', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const cdp = await page.context().newCDPSession(page);

    await cell(page, 1, 'measure').click();
    await cdp.send('Input.imeSetComposition', { text: '家长', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '家长' });
    const editor = page.locator(EDITOR).first();
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('家长');
    await page.keyboard.press('Enter');
    await until(textOf(cell(page, 1, 'measure')), '家长');

    // text inserted without a composition (an emoji keyboard, some IMEs) into an inline-edited column
    await cell(page, 2, 'status').click();
    await cdp.send('Input.insertText', { text: '推进中' });
    await page.locator(EDITOR).first().waitFor();
    await page.keyboard.press('Enter');
    await until(textOf(cell(page, 2, 'status')), '推进中');

    // a second composition continues in the editor once it is open: typed text is never lost
    await cell(page, 0, 'note').click();
    await cdp.send('Input.imeSetComposition', { text: 'jia', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '家' });
    await page.locator(EDITOR).first().waitFor();
    await cdp.send('Input.imeSetComposition', { text: 'zhang', selectionStart: 5, selectionEnd: 5 });
    await cdp.send('Input.insertText', { text: '长会' });
    await page.keyboard.press('Enter');
    await until(textOf(cell(page, 0, 'note')), '家长会');

    // departments: the picker opens with the composed text as its search
    await cell(page, 0, 'departments').click();
    await cdp.send('Input.insertText', { text: '德育' });
    const picker = page.getByTestId('picker-department');
    await picker.waitFor();
    expect(await picker.locator('input').first().inputValue()).toBe('德育');
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });

    // the problem cell (spanning its measures' rows) takes IME text too
    await cell(page, 3, 'problem').click();
    await cdp.send('Input.imeSetComposition', { text: '问题', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '问题' });
    await page.locator(EDITOR).first().waitFor();
    await page.keyboard.press('Enter');
    await until(textOf(cell(page, 3, 'problem')), '问题');

    // the composition left nothing behind in the cells' own text
    expect((await columnTexts(page, 'measure'))[1]).toBe('家长');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Latin typing, Enter, F2, double-click, arrows, copy and paste still work on the focused cell', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const before = await columnTexts(page, 'measure');

    // a Latin key starts the edit with that key
    await cell(page, 1, 'note').click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await until(textOf(cell(page, 1, 'note')), 'abc');

    // Enter, F2 and double-click open the editor with the cell's text
    for (const open of ['Enter', 'F2', 'dblclick'] as const) {
      const target = cell(page, 1, 'note');
      if (open === 'dblclick') await target.dblclick();
      else {
        await target.click();
        await page.keyboard.press(open);
      }
      const editor = page.locator(EDITOR).first();
      await editor.waitFor();
      expect(await editor.inputValue()).toBe('abc');
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
    }

    // arrows move the focus; Ctrl+C / Ctrl+V copy a cell into another
    await cell(page, 0, 'measure').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(before[1]);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight'); // 责任部门 … 备注
    await page.keyboard.press('Control+V');
    await until(textOf(cell(page, 1, 'note')), before[1]!);
    // Ctrl+Z with a focused cell undoes (the cell is an IME host, not a text field)
    await page.keyboard.press('Control+Z');
    await until(textOf(cell(page, 1, 'note')), 'abc');

    // editing in the editor and the problem column still work
    await editText(page, cell(page, 0, 'problem'), '新的问题文字');
    await until(textOf(cell(page, 0, 'problem')), '新的问题文字');
    expect(errors).toEqual([]);
    await context.close();
  });
});
