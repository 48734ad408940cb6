import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject, describe } from 'vitest';
import { cell } from './grid';

/**
 * One headless Chromium per test file. Each test gets a fresh context (its own empty IndexedDB); pages in one context
 * share the database, like two tabs of one browser.
 */
export const chromiumPath = inject('chromium');
export const baseUrl = inject('baseUrl');

/** describe() that is skipped, loudly, when global setup found no Chromium (never under CI: setup fails there). */
export const describeE2e = chromiumPath ? describe : describe.skip;

let browser: Browser | null = null;

export function useBrowser(): { newContext: () => Promise<BrowserContext> } {
  beforeAll(async () => {
    if (!chromiumPath) return;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });
  return {
    newContext: async () => {
      const context = await browser!.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
      return context;
    },
  };
}

/** Opens the app and fails the test on any page error or AG Grid error in the console. */
export async function openApp(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(`console: ${m.text()}`);
  });
  await page.goto(baseUrl);
  await page.locator('main').waitFor();
  return { page, errors };
}

/** Opens the app with the sample list shown (the start of most tests). */
export async function openWithSample(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(context);
  await opened.page.getByTestId('open-sample').click();
  await cell(opened.page, 0, 'measure').waitFor();
  return opened;
}
