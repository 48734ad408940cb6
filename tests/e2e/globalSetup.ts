import { existsSync } from 'node:fs';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string | null;
  }
}

/**
 * Builds the app as users get it and serves it on loopback for the browser tests. Without Chromium the tests cannot
 * run: under CI that is a failure, locally a loud skip notice.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    const message = `Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium" (or set CHROMIUM_PATH).`;
    if (process.env.CI === 'true') throw new Error(`${message} End-to-end tests cannot run under CI without it.`);
    console.warn(`\n*** SKIPPING END-TO-END TESTS: ${message} ***\n`);
    project.provide('chromium', null);
    project.provide('baseUrl', '');
    return;
  }
  // test what users get: a production build (vitest's NODE_ENV=test would otherwise bundle React's development build)
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'warn', mode: 'production', build: { outDir: 'dist' } });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('chromium', CHROMIUM);
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
  };
}
