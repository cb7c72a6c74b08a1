import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CONSENT_VERSION } from '../../src/lib/schemas/help-request.ts';
import AxeBuilder from '@axe-core/playwright';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';
import { fillBookingForm, queryRows } from './flows.ts';

/**
 * The citizen's side of the notifications issue on a 360 px phone, against the production build
 * served by a stack of this file's own (in-memory PGlite with the demo seed), so the tests can read
 * the database: a booking made offline survives closing the tab and is sent once from another page
 * on the next visit; the codes this device sent are listed on /tra-cuu/ until removed; messages to
 * the citizen only when ticked; "Quên mã? Tìm bằng số điện thoại" with the code sent by SMS.
 */

let stack: Stack;
const CODE = /QN-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}/;

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test.beforeAll(async () => {
  // Starting a stack takes long on a busy machine (two workers share the CPU).
  test.setTimeout(180_000);
  // With the notify function under Deno, so the look-up code's SMS lands in /_local/outbox.json.
  stack = await startStack({ database: E2E_STACK_DATABASE, seed: true, siteDir: path.join(ROOT, E2E_DIST), functions: true });
});

test.afterAll(async () => {
  await stack?.stop();
});

const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => queryRows<T>(stack.databaseUrl, text, values);

/** Fills the form for a citizen of Phường Hạ Long. */
async function fillForm(page: Page, phone: string) {
  await fillBookingForm(page, { phone, name: 'Nguyễn Thị Mai', commune: { typed: 'ha long', name: 'Phường Hạ Long' } });
}

test('a booking made offline survives closing the tab and is sent once from another page', async ({ browser }) => {
  // Without the offline-copies service worker: Playwright's offline emulation does not reach the
  // requests a service worker passes through, so the "offline" submit could get out.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', serviceWorkers: 'block' });
  const form = await context.newPage();
  await form.goto(`${stack.url}/dat-lich/`);
  await fillForm(form, '0912 345 101');
  await context.setOffline(true);
  await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(form.getByText('Đang chờ mạng để gửi…')).toBeVisible();
  // The tab is closed while the request waits: only the device's storage keeps it.
  await form.close();
  expect(await sql(`select 1 from app.help_requests where citizen_phone = '0912345101'`)).toHaveLength(0);

  // Next visit, online, to a guide page: the request goes out once, and the citizen is told its code.
  await context.setOffline(false);
  const guide = await context.newPage();
  let calls = 0;
  guide.on('request', (request) => {
    if (request.url().endsWith('/rest/v1/rpc/request_help')) calls += 1;
  });
  await guide.goto(`${stack.url}/vssid/quen-mat-khau/`);
  const notice = guide.locator('[data-pending="sent"]');
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText('nay đã được gửi');
  const code = (await notice.locator('[data-pending-code]').textContent()) ?? '';
  expect(code).toMatch(CODE);
  const rows = await sql(
    `select reference_code, commune_code, verification_word from app.help_requests where citizen_phone = '0912345101'`,
  );
  expect(rows).toEqual([{ reference_code: code, commune_code: '06688', verification_word: expect.any(String) }]);
  // The word the volunteer will say when calling, with the anti-scam sentence.
  await expect(notice.locator('[data-pending-word]')).toHaveText(rows[0].verification_word as string);
  expect(calls).toBe(1);

  // Another page later: nothing waits any more, nothing is sent again.
  await guide.goto(`${stack.url}/huong-dan/`);
  await guide.waitForLoadState('networkidle');
  await expect(guide.locator('[data-pending="sent"]')).toBeHidden();
  expect(calls).toBe(1);
  expect(await guide.evaluate(() => localStorage.getItem('tgs.booking.outbox.v1'))).toBeNull();

  // The notice's link opens the look-up with the code filled in; the device lists it (no name, no phone).
  await guide.goto(`${stack.url}/tra-cuu/?ma=${code}`);
  await expect(guide.locator('#lk-code')).toHaveValue(code);
  const mine = guide.getByRole('region', { name: 'Yêu cầu của bạn trên máy này' });
  await expect(mine.getByRole('button', { name: code, exact: true })).toBeVisible();
  await expect(mine).toContainText('Phường Hạ Long, gửi ngày');
  const stored = (await guide.evaluate(() => localStorage.getItem('tgs.booking.mine.v1'))) ?? '';
  expect(stored).not.toMatch(/Mai|0912345101/);
  await context.close();
});

test('this device’s requests are listed after booking and on /tra-cuu/, fill the look-up, and can be removed', async ({ page }) => {
  await page.goto(`${stack.url}/dat-lich/`);
  await fillForm(page, '0912 345 102');
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  const code = (await page.getByTestId('reference-code').textContent()) ?? '';
  expect(code).toMatch(CODE);
  const mine = page.getByRole('region', { name: 'Yêu cầu của bạn trên máy này' });
  await expect(mine.getByRole('link', { name: code })).toHaveAttribute('href', `/tra-cuu/?ma=${code}`);

  // A new tab (the confirmation of the first is not there): the code is still on the device.
  const other = await page.context().newPage();
  await other.goto(`${stack.url}/tra-cuu/`);
  await expect(other.locator('#lk-code')).toHaveValue('');
  const list = other.getByRole('region', { name: 'Yêu cầu của bạn trên máy này' });
  await list.getByRole('button', { name: code, exact: true }).click();
  await expect(other.locator('#lk-code')).toHaveValue(code);
  await expect(other.locator('#lk-phone')).toBeFocused();
  await other.locator('#lk-phone').fill('0912345102');
  await other.getByRole('button', { name: 'Xem tình trạng' }).click();
  await expect(other.getByRole('heading', { name: `Yêu cầu ${code}` })).toBeVisible();

  await other.goto(`${stack.url}/tra-cuu/`);
  await other.getByRole('button', { name: 'Quên mã? Tìm bằng số điện thoại' }).click();
  const axe = await new AxeBuilder({ page: other }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await list.getByRole('button', { name: `Xoá khỏi máy này: mã ${code}` }).click();
  await expect(list.getByText(`Đã xoá mã ${code} khỏi máy này.`)).toBeVisible();
  await expect(list.getByRole('button', { name: code, exact: true })).toHaveCount(0);
  await other.reload();
  await expect(other.getByRole('button', { name: code, exact: true })).toHaveCount(0);
});

test('messages to the citizen are off by default; ticked, the chosen channel is stored with the consent version', async ({ page }) => {
  await page.goto(`${stack.url}/dat-lich/`);
  const box = page.getByLabel('Nhắn cho tôi mã yêu cầu và tin báo khi tổ nhận, khi xong');
  await expect(box).not.toBeChecked();
  await expect(page.getByText('Nhận tin qua')).toHaveCount(0);
  await fillForm(page, '0912 345 103');
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByTestId('reference-code')).toBeVisible();

  await page.getByRole('button', { name: 'Gửi yêu cầu khác' }).click();
  await fillForm(page, '0912 345 104');
  await box.check();
  await expect(page.getByLabel('Tin nhắn SMS')).toBeChecked();
  await page.getByLabel(/^Zalo/).check();
  // A big target for a thumb.
  expect((await box.boundingBox())!.height).toBeGreaterThanOrEqual(24);
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByTestId('reference-code')).toBeVisible();

  const rows = await sql(
    `select citizen_phone, message_channel, message_consent_version from app.help_requests
      where citizen_phone in ('0912345103', '0912345104') order by citizen_phone`,
  );
  expect(rows).toEqual([
    { citizen_phone: '0912345103', message_channel: null, message_consent_version: null },
    { citizen_phone: '0912345104', message_channel: 'zalo', message_consent_version: CONSENT_VERSION },
  ]);
});

/** The newest look-up code SMS in the local outbox (what the notify function "sent"). */
async function lookupCodes(page: Page): Promise<{ to: string; text: string }[]> {
  const entries = (await (await page.request.get(`${stack.url}/_local/outbox.json`)).json()) as {
    channel: string; template: string | null; to: string; text: string;
  }[];
  return entries.filter((e) => e.channel === 'sms' && e.template === 'lookup_code');
}

test('“Quên mã?”: a code sent to the phone lists its requests; wrong codes, bad phones and the daily limit are told plainly', async ({ page }) => {
  test.setTimeout(90_000);
  const codes: string[] = [];
  for (let i = 0; i < 2; i++) {
    await page.goto(`${stack.url}/dat-lich/`);
    if (i > 0) await page.getByRole('button', { name: 'Gửi yêu cầu khác' }).click();
    await fillForm(page, '0912 345 105');
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    codes.push((await page.getByTestId('reference-code').textContent()) ?? '');
  }

  const fresh = await page.context().browser()!.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const other = await fresh.newPage();
  await other.goto(`${stack.url}/tra-cuu/`);
  await other.getByRole('button', { name: 'Quên mã? Tìm bằng số điện thoại' }).click();
  const phone = other.getByLabel('Số điện thoại', { exact: true }).last();
  await expect(phone).toBeFocused();
  await phone.fill('12345');
  await other.getByRole('button', { name: 'Gửi mã cho tôi' }).click();
  await expect(other.locator('#pl-phone-error')).toContainText('Nhập số điện thoại đúng, ví dụ 0912 345 678');

  await phone.fill('0912 345 105');
  await other.getByRole('button', { name: 'Gửi mã cho tôi' }).click();
  const sent = 'Nếu số 0912 345 105 đã được dùng để đặt lịch, một tin nhắn có mã gồm 6 chữ số sẽ đến số đó trong ít phút.';
  await expect(other.getByText(sent)).toBeVisible();
  await expect.poll(async () => (await lookupCodes(other)).length, { timeout: 10_000 }).toBe(1);
  const [sms] = await lookupCodes(other);
  const oneTime = sms.text.match(/\b(\d{6})\b/)![1];

  const code = other.getByLabel('Mã trong tin nhắn');
  await expect(code).toBeFocused();
  await code.fill(oneTime === '000000' ? '111111' : '000000');
  await other.getByRole('button', { name: 'Xem các yêu cầu' }).click();
  await expect(other.locator('#pl-code-error')).toContainText('Mã chưa đúng, đã hết hạn hoặc đã dùng rồi.');
  await code.fill(oneTime);
  await other.getByRole('button', { name: 'Xem các yêu cầu' }).click();
  await expect(other.getByRole('heading', { name: 'Các yêu cầu của số 0912 345 105' })).toBeFocused();
  for (const c of codes) await expect(other.getByRole('button', { name: c, exact: true })).toBeVisible();
  await expect(other.getByText('Phường Hạ Long, gửi ngày').first()).toBeVisible();
  await other.getByRole('button', { name: codes[0], exact: true }).click();
  await expect(other.getByRole('heading', { name: `Yêu cầu ${codes[0]}` })).toBeVisible();

  // A phone with no requests gets the same answer on the page, and no message is sent; the fourth
  // code of the day for one phone is refused in words.
  await other.goto(`${stack.url}/tra-cuu/`);
  await other.getByRole('button', { name: 'Quên mã? Tìm bằng số điện thoại' }).click();
  await other.getByLabel('Số điện thoại', { exact: true }).last().fill('0912 345 999');
  await other.getByRole('button', { name: 'Gửi mã cho tôi' }).click();
  await expect(other.getByText(sent.replace('0912 345 105', '0912 345 999'))).toBeVisible();
  // A tap while a code is being sent is ignored (the island is busy), so each resend waits for its
  // answer and for the form to be ready again; on a loaded machine a quick second tap was dropped.
  const resend = async () => {
    const answered = other.waitForResponse((response) => response.url().includes('/rest/v1/rpc/request_phone_code'));
    await other.getByRole('button', { name: 'Gửi lại mã' }).click();
    await answered;
    await expect(other.getByRole('button', { name: 'Xem các yêu cầu' })).toBeVisible();
  };
  await resend();
  await resend();
  await expect(other.locator('.app-error-summary')).toBeHidden();
  await resend();
  await expect(other.locator('.app-error-summary [role="alert"]')).toContainText('Mỗi số điện thoại chỉ xin được 3 mã mỗi ngày.');
  expect(await lookupCodes(other)).toHaveLength(1);
  await fresh.close();
});
