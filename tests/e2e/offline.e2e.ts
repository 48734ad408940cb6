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
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await context.setOffline(false);
    expect(page.url()).toBe(baseUrl);
    expect(errors).toEqual([]);
    await context.close();
  });
});
