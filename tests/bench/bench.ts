/**
 * npm run bench: the figures the performance issue sets budgets for, each beside its budget and the floor measured in
 * the same run. Generated inputs go to bench-out/ (not committed). Node part: import and export paths and the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { buildExport } from '../../src/domain/export/buildExport';
import { defaultOptions } from '../../src/domain/export/exportOptions';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import { buildRows } from '../../src/domain/rows';
import { nodeInflate } from '../../src/xlsx/nodeInflate';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { writeXlsx } from '../../src/xlsx/writeXlsx';
import { browserBench } from './browserBench';
import { floorRead, floorWrite } from './floors';
import { syntheticList } from './syntheticList';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'bench-out');
mkdirSync(out, { recursive: true });
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,20000,50000,100000').split(',').map(Number);
// the sizes the issue sets each budget at; the other sizes show the same ratio stays flat (nothing quadratic)
const IMPORT_BUDGET_AT = 100000;
const EXPORT_BUDGET_AT = 20000;
const budgetAt = (n: number, at: number, ratio: number, limit = 2): Pick<Row, 'budget' | 'ok'> =>
  n === at ? { budget: `≤ ${limit}× floor`, ok: ratio <= limit } : { budget: `(budget at ${at.toLocaleString('en')} rows)`, ok: null };

/** Each timed run starts with an empty heap, so that none pays for the garbage of the run before (npm run bench passes --expose-gc). */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Best of `runs` for a floor and the figures measured against it, run in turns: on a shared machine the speed drifts
 * from second to second, and a floor measured at another moment than its figure made the ratios swing by half. One
 * floor for all the figures of a size: measured once per figure, the first one's came out a quarter slower than the
 * second's (the same function, warmed alike), which made each ratio depend on the order.
 */
function timeTogether(floor: () => unknown, figures: (() => unknown)[], runs: number): [number, ...number[]] {
  const all = [floor, ...figures];
  const best = all.map(() => Infinity);
  for (const f of all) f(); // untimed: compiled and warmed before any run counts
  for (let i = 0; i < runs; i++) {
    all.forEach((f, k) => {
      collectGarbage();
      const t = performance.now();
      f();
      best[k] = Math.min(best[k]!, performance.now() - t);
    });
  }
  return best as [number, ...number[]];
}

interface Row {
  what: string;
  size: string;
  ms: number;
  floorMs?: number;
  budget: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const add = (r: Row) => {
  rows.push(r);
  const ratio = r.floorMs ? ` (${(r.ms / r.floorMs).toFixed(2)}× floor ${r.floorMs.toFixed(0)} ms)` : '';
  console.error(`  ${r.what} ${r.size}: ${r.ms.toFixed(0)} ms${ratio}`);
};

for (const n of SIZES) {
  const { content, directory } = syntheticList(n);
  // best of more runs for the small sizes: a 1,000-row read takes a few ms, most of it the code's first compilation
  const runs = n <= 1000 ? 15 : n <= 20000 ? 8 : 5;
  const spec = buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures), new Date(2026, 10, 23)));
  const bytes = writeXlsx(spec);
  writeFileSync(join(out, `list-${n}.xlsx`), bytes);

  // Reading against unzip + one pass over the same parts, which is what the budgets compare: the floor inflates with
  // zlib, the fastest inflater Node has, as the CLI's reader does (floors.ts). The budgeted figure is the whole import
  // as the CLI does it (the reading and the table analysis: header, columns, merged cells, rows; ≤ 1.5× at 100,000
  // rows); the reader alone (archive to sheet grids) beside it, and, for reference, the whole import with fflate
  // inflating, as the browser's worker does where the browser has no DecompressionStream. The worker's own figure,
  // against the browser's floor, is taken in Chromium below.
  const [floorR, imported, read, importedJs] = timeTogether(
    () => floorRead(bytes),
    [
      () => importWorkbook(readXlsx(bytes, { inflate: nodeInflate })),
      () => readXlsx(bytes, { inflate: nodeInflate }),
      () => importWorkbook(readXlsx(bytes)),
    ],
    runs,
  );
  add({ what: 'import (read + table analysis), as the CLI', size: `${n}`, ms: imported!, floorMs: floorR, ...budgetAt(n, IMPORT_BUDGET_AT, imported! / floorR, 1.5) });
  add({ what: 'read (workbook to sheets), as the CLI', size: `${n}`, ms: read!, floorMs: floorR, budget: '(reference)', ok: null });
  add({ what: 'import (read + table analysis), fflate inflating (the worker without DecompressionStream)', size: `${n}`, ms: importedJs!, floorMs: floorR, budget: '(reference)', ok: null });

  // writing: layout + our writer against zipping the same XML already built
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, v]));
  const [floorW, write] = timeTogether(
    () => floorWrite(parts),
    [() => writeXlsx(buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures))))],
    runs,
  );
  add({ what: 'export (layout + write)', size: `${n}`, ms: write!, floorMs: floorW, ...budgetAt(n, EXPORT_BUDGET_AT, write! / floorW) });
}

// the CLI, start-up included, against a process doing only the floor read (budget: well inside 6×)
const cliSize = 20000;
const { content: c20, directory: d20 } = syntheticList(cliSize);
const file20 = join(out, `list-${cliSize}.xlsx`);
writeFileSync(file20, writeXlsx(buildExport(c20, d20, defaultOptions(buildRows(c20.problems, c20.measures)))));
// (the floor read of floors.ts in plain JavaScript: zlib inflating, a TextDecoder, one pass; the directory read as there)
const floorScript = join(out, 'floor.mjs');
writeFileSync(
  floorScript,
  [
    `import { readFileSync } from 'node:fs';`,
    `import { inflateRawSync } from 'node:zlib';`,
    `const b = readFileSync(process.argv[2]); const d = new TextDecoder(); let n = 0;`,
    `let end = b.length - 22; while (b.readUInt32LE(end) !== 0x06054b50) end--;`,
    `let at = b.readUInt32LE(end + 16);`,
    `for (let k = b.readUInt16LE(end + 10); k > 0; k--) {`,
    `  const c = b.readUInt32LE(at + 20), size = b.readUInt32LE(at + 24), nl = b.readUInt16LE(at + 28), local = b.readUInt32LE(at + 42);`,
    `  const name = b.toString('utf8', at + 46, at + 46 + nl), start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);`,
    `  if (b.readUInt16LE(at + 10) === 8 && (name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml')) {`,
    `    const s = d.decode(inflateRawSync(b.subarray(start, start + c), { chunkSize: Math.max(size + 1, 64) })); const re = /<(?:c|si)[\\s>]/g; while (re.exec(s)) n++;`,
    `  }`,
    `  at += 46 + nl + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);`,
    `}`,
    `console.log(n);`,
  ].join('\n'),
);
const proc = (args: string[]) => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(args[0]!, args.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(r.stderr);
    best = Math.min(best, performance.now() - t);
  }
  return best;
};
spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), '--build'], { cwd: root });
const floorProc = proc([process.execPath, floorScript, file20]);
const cli = proc(['npm', 'run', '--silent', 'cli', '--', 'import', file20]);
add({ what: 'CLI import process (npm run cli)', size: `${cliSize}`, ms: cli, floorMs: floorProc, budget: 'well inside 6× floor process', ok: cli <= 4 * floorProc });

let browserFigures: Awaited<ReturnType<typeof browserBench>> = [];
if (process.env.BENCH_BROWSER !== '0') {
  const n100k = SIZES.includes(100000) ? join(out, 'list-100000.xlsx') : undefined;
  browserFigures = await browserBench(root, { n20k: file20, n100k });
}

console.log('\n| what | rows | ms | floor ms | ratio | budget | ok |\n|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.what} | ${r.size} | ${r.ms.toFixed(0)} | ${r.floorMs?.toFixed(0) ?? ''} | ${r.floorMs ? `${(r.ms / r.floorMs).toFixed(2)}×` : ''} | ${r.budget} | ${r.ok === null ? '' : r.ok ? 'yes' : '**no**'} |`,
  );
}

if (browserFigures.length) {
  console.log('\n| in Chromium | rows | measured | budget | ok |\n|---|---|---|---|---|');
  for (const f of browserFigures) {
    const value = f.unit === '×' ? `${f.value.toFixed(2)}×` : `${f.value.toFixed(f.unit === 'ms' ? 0 : 1)} ${f.unit}`;
    const budget = f.budget === Infinity ? '(reference)' : `≤ ${f.budget}${f.unit === '×' ? '× floor' : ` ${f.unit}`}`;
    const ok = f.budget === Infinity ? '' : f.value <= f.budget ? 'yes' : '**no**';
    console.log(`| ${f.what} | ${f.size} | ${value} | ${budget} | ${ok} |${f.note ? ` ${f.note}` : ''}`);
  }
}
