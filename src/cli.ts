import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportError, importErrorMessage } from './domain/import/errors';
import { importWorkbook, publicRow, warningText } from './domain/import/importWorkbook';
import { readXlsx } from './xlsx/readXlsx';

/**
 * 三清单 command line, over the same import code as the app.
 *   import <file.xlsx>   prints {"rows":[…],"warnings":[…]} as JSON
 * Bad input: exit code 1 and one line on stderr.
 */
const USAGE = '用法：npm run --silent cli -- import <文件.xlsx>';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function importCommand(path: string | undefined): void {
  if (!path) fail(USAGE, 2);
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    fail(code === 'ENOENT' ? `找不到文件“${path}”，请检查路径。` : `无法读取文件“${path}”（${code ?? String(e)}）。`);
  }
  try {
    const result = importWorkbook(readXlsx(bytes));
    const many = result.analyses.length > 1;
    process.stdout.write(
      `${JSON.stringify({ rows: result.rows.map(publicRow), warnings: result.warnings.map((w) => warningText(w, many)) })}\n`,
    );
  } catch (e) {
    if (e instanceof ImportError) fail(importErrorMessage(e.code, name));
    fail(`导入“${name}”时出错：${e instanceof Error ? e.message : String(e)}`);
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === 'import') importCommand(args[0]);
else fail(USAGE, 2);
