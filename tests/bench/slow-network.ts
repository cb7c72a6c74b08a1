/**
 * A cheap phone on a slow network: about 400 kbps down and 400 ms round trip, cold cache. Time until a
 * guide's first step is readable, and until the booking form is usable (its island hydrated).
 */
import { launchChromium, ms, table, withSiteStack, type BenchSection } from './bench-kit.ts';

export const PROFILE = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (200 * 1024) / 8,
};

export async function run(): Promise<BenchSection> {
  return withSiteStack(async (stack) => {
    const browser = await launchChromium();
    const measure = async (path: string, ready: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', PROFILE);
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        const start = Date.now();
        await page.goto(`${stack.url}${path}`, { waitUntil: 'commit' });
        await page.locator(ready).first().waitFor({ state: 'visible', timeout: 120_000 });
        samples.push(Date.now() - start);
        await context.close();
      }
      return samples.sort((a, b) => a - b)[1];
    };
    const rows = [
      ['guide: first step readable', '/vssid/quen-mat-khau/', ms(await measure('/vssid/quen-mat-khau/', '#buoc-1'))],
      ['booking: form usable', '/dat-lich/', ms(await measure('/dat-lich/', 'form[data-ready="true"], form[data-hydrated], astro-island:not([ssr]) form'))],
      ['home: search box visible', '/', ms(await measure('/', '#home-search'))],
    ];
    await browser.close();
    return {
      title: 'Slow network (400 kbps, 400 ms RTT, cold cache)',
      body: `${table(['what', 'page', 'median of 3'], rows)}\n\nChromium network emulation through the DevTools protocol, 360 × 740 viewport, service worker blocked so every run is cold.`,
    };
  });
}
