import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';
import { fillBookingForm, queryRows } from './flows.ts';

/**
 * Booking in-person help on a 360 px phone, against the production build served by a stack of this
 * file's own (in-memory PGlite with the demo seed), so the tests can count rows in the database:
 * from a guide's "stuck at this step?" link to the confirmation; losing the network mid-submit;
 * a reload while waiting; status look-up and cancel; the backend down; no JavaScript.
 */

let stack: Stack;
const CODE = /^QN-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/;

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test.beforeAll(async () => {
  // Starting a stack takes long on a busy machine (two workers share the CPU).
  test.setTimeout(180_000);
  stack = await startStack({ database: E2E_STACK_DATABASE, seed: true, siteDir: path.join(ROOT, E2E_DIST) });
});

test.afterAll(async () => {
  await stack?.stop();
});

const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => queryRows<T>(stack.databaseUrl, text, values);

/** Fills the form for a citizen of Phường Hạ Long, found by typing without diacritics. */
async function fillForm(page: Page, phone: string) {
  // At least one need is ticked (VssID; a guide link preselects its platform).
  await fillBookingForm(page, { phone, name: 'Nguyễn Thị Mai', commune: { typed: 'ha long', name: 'Phường Hạ Long', expectChosen: true } });
}

test('books from a guide step link: preselected guide and step, errors first, then a confirmation', async ({ page }) => {
  await page.goto(`${stack.url}/vssid/quen-mat-khau/`);
  await page.getByRole('link', { name: /Bị vướng ở bước này\?\s*Nhờ tổ công nghệ số giúp cách 1, bước 2/ }).click();
  await expect(page).toHaveURL(/\/dat-lich\/\?huong-dan=vs4&buoc=2$/);
  await expect(page.getByText('Bạn đang làm theo hướng dẫn: Quên mật khẩu VssID: các cách lấy lại')).toBeVisible();
  await expect(page.getByText('Bị vướng ở bước 2.')).toBeVisible();
  await expect(page.getByLabel('VssID')).toBeChecked();
  // Consent is never pre-ticked.
  await expect(page.getByLabel(/Tôi đồng ý cho tổ công nghệ số/)).not.toBeChecked();

  // Sending it empty: a summary at the top, focused, linking to each field; a message next to each.
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  const summary = page.locator('.app-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'Có thông tin cần sửa' })).toBeVisible();
  await expect(summary.getByRole('link')).toHaveText([
    'Nhập số điện thoại để tổ gọi cho bạn',
    'Nhập họ và tên',
    'Chọn xã, phường hoặc đặc khu nơi cần giúp',
    'Đánh dấu ô đồng ý để tổ công nghệ số được liên hệ và giúp bạn',
  ]);
  await summary.getByRole('link', { name: 'Nhập số điện thoại để tổ gọi cho bạn' }).click();
  await expect(page.getByLabel('Số điện thoại của bạn')).toBeFocused();
  await page.getByLabel('Số điện thoại của bạn').fill('0912 34');
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.locator('#bk-phone-error')).toContainText('Số điện thoại chưa đúng');

  await fillForm(page, '+84 912 345 001');
  // A double tap sends one request.
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).dblclick();

  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeFocused();
  const code = (await page.getByTestId('reference-code').textContent()) ?? '';
  expect(code).toMatch(CODE);
  await expect(page.getByText('Tổ sẽ liên hệ với bạn')).toBeVisible();
  await expect(page.getByRole('link', { name: '0900 000 001' })).toHaveAttribute('href', 'tel:0900000001');
  await expect(page.getByText('Tổ công nghệ số không bao giờ hỏi mã OTP, mật khẩu hay yêu cầu chuyển tiền.')).toBeVisible();
  const word = (await page.getByTestId('verification-word').textContent()) ?? '';
  await expect(page.getByRole('button', { name: 'Chép mã' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'In trang này' })).toBeVisible();

  const rows = await sql(
    `select reference_code, guide_code, guide_step, commune_code, citizen_phone, needs, verification_word
     from app.help_requests where citizen_phone = '0912345001'`,
  );
  expect(rows).toEqual([
    { reference_code: code, guide_code: 'vs4', guide_step: 2, commune_code: '06688', citizen_phone: '0912345001', needs: ['vssid'], verification_word: word },
  ]);

  // A reload shows the same confirmation; nothing is sent again.
  await page.reload();
  await expect(page.getByTestId('reference-code')).toHaveText(code);
  expect(await sql(`select 1 from app.help_requests where citizen_phone = '0912345001'`)).toHaveLength(1);
});

test('the network drops during submit and returns: one request, the same code', async ({ page, context }) => {
  await page.goto(`${stack.url}/dat-lich/`);
  await fillForm(page, '0912 345 002');

  // The first submission reaches the server and is stored, but its answer is lost with the network.
  let firstAnswer: { reference_code: string } | undefined;
  let calls = 0;
  await page.route('**/rest/v1/rpc/request_help', async (route) => {
    calls += 1;
    if (calls === 1) {
      const response = await route.fetch();
      firstAnswer = await response.json();
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    } else {
      await route.fallback();
    }
  });
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByText('Đang chờ mạng để gửi…')).toBeVisible();
  await expect(page.getByLabel('Số điện thoại của bạn')).toBeDisabled();
  expect(firstAnswer?.reference_code).toMatch(CODE);

  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('reference-code')).toHaveText(firstAnswer!.reference_code);
  expect(calls).toBeGreaterThanOrEqual(2);
  const rows = await sql(`select reference_code from app.help_requests where citizen_phone = '0912345002'`);
  expect(rows).toEqual([{ reference_code: firstAnswer!.reference_code }]);
});

test('a reload while the request waits in the outbox sends it once', async ({ page }) => {
  await page.goto(`${stack.url}/dat-lich/?xa=co-to`);
  await expect(page.getByText('Đã chọn: Đặc khu Cô Tô')).toBeVisible();
  await page.getByLabel('Số điện thoại của bạn').fill('0912345003');
  await page.getByLabel('Họ và tên', { exact: true }).fill('Vũ Văn Hải');
  await page.getByLabel('VNeID').check();
  await page.getByLabel(/Tôi đồng ý cho tổ công nghệ số/).check();
  // The server cannot be reached at all for now.
  await page.route('**/rest/v1/rpc/request_help', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByText('Đang chờ mạng để gửi…')).toBeVisible();
  expect(await sql(`select 1 from app.help_requests where citizen_phone = '0912345003'`)).toHaveLength(0);

  await page.unroute('**/rest/v1/rpc/request_help');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible({ timeout: 20_000 });
  const code = await page.getByTestId('reference-code').textContent();
  const rows = await sql(`select reference_code, commune_code from app.help_requests where citizen_phone = '0912345003'`);
  expect(rows).toEqual([{ reference_code: code, commune_code: '07192' }]);
});

test('status look-up and cancel, with one generic answer for a wrong phone', async ({ page }) => {
  await page.goto(`${stack.url}/dat-lich/`);
  await fillForm(page, '0912345004');
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  const code = (await page.getByTestId('reference-code').textContent()) ?? '';
  await page.getByRole('link', { name: 'Xem tình trạng yêu cầu' }).click();

  await expect(page).toHaveURL(/\/tra-cuu\/$/);
  // The code of the booking just made is filled in; the phone is never kept.
  // (The page also has a separate "delete my data" form with its own code and phone fields.)
  const codeInput = page.locator('#lk-code');
  const phoneInput = page.locator('#lk-phone');
  await expect(codeInput).toHaveValue(code);
  await expect(page.locator('label[for="lk-code"]')).toHaveText('Mã yêu cầu');
  await phoneInput.fill('0912345999');
  await page.getByRole('button', { name: 'Xem tình trạng' }).click();
  await expect(page.locator('.app-error-summary [role="alert"]')).toHaveText(
    'Không tìm thấy yêu cầu với mã và số điện thoại này. Hãy kiểm tra lại cả hai.',
  );

  await phoneInput.fill('+84 912 345 004');
  await page.getByRole('button', { name: 'Xem tình trạng' }).click();
  await expect(page.getByRole('heading', { name: `Yêu cầu ${code}` })).toBeFocused();
  await expect(page.getByTestId('status')).toHaveText('Đã giao cho tổ');
  await expect(page.getByText('Tổ công nghệ số phường Hồng Gai (dữ liệu mẫu)', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Các bước' })).toBeVisible();

  await page.getByLabel('Tôi đã tự làm được').check();
  await page.getByRole('button', { name: 'Huỷ yêu cầu' }).click();
  await page.getByRole('button', { name: 'Có, tôi chắc chắn' }).click();
  await expect(page.getByTestId('status')).toHaveText('Đã huỷ');
  await expect(page.getByText('Đã huỷ yêu cầu.')).toBeVisible();
  const rows = await sql(`select status, cancel_reason from app.help_requests where reference_code = $1`, [code]);
  expect(rows).toEqual([{ status: 'cancelled', cancel_reason: 'solved_myself' }]);
});

test('booking on someone’s behalf keeps the helper as the contact', async ({ page }) => {
  await page.goto(`${stack.url}/dat-lich/`);
  await page.getByLabel('Tôi đặt hộ người thân/hàng xóm').check();
  await page.getByLabel('Số điện thoại của bạn (người đặt hộ)').fill('0912345005');
  await page.getByLabel('Họ và tên của bạn').fill('Đỗ Minh Khoa');
  await page.getByLabel('Họ và tên người cần giúp').fill('Bà Đỗ Thị Lụa');
  await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('hong gai');
  await page.getByRole('button', { name: /^Phường Hồng Gai/ }).click();
  await page.getByLabel('eTax').check();
  await page.getByLabel(/Tôi đồng ý, và người cần giúp cũng đã đồng ý/).check();
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
  const rows = await sql(`select on_behalf, citizen_name, citizen_phone, helper_name, helper_phone, needs from app.help_requests where helper_phone = '0912345005'`);
  expect(rows).toEqual([
    { on_behalf: true, citizen_name: 'Bà Đỗ Thị Lụa', citizen_phone: null, helper_name: 'Đỗ Minh Khoa', helper_phone: '0912345005', needs: ['etax'] },
  ]);
});

test('"Dùng vị trí của tôi" suggests the commune and sends a rounded point', async ({ page, context }) => {
  await context.grantPermissions(['geolocation'], { origin: stack.url });
  await context.setGeolocation({ latitude: 20.99123, longitude: 107.75689 });
  await page.goto(`${stack.url}/dat-lich/`);
  await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
  await expect(page.getByText('Đã chọn Đặc khu Cô Tô theo vị trí của bạn. Hãy kiểm tra lại.')).toBeVisible();
  await page.getByLabel('Số điện thoại của bạn').fill('0912345006');
  await page.getByLabel('Họ và tên', { exact: true }).fill('Lương Văn Tâm');
  await page.getByLabel('Việc khác').check();
  await page.getByLabel(/Tôi đồng ý cho tổ công nghệ số/).check();
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
  const rows = await sql(
    `select commune_code, gps_lat::float8 as lat, gps_lon::float8 as lon, route_point from app.help_requests where citizen_phone = '0912345006'`,
  );
  expect(rows).toEqual([{ commune_code: '07192', lat: 20.991, lon: 107.757, route_point: 'gps' }]);
});

test('when the backend is down the page says so and still offers the guides', async ({ page }) => {
  await page.route('**/rest/v1/**', (route) => route.fulfill({ status: 502, body: '{"message":"PostgREST is not reachable"}' }));
  await page.goto(`${stack.url}/dat-lich/`);
  await expect(page.getByText(/Hệ thống đặt lịch đang tạm thời gián đoạn/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Xem các hướng dẫn từng bước' })).toHaveAttribute('href', '/huong-dan/');
  await fillForm(page, '0912345007');
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByText('Đang chờ mạng để gửi…')).toBeVisible();
  await expect(page.getByText(/Hệ thống đặt lịch đang tạm thời gặp sự cố/)).toBeVisible({ timeout: 15_000 });
});

test('without JavaScript the booking page explains itself and links to the guides', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${stack.url}/dat-lich/`);
  await expect(page.getByText(/Biểu mẫu đặt lịch cần JavaScript/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Xem các hướng dẫn từng bước' })).toBeVisible();
  await expect(page.getByText('Đang tải biểu mẫu…')).toBeHidden();
  // The server-rendered form, which needs the island to send, is hidden too.
  await expect(page.locator('#bk-form')).toBeHidden();
  await context.close();
});

test('the privacy notice explains retention and rights, and links to the look-up', async ({ page }) => {
  await page.goto(`${stack.url}/quyen-rieng-tu/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quyền riêng tư và dữ liệu cá nhân');
  await expect(page.getByText(/được xoá 90 ngày sau khi yêu cầu xong hoặc bị huỷ/)).toBeVisible();
  await expect(page.getByText(/Xoá luôn thông tin cá nhân của tôi/)).toBeVisible();
  await page.getByRole('link', { name: 'Đến trang Tra cứu yêu cầu' }).click();
  await expect(page).toHaveURL(/\/tra-cuu\/$/);
});

test('booking, confirmation, look-up and privacy pages pass axe', async ({ page }) => {
  for (const url of ['/dat-lich/?huong-dan=vs4&buoc=2', '/tra-cuu/', '/quyen-rieng-tu/']) {
    await page.goto(`${stack.url}${url}`);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(results.violations.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  await page.goto(`${stack.url}/dat-lich/`);
  await fillForm(page, '0912345008');
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
  const results = await new AxeBuilder({ page }).include('main').analyze();
  expect(results.violations.map((v) => `confirmation: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
