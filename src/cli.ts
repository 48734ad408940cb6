import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportError, importErrorMessage } from './domain/import/errors';
import { parseBackup, restorePatch } from './domain/backup';
import { buildExport } from './domain/export/buildExport';
import { defaultOptions } from './domain/export/exportOptions';
import { importPatch } from './domain/import/importPlan';
import { importWorkbook, publicRow, suggestedMeta, warningText } from './domain/import/importWorkbook';
import { applyInMemory, emptyTables, listFromTables } from './domain/memoryState';
import { buildRows } from './domain/rows';
import { checkCommand, summaryCommand, type LoadedTable } from './cliReview';
import { mergeCommand } from './cliMerge';
import { nodeInflate } from './xlsx/nodeInflate';
import { readXlsx } from './xlsx/readXlsx';
import { writeXlsx } from './xlsx/writeXlsx';

/**
 * 三清单 command line, over the same import and export code as the app.
 *   import <file.xlsx>             prints {"rows":[…],"warnings":[…]} as JSON
 *   convert <in.xlsx> <out.xlsx>   imports any supported table and writes the meeting-ready workbook
 *   export <backup.json> <out.xlsx> [标题]   writes a list from a backup (the newest, or the one whose title has 标题)
 *   check <file.xlsx> [--today D]  prints the March review's findings as JSON, each at its Excel row
 *   summary <file.xlsx> [--today D]  prints the 通报's statistics as JSON
 *   merge <base.xlsx> <copy.xlsx>… [-o out.xlsx] [--threshold T]  merges returned copies (src/cliMerge.ts)
 * Bad input: exit code 1 and one line on stderr.
 */
const USAGE =
  '用法：npm run --silent cli -- import <文件.xlsx> | check <文件.xlsx> [--today YYYY-MM-DD] | summary <文件.xlsx> [--today YYYY-MM-DD] | convert <输入.xlsx> <输出.xlsx> | export <备份.json> <输出.xlsx> [清单标题] | merge <底稿.xlsx> <反馈1.xlsx> [<反馈2.xlsx> …] [-o 合并结果.xlsx] [--threshold 0.6]';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}

/**
 * What reading `name` failed with, as one line for the user: the import's own message, or — for anything else (an
 * allocation the engine refused, a bug) — that the file could not be read, never a stack trace.
 */
function readFailure(e: unknown, name: string): string {
  if (e instanceof ImportError) return importErrorMessage(e.code, name);
  return importErrorMessage('read-failed', name);
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
    const result = importWorkbook(readXlsx(bytes, { inflate: nodeInflate }));
    const many = result.analyses.length > 1;
    process.stdout.write(
      `${JSON.stringify({ rows: result.rows.map(publicRow), warnings: result.warnings.map((w) => warningText(w, many)) })}\n`,
    );
  } catch (e) {
    fail(readFailure(e, name));
  }
}

function convertCommand(input: string | undefined, output: string | undefined): void {
  if (!input || !output) fail(USAGE, 2);
  const name = basename(input);
  const bytes = readInput(input);
  let out: Uint8Array;
  let summary: string;
  try {
    const result = importWorkbook(readXlsx(bytes, { inflate: nodeInflate }));
    const tables = emptyTables();
    const { patch, listId } = importPatch(
      { mode: 'new', rows: result.rows, mapped: new Map(), meta: { ...suggestedMeta(result, name), period: '' } },
      { departments: [], leaders: [] },
      name,
    );
    applyInMemory(tables, patch);
    const { content, directory } = listFromTables(tables, listId);
    // a table without a title row gets none: the list's title is then only the file's name
    const options = { ...defaultOptions(buildRows(content.problems, content.measures)), titleRow: result.title !== '' };
    out = writeXlsx(buildExport(content, directory, options));
    summary = `已写入“${output}”：${content.problems.length} 个问题、${content.measures.length} 条措施`;
  } catch (e) {
    fail(readFailure(e, name));
  }
  writeOutput(output, out, summary);
}

function writeOutput(output: string, bytes: Uint8Array, summary: string): void {
  try {
    writeFileSync(output, bytes);
  } catch (e) {
    fail(`无法写入“${output}”（${(e as { code?: string }).code ?? String(e)}）：请检查路径，或先关闭在 Excel/WPS 中打开的同名文件。`);
  }
  process.stdout.write(`${summary}\n`);
}

function exportCommand(input: string | undefined, output: string | undefined, title: string | undefined): void {
  if (!input || !output) fail(USAGE, 2);
  const name = basename(input);
  const text = new TextDecoder().decode(readInput(input));
  let backup;
  try {
    backup = parseBackup(text, name);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const lists = [...backup.data.lists].sort((a, b) => b.createdAt - a.createdAt);
  const list = title ? lists.find((l) => `${l.unit}${l.title}${l.period}`.includes(title)) : lists[0];
  if (!list) fail(title ? `备份“${name}”中没有标题含“${title}”的清单。` : `备份“${name}”中没有清单。`);
  const tables = emptyTables();
  applyInMemory(tables, restorePatch({ lists: [], problems: [], measures: [], departments: [], leaders: [], rounds: [], snapshots: [], progress: [], history: [] }, backup));
  const { content, directory } = listFromTables(tables, list.id);
  const bytes = writeXlsx(buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures))));
  writeOutput(output, bytes, `已写入“${output}”：清单“${list.title}”，${content.problems.length} 个问题、${content.measures.length} 条措施`);
}

/** Reads a table for the review commands as `import` does, with its messages for bad input. */
function loadTable(path: string): LoadedTable {
  const name = basename(path);
  const bytes = readInput(path);
  try {
    const result = importWorkbook(readXlsx(bytes, { inflate: nodeInflate }), { keepEmptyMeasures: true });
    return { name, rows: result.rows, title: result.title };
  } catch (e) {
    fail(readFailure(e, name));
  }
}

const reviewDeps = (print = (text: string) => process.stdout.write(`${text}\n`)) => ({ load: loadTable, fail, print });

// whatever escapes the commands' own handling still ends as one line on stderr and a non-zero exit
const lastResort = (e: unknown) => fail(`三清单命令行出错：${e instanceof Error ? e.message : String(e)}`);
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'import') importCommand(args[0]);
  else if (command === 'check') checkCommand(args, USAGE, reviewDeps());
  else if (command === 'summary') summaryCommand(args, USAGE, reviewDeps());
  else if (command === 'convert') convertCommand(args[0], args[1]);
  else if (command === 'export') exportCommand(args[0], args[1], args[2]);
  else if (command === 'merge') mergeCommand(args);
  else fail(USAGE, 2);
} catch (e) {
  lastResort(e);
}
