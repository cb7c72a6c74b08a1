import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, expect, test } from '@playwright/test';
import { BUDGETS, guidePagePaths, weighPage } from '../support/page-weight.ts';
import { E2E_DIST, ROOT } from './e2e-env.ts';

/**
 * Size budgets on the production build the e2e server serves (deterministic sizes, not times).
 * A breach fails with the page and the figure.
 */
const dist = path.join(ROOT, E2E_DIST);

const guidePages = () => guidePagePaths(dist);

test('every guide page stays within 15 kB of HTML and 15 kB of CSS, compressed', async () => {
  const pages = guidePages();
  expect(pages.length).toBeGreaterThanOrEqual(30);
  const over = pages
    .map((page) => weighPage(dist, page))
    .flatMap((w) => [
      ...(w.html > BUDGETS.guideHtml ? [`${w.page}: HTML ${w.html} B > ${BUDGETS.guideHtml} B`] : []),
      ...(w.css > BUDGETS.guideCss ? [`${w.page}: CSS ${w.css} B > ${BUDGETS.guideCss} B`] : []),
    ]);
  expect(over).toEqual([]);
});

test('reading a guide needs no JavaScript up front', async () => {
  const heavy = guidePages()
    .map((page) => weighPage(dist, page))
    .filter((w) => w.js > 0)
    .map((w) => `${w.page}: ${w.js} B of JS loaded before any interaction`);
  // Small enhancement scripts (print, listen, feedback, text size) are allowed, but no framework.
  const budget = 8 * 1024;
  expect(heavy.filter((line) => Number(line.match(/: (\d+) B/)![1]) > budget)).toEqual([]);
});

/**
 * What a cold view of a static page transfers, with what loads after the page load, counted as the
 * peer bench counts (tests/bench/peer.ts): a fresh context, service workers blocked (Starlight has
 * none; ours keeps pages for offline reading), Playwright's request sizes (body as sent, gzip, plus
 * headers) until the page's public read is answered and the network is idle.
 */
async function coldView(browser: Browser, url: string, rpc: string): Promise<{ bytes: number; described: string }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const files: { path: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        files.push({ path: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
      }),
    );
  });
  const answered = page.waitForResponse((response) => response.url().includes(`/rest/v1/rpc/${rpc}`));
  await page.goto(url);
  expect((await answered).ok()).toBe(true);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  return { bytes, described: `${bytes} B (${files.map((file) => `${file.path} ${file.bytes}`).join(', ')})` };
}

test('a cold guide view transfers at most 28 kB, with what loads after the page load', async ({ browser, baseURL }) => {
  // Issue 17: the confirmation stamp used to fetch supabase-js and zod once the page had loaded,
  // 84.7 kB in all (Starlight's same guide: 54.0 kB); read through readPublic (postgrest-js, no zod)
  // it is 26.3 kB.
  const { bytes, described } = await coldView(browser, `${baseURL}/vssid/quen-mat-khau/`, 'guide_confirmation_stamp');
  test.info().annotations.push({ type: 'cold guide view bytes', description: described });
  expect(bytes, `a cold guide view transferred ${described}`).toBeLessThanOrEqual(28 * 1024);
});

test('a cold commune page view transfers at most 33 kB, with its teams and sessions read after the load', async ({ browser, baseURL }) => {
  // Issue 17: the teams and sessions used to be read through supabase-js and zod once the page had
  // loaded, 91.5 kB in all; through readPublic (postgrest-js, no zod) it is 31.6 kB.
  const { bytes, described } = await coldView(browser, `${baseURL}/xa/bai-chay/`, 'commune_public_info');
  test.info().annotations.push({ type: 'cold commune page bytes', description: described });
  expect(bytes, `a cold commune page view transferred ${described}`).toBeLessThanOrEqual(33 * 1024);
});

test('the first search downloads at most 86 kB, the page and Pagefind together', async ({ page, baseURL }) => {
  // Bytes over the wire on a normal host: text files (HTML, JS, JSON, CSS) gzip-compressed as any CDN
  // serves them; Pagefind's index, fragments and WebAssembly are already compressed and count as they
  // are. Issue 17's target is 100 kB: measured 84.2 kB (Pagefind 73.2 kB, of which its WebAssembly
  // alone is 55.4 kB; the index comes in small chunks, so a query downloads ~2.5 kB of it), held here
  // with ~2 kB for new guides so it cannot regress.
  let bytes = 0;
  let pagefindBytes = 0;
  const files: string[] = [];
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.origin !== new URL(baseURL!).origin) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    const size = /(\.(js|json|css|html|svg)|\/)$/.test(url.pathname) ? gzipSync(body, { level: 9 }).length : body.length;
    bytes += size;
    if (url.pathname.startsWith('/pagefind/')) pagefindBytes += size;
    files.push(`${url.pathname} ${size}`);
  });
  await page.goto('/tim-kiem/?q=quen%20mat%20khau');
  await page.locator('.app-result').first().waitFor();
  await page.waitForLoadState('networkidle');
  const described = `${bytes} B, Pagefind ${pagefindBytes} B (${files.join(', ')})`;
  test.info().annotations.push({ type: 'first search bytes', description: described });
  expect(pagefindBytes).toBeGreaterThan(0);
  expect(bytes, `first search downloaded ${described}`).toBeLessThanOrEqual(86 * 1024);
});

/** "page: 1234 B of JS (file 600, file 400, …)": what a failure prints, so the cause is visible. */
const describeJs = (weight: ReturnType<typeof weighPage>) =>
  `${weight.page}: ${weight.js} B of JS up front, ${weight.framework} B of it React's runtime (${weight.files
    .map((file) => `${file.url} ${file.bytes}`)
    .join(', ')})`;

test('the team workspace loads at most 84 kB of JavaScript up front, compressed', async () => {
  const weight = weighPage(dist, 'doi/index.html');
  expect(weight.js, describeJs(weight)).toBeLessThanOrEqual(BUDGETS.workspaceJs);
});

test('the admin workspace loads at most 88 kB of JavaScript up front, compressed', async () => {
  // Signed out it needs React and the sign-in form only: the panels come after sign-in.
  const weight = weighPage(dist, 'quan-tri/index.html');
  expect(weight.js, describeJs(weight)).toBeLessThanOrEqual(BUDGETS.adminJs);
});

test('the booking island loads at most 60 kB of its own JavaScript up front, compressed', async () => {
  // React's runtime is shared by every island and cached from page to page; on its own it is about
  // 68 kB, more than this budget, so it is held by the page budget below instead.
  const weight = weighPage(dist, 'dat-lich/index.html');
  expect(weight.framework, describeJs(weight)).toBeGreaterThan(0);
  expect(weight.js - weight.framework, describeJs(weight)).toBeLessThanOrEqual(BUDGETS.bookingJs);
});

test('the booking and status pages load at most 105 kB of JavaScript up front in all, compressed', async () => {
  for (const page of ['dat-lich/index.html', 'tra-cuu/index.html']) {
    const weight = weighPage(dist, page);
    expect(weight.js, describeJs(weight)).toBeLessThanOrEqual(BUDGETS.bookingPageJs);
  }
});

test('the home page loads no framework: its live figures fetch their public read only when seen', async () => {
  const weight = weighPage(dist, 'index.html');
  expect(weight.framework, describeJs(weight)).toBe(0);
  expect(weight.js, describeJs(weight)).toBeLessThanOrEqual(8 * 1024);
});

test.describe('on a phone, pages do not jump while their scripts load (cumulative layout shift < 0.1)', () => {
  test.use({ viewport: { width: 412, height: 823 } });
  const pages: [string, string][] = [
    ['/dat-lich/', 'form'],
    ['/tra-cuu/', 'form'],
    ['/tim-kiem/?q=quen%20mat%20khau', '.app-result'],
    ['/vssid/quen-mat-khau/', 'h1'],
  ];
  for (const [url, ready] of pages) {
    test(url, async ({ page }) => {
      // Sum every layout shift not caused by the user, as Lighthouse's CLS does.
      await page.addInitScript(() => {
        (window as unknown as { cls: number }).cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
      expect(cls, `${url}: cumulative layout shift ${cls.toFixed(3)}`).toBeLessThan(0.1);
    });
  }
});
