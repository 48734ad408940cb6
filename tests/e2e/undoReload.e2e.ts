import { expect, it } from 'vitest';
import { describeE2e, openWithSample, useBrowser } from './browser';
import { cell, editText, textOf, until } from './grid';

describeE2e('undo survives a reload', () => {
  const { newContext } = useBrowser();

  it('edit, reload, undo: the edit is gone; redo brings it back; the buttons say what they will do', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const before = (await cell(page, 0, 'measure').innerText()).trim();
    await editText(page, cell(page, 0, 'measure'), '重载前的修改');
    await until(textOf(cell(page, 0, 'measure')), '重载前的修改');
    await until(async () => page.getByTestId('undo').getAttribute('title'), '撤销：编辑“措施清单”（Ctrl+Z）');

    await page.reload();
    await cell(page, 0, 'measure').waitFor();
    await until(textOf(cell(page, 0, 'measure')), '重载前的修改');
    await until(async () => page.getByTestId('undo').getAttribute('title'), '撤销：编辑“措施清单”（Ctrl+Z）');
    await page.getByTestId('undo').click();
    await until(textOf(cell(page, 0, 'measure')), before);
    await until(async () => page.getByTestId('redo').getAttribute('title'), '重做：编辑“措施清单”（Ctrl+Y）');

    await page.reload();
    await cell(page, 0, 'measure').waitFor();
    await until(async () => page.getByTestId('redo').isEnabled(), true);
    await page.getByTestId('redo').click();
    await until(textOf(cell(page, 0, 'measure')), '重载前的修改');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('one undo too many after 打开示例 asks before deleting the whole list', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    await page.reload();
    await cell(page, 0, 'measure').waitFor();
    await until(async () => page.getByTestId('undo').isEnabled(), true);
    await cell(page, 0, 'measure').click();
    await page.keyboard.press('Control+z');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('将删除清单');
    // 取消 keeps the list
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await cell(page, 0, 'measure').waitFor();
    // the button asks too; confirming deletes it, and redo brings it back
    await page.getByTestId('undo').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('redo').click();
    await cell(page, 0, 'measure').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
