import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { vietnamDay } from '../../src/lib/domain/vietnam-time.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';

/**
 * The outreach log end to end, against the production build served by a stack of this file's own
 * (in-memory PGlite with the demo seed): a member of the Móng Cái 1 team logs shop support on a
 * phone in /doi/; the admin's outreach chart and totals in /quan-tri/ and the home page's province
 * totals change by what was logged.
 */

let stack: Stack;
const PHONE = { width: 360, height: 740 };
const MONG_CAI_1 = '06712';
const SHOPS_KIND = 'Hỗ trợ cửa hàng thanh toán không dùng tiền mặt';

test.beforeAll(async () => {
  // Starting a stack takes long on a busy machine (two workers share the CPU).
  test.setTimeout(180_000);
  stack = await startStack({ database: E2E_STACK_DATABASE, seed: true, siteDir: path.join(ROOT, E2E_DIST), jobs: false });
});

test.afterAll(async () => {
  await stack?.stop();
});

/** Signs in with the code from the local mailbox (JSON), at /doi/ or /quan-tri/. */
async function signIn(page: Page, where: '/doi/' | '/quan-tri/', email: string) {
  await page.goto(`${stack.url}${where}`);
  await page.getByLabel(where === '/doi/' ? 'Email của bạn' : 'Email').fill(email);
  await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
  await expect(page.getByLabel('Mã đăng nhập (6 số)')).toBeVisible();
  const mailbox = (await (await page.request.get(`${stack.url}/auth/v1/mailbox.json`)).json()) as { email: string; code: string }[];
  const code = mailbox.find((m) => m.email === email)?.code ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel('Mã đăng nhập (6 số)').fill(code);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** The numbers of the admin's total line: entries, people helped, shops, flyers, participants. */
async function adminTotals(page: Page): Promise<number[]> {
  const line = page.locator('.app-outreach-report > p').first();
  await expect(line).toContainText('lần ghi');
  return ((await line.textContent()) ?? '').match(/[\d.]+(?= )/g)!.map((n) => Number(n.replace(/\./g, '')));
}

/** The value of the current week's bar in the admin's people-helped-by-week chart (the last bar). */
async function thisWeekBar(page: Page): Promise<number> {
  const bar = page.getByRole('img', { name: 'Người được hỗ trợ theo tuần' }).locator('g').last();
  return Number(((await bar.locator('text').last().textContent()) ?? '').replace(/\./g, ''));
}

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'vi-VN' });
  return context.newPage();
}

test('a member logs outreach on a phone; the admin chart and the home totals change', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // The admin's figures before.
  await signIn(page, '/quan-tri/', 'admin@example.org');
  await page.getByRole('button', { name: 'Hoạt động của tổ' }).click();
  const before = await adminTotals(page);
  const weekBefore = await thisWeekBar(page);
  const totalsBefore = (await (await page.request.post(`${stack.url}/rest/v1/rpc/outreach_totals`, { data: {} })).json()) as {
    people_helped: number;
    shops: number;
  };

  // A member logs shop support in a few taps.
  const member = await phone(browser);
  member.on('pageerror', (error) => errors.push(error.message));
  await signIn(member, '/doi/', 'to-mong-cai@example.org');
  await member.getByRole('button', { name: 'Ghi nhận hoạt động' }).click();
  await expect(member.getByText('Không ghi tên, số điện thoại, địa chỉ')).toBeVisible();
  await expect(member.getByLabel('Ngày làm')).toHaveValue(vietnamDay());
  await expect(member.getByLabel('Xã, phường, đặc khu')).toHaveValue(MONG_CAI_1);
  await member.getByRole('radio', { name: SHOPS_KIND }).check();
  await expect(member.getByLabel('Số cửa hàng')).toHaveAttribute('inputmode', 'numeric');
  await member.getByLabel('Số cửa hàng').fill('3');
  await member.getByLabel('Số người được hỗ trợ').fill('7');
  // A phone number in the note is refused, at the note.
  await member.getByLabel('Ghi chú ngắn (không bắt buộc)').fill('Chủ quán 0912 345 678');
  await member.getByRole('button', { name: 'Lưu hoạt động' }).click();
  await expect(member.locator('#ol-note-error')).toContainText('số điện thoại');
  await member.getByLabel('Ghi chú ngắn (không bắt buộc)').fill('Chợ trung tâm');
  await member.getByRole('button', { name: 'Lưu hoạt động' }).click();
  await expect(member.getByText('Đã lưu hoạt động. Cảm ơn bạn!')).toBeVisible();
  const mine = member.getByRole('region', { name: 'Hoạt động bạn đã ghi' });
  await expect(mine.locator('li').first()).toContainText('7 người được hỗ trợ · 3 cửa hàng');
  await expect(mine.locator('li').first().getByRole('button', { name: 'Sửa' })).toBeVisible();

  // The admin's chart and totals.
  await page.getByRole('button', { name: 'Xem số liệu' }).click();
  await expect.poll(() => adminTotals(page)).toEqual([before[0] + 1, before[1] + 7, before[2] + 3, before[3], before[4]]);
  expect(await thisWeekBar(page)).toBe(weekBefore + 7);
  await expect(page.getByRole('table', { name: 'Theo tổ' })).toContainText('Móng Cái 1');

  // The home page's province totals.
  await page.goto(`${stack.url}/`);
  const totals = page.locator('.app-outreach-totals');
  await totals.scrollIntoViewIfNeeded();
  await expect(totals).toHaveText(
    `${(totalsBefore.people_helped + 7).toLocaleString('vi-VN')} lượt người dân được hỗ trợ trực tiếp và ` +
      `${(totalsBefore.shops + 3).toLocaleString('vi-VN')} cửa hàng được hỗ trợ thanh toán không dùng tiền mặt, theo ghi nhận của các tổ.`,
  );
  expect(errors).toEqual([]);
});

test('the home page says what the totals are without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${stack.url}/`);
  await expect(page.getByRole('heading', { name: 'Các tổ công nghệ số đã làm được' })).toBeVisible();
  await expect(page.locator('.app-outreach-totals')).toContainText('Các tổ công nghệ số cộng đồng ghi lại việc hỗ trợ');
  await context.close();
});
