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

export { AxeBuilder, type Page };
