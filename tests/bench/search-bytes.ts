/** Pagefind bytes downloaded for the first search and for a later, different one. */
import { gzipSync } from 'node:zlib';
import { kB, launchChromium, table, withSiteStack, type BenchSection } from './bench-kit.ts';

export async function run(): Promise<BenchSection> {
  return withSiteStack(async (stack) => {
    const browser = await launchChromium();
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/pagefind/')) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      // Text files as a CDN would gzip them; Pagefind's index and WebAssembly are already compressed.
      bytes += /\.(js|json|css)$/.test(url.pathname) ? gzipSync(body, { level: 9 }).length : body.length;
    });
    const rows: (string | number)[][] = [];
    for (const [label, query] of [
      ['first search', 'quen mat khau vssid'],
      ['later search', 'nop thue dat'],
      ['third search', 'lua dao goi dien'],
    ]) {
      const before = bytes;
      if (label === 'first search') await page.goto(`${stack.url}/tim-kiem/?q=${encodeURIComponent(query)}`);
      else {
        await page.getByRole('searchbox').fill(query);
        await page.getByRole('searchbox').press('Enter');
      }
      await page.locator('.app-result').first().waitFor();
      await page.waitForLoadState('networkidle');
      rows.push([label, `\`${query}\``, kB(bytes - before)]);
    }
    await browser.close();
    return {
      title: 'Search: bytes downloaded',
      body: `${table(['query', 'text', 'Pagefind bytes'], rows)}\n\nBudget: first search ≤ 150 kB (enforced in tests/e2e/budgets.spec.ts).`,
    };
  });
}
