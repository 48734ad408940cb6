import { expect, it } from 'vitest';
import { baseUrl, describeE2e, openWithSample, useBrowser } from './browser';
import { columnTexts, until } from './grid';

describeE2e('offline in Chromium', () => {
  const { newContext } = useBrowser();

  it('after the first visit, the app opens and shows the list with the network off', async () => {
    const context = await newContext();
    const { page, errors } = await openWithSample(context);
    const measures = await columnTexts(page, 'measure');
    // the service worker has cached the app once it is active
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    expect(await page.evaluate(() => fetch('./manifest.webmanifest').then((r) => r.json()).then((m) => m.short_name))).toBe('三清单');

    await context.setOffline(true);
    await page.reload();
    await until(() => columnTexts(page, 'measure'), measures);
    // and it keeps working offline: an import worker and the sample chunk load from the cache
    // the network is really off: a file the cache does not hold cannot be fetched (navigator.onLine is not emulated by
    // every Chromium build, so it proves nothing either way)
    expect(await page.evaluate(() => fetch(`./offline-probe-${Date.now()}.txt`, { cache: 'no-store' }).then((r) => `answered ${r.status}`, () => 'failed'))).toBe('failed');
    await context.setOffline(false);
    expect(page.url()).toBe(baseUrl);
    // the probe's own failure is the one error expected
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    expect(errors.length).toBeLessThanOrEqual(1);
    await context.close();
  });
});
