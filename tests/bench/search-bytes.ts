/** Bytes downloaded for the first search (the page and Pagefind) and for later, different ones. */
import { gzipSync } from 'node:zlib';
import { kB, launchChromium, table, withSiteStack, type BenchSection } from './bench-kit.ts';

export async function run(): Promise<BenchSection> {
  return withSiteStack(async (stack) => {
    const browser = await launchChromium();
    const page = await browser.newPage();
    let bytes = 0;
    let pageBytes = 0;
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.origin !== new URL(stack.url).origin) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      // Text files as a CDN would gzip them; Pagefind's index and WebAssembly are already compressed.
      const size = /(\.(js|json|css|html|svg)|\/)$/.test(url.pathname) ? gzipSync(body, { level: 9 }).length : body.length;
      if (url.pathname.startsWith('/pagefind/')) bytes += size;
      else pageBytes += size;
    });
    const rows: (string | number)[][] = [];
    let firstTotal = 0;
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
      if (label === 'first search') firstTotal = bytes - before + pageBytes;
      rows.push([label, `\`${query}\``, kB(bytes - before), label === 'first search' ? kB(firstTotal) : '']);
    }
    await browser.close();
    return {
      title: 'Search: bytes downloaded',
      body: `${table(['query', 'text', 'Pagefind bytes', 'with the page'], rows)}\n\nTarget: first search ≤ 100 kB, the page and Pagefind together. Budget: ≤ 86 kB for \`quen mat khau\` (enforced in tests/e2e/budgets.spec.ts). Pagefind runs without its web worker and its pagefind.js is minified at build; guides are indexed by their title and folded search words (not the whole page); the index is cut into chunks of 500 word locations, so a search downloads one small chunk per word, not the whole index; 5 results are fetched.`,
      targets: [
        {
          id: 'first-search-bytes',
          target: 'first search ≤ 100 kB (page + Pagefind)',
          figure: kB(firstTotal),
          met: firstTotal <= 100 * 1024,
        },
      ],
    };
  });
}
