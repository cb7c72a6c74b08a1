import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_PORT } from './e2e-env.ts';

/**
 * Usability fixes of issue 16 on static pages (posters, the about page, large text, dark scheme,
 * guide anchors), checked in Chromium against the production build the e2e server serves. The
 * build's SITE_URL is http://localhost:<E2E_PORT> (playwright.config.ts).
 */

const PHONE = { width: 360, height: 740 };
const POSTER = '/in/vssid/quen-mat-khau/';

test.describe('printed origin warning (point 14)', () => {
  test('a poster built for localhost says so before printing', async ({ page }) => {
    await page.goto(POSTER);
    const warning = page.getByTestId('origin-warning');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(`localhost:${E2E_PORT}`);
    await expect(warning).toContainText('chỉ mở được trên máy tính này');
    // Never printed.
    await page.emulateMedia({ media: 'print' });
    await expect(warning).toBeHidden();
  });

  test('a poster opened from another origin than the one it prints says so, on the index too', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${E2E_PORT}${POSTER}`);
    const warning = page.getByTestId('origin-warning');
    await expect(warning).toContainText(`khác với địa chỉ trang bạn đang xem (127.0.0.1:${E2E_PORT})`);
    await page.goto(`http://127.0.0.1:${E2E_PORT}/in/`);
    await expect(page.getByTestId('origin-warning')).toContainText(`localhost:${E2E_PORT}`);
  });
});

test.describe('poster on a phone screen (point 22)', () => {
  test.use({ viewport: PHONE });
  test('the A4 sheet is scaled to the screen width, and printed at full size', async ({ page }) => {
    await page.goto(POSTER);
    const sheet = page.locator('.app-poster').first();
    await expect(sheet).toBeVisible();
    const box = (await sheet.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.emulateMedia({ media: 'print' });
    // 210 mm at 96 px per inch.
    expect(Math.round(await sheet.evaluate((el) => el.getBoundingClientRect().width))).toBe(794);
  });
});

test('the about page, linked from every footer, says who runs the portal and how to report a problem (point 16)', async ({ page }) => {
  await page.goto('/huong-dan/');
  await page.locator('footer').getByRole('link', { name: 'Giới thiệu' }).click();
  await expect(page).toHaveURL(/\/gioi-thieu\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giới thiệu Trợ giúp số Quảng Ninh');
  const main = page.locator('main');
  await expect(main).toContainText('dự án mã nguồn mở');
  await expect(main).toContainText('tổ công nghệ số cộng đồng');
  await expect(main).toContainText('không phải trang của cơ quan nhà nước');
  await expect(main).toContainText('không thay thế các kênh chính thức');
  await expect(main.getByRole('heading', { name: 'Báo lỗi hoặc góp ý' })).toBeVisible();
  await expect(main.getByRole('link', { name: /quyền riêng tư/i })).toHaveAttribute('href', '/quyen-rieng-tu/');
  // No invented hotline or address.
  await expect(main.locator('a[href^="tel:"], a[href^="mailto:"], a[href^="http"]')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a guide\'s time and audience are separated by a spaced dot (point 22)', async ({ page }) => {
  await page.goto('/vssid/quen-mat-khau/');
  await expect(page.locator('.app-guide__meta')).toHaveText(/^Khoảng \d+ phút · Dành cho: /);
});

test.describe('admin workspace on a desktop (point 21)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test('uses the width of the screen, under an admin header instead of the citizen one', async ({ page }) => {
    await page.goto('/quan-tri/');
    const main = (await page.locator('main').boundingBox())!;
    expect(main.width).toBeGreaterThanOrEqual(1100);
    const header = page.locator('body > header');
    await expect(header).toContainText('Quản trị');
    await expect(header.getByRole('link', { name: 'Đặt lịch hỗ trợ' })).toHaveCount(0);
    await expect(page.locator('#site-search')).toHaveCount(0);
    await expect(header.getByRole('link', { name: 'Trang làm việc của tổ' })).toHaveAttribute('href', '/doi/');
  });
});

/** Large text: the site's "A++" (stored as the reader's choice), or the browser's text at 200 %. */
async function largeText(page: Page, mode: 'A++' | '200%') {
  if (mode === 'A++') {
    await page.addInitScript(() => localStorage.setItem('app-text-scale', '1.45'));
  } else {
    // Chromium's own default text size setting (16 px → 32 px), as a reader sets it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  }
}

test.describe('large text on a 360 px phone (point 17)', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });
  for (const mode of ['A++', '200%'] as const) {
    test(`at ${mode} the header stays small, the skip link hides and the search example shows`, async ({ page }) => {
      await largeText(page, mode);
      await page.goto('/vssid/quen-mat-khau/');
      // The skip link does not show through the site name until it is focused.
      const name = page.locator('.app-header__name');
      const hit = await name.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return el.contains(top);
      });
      expect(hit, 'something covers the site name').toBe(true);
      const skip = page.locator('.app-skip-link');
      await page.keyboard.press('Tab');
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();

      // The header leaves most of the first screen to the page.
      const header = (await page.locator('header.app-header').boundingBox())!;
      expect(header.height, 'header height').toBeLessThanOrEqual(PHONE.height * 0.4);

      // The whole example in the search box shows.
      const fits = await page.locator('#site-search').evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const probe = document.createElement('span');
        probe.textContent = input.placeholder;
        probe.style.font = getComputedStyle(input, '::placeholder').font;
        probe.style.whiteSpace = 'pre';
        probe.style.position = 'absolute';
        document.body.append(probe);
        const text = probe.getBoundingClientRect().width;
        probe.remove();
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text, room };
      });
      expect(fits.text, 'placeholder width vs room in the box').toBeLessThanOrEqual(fits.room);
    });
  }
});

/** Relative luminance of a computed CSS colour (rgb or rgba). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test.describe('dark colour scheme (point 23)', () => {
  test.use({ colorScheme: 'dark', viewport: PHONE });
  const pages = ['/', '/vssid/quen-mat-khau/', '/huong-dan/', '/dat-lich/', '/tra-cuu/', '/gioi-thieu/', '/quyen-rieng-tu/', '/doi/', '/quan-tri/'];
  // One test per page: nine axe runs in one test could pass its timeout on a busy machine.
  for (const url of pages) {
    test(`follows the system setting, and ${url} keeps its contrast (axe)`, async ({ page }) => {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      const colours = await page.evaluate(() => ({
        bg: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
      }));
      expect(luminance(colours.bg), `${url} background`).toBeLessThan(0.05);
      expect(luminance(colours.text), `${url} text`).toBeGreaterThan(0.6);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });
  }

  test('posters stay black on white on screen', async ({ page }) => {
    await page.goto(POSTER);
    const bg = await page.locator('.app-poster').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(bg)).toBeGreaterThan(0.9);
    const axe = await new AxeBuilder({ page }).include('.app-poster-toolbar').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe('light colour scheme', () => {
  test.use({ colorScheme: 'light' });
  test('stays as it was', async ({ page }) => {
    await page.goto('/');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  });
});

test.describe('anchor links on guide headings and steps (point 23)', () => {
  test('each step and section heading has an id and a small link to itself, shown on focus, hidden in print', async ({ page }) => {
    // A guide with ways: a step's link names its way ("cách 1, bước 2").
    await page.goto('/vssid/quen-mat-khau/');
    const step = page.locator('#buoc-2');
    const link = step.getByRole('link', { name: /Liên kết đến cách 1, bước 2/ });
    await expect(link).toHaveAttribute('href', '#buoc-2');
    // Quiet until wanted: not shown until focused or hovered.
    expect(await link.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await link.focus();
    expect(await link.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    const ways = page.locator('h2#chon-mot-cach');
    await expect(ways.getByRole('link', { name: /Liên kết đến phần/ })).toHaveAttribute('href', '#chon-mot-cach');
    await page.emulateMedia({ media: 'print' });
    await expect(link).toBeHidden();

    // A guide with one list of steps: "bước 2", and the steps' section heading.
    await page.emulateMedia({ media: 'screen' });
    await page.goto('/vssid/cai-dat/');
    await expect(page.locator('#buoc-2').getByRole('link', { name: /Liên kết đến bước 2$/ })).toHaveAttribute('href', '#buoc-2');
    await expect(page.locator('h2#cac-buoc').getByRole('link', { name: /Liên kết đến phần/ })).toHaveAttribute('href', '#cac-buoc');
  });
});

export { AxeBuilder, type Page };
