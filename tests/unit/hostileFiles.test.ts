import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importErrorMessage } from '../../src/domain/import/errors';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { nodeInflate } from '../../src/xlsx/nodeInflate';
import { inflateInStream } from '../../src/xlsx/inflateStream';
import { readXlsx, readXlsxAsync, type SheetGrid } from '../../src/xlsx/readXlsx';
import { hostileFiles, type HostileFile } from '../fixtures/hostileFiles';

/**
 * Every hostile file ends with its rows or one clear message, in the reader (fflate inflating, as the browser's worker
 * does where the browser has no DecompressionStream; zlib, as the CLI; DecompressionStream, as the worker does, read
 * asynchronously) and in the CLI (no stack trace). The per-test timeouts only guard against a hang; what is
 * asserted is the outcome.
 */
const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'sqd-hostile-'));
const files = hostileFiles();

beforeAll(() => {
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
});

type Reader = (bytes: Uint8Array) => SheetGrid[] | Promise<SheetGrid[]>;
const readers: [string, Reader][] = [
  ['fflate', (bytes) => readXlsx(bytes)],
  ['zlib', (bytes) => readXlsx(bytes, { inflate: nodeInflate })],
  ['DecompressionStream', (bytes) => readXlsxAsync(bytes, inflateInStream)],
];

async function outcome(f: HostileFile, read: Reader) {
  try {
    const sheets = await read(f.bytes);
    const result = importWorkbook(sheets);
    return { rows: result.rows.length, notes: sheets.flatMap((s) => s.notes ?? []).map((n) => n.message) };
  } catch (e) {
    if (e instanceof ImportError) return { code: e.code };
    throw e;
  }
}

describe('hostile files end with their rows or one clear message', () => {
  it('are all under the size a browser takes (50 MB)', () => {
    for (const f of files) expect(f.bytes.length, f.key).toBeLessThan(50 * 1024 * 1024);
  });

  for (const f of files) {
    it(`${f.key}: in the reader`, async () => {
      for (const [inflater, read] of readers) {
        const got = await outcome(f, read);
        if ('code' in f.outcome) {
          expect(got, `${f.key} (${inflater})`).toEqual({ code: f.outcome.code });
          const message = importErrorMessage(f.outcome.code, f.name);
          expect(message).toContain(`“${f.name}”`);
        } else {
          expect(got.rows, `${f.key} (${inflater})`).toBe(f.outcome.rows);
          if (f.outcome.note) expect(got.notes!.join('\n'), `${f.key} (${inflater})`).toContain(f.outcome.note);
        }
      }
    }, 30_000);
  }

  it('the limits are named in the messages', () => {
    expect(importErrorMessage('inflated-too-large', 'a.xlsx')).toContain('300 MB');
    expect(importErrorMessage('compression-ratio', 'a.xlsx')).toContain('200 : 1');
    expect(importErrorMessage('too-many-sheets', 'a.xlsx')).toContain('255');
    expect(importErrorMessage('too-many-cells', 'a.xlsx')).toContain('2,000,000');
    expect(importErrorMessage('too-many-strings', 'a.xlsx')).toContain('2,000,000');
    expect(importErrorMessage('too-many-merges', 'a.xlsx')).toContain('500,000');
    expect(importErrorMessage('read-failed', 'a.xlsx')).toContain('文件可能过大或已损坏');
  });

  it('through the CLI: the rows as JSON, or a non-zero exit with one Chinese line and no stack trace', () => {
    for (const f of files) {
      const r = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'import', join(dir, f.name)], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(r.signal, f.key).toBeNull();
      expect(r.stderr, f.key).not.toMatch(/\bat\s.+:\d+:\d+|FATAL ERROR|RangeError|node:internal/);
      if ('code' in f.outcome) {
        expect(r.status, f.key).not.toBe(0);
        expect(r.stdout, f.key).toBe('');
        const lines = r.stderr.trim().split('\n');
        expect(lines, f.key).toHaveLength(1);
        expect(lines[0], f.key).toBe(importErrorMessage(f.outcome.code, f.name));
      } else {
        expect(r.status, `${f.key}: ${r.stderr}`).toBe(0);
        expect((JSON.parse(r.stdout) as { rows: unknown[] }).rows, f.key).toHaveLength(f.outcome.rows);
      }
    }
  }, 300_000);
});
