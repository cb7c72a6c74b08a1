import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { E2E_DIST, ROOT } from './e2e-env.ts';

/**
 * The citizen's side of the notifications issue on a 360 px phone, against the production build
 * served by a stack of this file's own (in-memory PGlite with the demo seed), so the tests can read
 * the database: a booking made offline survives closing the tab and is sent once from another page
 * on the next visit; the codes this device sent are listed on /tra-cuu/ until removed.
 */

let stack: Stack;
const CODE = /QN-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}/;

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test.beforeAll(async () => {
  stack = await startStack({ database: 'memory', seed: true, siteDir: path.join(ROOT, E2E_DIST) });
});

test.afterAll(async () => {
  await stack?.stop();
});

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Fills the form for a citizen of Phường Hạ Long. */
async function fillForm(page: Page, phone: string) {
  await page.getByLabel('Số điện thoại của bạn').fill(phone);
  await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Mai');
  await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('ha long');
  await page.getByRole('button', { name: /^Phường Hạ Long/ }).click();
  await page.getByLabel('VssID').check();
  await page.getByLabel(/Tôi đồng ý cho tổ công nghệ số/).check();
}

test('a booking made offline survives closing the tab and is sent once from another page', async ({ context }) => {
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
  const rows = await sql(`select reference_code, commune_code from app.help_requests where citizen_phone = '0912345101'`);
  expect(rows).toEqual([{ reference_code: code, commune_code: '06688' }]);
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
  await list.getByRole('button', { name: `Xoá mã ${code} khỏi máy này` }).click();
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
    { citizen_phone: '0912345104', message_channel: 'zalo', message_consent_version: '2026-11-28' },
  ]);
});
