import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';

const root = join(__dirname, '../..');

it('converts a table without a title row without titling it with the file name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqd-convert-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['序号', '问题清单', '措施清单', '责任部门', '责任领导']);
  ws.addRow([1, '宣传栏内容更新不及时', '每月检查一次宣传栏', '党办', '张建国']);
  ws.addRow([2, '外请讲座审核把关不严', '落实“一会一报”', '教务处', '']);
  const input = join(dir, '各部门汇总表.xlsx');
  writeFileSync(input, new Uint8Array(await wb.xlsx.writeBuffer()));
  const output = join(dir, 'out.xlsx');

  const cli = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'convert', input, output], { cwd: root, encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);

  const out = new ExcelJS.Workbook();
  await out.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
  const sheet = out.worksheets[0]!;
  const texts = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : [])).map(String);
  expect(texts.some((t) => t.includes('各部门汇总表'))).toBe(false);
  // no title row: 填报单位/日期, then the header (the sheet's tab keeps the file's name)
  expect(String(sheet.getCell('A1').value)).toMatch(/^填报单位：/);
  expect(sheet.getRow(2).getCell(2).value).toBe('问题清单');
}, 120_000);
