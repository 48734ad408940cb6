// Renders the app with the sample list in headless Chromium and saves a PNG: the README screenshot, and a way to look
// at the UI after a change. Usage: npm run build && npm run screenshot -- [out.png]
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const out = process.argv[2] ?? 'public/screenshot.png';
const server = await preview({ preview: { port: 4179, host: '127.0.0.1', strictPort: true }, logLevel: 'error' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto('http://127.0.0.1:4179/');
  await page.getByTestId('open-sample').click();
  await page.locator('.ag-row').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
