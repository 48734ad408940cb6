import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { copiesOfWorkbook } from './domain/consolidate/copies';
import { mergedRows, type MergedRow } from './domain/consolidate/decisions';
import { DEFAULT_THRESHOLD } from './domain/consolidate/match';
import { mergeCopies, type CopyInput } from './domain/consolidate/merge';
import { workbookRows, type BaseRow, type FieldValue } from './domain/consolidate/model';
import { buildExport } from './domain/export/buildExport';
import { defaultOptions } from './domain/export/exportOptions';
import { ImportError, importErrorMessage } from './domain/import/errors';
import { extractAll, importWorkbook, suggestedMeta, type WorkbookImport } from './domain/import/importWorkbook';
import type { ImportRow } from './domain/import/types';
import { buildRows } from './domain/rows';
import { workbookList } from './domain/workbookList';
import { nodeInflate } from './xlsx/nodeInflate';
import { readXlsx } from './xlsx/readXlsx';
import { writeXlsx } from './xlsx/writeXlsx';

/**
 * merge <base.xlsx> <copy1.xlsx> [<copy2.xlsx> …] [-o merged.xlsx] [--threshold 0.6]
 * Reads the base (an export of ours or any table) and the returned copies, merges them as the app does, and prints
 * {"rows","changes","added","missing","conflicts"} as JSON; conflicting fields keep the base value. With -o it also
 * writes the merged meeting workbook.
 */
const USAGE = '用法：npm run --silent cli -- merge <底稿.xlsx> <反馈1.xlsx> [<反馈2.xlsx> …] [-o 合并结果.xlsx] [--threshold 0.6]';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readWorkbook(path: string): WorkbookImport & { sheetRows?: ImportRow[][] } {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    fail(code === 'ENOENT' ? `找不到文件“${path}”，请检查路径。` : `无法读取文件“${path}”（${code ?? String(e)}）。`);
  }
  try {
    const sheets = readXlsx(bytes, { inflate: nodeInflate });
    const result = importWorkbook(sheets);
    // each sheet's own rows too: a workbook of one sheet per department is one copy per sheet
    return result.analyses.length > 1 ? { ...result, sheetRows: result.analyses.map((a) => extractAll(sheets, [a]).rows) } : result;
  } catch (e) {
    if (e instanceof ImportError) fail(importErrorMessage(e.code, name));
    fail(`读取“${name}”时出错：${e instanceof Error ? e.message : String(e)}`);
  }
}

function parseArgs(args: readonly string[]): { files: string[]; output: string | null; threshold: number } {
  const files: string[] = [];
  let output: string | null = null;
  let threshold = DEFAULT_THRESHOLD;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--output') {
      const next = args[++i];
      if (!next) fail(`“${a}”后面缺少输出文件名。${USAGE}`, 2);
      output = next;
    } else if (a === '--threshold') {
      const v = Number(args[++i]);
      if (!(v > 0 && v <= 1)) fail(`相似度阈值应为 0 到 1 之间的数（如 0.6），而不是“${args[i] ?? ''}”。`, 2);
      threshold = v;
    } else files.push(a);
  }
  if (files.length < 2) fail(USAGE, 2);
  return { files, output, threshold };
}

/** The optional columns a table has, so that merged rows carry the same keys as the import's rows. */
function presentFields(rows: readonly ImportRow[]): Set<string> {
  const out = new Set<string>();
  for (const r of rows) for (const k of ['level', 'deadline', 'status', 'note', 'category'] as const) if (r[k] !== undefined) out.add(k);
  return out;
}

function publicMerged(row: MergedRow, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { problem: row.problem, measure: row.measure, departments: row.departments, leaders: row.leaders };
  for (const k of ['level', 'deadline', 'status', 'note', 'category'] as const) if (fields.has(k) || row[k] !== '') out[k] = row[k];
  if (row.sheet) out.sheet = row.sheet;
  return out;
}

export function mergeCommand(args: readonly string[]): void {
  const { files, output, threshold } = parseArgs(args);
  const [basePath, ...copyPaths] = files as [string, ...string[]];
  const baseRead = readWorkbook(basePath);
  const base: BaseRow[] = workbookRows(baseRead.rows);
  // the base's departments and leaders as the import would make them: the names copies are compared with
  const { directory } = workbookList(baseRead.rows, basename(basePath));
  const copies: CopyInput[] = [];
  const reads = copyPaths.map((p) => readWorkbook(p));
  const fields = presentFields(baseRead.rows);
  reads.forEach((read, i) => {
    copies.push(...copiesOfWorkbook(basename(copyPaths[i]!), read, directory, base));
    for (const f of presentFields(read.rows)) fields.add(f);
  });
  const result = mergeCopies(base, copies, { directory, threshold });
  const rows = mergedRows(result, {}, directory);
  const baseRow = new Map(base.map((r) => [r.key, r] as const));
  const file = (c: number) => result.copies[c]!.file;
  const conflicted = new Set(result.conflicts.map((c) => `${c.target}\u0000${c.field}`));
  const value = (v: FieldValue) => v;
  const json = {
    rows: rows.map((r) => publicMerged(r, fields)),
    changes: result.copies.flatMap((c, ci) =>
      c.proposals
        .filter((p) => !conflicted.has(`${p.target}\u0000${p.field}`))
        .map((p) => ({ file: file(ci), row: p.excelRow, field: p.field, from: value(p.from), to: value(p.to) })),
    ),
    added: result.added.flatMap((a) =>
      [a.copy, ...a.alsoIn].map((c) => ({
        file: file(c),
        row: c === a.copy ? a.excelRow : null,
        ...publicMerged({ ...a.values, baseKey: null, added: a, copies: [] }, fields),
        ...(a.splitOf ? { splitFrom: baseRow.get(a.splitOf)?.excelRow ?? null } : {}),
      })),
    ),
    missing: result.missing.map((m) => {
      const r = baseRow.get(m.baseKey)!;
      return { file: file(m.copy), row: r.excelRow ?? null, problem: r.problem, measure: r.measure, ...(r.sheet ? { sheet: r.sheet } : {}) };
    }),
    conflicts: result.conflicts.map((c) => ({
      field: c.field,
      row: baseRow.get(c.baseKey)?.excelRow ?? null,
      values: c.values.map((v) => ({ file: file(v.copy), value: value(v.value) })),
    })),
    ...(result.notReturned.length ? { notReturned: result.notReturned } : {}),
  };
  if (output) {
    let bytes: Uint8Array;
    try {
      const merged: ImportRow[] = rows.map((r, i) => ({ ...(publicMerged(r, fields) as unknown as ImportRow), excelRow: i + 1 }));
      const list = workbookList(merged, basename(basePath));
      const meta = suggestedMeta(baseRead, basename(basePath));
      const content = { ...list.content, list: { ...list.content.list, unit: meta.unit, title: meta.title } };
      bytes = writeXlsx(buildExport(content, list.directory, defaultOptions(buildRows(content.problems, content.measures))));
    } catch (e) {
      fail(`写出合并结果时出错：${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      writeFileSync(output, bytes);
    } catch (e) {
      fail(`无法写入“${output}”（${(e as { code?: string }).code ?? String(e)}）：请检查路径，或先关闭在 Excel/WPS 中打开的同名文件。`);
    }
  }
  process.stdout.write(`${JSON.stringify(json)}\n`);
}
