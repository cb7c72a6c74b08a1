import { expect, test } from '@playwright/test';

test('the home page shows live figures from the database through supabase-js', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trợ giúp số Quảng Ninh');
  // The same figures straight from PostgREST (other specs may have added teams to this stack).
  const res = await request.post('/rest/v1/rpc/portal_stats', { data: {} });
  const stats = (await res.json()) as { communes: number; teams: number };
  expect(stats.communes).toBe(54);
  expect(stats.teams).toBeGreaterThanOrEqual(5);
  // The island hydrates when it scrolls into view, then shows them via supabase-js → PostgREST.
  await page.getByRole('status').scrollIntoViewIfNeeded();
  await expect(page.getByRole('status')).toHaveText(
    `Đang phục vụ 54 xã, phường, đặc khu với ${stats.teams.toLocaleString('vi-VN')} tổ công nghệ số đang hoạt động.`,
  );
});

test('the skip link moves keyboard users to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('body text is at least 19 px on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const size = await page.locator('main p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(19);
});
