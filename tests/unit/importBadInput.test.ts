import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importErrorMessage } from '../../src/domain/import/errors';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { readXlsx } from '../../src/xlsx/readXlsx';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'sqd-bad-'));
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

function cli(file: string) {
  const r = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'import', file], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const files: Record<string, { name: string; code: string; expect: string }> = {};

beforeAll(async () => {
  const good = readFileSync(join(root, 'samples/01-学校三清单-合并单元格.xlsx'));
  const write = (name: string, bytes: Buffer | Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return name;
  };
  files.truncated = { name: write('截断.xlsx', good.subarray(0, Math.floor(good.length / 2))), code: 'corrupt', expect: '已损坏或不完整' };
  files.renamed = { name: write('其实是文本.xlsx', Buffer.from('问题清单\t措施清单\n一\t二\n', 'utf8')), code: 'not-excel', expect: '不是 Excel 工作簿' };
  files.xls = { name: write('旧版.xls', Buffer.concat([OLE, Buffer.alloc(1024)])), code: 'ole', expect: '旧版 Excel（.xls）' };
  files.et = { name: write('WPS表格.et', Buffer.concat([OLE, Buffer.alloc(1024)])), code: 'ole', expect: 'WPS 表格（.et）' };
  files.encrypted = { name: write('加密.xlsx', Buffer.concat([OLE, Buffer.alloc(1024)])), code: 'ole', expect: '设置了打开密码' };
  files.empty = { name: write('空文件.xlsx', Buffer.alloc(0)), code: 'empty-file', expect: '是空文件' };
  files.emptyWorkbook = { name: write('空工作簿.xlsx', await workbook((wb) => wb.addWorksheet('Sheet1'))), code: 'no-sheets', expect: '没有任何工作表内容' };
  files.noTable = {
    name: write(
      '工作安排.xlsx',
      await workbook((wb) => {
        const ws = wb.addWorksheet('安排');
        ws.addRow(['时间', '内容']);
        ws.addRow(['3月', '各部门填写三清单']);
      }),
    ),
    code: 'no-table',
    expect: '没有找到可识别的三清单表格',
  };
  files.docx = { name: write('文档.xlsx', zipWithout('word/document.xml')), code: 'not-xlsx', expect: '不是 Excel 工作簿' };
  const big = Buffer.alloc(50 * 1024 * 1024 + 1);
  good.copy(big);
  files.tooLarge = { name: write('超大.xlsx', big), code: 'too-large', expect: '超过 50 MB' };
});

/** A zip that holds a Word part and no workbook, as a .docx renamed to .xlsx does. */
function zipWithout(path: string): Uint8Array {
  return zipSync({ [path]: strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') });
}

describe('bad input is refused with a message that names the file and what to do', () => {
  for (const key of ['truncated', 'renamed', 'xls', 'et', 'encrypted', 'empty', 'emptyWorkbook', 'noTable', 'docx', 'tooLarge']) {
    it(`${key}: in the reader`, () => {
      const f = files[key]!;
      let error: unknown;
      try {
        importWorkbook(readXlsx(readFileSync(join(dir, f.name))));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe(f.code);
      const message = importErrorMessage((error as ImportError).code, f.name);
      expect(message).toContain(`“${f.name}”`);
      expect(message).toContain(f.expect);
    });
  }

  it('through the CLI: non-zero exit, one line on stderr, nothing on stdout, no stack trace', () => {
    for (const key of ['truncated', 'xls', 'noTable', 'emptyWorkbook']) {
      const f = files[key]!;
      const r = cli(join(dir, f.name));
      expect(r.status, key).not.toBe(0);
      expect(r.stdout, key).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, key).toHaveLength(1);
      expect(lines[0], key).toContain(f.expect);
      expect(r.stderr, key).not.toMatch(/\bat\s.+:\d+:\d+/);
    }
  }, 60_000);

  it('the CLI prints the rows of a good file as JSON', () => {
    const r = cli(join(root, 'samples/06-同义表头-无合并.xlsx'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: { problem: string; departments: string[]; leaders: string[] }[]; warnings: string[] };
    expect(out.rows).toHaveLength(4);
    expect(out.rows[2]).toMatchObject({ departments: ['纪委', '各年级'], leaders: ['纪委书记', '校长'] });
    expect(out.warnings).toEqual([]);
  }, 30_000);
});
