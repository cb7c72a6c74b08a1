import path from 'node:path';
import { expect, test, type Page, type Route } from '@playwright/test';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';
import { queryRows, signInWithEmailedCode } from './flows.ts';

/**
 * On a slow network the forms of /dat-lich/, /tra-cuu/ and /doi/ are usable before React runs
 * (issue 17; src/components/site/EarlySend.astro): the server-rendered form can be typed into and
 * sent, the send is held (no native GET submit: no reload, nothing in the address), and the island
 * sends it once when it has hydrated, with what was typed. The islands' JavaScript is held back by
 * route interception until the test lets it through; the stack is this file's own, so the tests
 * can count rows and emailed codes.
 */

let stack: Stack;

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test.beforeAll(async () => {
  // Starting a stack takes long on a busy machine.
  test.setTimeout(180_000);
  stack = await startStack({ database: E2E_STACK_DATABASE, seed: true, siteDir: path.join(ROOT, E2E_DIST) });
});

test.afterAll(async () => {
  await stack?.stop();
});

const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => queryRows<T>(stack.databaseUrl, text, values);

/** Holds every built JavaScript module (the islands, React) until `release()`. */
async function holdScripts(page: Page) {
  const held: Route[] = [];
  let released = false;
  await page.route('**/_astro/*.js', (route) => (released ? route.continue() : void held.push(route)));
  return {
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** Calls of one RPC (or auth path) the page makes, counted from the browser's side. */
function countRequests(page: Page, part: string) {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(part) && request.method() === 'POST') urls.push(request.url());
  });
  return urls;
}

/** Opens `url` with the scripts held; the form is shown with the early-send handler, not hydrated. */
async function openEarly(page: Page, url: string, form: string) {
  const scripts = await holdScripts(page);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${stack.url}${url}`, { waitUntil: 'commit' });
  await expect(page.locator(`#${form}[data-early="ready"]`)).toBeVisible();
  await expect(page.locator(`#${form}[data-hydrated]`)).toHaveCount(0);
  return { ...scripts, errors };
}

test('booking: typed and sent before React runs, it is sent once when the island is up', async ({ page, browser }) => {
  const calls = countRequests(page, '/rest/v1/rpc/request_help');
  const early = await openEarly(page, '/dat-lich/', 'bk-form');
  await page.getByLabel('Số điện thoại của bạn').fill('0912 345 101');
  await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Sớm');
  // Without React the list of matches does not show; a name that names one commune is accepted.
  await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('Phường Hạ Long');
  await page.getByLabel('VssID').check();
  await page.getByLabel(/Tôi đồng ý cho tổ công nghệ số/).check();
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByText('Đang gửi… Xin chờ trong giây lát, đừng tải lại trang.')).toBeVisible();
  // A second tap while waiting changes nothing.
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.locator('#bk-form')).toHaveAttribute('data-early', 'sent');
  expect(page.url()).toBe(`${stack.url}/dat-lich/`);
  expect(calls).toHaveLength(0);

  await early.release();
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
  const code = ((await page.getByTestId('reference-code').textContent()) ?? '').trim();
  const rows = await sql(
    `select reference_code, citizen_name, commune_code, needs from app.help_requests where citizen_phone = '0912345101'`,
  );
  expect(rows).toEqual([{ reference_code: code, citizen_name: 'Trần Văn Sớm', commune_code: expect.any(String), needs: ['vssid'] }]);
  expect(calls).toHaveLength(1);
  expect(page.url()).toBe(`${stack.url}/dat-lich/`);
  await expect(page.getByText(/Đang gửi… Xin chờ/)).toBeHidden();
  expect(early.errors).toEqual([]);

  // A reload of the tab shows the confirmation again: until the island runs, no empty form. (A
  // fresh tab with this tab's sessionStorage: a reload would take the scripts from memory.)
  const kept = await page.evaluate(() => JSON.stringify(sessionStorage));
  const reloaded = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await reloaded.addInitScript((entries) => {
    for (const [key, value] of Object.entries(JSON.parse(entries) as Record<string, string>)) sessionStorage.setItem(key, value);
  }, kept);
  const scripts = await holdScripts(reloaded);
  await reloaded.goto(`${stack.url}/dat-lich/`, { waitUntil: 'commit' });
  await expect(reloaded.locator('#bk-form[data-early="ready"]')).toBeAttached();
  await expect(reloaded.getByText('Đang tải biểu mẫu…')).toBeVisible();
  await expect(reloaded.locator('#bk-form')).toBeHidden();
  await scripts.release();
  await expect(reloaded.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
  await expect(reloaded.getByText('Đang tải biểu mẫu…')).toBeHidden();
  // Another booking: the island's new form shows (the styles hide only the server's form).
  await reloaded.getByRole('button', { name: 'Gửi yêu cầu khác' }).click();
  await expect(reloaded.getByLabel('Số điện thoại của bạn')).toBeVisible();
  await reloaded.context().close();
});

test('booking: sent early with a field missing, the island shows the usual errors and keeps the values', async ({ page }) => {
  const calls = countRequests(page, '/rest/v1/rpc/request_help');
  const early = await openEarly(page, '/dat-lich/', 'bk-form');
  await page.getByLabel('Số điện thoại của bạn').fill('0912345102');
  await page.getByLabel('Họ và tên', { exact: true }).fill('Lê Thị Chờ');
  await page.getByLabel('VssID').check();
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByText(/Đang gửi… Xin chờ/)).toBeVisible();

  await early.release();
  const summary = page.locator('.app-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Chọn xã, phường hoặc đặc khu nơi cần giúp',
    'Đánh dấu ô đồng ý để tổ công nghệ số được liên hệ và giúp bạn',
  ]);
  await expect(page.getByLabel('Số điện thoại của bạn')).toHaveValue('0912345102');
  await expect(page.getByLabel('Họ và tên', { exact: true })).toHaveValue('Lê Thị Chờ');
  await expect(page.getByLabel('VssID')).toBeChecked();
  await expect(page.getByText(/Đang gửi… Xin chờ/)).toBeHidden();
  expect(calls).toHaveLength(0);

  // Fixed, it goes through the island's normal path, once.
  await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('ha long');
  await page.getByRole('button', { name: /^Phường Hạ Long/ }).click();
  await page.getByLabel(/Tôi đồng ý cho tổ công nghệ số/).check();
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
  expect(await sql(`select 1 from app.help_requests where citizen_phone = '0912345102'`)).toHaveLength(1);
  expect(calls).toHaveLength(1);
  expect(early.errors).toEqual([]);
});

test('status look-up: typed and sent before React runs, it is looked up once', async ({ page, browser }) => {
  // A request to look up, booked the ordinary way in another tab.
  const booking = await browser.newPage();
  await booking.goto(`${stack.url}/dat-lich/`);
  await booking.getByLabel('Số điện thoại của bạn').fill('0912345103');
  await booking.getByLabel('Họ và tên', { exact: true }).fill('Phạm Văn Tra');
  await booking.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('ha long');
  await booking.getByRole('button', { name: /^Phường Hạ Long/ }).click();
  await booking.getByLabel('VssID').check();
  await booking.getByLabel(/Tôi đồng ý cho tổ công nghệ số/).check();
  await booking.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  const code = ((await booking.getByTestId('reference-code').textContent()) ?? '').trim();
  await booking.close();

  const calls = countRequests(page, '/rest/v1/rpc/request_status');
  const early = await openEarly(page, '/tra-cuu/', 'lk-form');
  await page.locator('#lk-code').fill(code.toLowerCase());
  await page.locator('#lk-phone').fill('0912 345 103');
  await page.getByRole('button', { name: 'Xem tình trạng' }).click();
  await expect(page.getByText(/Đang gửi… Xin chờ/)).toBeVisible();
  expect(page.url()).toBe(`${stack.url}/tra-cuu/`);
  expect(calls).toHaveLength(0);

  await early.release();
  await expect(page.getByRole('heading', { name: `Yêu cầu ${code}` })).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('Đã giao cho tổ');
  expect(calls).toHaveLength(1);
  expect(page.url()).toBe(`${stack.url}/tra-cuu/`);
  expect(early.errors).toEqual([]);
});

for (const [workspace, email] of [
  ['/doi/', 'to-bai-chay@example.org'],
  ['/quan-tri/', 'admin@example.org'],
]) {
  test(`${workspace} sign-in: the email typed and sent before React runs gets one code`, async ({ page }) => {
    const mailbox = async () =>
      ((await (await fetch(`${stack.url}/auth/v1/mailbox.json`)).json()) as { email: string }[]).filter((entry) => entry.email === email);
    const before = (await mailbox()).length;
    const early = await openEarly(page, workspace, 'tw-signin');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
    await expect(page.getByText(/Đang gửi… Xin chờ/)).toBeVisible();
    expect(page.url()).toBe(`${stack.url}${workspace}`);

    await early.release();
    await expect(page.getByLabel('Mã đăng nhập (6 số)')).toBeVisible();
    await expect(page.getByText(/Đang gửi… Xin chờ/)).toBeHidden();
    await expect.poll(async () => (await mailbox()).length).toBe(before + 1);
    // Nothing more arrives (the send happened once).
    await page.waitForTimeout(500);
    expect((await mailbox()).length).toBe(before + 1);
    expect(early.errors).toEqual([]);
  });
}

test('/doi/ with a stored session: the sign-in form never shows; the workspace comes once React runs', async ({ page, browser }) => {
  await signInWithEmailedCode(page, stack.url, 'to-hong-gai@example.org');
  await expect(page.getByRole('heading', { name: /^Yêu cầu của Tổ công nghệ số phường Hồng Gai/ })).toBeVisible();

  // Again in a fresh tab (cold cache, the session stored) with the scripts held: the stored
  // session hides the server-rendered form meanwhile and shows a loading line instead.
  const context = await browser.newContext({ storageState: await page.context().storageState(), viewport: { width: 360, height: 740 } });
  const again = await context.newPage();
  const scripts = await holdScripts(again);
  const errors: string[] = [];
  again.on('pageerror', (error) => errors.push(error.message));
  again.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await again.goto(`${stack.url}/doi/`, { waitUntil: 'commit' });
  await expect(again.locator('#tw-signin[data-early="ready"]')).toBeAttached();
  await expect(again.locator('#tw-signin[data-hydrated]')).toHaveCount(0);
  await expect(again.getByText('Đang tải trang làm việc…')).toBeVisible();
  await expect(again.locator('#tw-signin')).toBeHidden();
  // Every frame from now on: the sign-in form must not appear on the way to the workspace.
  await again.evaluate(() => {
    const w = window as unknown as { signInShown: boolean };
    w.signInShown = false;
    const check = () => {
      const form = document.getElementById('tw-signin');
      if (form && form.offsetParent !== null) w.signInShown = true;
      requestAnimationFrame(check);
    };
    check();
  });
  await scripts.release();
  await expect(again.getByText('Đăng nhập bằng to-hong-gai@example.org')).toBeVisible({ timeout: 30_000 });
  await expect(again.getByRole('heading', { name: /^Yêu cầu của Tổ công nghệ số phường Hồng Gai/ })).toBeVisible({ timeout: 30_000 });
  expect(await again.evaluate(() => (window as unknown as { signInShown: boolean }).signInShown)).toBe(false);
  // Signing out shows the island's own sign-in form (the styles hide only the server's form).
  await again.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await expect(again.getByLabel('Email của bạn')).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
