import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportError, importErrorMessage } from './domain/import/errors';
import { buildExport } from './domain/export/buildExport';
import { defaultOptions } from './domain/export/exportOptions';
import { importPatch } from './domain/import/importPlan';
import { importWorkbook, publicRow, suggestedMeta, warningText } from './domain/import/importWorkbook';
import { applyInMemory, emptyTables, listFromTables } from './domain/memoryState';
import { buildRows } from './domain/rows';
import { readXlsx } from './xlsx/readXlsx';
import { writeXlsx } from './xlsx/writeXlsx';

/**
 * 三清单 command line, over the same import and export code as the app.
 *   import <file.xlsx>             prints {"rows":[…],"warnings":[…]} as JSON
 *   convert <in.xlsx> <out.xlsx>   imports any supported table and writes the meeting-ready workbook
 * Bad input: exit code 1 and one line on stderr.
 */
const USAGE = '用法：npm run --silent cli -- import <文件.xlsx> | convert <输入.xlsx> <输出.xlsx>';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    fail(code === 'ENOENT' ? `找不到文件“${path}”，请检查路径。` : `无法读取文件“${path}”（${code ?? String(e)}）。`);
  }
}

function importCommand(path: string | undefined): void {
  if (!path) fail(USAGE, 2);
  const name = basename(path);
  const bytes = readInput(path);
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

function convertCommand(input: string | undefined, output: string | undefined): void {
  if (!input || !output) fail(USAGE, 2);
  const name = basename(input);
  const bytes = readInput(input);
  let out: Uint8Array;
  let summary: string;
  try {
    const result = importWorkbook(readXlsx(bytes));
    const tables = emptyTables();
    const { patch, listId } = importPatch(
      { mode: 'new', rows: result.rows, mapped: new Map(), meta: { ...suggestedMeta(result, name), period: '' } },
      { departments: [], leaders: [] },
      name,
    );
    applyInMemory(tables, patch);
    const { content, directory } = listFromTables(tables, listId);
    out = writeXlsx(buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures))));
    summary = `已写入“${output}”：${content.problems.length} 个问题、${content.measures.length} 条措施`;
  } catch (e) {
    if (e instanceof ImportError) fail(importErrorMessage(e.code, name));
    fail(`转换“${name}”时出错：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    writeFileSync(output, out);
  } catch (e) {
    fail(`无法写入“${output}”（${(e as { code?: string }).code ?? String(e)}）：请检查路径，或先关闭在 Excel/WPS 中打开的同名文件。`);
  }
  process.stdout.write(`${summary}\n`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'import') importCommand(args[0]);
else if (command === 'convert') convertCommand(args[0], args[1]);
else fail(USAGE, 2);
