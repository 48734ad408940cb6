import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './src/pwa/serviceWorkerSource.ts';
import { defineConfig } from 'vitest/config';

/**
 * A strict Content-Security-Policy for the built app: scripts, workers and connections only from the app's own origin,
 * no plugins, no remote anything, so injected content cannot load code or send data away. Styles may be inline
 * because AG Grid injects its theme as <style> elements. Only in builds: the dev server needs inline scripts.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'sanqingdan-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
});

/** Emits sw.js listing every built file (chunks, assets, public/), versioned by their names' hash. */
const serviceWorker = (): Plugin => ({
  name: 'sanqingdan-service-worker',
  apply: 'build',
  generateBundle(_options, bundle) {
    const publicFiles = readdirSync('public').filter((f) => !f.endsWith('.png') || f.startsWith('icon'));
    const files = ['./', './index.html', ...publicFiles.map((f) => `./${f}`), ...Object.keys(bundle).map((f) => `./${f}`)];
    const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
    this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(version, [...new Set(files)]) });
  },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
  // relative asset paths: the built app works from any folder a school puts it in
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // one browser at a time: the machine has 2 cores, and the tests share one preview server
          fileParallelism: false,
        },
      },
    ],
  },
});
