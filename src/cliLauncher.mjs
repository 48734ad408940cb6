// Starts the CLI (src/cli.ts) from a bundle built with Vite, so that no TypeScript is compiled at each start: the
// import of a 20,000-row workbook is measured with start-up included. The bundle is built on `npm ci` (prepare) and
// rebuilt here whenever a source file is newer than it. `--build` only builds.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'sanqingdan-cli');
const bundle = join(outDir, 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function buildBundle() {
  const { build } = await import('vite');
  const tmp = `${outDir}.${process.pid}`;
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'error',
    root,
    build: { ssr: join(root, 'src/cli.ts'), outDir: tmp, emptyOutDir: true, target: 'node20', rollupOptions: { output: { entryFileNames: 'cli.mjs' } } },
  });
  mkdirSync(dirname(outDir), { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir); // whole-folder swap: a concurrent run never sees half a bundle
}

// a failure to build or load the bundle is one line on stderr too, never a stack trace (the CLI's own contract)
try {
  const stale = !existsSync(bundle) || newestSource(join(root, 'src')) > statSync(bundle).mtimeMs;
  if (stale) await buildBundle();
  if (process.argv[2] !== '--build') await import(pathToFileURL(bundle).href);
} catch (e) {
  process.stderr.write(`三清单命令行无法启动：${String(e instanceof Error ? e.message : e).replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}
