import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint config keeps the architecture's import boundaries: each source below is linted as if it were a file of the
 * folder it names (it is not written there), with the project's own eslint.config.js.
 */
const root = join(__dirname, '../..');
// the sources are in memory, outside the TypeScript project: linted without type information, and so without the
// rules that need it (the floating-promise test below gives its file a project of its own)
const untyped: Linter.Config = {
  files: ['**/*.{ts,tsx}'],
  languageOptions: { parserOptions: { projectService: false } },
  rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
};
const eslint = new ESLint({ cwd: root, overrideConfig: untyped });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('import boundaries', { timeout: 60_000 }, () => {
  it('passes a clean domain file', async () => {
    const code = "import type { Id } from '../types';\nimport { byOrder } from '../order';\n\nexport const first = (ids: Id[]): Id | undefined => [...ids].sort()[0];\nexport { byOrder };\n";
    expect(await problems('src/domain/export/lintProbe.ts', code)).toEqual([]);
  });

  it.each([
    ['react', "import { useState } from 'react';\nexport const hook = useState;\n"],
    ['dexie', "import Dexie from 'dexie';\nexport const D = Dexie;\n"],
    ['fflate', "import { zipSync } from 'fflate';\nexport const zip = zipSync;\n"],
    ['ag-grid-community', "import type { GridApi } from 'ag-grid-community';\nexport type Api = GridApi;\n"],
    ['src/storage', "import { db } from '../storage/db';\nexport const x = db;\n"],
    ['src/ui', "import { showMessage } from '../ui/messages';\nexport const x = showMessage;\n"],
  ])('fails a domain file that imports %s', async (what, code) => {
    const found = await problems('src/domain/lintProbe.ts', code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-imports: /);
    expect(found[0]).toContain(what.startsWith('src/') ? `may not import from ${what}` : what);
  });

  it('lets only src/storage import dexie, only src/xlsx fflate, only src/grid AG Grid', async () => {
    const dexie = "import Dexie from 'dexie';\nexport const D = Dexie;\n";
    const fflate = "import { zipSync } from 'fflate';\nexport const zip = zipSync;\n";
    const grid = "import type { GridApi } from 'ag-grid-community';\nexport type Api = GridApi;\n";
    expect(await problems('src/storage/lintProbe.ts', dexie)).toEqual([]);
    expect(await problems('src/ui/lintProbe.ts', dexie)).toEqual([expect.stringContaining('only src/storage touches IndexedDB')]);
    expect(await problems('src/xlsx/lintProbe.ts', fflate)).toEqual([]);
    expect(await problems('src/storage/lintProbe.ts', fflate)).toEqual([expect.stringContaining('only src/xlsx reads and writes workbooks')]);
    expect(await problems('src/grid/lintProbe.ts', grid)).toEqual([]);
    expect(await problems('src/ui/lintProbe.tsx', grid)).toEqual([expect.stringContaining('only src/grid knows AG Grid')]);
  });

  it('fails a promise left floating', async () => {
    const typed = new ESLint({
      cwd: root,
      overrideConfig: { files: ['src/ui/lintProbe.ts'], languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['src/ui/lintProbe.ts'] } } } },
    });
    const code = "export async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n";
    const [result] = await typed.lintText(code, { filePath: join(root, 'src/ui/lintProbe.ts') });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-floating-promises']);
  }, 120_000); // the TypeScript program takes a while to load
});

describe('import cycles', { timeout: 60_000 }, () => {
  it('fails two modules that import each other', async () => {
    // written to a folder of their own (no-cycle follows files on disk), linted with the project's config
    const dir = mkdtempSync(join(tmpdir(), 'sqd-lint-'));
    mkdirSync(join(dir, 'src/domain'), { recursive: true });
    writeFileSync(join(dir, 'src/domain/a.ts'), "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(join(dir, 'src/domain/b.ts'), "import { a } from './a';\nexport const b = (): number => (a.length ? 1 : 0);\n");
    writeFileSync(join(dir, 'src/domain/c.ts'), "import { a } from './a';\nexport const c = a;\n");
    const outside = new ESLint({
      cwd: dir,
      overrideConfigFile: join(root, 'eslint.config.js'),
      overrideConfig: untyped,
    });
    const results = await outside.lintFiles(['src/domain/*.ts']);
    const byFile = Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => m.ruleId)]));
    expect(byFile).toEqual({ 'src/domain/a.ts': ['import-x/no-cycle'], 'src/domain/b.ts': ['import-x/no-cycle'], 'src/domain/c.ts': [] });
  });
});
