import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importErrorMessage } from '../../src/domain/import/errors';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { badFiles, type BadFile } from '../fixtures/badFiles';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'sqd-bad-'));
const KEYS = ['truncated', 'damaged', 'renamed', 'xls', 'et', 'encrypted', 'empty', 'emptyWorkbook', 'noTable', 'docx', 'tooLarge'];
let files: Map<string, BadFile>;

function cli(file: string) {
  const r = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'import', file], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  files = new Map((await badFiles()).map((f) => [f.key, f]));
  for (const f of files.values()) writeFileSync(join(dir, f.name), f.bytes);
});

describe('bad input is refused with a message that names the file and what to do', () => {
  it('covers every kind of bad file', () => {
    expect([...files.keys()].sort()).toEqual([...KEYS].sort());
  });

  for (const key of KEYS) {
    it(`${key}: in the reader`, () => {
      const f = files.get(key)!;
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
    for (const key of KEYS) {
      const f = files.get(key)!;
      const r = cli(join(dir, f.name));
      expect(r.status, key).not.toBe(0);
      expect(r.stdout, key).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, key).toHaveLength(1);
      expect(lines[0], key).toContain(f.expect);
      expect(r.stderr, key).not.toMatch(/\bat\s.+:\d+:\d+/);
    }
  }, 120_000);

  it('the CLI names a missing file', () => {
    const r = cli(join(dir, '不存在.xlsx'));
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toContain('找不到文件');
  });

  it('the CLI prints the rows of a good file as JSON', () => {
    const r = cli(join(root, 'samples/06-同义表头-无合并.xlsx'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: { problem: string; departments: string[]; leaders: string[] }[]; warnings: string[] };
    expect(out.rows).toHaveLength(4);
    expect(out.rows[2]).toMatchObject({ departments: ['纪委', '各年级'], leaders: ['纪委书记', '校长'] });
    expect(out.warnings).toEqual([]);
  }, 30_000);
});
