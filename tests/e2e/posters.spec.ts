import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { allSteps } from '../../src/lib/content/guide-steps.ts';
import { guideSchema } from '../../src/lib/schemas/guide.ts';
import { retiredCodesSchema } from '../../src/lib/schemas/retired-code.ts';
import { resolveShortLinks } from '../../src/lib/content/short-links.ts';
import { readGuideFiles, readJson } from '../support/content.ts';

/**
 * Printed QR posters, checked the way a team prints them and a citizen scans them: each poster
 * kind rendered in Chromium's print media on an A4 sheet (794 × 1123 CSS px), every QR code decoded
 * from a screenshot, each decoded URL opened. The build's SITE_URL is this server's origin (see
 * playwright.config.ts), so the codes must point here.
 */

// A4 at 96 CSS px per inch; a device pixel ratio of 2 is closer to a printer than to a screen.
test.use({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 });

const A4_HEIGHT_PX = 1123;

const guides = readGuideFiles().map((file) => ({ ...guideSchema.parse(file.frontmatter), slug: file.slug }));
const snapshot = JSON.parse(readFileSync(new URL('../unit/short-codes.snapshot.json', import.meta.url), 'utf8')) as {
  codes: Record<string, string>;
};

/** Screenshots one QR code and decodes it. */
async function decodeQr(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot());
  const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(result, 'the QR code could not be decoded from the screenshot').not.toBeNull();
  return result!.data;
}

/** Number of pages Chromium prints the current page on. */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/** Every poster sheet on the page: its content fits (nothing hidden by overflow). */
async function expectSheetsFit(page: Page) {
  const sheets = await page.locator('.app-poster').evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-poster-id'), scroll: el.scrollHeight, client: el.clientHeight, width: el.scrollWidth, clientWidth: el.clientWidth })),
  );
  expect(sheets.length).toBeGreaterThan(0);
  for (const sheet of sheets) {
    expect(sheet.client, `${sheet.id}: the sheet is one A4 page high`).toBeLessThanOrEqual(A4_HEIGHT_PX);
    expect(sheet.scroll, `${sheet.id}: content overflows the A4 sheet`).toBeLessThanOrEqual(sheet.client);
    expect(sheet.width, `${sheet.id}: content overflows the sheet's width`).toBeLessThanOrEqual(sheet.clientWidth);
  }
}

async function openAsPrinted(page: Page, path: string) {
  await page.emulateMedia({ media: 'print' });
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
}

/** Opens a decoded URL as a phone would and waits for where it lands. */
async function openScanned(page: Page, url: string) {
  await page.emulateMedia({ media: 'screen' });
  return page.goto(url);
}

test('guide poster: title, key steps, both QR codes decode and open the guide and the booking form', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const guide = guides.find((g) => g.code === 'vs4')!;
  await openAsPrinted(page, '/in/vssid/quen-mat-khau/');
  await test.info().attach('guide-poster.png', { body: await page.screenshot(), contentType: 'image/png' });

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(guide.title);
  const steps = page.locator('.app-poster__steps li');
  await expect(steps).toHaveCount(allSteps(guide).filter((s) => s.key).length);
  await expect(steps.first()).toHaveText(allSteps(guide).find((s) => s.key)!.title);
  await expect(page.locator('.app-poster')).toContainText(`${new URL(origin).host}/g/vs4/`);
  await expect(page.locator('.app-poster')).toContainText('Cần người giúp? Đặt lịch');

  const guideQr = page.locator('[data-qr="guide"]');
  const bookingQr = page.locator('[data-qr="booking"]');
  const guideUrl = await decodeQr(guideQr);
  const bookingUrl = await decodeQr(bookingQr);
  expect(guideUrl).toBe(`${origin}/g/vs4/?p=g-vs4`);
  expect(bookingUrl).toBe(`${origin}/dat-lich/?huong-dan=vs4&p=g-vs4`);
  // The big code is the big one.
  const [big, small] = [await guideQr.boundingBox(), await bookingQr.boundingBox()];
  expect(big!.width).toBeGreaterThan(small!.width * 1.8);
  expect(await printedPages(page)).toBe(1);
  await expectSheetsFit(page);

  // Scanning the big code: the short link opens the guide at once, and the scan is counted.
  const counted = page.waitForResponse((res) => res.url().endsWith('/rest/v1/rpc/record_poster_scan'));
  await openScanned(page, guideUrl);
  await page.waitForURL(`${origin}/vssid/quen-mat-khau/?p=g-vs4`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(guide.title);
  const response = await counted;
  expect(response.request().method()).toBe('POST');
  expect(response.request().postDataJSON()).toEqual({ poster: 'g-vs4' });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ counted: true });

  // Scanning the small code: the booking form with the guide preselected.
  const booking = await openScanned(page, bookingUrl);
  const landed = new URL(page.url());
  expect(landed.pathname).toBe('/dat-lich/');
  expect(landed.searchParams.get('huong-dan')).toBe('vs4');
  expect(landed.searchParams.get('p')).toBe('g-vs4');
  if (booking?.status() === 404) {
    // The booking form is built in another issue; until it lands, only the URL can be checked.
    test.info().annotations.push({ type: 'pending', description: '/dat-lich/ is not built yet' });
  } else {
    expect(booking?.status()).toBe(200);
  }
});

test('commune poster: headline, commune, booking QR with the commune preselected, most-asked guides', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await openAsPrinted(page, '/in/xa/ha-tu/');
  await test.info().attach('commune-poster.png', { body: await page.screenshot(), contentType: 'image/png' });

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tổ công nghệ số cộng đồng sẵn sàng hỗ trợ');
  await expect(page.locator('.app-poster__subtitle')).toHaveText('Phường Hà Tu');
  const popular = guides.filter((g) => g.popular && !g.replacedBy);
  const listed = page.locator('.app-poster__guides li');
  await expect(listed).toHaveCount(Math.min(popular.length, 6));
  for (const text of await listed.allTextContents()) {
    const code = /\/g\/([a-z0-9]+)\//.exec(text)?.[1];
    expect(popular.map((g) => g.code), text).toContain(code);
  }

  const qrs = page.locator('[data-qr]');
  await expect(qrs).toHaveCount(1);
  const bookingUrl = await decodeQr(qrs.first());
  expect(bookingUrl).toBe(`${origin}/dat-lich/?xa=ha-tu&p=x-ha-tu`);
  expect(await printedPages(page)).toBe(1);
  await expectSheetsFit(page);

  const counted = page.waitForResponse((res) => res.url().endsWith('/rest/v1/rpc/record_poster_scan'));
  const booking = await openScanned(page, bookingUrl);
  const landed = new URL(page.url());
  expect(landed.pathname).toBe('/dat-lich/');
  expect(landed.searchParams.get('xa')).toBe('ha-tu');
  expect(landed.searchParams.get('p')).toBe('x-ha-tu');
  if (booking?.status() === 404) {
    test.info().annotations.push({ type: 'pending', description: '/dat-lich/ is not built yet' });
  } else {
    expect(booking?.status()).toBe(200);
  }
  // Every page (the site's 404 included) carries the scan beacon, so the scan counts either way.
  expect(await (await counted).json()).toEqual({ counted: true });
});

test('the guide with the longest title still prints on exactly one A4 page', async ({ page }) => {
  const longest = guides.filter((g) => !g.replacedBy).sort((a, b) => b.title.length - a.title.length)[0];
  await openAsPrinted(page, `/in/${longest.platform}/${longest.slug}/`);
  await test.info().attach('longest-title.png', { body: await page.screenshot(), contentType: 'image/png' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(longest.title);
  await expectSheetsFit(page);
  expect(await printedPages(page)).toBe(1);
  expect(await decodeQr(page.locator('[data-qr="guide"]'))).toContain(`/g/${longest.code}/?p=g-${longest.code}`);
});

test('every guide and commune poster fits its A4 sheet', async ({ page }) => {
  // All of them measured at once on the combined print page, which copies each poster's sheet from
  // the poster's own page under the same stylesheet (ManyPosters.astro): one page load instead of
  // one per poster (issue 17). The sheet is a fixed A4 box styled by poster.css alone, so it lays out
  // the same there as on its own page (checked once for all 117 posters: the same scroll and client
  // sizes, element heights within 0.01 px).
  await page.goto('/in/');
  const posters = await page.locator('form li:has(input[type=checkbox])').evaluateAll((items) =>
    items.map((li) => {
      const box = li.querySelector('input')!;
      return { id: `${box.name}-${box.value}`, kind: box.name, key: box.value, path: li.querySelector('a[href^="/in/"]')!.getAttribute('href')! };
    }),
  );
  expect(posters.length).toBe(guides.filter((g) => !g.replacedBy).length + 54);

  // Every poster's own page is the one fetched, and answers.
  const fetched = new Map<string, number>();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.request().resourceType() === 'fetch') fetched.set(pathname, response.status());
  });
  await page.emulateMedia({ media: 'print' });
  const keys = (kind: string) => posters.filter((p) => p.kind === kind).map((p) => p.key).join(',');
  await page.goto(`/in/nhieu/?g=${keys('g')}&x=${keys('x')}`);
  await expect(page.locator('[data-many-posters]')).toHaveAttribute('data-ready', String(posters.length), { timeout: 60_000 });
  expect(Object.fromEntries(fetched)).toEqual(Object.fromEntries(posters.map((p) => [p.path, 200])));
  expect(await page.locator('.app-poster').evaluateAll((els) => els.map((el) => el.getAttribute('data-poster-id')))).toEqual(
    posters.map((p) => p.id),
  );
  await expectSheetsFit(page);
});

test('poster index: tick guides and a commune, print them together, one poster per page', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await page.goto('/in/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await page.getByRole('checkbox', { name: guides.find((g) => g.code === 'vs4')!.title }).check();
  await page.getByRole('checkbox', { name: guides.find((g) => g.code === 'tx3')!.title }).check();
  await page.getByRole('checkbox', { name: 'Phường Hà Tu' }).check();
  await expect(page.getByRole('status')).toHaveText('Đã chọn 3 áp phích.');
  await page.getByRole('button', { name: 'Xem và in các áp phích đã chọn' }).click();

  await page.waitForURL(/\/in\/nhieu\/\?/);
  await expect(page.locator('[data-many-status]')).toHaveText('Đã sẵn sàng 3 áp phích, mỗi áp phích một trang A4.');
  await expect(page.locator('.app-poster')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'In tất cả' })).toBeVisible();
  expect(await page.locator('.app-poster').evaluateAll((els) => els.map((el) => el.getAttribute('data-poster-id')))).toEqual([
    'g-vs4',
    'g-tx3',
    'x-ha-tu',
  ]);

  await page.emulateMedia({ media: 'print' });
  await test.info().attach('many-posters.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  expect(await printedPages(page)).toBe(3);
  await expectSheetsFit(page);
  const qrs = page.locator('[data-qr]');
  await expect(qrs).toHaveCount(5);
  const decoded = [];
  for (const qr of await qrs.all()) {
    await qr.scrollIntoViewIfNeeded();
    const url = await decodeQr(qr);
    expect(url).toBe(await qr.getAttribute('data-qr-url'));
    decoded.push(url);
  }
  expect(decoded).toEqual([
    `${origin}/g/vs4/?p=g-vs4`,
    `${origin}/dat-lich/?huong-dan=vs4&p=g-vs4`,
    `${origin}/g/tx3/?p=g-tx3`,
    `${origin}/dat-lich/?huong-dan=tx3&p=g-tx3`,
    `${origin}/dat-lich/?xa=ha-tu&p=x-ha-tu`,
  ]);
});

test('the combined print page also takes comma lists and reports codes it does not know', async ({ page }) => {
  await page.goto('/in/nhieu/?g=vs4,khong1&x=co-to');
  await expect(page.locator('[data-many-status]')).toHaveText(
    'Đã sẵn sàng 2 áp phích, mỗi áp phích một trang A4. Không có áp phích cho: khong1.',
  );
  await expect(page.locator('.app-poster')).toHaveCount(2);
});

test('every short code ever printed answers with a page that leads to the right place', async ({ request }) => {
  const retired = retiredCodesSchema.parse(readJson('retired-codes.json'));
  const expected = new Map(
    resolveShortLinks(
      guides.map((g) => ({ code: g.code, platform: g.platform, slug: g.slug, replacedBy: g.replacedBy })),
      retired,
    ).map((link) => [link.code, link.target]),
  );
  for (const code of Object.keys(snapshot.codes)) {
    const response = await request.get(`/g/${code}/`);
    expect(response.status(), code).toBe(200);
    const html = await response.text();
    expect(html, code).toContain(`<a href="${expected.get(code)}" data-short-link-target>`);
    // And the page it leads to exists.
    expect((await request.get(expected.get(code)!)).status(), `${code} → ${expected.get(code)}`).toBe(200);
  }
});

test('a short link works without JavaScript too', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/g/vs4/?p=g-vs4');
  await page.waitForURL('**/vssid/quen-mat-khau/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(guides.find((g) => g.code === 'vs4')!.title);
  await context.close();
});

test('a scan is counted once per tab, and never without a poster id', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/rpc/record_poster_scan')) calls.push(req.postData() ?? '');
  });
  await page.goto('/vssid/the-bhyt/');
  await page.waitForLoadState('load');
  await page.goto('/vssid/the-bhyt/?p=g-vs5');
  await expect.poll(() => calls.length).toBe(1);
  await page.reload();
  await page.waitForLoadState('load');
  await page.goto('/vssid/the-bhyt/?p=not-a-poster');
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  expect(calls).toEqual([JSON.stringify({ poster: 'g-vs5' })]);
});

for (const path of ['/in/', '/in/vssid/quen-mat-khau/', '/in/xa/ha-tu/', '/in/nhieu/?g=vs4&x=ha-tu']) {
  test(`axe finds no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    if (path.startsWith('/in/nhieu/')) await expect(page.locator('.app-poster')).toHaveCount(2);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
}
