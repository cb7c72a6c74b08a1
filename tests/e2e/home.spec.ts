import { expect, test } from '@playwright/test';

test('the home page shows live figures from the database through its public read', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trợ giúp số Quảng Ninh');
  // The same figures straight from PostgREST, before and after the page reads them: the admin spec
  // may import teams into this stack meanwhile (it runs on the other worker).
  const teamsNow = async () => {
    const stats = (await (await request.post('/rest/v1/rpc/portal_stats', { data: {} })).json()) as { communes: number; teams: number };
    expect(stats.communes).toBe(54);
    return stats.teams;
  };
  const before = await teamsNow();
  expect(before).toBeGreaterThanOrEqual(5);
  // The script reads them when the paragraph scrolls into view (postgrest-js → PostgREST).
  await page.getByRole('status').scrollIntoViewIfNeeded();
  const sentence = /^Đang phục vụ 54 xã, phường, đặc khu với ([\d.]+) tổ công nghệ số đang hoạt động\.$/;
  await expect(page.getByRole('status')).toHaveText(sentence);
  const shown = Number((await page.getByRole('status').textContent())!.match(sentence)![1].replaceAll('.', ''));
  const after = await teamsNow();
  expect(shown).toBeGreaterThanOrEqual(before);
  expect(shown).toBeLessThanOrEqual(after);
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
