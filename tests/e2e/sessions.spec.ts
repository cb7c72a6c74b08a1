import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';
import { signInWithEmailedCode } from './flows.ts';

/**
 * Help sessions, commune pages and team posters in Chromium, against the production build served by
 * a stack of this file's own (in-memory PGlite with the demo seed): the Bãi Cháy leader cancels the
 * demo series, adds a weekly session and takes one day off in /doi/; the commune page and the
 * booking form show it with a calendar file; the leader prints the team poster and sticker, whose
 * QR codes decode to the commune page with the poster id, and a scan is counted. Also the commune
 * page without JavaScript and the former-unit lookup on /xa/.
 */

let stack: Stack;
const PLACE = 'Nhà văn hoá khu 3 (thử nghiệm)';
const LEADER = 'truong-to-bai-chay@example.org';

test.beforeAll(async () => {
  // Starting a stack takes long on a busy machine (two workers share the CPU).
  test.setTimeout(180_000);
  stack = await startStack({ database: E2E_STACK_DATABASE, seed: true, siteDir: path.join(ROOT, E2E_DIST), jobs: false });
});

test.afterAll(async () => {
  await stack?.stop();
});

async function sql(query: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, values)).rows;
  } finally {
    await client.end();
  }
}

const signIn = (page: Page, email: string) => signInWithEmailedCode(page, stack.url, email);

async function decodeQr(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot());
  const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(result, 'the QR code could not be decoded from the screenshot').not.toBeNull();
  return result!.data;
}

async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/**
 * The leader's signed-in browser storage (supabase-js keeps the session in localStorage), saved after
 * the file's first sign-in through the mailbox: the later tests open /doi/ already signed in instead
 * of signing in again (issue 17). Tokens live an hour here, and no test signs the leader out.
 */
let leaderState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

async function leaderPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', storageState: leaderState });
  const page = await context.newPage();
  if (leaderState) await page.goto(`${stack.url}/doi/`);
  else await signIn(page, LEADER);
  await page.getByRole('button', { name: 'Buổi hỗ trợ và áp phích' }).click();
  await expect(page.getByRole('heading', { name: 'Thông tin công khai của tổ' })).toBeVisible();
  leaderState ??= await context.storageState();
  return page;
}

test('a leader adds a weekly session; it shows on the commune page and in the booking form', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const leader = await leaderPage(browser);
  await expect(leader.getByLabel('Số điện thoại công khai của tổ')).toHaveValue('0900 000 002');

  // The demo series goes, so the new one is the commune's soonest.
  const demo = leader.locator('.app-sessions__item', { hasText: 'Điểm phục vụ hành chính công phường Bãi Cháy' });
  await demo.getByRole('button', { name: 'Hủy cả lịch này' }).click();
  await demo.getByRole('button', { name: 'Có, hủy lịch' }).click();
  await expect(leader.getByText('Đã hủy lịch.')).toBeVisible();
  await expect(demo).toHaveCount(0);

  await leader.getByLabel('Tên nơi hỗ trợ').fill(PLACE);
  await leader.getByLabel('Địa chỉ').fill('Khu 3, phường Bãi Cháy');
  await leader.getByLabel('Hằng tuần').check();
  await leader.getByRole('button', { name: 'Thêm buổi hỗ trợ' }).click();
  await expect(leader.getByText('Đã thêm buổi hỗ trợ.')).toBeVisible();
  const mine = leader.locator('.app-sessions__item', { hasText: PLACE });
  await expect(mine).toBeVisible();
  const firstOff = mine.getByRole('button', { name: /^Nghỉ buổi / }).first();
  const offDay = ((await firstOff.textContent()) ?? '').replace('Nghỉ buổi ', '');
  await firstOff.click();
  await expect(leader.getByText(`Đã báo nghỉ buổi ${offDay}.`)).toBeVisible();
  const audit = await sql(`select kind from app.team_public_events e join app.teams t on t.id = e.team_id where t.code = 'DEMO-BAICHAY' order by e.id`);
  expect(audit.map((row) => row.kind)).toEqual(['session_cancelled', 'session_created', 'session_day_cancelled']);

  // The commune page: the team's phone to tap, and the session with its calendar file.
  await page.goto(`${stack.url}/xa/bai-chay/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phường Bãi Cháy');
  await expect(page.getByRole('link', { name: 'Gọi 0900 000 002' })).toHaveAttribute('href', 'tel:0900000002');
  const session = page.locator('.app-session', { hasText: PLACE });
  await expect(session).toContainText('14:00–17:00');
  await expect(session).toContainText(`Nghỉ các buổi: ${offDay}`);
  const calendar = session.getByRole('link', { name: /Thêm buổi .* vào lịch/ });
  const href = (await calendar.getAttribute('href')) ?? '';
  const ics = decodeURIComponent(href.replace('data:text/calendar;charset=utf-8,', ''));
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain('DTSTART:');
  expect(ics.replace(/\r\n /g, '')).toContain(`LOCATION:${PLACE}\\, Khu 3\\, phường Bãi Cháy`);
  await expect(page.getByRole('link', { name: 'Đặt lịch', exact: true })).toHaveAttribute('href', '/dat-lich/?xa=bai-chay');

  // The booking form, after choosing the commune.
  await page.goto(`${stack.url}/dat-lich/`);
  await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('bai chay');
  await page.getByRole('button', { name: /^Phường Bãi Cháy/ }).click();
  await expect(page.getByText(new RegExp(`^Hoặc đến trực tiếp: (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật) 14:00 tại ${PLACE.replace(/[()]/g, '\\$&')}$`))).toBeVisible();
  await expect(page.locator('[data-commune-sessions]').getByRole('link', { name: 'Thêm vào lịch' })).toHaveAttribute('href', /^data:text\/calendar/);
  await expect(page.getByRole('link', { name: 'Xem các tổ và lịch hỗ trợ ở Phường Bãi Cháy' })).toHaveAttribute('href', '/xa/bai-chay/');
});

test('a leader prints the team poster and sticker; the QR codes open the commune page and count', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const leader = await leaderPage(browser);
  const a4 = (await leader.getByRole('link', { name: 'In áp phích A4' }).getAttribute('href')) ?? '';
  const a6 = (await leader.getByRole('link', { name: 'In nhãn dán A6' }).getAttribute('href')) ?? '';
  expect(a4).toBe('/in/to/?xa=bai-chay&to=DEMO-BAICHAY');

  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2, locale: 'vi-VN' });
  const sheet = await context.newPage();
  await sheet.emulateMedia({ media: 'print' });
  await sheet.goto(`${stack.url}${a4}`);
  const poster = sheet.locator('.app-poster--team');
  await expect(poster).toContainText('Tổ công nghệ số phường Bãi Cháy (dữ liệu mẫu)');
  await expect(poster).toContainText('0900 000 002');
  await expect(poster.locator('.app-poster__sessions li').first()).toContainText(/, \d\d:\d\d–\d\d:\d\d: /);
  const origin = new URL(baseURL!).origin;
  const url = await decodeQr(poster.locator('.app-poster__qr'));
  expect(url).toBe(`${origin}/xa/bai-chay/?p=t-demo-baichay`);
  expect(await printedPages(sheet)).toBe(1);

  await sheet.goto(`${stack.url}${a6}`);
  const sticker = sheet.locator('.app-poster--sticker');
  await expect(sticker).toContainText('0900 000 002');
  expect(await decodeQr(sticker.locator('.app-poster__qr'))).toBe(`${origin}/xa/bai-chay/?p=n-demo-baichay`);
  expect(await printedPages(sheet)).toBe(1);

  // Scanning: the commune page opens and the team poster's scan is counted.
  await sheet.emulateMedia({ media: 'screen' });
  await sheet.goto(`${stack.url}${new URL(url).pathname}${new URL(url).search}`);
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Phường Bãi Cháy');
  await expect.poll(async () => (await sql(`select scans from app.poster_scans where poster = 't-demo-baichay'`))[0]?.scans).toBe(1);
});

test('the commune page reads fine without JavaScript; a commune without a listed team says how it works', async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
  const noJs = await context.newPage();
  await noJs.goto(`${stack.url}/xa/binh-lieu/`);
  await expect(noJs.getByRole('heading', { level: 1 })).toHaveText('Xã Bình Liêu');
  await expect(noJs.getByText('Số điện thoại các tổ và lịch hỗ trợ cần JavaScript')).toBeVisible();
  await expect(noJs.getByRole('link', { name: 'Đặt lịch', exact: true })).toHaveAttribute('href', '/dat-lich/?xa=binh-lieu');
  await expect(noJs.getByText('Điểm phục vụ hành chính công của xã/phường')).toBeVisible();

  // DEMO-BINHLIEU is not listed: the page says how a request is handled instead.
  await page.goto(`${stack.url}/xa/binh-lieu/`);
  await expect(page.getByText('Chưa có tổ nào ở Xã Bình Liêu công bố số điện thoại')).toBeVisible();
  await expect(page.getByText(/cán bộ Đoàn Thanh niên tỉnh nhận yêu cầu/)).toBeVisible();
});

test('"Bạn ở xã/phường nào sau sáp nhập?" finds the new units of an old ward, typed without diacritics', async ({ page, browser }) => {
  await page.goto(`${stack.url}/xa/`);
  await page.getByLabel('Tên xã, phường, thị trấn hoặc huyện cũ').fill('ha khau');
  const match = page.locator('.app-lookup__match').first();
  await expect(match).toContainText('Phường Hà Khẩu');
  await expect(match.getByRole('link', { name: 'Phường Việt Hưng' })).toHaveAttribute('href', '/xa/viet-hung/');
  await expect(match.getByRole('link', { name: 'Phường Tuần Châu' })).toHaveAttribute('href', '/xa/tuan-chau/');
  await page.getByLabel('Tên xã, phường, thị trấn hoặc huyện cũ').fill('hung thnag');
  await expect(page.locator('.app-lookup__match').first()).toContainText('Phường Hùng Thắng');

  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noJs.goto(`${stack.url}/xa/`);
  await expect(noJs.locator('form.app-lookup')).toBeHidden();
  await expect(noJs.locator('li', { has: noJs.getByRole('link', { name: 'Phường Bãi Cháy' }) })).toContainText('Phường Hùng Thắng');
});

test('an admin chooses a team and sees its sessions and the form', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const admin = await context.newPage();
  await signIn(admin, 'admin@example.org');
  await admin.getByRole('button', { name: 'Buổi hỗ trợ và áp phích' }).click();
  await admin.getByLabel('Tổ', { exact: true }).selectOption({ label: 'Tổ công nghệ số phường Hồng Gai (dữ liệu mẫu)' });
  await expect(admin.locator('.app-sessions__item', { hasText: 'Nhà văn hoá khu 5 (dữ liệu mẫu)' })).toBeVisible();
  await expect(admin.getByRole('heading', { name: 'Thêm buổi hỗ trợ' })).toBeVisible();
  await context.close();
});

test('commune pages, the lookup, the team poster and the sessions tab pass axe', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const pages: [string, string][] = [
    ['/xa/hong-gai/', '.app-session'],
    ['/xa/', 'form.app-lookup'],
    ['/in/to/?xa=hong-gai&to=DEMO-HONGGAI', '.app-poster--team'],
    ['/in/to/?xa=hong-gai&to=DEMO-HONGGAI&kieu=nhan', '.app-poster--sticker'],
  ];
  for (const [url, ready] of pages) {
    await page.goto(`${stack.url}${url}`);
    await page.locator(ready).first().waitFor();
    if (url === '/xa/') {
      await page.getByLabel('Tên xã, phường, thị trấn hoặc huyện cũ').fill('ha khau');
      await page.locator('.app-lookup__match').first().waitFor();
    }
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  const leader = await leaderPage(browser);
  await leader.getByRole('heading', { name: 'Thêm buổi hỗ trợ' }).waitFor();
  const results = await new AxeBuilder({ page: leader }).analyze();
  expect(results.violations.map((v) => `/doi/ ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
