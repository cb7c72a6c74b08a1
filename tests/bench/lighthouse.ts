/** Lighthouse mobile scores (npm `lighthouse` driving the system Chromium). */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM, table, withSiteStack, type BenchSection } from './bench-kit.ts';

const PAGES: [string, string][] = [
  ['home', '/'],
  ['guide', '/vssid/quen-mat-khau/'],
  ['search', '/tim-kiem/?q=quen%20mat%20khau'],
  ['booking', '/dat-lich/'],
  ['status', '/tra-cuu/'],
];

export async function run(): Promise<BenchSection> {
  return withSiteStack(async (stack) => {
    const chrome = await chromeLauncher.launch({
      chromePath: SYSTEM_CHROMIUM,
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    });
    const rows: (string | number)[][] = [];
    try {
      for (const [name, path] of PAGES) {
        const result = await lighthouse(`${stack.url}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const categories = result?.lhr.categories ?? {};
        const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
        const audits = result?.lhr.audits ?? {};
        rows.push([
          name,
          score('performance'),
          score('accessibility'),
          score('best-practices'),
          score('seo'),
          audits['first-contentful-paint']?.displayValue ?? '',
          audits['largest-contentful-paint']?.displayValue ?? '',
          audits['total-blocking-time']?.displayValue ?? '',
        ]);
      }
    } finally {
      chrome.kill();
    }
    return {
      title: 'Lighthouse (mobile, simulated slow 4G)',
      body: `${table(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT'], rows)}\n\nTargets: guides ≥ 95 performance and 100 accessibility. Served by the local stack (gzip, no CDN, HTTP/1.1 on loopback); the booking and status pages load React, zod and supabase-js.`,
    };
  });
}
