import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const GUIDE = '/vssid/quen-mat-khau/';

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a guide shows numbered steps with anchors, prerequisites, problems and help links', async ({ page }) => {
    await page.goto(GUIDE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quên mật khẩu VssID: các cách lấy lại');
    const steps = page.locator('ol.app-steps > li');
    expect(await steps.count()).toBeGreaterThanOrEqual(2);
    // The guide offers ways: "Chọn một cách", then "Cách 1: …" with "Dùng khi: …", each way's
    // steps numbered from 1 (h4 under the way's h3); anchors count steps across the whole guide.
    await expect(page.getByRole('heading', { level: 2, name: 'Chọn một cách' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /^Cách 1: / })).toBeVisible();
    await expect(page.getByText(/^Dùng khi: /).first()).toBeVisible();
    // Step headings carry their number for screen readers ("Bước 3: …").
    await expect(page.locator('#buoc-3 h4')).toHaveText(/^Bước 3\s*:/);
    await expect(page.locator('#buoc-7 h4')).toHaveText(/^Bước 2\s*:/);
    await expect(page.locator('#buoc-7').getByRole('link', { name: /Bị vướng ở bước này\? Nhờ tổ công nghệ số giúp cách 2, bước 2/ })).toHaveAttribute(
      'href',
      '/dat-lich/?huong-dan=vs4&buoc=7',
    );
    // Numbers are links, written in groups.
    await expect(page.locator('a[href="tel:19009068"]').first()).toHaveText('1900 9068');
    await expect(page.locator('a[href="sms:8079"]').first()).toHaveText('8079');
    // The first use of a glossary term links to its meaning at the bottom of the page, once.
    await expect(page.locator('a.app-term[href="#tu-otp"]')).toHaveCount(1);
    await page.locator('a.app-term[href="#tu-otp"]').click();
    await expect(page.locator('#tu-otp')).toBeInViewport();
    await expect(page.locator('#tu-otp')).toContainText('Mã số dùng một lần');
    // Each step links to booking with the guide and the step preselected.
    await expect(page.locator('#buoc-2').getByRole('link', { name: /Bị vướng ở bước này\?/ })).toHaveAttribute(
      'href',
      '/dat-lich/?huong-dan=vs4&buoc=2',
    );
    await expect(page.getByRole('link', { name: 'Đặt lịch để tổ công nghệ số hỗ trợ' })).toHaveAttribute(
      'href',
      '/dat-lich/?huong-dan=vs4',
    );
    await expect(page.getByText(/Nội dung viết ngày \d\d\/\d\d\/\d{4}, theo các nguồn bên dưới/)).toBeVisible();
    // Plain statements for citizens; what the guide was checked against stays in the frontmatter.
    await expect(page.locator('main')).not.toContainText(/đối chiếu|Ghi chú nghiên cứu|dự án chưa kiểm chứng/);
    // Nothing overflows the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('the text size control enlarges text and remembers the choice', async ({ page }) => {
    await page.goto(GUIDE);
    const body = page.locator('.app-step__body').first();
    const before = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.getByRole('button', { name: /Chữ rất to/ }).click();
    const after = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThan(before * 1.4);
    await page.goto('/vneid/');
    await expect(page.getByRole('button', { name: /Chữ rất to/ })).toHaveAttribute('aria-pressed', 'true');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('a guide reads with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(GUIDE);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#buoc-1')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lỗi thường gặp và cách xử lý' })).toBeVisible();
  // Enhancements that need scripts stay out of the way.
  await expect(page.getByRole('button', { name: 'In hướng dẫn' })).toBeHidden();
  await context.close();
});

test('print shows clean numbered steps, the short link and a QR code, without navigation', async ({ page }) => {
  await page.goto(GUIDE);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#buoc-1')).toBeVisible();
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(page.locator('footer.app-footer')).toBeHidden();
  await expect(page.getByRole('link', { name: /Bị vướng ở bước này/ }).first()).toBeHidden();
  const qr = page.locator('.app-print-qr svg');
  await expect(qr).toBeVisible();
  await expect(page.locator('.app-print-qr')).toContainText('/g/vs4/');
});

test('an opened guide reloads offline', async ({ page, context }) => {
  await page.goto(GUIDE);
  // Wait until the service worker keeps this page.
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 15_000 })
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quên mật khẩu VssID: các cách lấy lại');
  await expect(page.getByText('Bạn đang không có mạng.')).toBeVisible();
  await context.setOffline(false);
});

test('keyboard users can reach a guide from the home page', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: /^VssID \d+ hướng dẫn$/ });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/vssid\/$/);
});

for (const path of ['/', '/vssid/', GUIDE, '/huong-dan/', '/tim-kiem/?q=vneid']) {
  test(`axe finds no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    if (path.startsWith('/tim-kiem/')) await page.locator('.app-result').first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the guide index filters by platform', async ({ page }) => {
  await page.goto('/huong-dan/');
  await page.getByRole('link', { name: 'eTax Mobile', exact: true }).first().click();
  await expect(page.locator('[data-platform-section="etax"]')).toBeVisible();
  await expect(page.locator('[data-platform-section="vssid"]')).toBeHidden();
  await expect(page).toHaveURL(/#etax$/);
});

test('pages carry titles, descriptions, canonical URLs and Open Graph; robots and sitemap exist', async ({ page, request }) => {
  await page.goto(GUIDE);
  await expect(page).toHaveTitle('Quên mật khẩu VssID: các cách lấy lại – Trợ giúp số Quảng Ninh');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{20,}/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/vssid\/quen-mat-khau\/$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Quên mật khẩu VssID/);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: http.*\/sitemap-index\.xml/);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/vssid/quen-mat-khau/');
  expect(sitemap).not.toContain('/tim-kiem/');
});

test('at 320 px and 200 % text nothing needs sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.addInitScript(() => localStorage.setItem('app-text-scale', '2'));
  for (const path of [GUIDE, '/', '/huong-dan/', '/vneid/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test.describe('"Nghe hướng dẫn"', () => {
  const fakeVoices = (langs: string[]) => {
    // Replace the device's voices, so the test does not depend on what this machine has installed.
    Object.defineProperty(SpeechSynthesis.prototype, 'getVoices', {
      configurable: true,
      value: () => langs.map((lang) => ({ lang, name: lang, default: false, localService: true, voiceURI: lang })),
    });
  };

  test('is offered when the device has a Vietnamese voice', async ({ page }) => {
    await page.addInitScript(fakeVoices, ['en-US', 'vi-VN']);
    await page.goto(GUIDE);
    await expect(page.getByRole('button', { name: 'Nghe hướng dẫn' })).toBeVisible();
  });

  test('is hidden when no Vietnamese voice exists', async ({ page }) => {
    await page.addInitScript(fakeVoices, ['en-US', 'fr-FR']);
    await page.goto(GUIDE);
    await expect(page.getByRole('button', { name: 'In hướng dẫn' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nghe hướng dẫn' })).toBeHidden();
  });
});

test('buttons and navigation links are at least 44 px tall on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', GUIDE, '/vssid/', '/huong-dan/']) {
    await page.goto(path);
    const small = await page
      .locator('button:visible, .app-button:visible, nav a:visible, .app-card__title a:visible, .app-step__stuck a:visible, .app-tile a:visible')
      .evaluateAll((els) =>
        els
          .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 30), height: el.getBoundingClientRect().height }))
          .filter((target) => target.height < 44),
      );
    expect(small, path).toEqual([]);
  }
});
