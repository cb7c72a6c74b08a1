import path from 'node:path';
import pg from 'pg';
import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { BUDGETS, weighPage } from '../support/page-weight.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';
import { fillBookingForm, sendBookingForm, signInWithEmailedCode } from './flows.ts';

/**
 * The team workspace (/doi/) on a 360 px phone, against the production build served by a stack of
 * this file's own (in-memory PGlite with the demo seed, so routing and members are exactly the
 * seed's): a citizen books for Phường Hồng Gai; the Hồng Gai team member signs in with the code
 * from the local mailbox page, accepts, adds a note and closes; the citizen's status page shows
 * every step; the Bãi Cháy team never sees the request; signing out leaves nothing behind.
 */

let stack: Stack;
const PHONE = { width: 360, height: 740 };
const CODE = /^QN-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/;
const HONG_GAI_TEAM = 'Tổ công nghệ số phường Hồng Gai (dữ liệu mẫu)';
const TOKEN_SECONDS = 120;

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

test.beforeAll(async () => {
  // Starting a stack takes long on a busy machine (two workers share the CPU).
  test.setTimeout(180_000);
  // Access tokens live 2 minutes here, so sessions refresh during the tests and can expire in one.
  stack = await startStack({
    database: E2E_STACK_DATABASE,
    seed: true,
    siteDir: path.join(ROOT, E2E_DIST),
    jobs: false,
    jwtExpiry: TOKEN_SECONDS,
  });
});

test.afterAll(async () => {
  await stack?.stop();
});

/** A fresh phone-sized browser context (separate storage: one person per context). */
async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'vi-VN' });
  return context.newPage();
}

/** Signs in at /doi/ with the code read, as a person would, from the local mailbox page. */
const signIn = (page: Page, email: string) => signInWithEmailedCode(page, stack.url, email, { expectSixDigitCode: true });

/** Books help for Phường Hồng Gai through the booking form; returns the reference code. */
async function book(page: Page, phone: string): Promise<{ code: string; word: string }> {
  await page.goto(`${stack.url}/dat-lich/`);
  await fillBookingForm(page, { phone, name: 'Trần Văn Hùng', commune: { typed: 'hong gai', name: 'Phường Hồng Gai', expectChosen: true } });
  await sendBookingForm(page);
  const code = (await page.getByTestId('reference-code').textContent()) ?? '';
  const word = (await page.getByTestId('verification-word').textContent()) ?? '';
  expect(code).toMatch(CODE);
  return { code, word: word.trim() };
}

test('a citizen books; the routed team accepts, notes and closes; the status page shows each step', async ({ browser }) => {
  test.setTimeout(120_000);
  const citizen = await phone(browser);
  const { code, word } = await book(citizen, '0912 345 678');

  // A member of another team (Bãi Cháy, within reach of Hồng Gai too) never sees the request.
  const other = await phone(browser);
  await signIn(other, 'to-bai-chay@example.org');
  await expect(other.getByRole('heading', { name: /^Yêu cầu của Tổ công nghệ số phường Bãi Cháy/ })).toBeVisible();
  await expect(other.locator(`[data-reference="${code}"]`)).toHaveCount(0);

  // The Hồng Gai member signs in and sees it in the queue, with its deadline and no personal data.
  const member = await phone(browser);
  const errors: string[] = [];
  member.on('pageerror', (error) => errors.push(error.message));
  await signIn(member, 'to-hong-gai@example.org');
  await expect(member.getByRole('heading', { name: `Yêu cầu của ${HONG_GAI_TEAM}` })).toBeVisible();
  await expect(member.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  const item = member.locator(`[data-reference="${code}"]`);
  await expect(item).toContainText('Phường Hồng Gai');
  await expect(item).toContainText('VssID');
  await expect(item).toContainText('Nhận trước');
  await expect(member).toHaveTitle(/^\(1\) Trang làm việc của tổ/);
  await expect(member.getByTestId('queue-summary')).toHaveText('1 chờ nhận · 1 đang mở. Cũ nhất ở trên.');
  expect(await member.content()).not.toContain('0912345678');

  await member.bringToFront();
  await item.click();
  await expect(member.getByRole('heading', { name: 'Yêu cầu ở Phường Hồng Gai' })).toBeFocused();
  await expect(member.getByText('Tên, số điện thoại và địa chỉ hiện ra sau khi bạn bấm “Tôi nhận”.')).toBeVisible();
  expect(await member.content()).not.toContain('0912345678');
  await expect(member.getByRole('link', { name: /Quên mật khẩu|VssID/ }).first()).toBeVisible();

  // The main action sits at the bottom of the screen, big enough for a thumb.
  const accept = member.getByRole('button', { name: 'Tôi nhận' });
  const box = (await accept.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(48);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  expect(box.y).toBeGreaterThan(PHONE.height / 2);
  await accept.click();
  await expect(member.getByText('Bạn đã nhận yêu cầu. Hãy gọi cho người dân và nói từ xác minh.')).toBeVisible();
  await expect(member.getByTestId('call-link')).toHaveAttribute('href', 'tel:0912345678');
  await expect(member.getByTestId('call-link')).toHaveText('Gọi 0912 345 678');
  await expect(member.getByText('Người cần giúp: Trần Văn Hùng')).toBeVisible();
  await expect(member.getByTestId('verification-word')).toHaveText(word);
  await expect(member).toHaveTitle(/^Trang làm việc của tổ/);

  const axe = await new AxeBuilder({ page: member }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Other actions wait behind "Thao tác khác", so the bar at the bottom stays one row high.
  await member.getByRole('button', { name: 'Thao tác khác' }).click();
  await member.getByRole('button', { name: 'Ghi chú', exact: true }).click();
  // An empty note is caught; the error summary's heading sits one level below the form's h3.
  await member.getByRole('button', { name: 'Lưu ghi chú' }).click();
  await expect(member.getByRole('heading', { level: 4, name: 'Có thông tin cần sửa' })).toBeVisible();
  const axeWithError = await new AxeBuilder({ page: member }).analyze();
  expect(axeWithError.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await member.getByRole('textbox', { name: 'Ghi chú', exact: true }).fill('Đã gọi, hẹn 9 giờ sáng mai.');
  await member.getByRole('button', { name: 'Lưu ghi chú' }).click();
  await expect(member.getByText('Đã lưu ghi chú.')).toBeVisible();
  await expect(member.locator('.app-team__notes')).toContainText('Đã gọi, hẹn 9 giờ sáng mai.');

  await member.getByRole('button', { name: 'Đóng yêu cầu' }).click();
  await member.getByLabel('Đã giúp xong').check();
  await member.getByRole('button', { name: 'Đóng yêu cầu' }).click();
  await expect(member.getByText('Đã đóng yêu cầu. Cảm ơn bạn!')).toBeVisible();
  await expect(member.getByTestId('request-status')).toHaveText('Đã đóng');
  await expect(member.getByRole('button', { name: 'Tôi nhận' })).toHaveCount(0);
  await member.getByRole('button', { name: '← Danh sách yêu cầu' }).click();
  await expect(member.locator(`[data-reference="${code}"]`)).toHaveCount(0);

  // The citizen's status page tells every step in plain words.
  await citizen.goto(`${stack.url}/tra-cuu/`);
  // (The page has a second form with the same labels, for erasure; the look-up form comes first.)
  await citizen.getByLabel('Mã yêu cầu').first().fill(code);
  await citizen.getByLabel('Số điện thoại').first().fill('0912345678');
  await citizen.getByRole('button', { name: 'Xem tình trạng' }).click();
  await expect(citizen.getByTestId('status')).toHaveText('Đã xong');
  await expect(citizen.getByTestId('request-steps').locator('li')).toHaveText([
    /^Đã nhận yêu cầu của bạn/,
    new RegExp(`^Đã gửi cho ${HONG_GAI_TEAM.replace(/[()]/g, '\\$&')}`),
    new RegExp(`^${HONG_GAI_TEAM.replace(/[()]/g, '\\$&')} đã nhận và sẽ gọi cho bạn`),
    /^Xong: Đã giúp xong/,
  ]);
  expect(await citizen.content()).not.toContain('9 giờ sáng mai');

  // Signing out everywhere: back to the sign-in form, nothing of the request left in storage.
  await member.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
  await expect(member.getByText('Bạn đã đăng xuất khỏi mọi thiết bị.')).toBeVisible();
  await expect(member.getByLabel('Email của bạn')).toBeVisible();
  const stored = await member.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  for (const secret of ['0912345678', 'Trần Văn Hùng', code, word, 'access_token', 'refresh_token']) expect(stored).not.toContain(secret);
  expect(errors).toEqual([]);

  // The other team still does not see it (it is closed, and it was never theirs).
  await other.getByRole('button', { name: 'Làm mới' }).click();
  await expect(other.locator(`[data-reference="${code}"]`)).toHaveCount(0);
});

test('a citizen asks for erasure while the team works on it: the volunteer is told to finish, and closing erases it', async ({ browser }) => {
  test.setTimeout(120_000);
  const citizen = await phone(browser);
  const { code } = await book(citizen, '0987 654 321');

  const member = await phone(browser);
  await signIn(member, 'to-hong-gai@example.org');
  await member.locator(`[data-reference="${code}"]`).click();
  await member.getByRole('button', { name: 'Tôi nhận' }).click();
  await expect(member.getByTestId('call-link')).toHaveAttribute('href', 'tel:0987654321');
  await expect(member.getByTestId('erase-requested')).toHaveCount(0);

  // The citizen asks on /tra-cuu/: a team is working on it, so it is erased once the team finishes.
  await citizen.goto(`${stack.url}/tra-cuu/`);
  const erase = citizen.getByRole('region', { name: 'Xoá thông tin cá nhân của tôi' });
  await erase.getByLabel('Mã yêu cầu').fill(code);
  await erase.getByLabel('Số điện thoại đã dùng khi đặt lịch').fill('0987654321');
  await erase.getByLabel(/Tôi hiểu rằng việc xoá không hoàn tác được/).check();
  await erase.getByRole('button', { name: 'Đề nghị xoá' }).click();
  await expect(erase.getByText(/^Tổ đang giúp bạn\. Thông tin cá nhân của bạn sẽ được xoá ngay khi tổ hoàn thành/)).toBeVisible();

  // The volunteer opens the request again and sees why to finish it, and not to copy anything.
  await member.bringToFront();
  await member.getByRole('button', { name: '← Danh sách yêu cầu' }).click();
  await member.getByRole('button', { name: 'Làm mới' }).click();
  await expect(member.locator(`[data-reference="${code}"]`)).toContainText('Người dân xin xoá dữ liệu');
  await member.locator(`[data-reference="${code}"]`).click();
  const notice = member.getByTestId('erase-requested');
  await expect(notice.getByRole('heading', { name: 'Người dân đã đề nghị xoá thông tin cá nhân' })).toBeVisible();
  await expect(notice).toContainText('sẽ tự động bị xoá khi yêu cầu được đóng');
  await expect(notice).toContainText('Không chép thông tin của họ ra nơi khác');
  // The details stay until then, so the call can still be made.
  await expect(member.getByTestId('call-link')).toHaveAttribute('href', 'tel:0987654321');
  await member.getByText('Lịch sử yêu cầu').click();
  await expect(member.locator('.app-team__history')).toContainText('Người dân đề nghị xoá thông tin cá nhân');
  const axe = await new AxeBuilder({ page: member }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  await member.getByRole('button', { name: 'Đóng yêu cầu' }).click();
  await member.getByLabel('Đã giúp xong').check();
  await member.getByRole('button', { name: 'Đóng yêu cầu' }).click();
  await expect(member.getByText('Đã đóng yêu cầu. Cảm ơn bạn!')).toBeVisible();
  await expect(member.getByText('Dữ liệu cá nhân của yêu cầu này đã được xoá.')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(member.getByTestId('call-link')).toHaveCount(0);
  expect(await member.content()).not.toContain('0987654321');
});

test('a signed-in person on no team sees a clear message and nothing else', async ({ page }) => {
  await signIn(page, 'nguoi-la@example.org');
  await expect(page.getByRole('heading', { name: 'Bạn chưa thuộc tổ nào' })).toBeVisible();
  await expect(page.getByText('Email nguoi-la@example.org chưa có trong danh sách')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Yêu cầu/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Làm mới' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
});

test('a leader adds a member by email, who can then sign in', async ({ browser }) => {
  const leader = await phone(browser);
  await signIn(leader, 'truong-to-hong-gai@example.org');
  await leader.getByRole('button', { name: 'Thành viên' }).click();
  await expect(leader.getByRole('heading', { name: `Thành viên của ${HONG_GAI_TEAM}` })).toBeVisible();
  await leader.getByLabel('Email', { exact: true }).fill('thanh-vien-moi@example.org');
  await leader.getByLabel('Tên hiển thị (không bắt buộc)').fill('Ngô Thị Lan');
  await leader.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(leader.getByText('Đã thêm thanh-vien-moi@example.org.')).toBeVisible();
  await expect(leader.locator('.app-team__members')).toContainText('Ngô Thị Lan');

  const newcomer = await phone(browser);
  await signIn(newcomer, 'thanh-vien-moi@example.org');
  await expect(newcomer.getByRole('heading', { name: `Yêu cầu của ${HONG_GAI_TEAM}` })).toBeVisible();
});

test('warns before the session expires, and signs out of this device when it has ended', async ({ browser }) => {
  const page = await phone(browser);
  await page.clock.install();
  await signIn(page, 'to-mong-cai@example.org');
  await expect(page.getByRole('heading', { name: /^Yêu cầu của Tổ công nghệ số phường Móng Cái 1/ })).toBeVisible();

  // Offline, 40 s before the end: the token could not be renewed, and the workspace says so.
  await page.context().setOffline(true);
  await page.clock.fastForward((TOKEN_SECONDS - 40) * 1000);
  await expect(page.getByRole('alert').filter({ hasText: 'Phiên đăng nhập sắp hết hạn' })).toContainText('còn 1 phút');
  await expect(page.getByRole('button', { name: 'Gia hạn phiên' })).toBeVisible();

  // Still offline at the end: this device is signed out (no network needed), and told why.
  await page.clock.fastForward(50 * 1000);
  await expect(page.getByText('Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.')).toBeVisible();
  await expect(page.getByLabel('Email của bạn')).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('access_token');
});

test('a long queue shows the oldest 50 with the true counts, and "Xem thêm" shows the rest', async ({ browser }) => {
  // 55 requests in the province pool (by SQL: booking 55 through the form would take minutes).
  const sql = new pg.Client({ connectionString: stack.databaseUrl });
  await sql.connect();
  try {
    await sql.query(`
      insert into app.help_requests (reference_code, idempotency_key, created_at, commune_code, needs, time_window,
        verification_word, consent_version, consented_at, status, citizen_name, citizen_phone)
      select 'QN-E2E-TST-' || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', g / 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', g % 30 + 1, 1) || '2',
             gen_random_uuid(), now() - make_interval(mins => 100 - g), (select code from app.communes order by code limit 1),
             array['vneid'], 'any', 'hoa sen', '2026-11-28', now(), 'unassigned', 'Người dân thử', '0912000' || lpad(g::text, 3, '0')
      from generate_series(1, 55) g`);
  } finally {
    await sql.end();
  }
  const admin = await phone(browser);
  await signIn(admin, 'admin@example.org');
  await expect(admin.getByRole('heading', { name: 'Hàng chờ của tỉnh' })).toBeVisible();
  await expect(admin.getByTestId('queue-summary')).toHaveText('Đang hiện 50 trên 55 yêu cầu đang mở, 55 chờ nhận. Cũ nhất ở trên.');
  await expect(admin).toHaveTitle(/^\(55\) /);
  const items = admin.locator('.app-team__item');
  await expect(items).toHaveCount(50);
  await expect(items.first()).toHaveAttribute('data-reference', 'QN-E2E-TST-232');

  const more = admin.getByRole('button', { name: 'Xem thêm 5 yêu cầu' });
  expect((await more.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  const axe = await new AxeBuilder({ page: admin }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await more.click();
  await expect(items).toHaveCount(55);
  await expect(admin.getByTestId('queue-summary')).toHaveText('55 chờ nhận · 55 đang mở. Cũ nhất ở trên.');
  // Focus moves to the first request added; the button is gone, as everything is shown.
  await expect(items.nth(50)).toBeFocused();
  await expect(admin.getByRole('button', { name: /^Xem thêm/ })).toHaveCount(0);
});

test('an admin picks whose queue and whose members from one team list, read once; the add form starts empty for each team', async ({ browser }) => {
  const admin = await phone(browser);
  const teamListReads: string[] = [];
  admin.on('request', (request) => {
    if (request.url().endsWith('/rest/v1/rpc/team_list')) teamListReads.push(request.url());
  });
  await signIn(admin, 'admin@example.org');
  const scope = admin.getByLabel('Xem yêu cầu của');
  await expect(scope.locator('option', { hasText: HONG_GAI_TEAM })).toHaveCount(1);

  await admin.getByRole('button', { name: 'Thành viên' }).click();
  await expect(admin.getByRole('heading', { name: 'Quản trị viên không thuộc tổ' })).toBeVisible();
  // What was typed to add an admin is not carried over to another team.
  await admin.getByLabel('Email', { exact: true }).fill('quan-tri-moi@example.org');
  const hongGai = await admin.getByLabel('Tổ', { exact: true }).locator('option', { hasText: HONG_GAI_TEAM }).getAttribute('value');
  await admin.getByLabel('Tổ', { exact: true }).selectOption(hongGai!);
  await expect(admin.getByRole('heading', { name: `Thành viên của ${HONG_GAI_TEAM}` })).toBeVisible();
  await expect(admin.locator('.app-team__members')).toContainText('truong-to-hong-gai@example.org');
  await expect(admin.getByLabel('Email', { exact: true })).toHaveValue('');

  await admin.getByRole('button', { name: 'Yêu cầu', exact: true }).click();
  await expect(scope).toBeVisible();
  expect(teamListReads).toHaveLength(1);
});

test('the workspace page keeps to its budget of JavaScript up front (BUDGETS.workspaceJs), compressed', () => {
  const weight = weighPage(path.join(ROOT, E2E_DIST), 'doi/index.html');
  test.info().annotations.push({ type: 'workspace JS (gzip)', description: `${weight.js} B` });
  expect(weight.js).toBeGreaterThan(0);
  expect(weight.js).toBeLessThanOrEqual(BUDGETS.workspaceJs);
});
