import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';
import { fillBookingForm, queryRows, sendBookingForm, shownReferenceCode } from './flows.ts';

/**
 * Usability fixes of issue 16 on the citizen's booking and status pages, on a 360 px phone against
 * the production build served by a stack of this file's own (in-memory PGlite, demo seed).
 */

let stack: Stack;
const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

test.beforeAll(async () => {
  // Starting a stack takes long on a busy machine (two workers share the CPU).
  test.setTimeout(180_000);
  stack = await startStack({ database: E2E_STACK_DATABASE, seed: true, siteDir: path.join(ROOT, E2E_DIST), jobs: false });
});

test.afterAll(async () => {
  await stack?.stop();
});

const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => queryRows<T>(stack.databaseUrl, text, values);

/** Fills everything but the commune. */
async function fillAllButCommune(page: Page, phone: string) {
  await fillBookingForm(page, { phone, name: 'Nguyễn Thị Mai' });
}

/** Books for Phường Hồng Gai; returns the reference code. */
async function book(page: Page, phone: string): Promise<string> {
  await page.goto(`${stack.url}/dat-lich/?xa=hong-gai`);
  await expect(page.getByText('Đã chọn: Phường Hồng Gai')).toBeVisible();
  await fillAllButCommune(page, phone);
  await sendBookingForm(page);
  return shownReferenceCode(page);
}

test.describe('commune typed without tapping (point 15)', () => {
  test('"hong gai" typed and sent is accepted as Phường Hồng Gai', async ({ page }) => {
    await page.goto(`${stack.url}/dat-lich/`);
    await fillAllButCommune(page, '0912345101');
    await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('hong gai');
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
    const rows = await sql(`select commune_code from app.help_requests where citizen_phone = '0912345101'`);
    expect(rows).toEqual([{ commune_code: '06685' }]);
  });

  test('a name matching several communes asks to tap one in the list', async ({ page }) => {
    await page.goto(`${stack.url}/dat-lich/`);
    await fillAllButCommune(page, '0912345102');
    await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('quang');
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await expect(page.locator('#bk-commune-error')).toContainText('Chạm vào tên xã, phường trong danh sách');
    expect(await sql(`select 1 from app.help_requests where citizen_phone = '0912345102'`)).toHaveLength(0);
  });
});

test('proxy booking asks who it is for first; the location button speaks of the person helped (point 18)', async ({ page }) => {
  await page.goto(`${stack.url}/dat-lich/`);
  const form = page.locator('form.app-booking');
  // The first question of the form.
  const first = form.locator('fieldset.app-booking__fieldset > :first-child');
  await expect(first.locator('legend')).toHaveText('Bạn đặt cho ai?');
  await expect(page.getByRole('button', { name: 'Dùng vị trí của tôi' })).toBeVisible();
  await page.getByLabel('Tôi đặt hộ người thân/hàng xóm').check();
  await expect(page.getByRole('button', { name: 'Dùng vị trí của tôi' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /người cần giúp/ })).toBeVisible();
  await expect(page.locator('#bk-location-hint')).toContainText('người cần giúp');
});

test('"Gửi yêu cầu khác" keeps the commune of the poster (point 22)', async ({ page }) => {
  await book(page, '0912345103');
  await page.getByRole('button', { name: 'Gửi yêu cầu khác' }).click();
  await expect(page.getByText('Đã chọn: Phường Hồng Gai')).toBeVisible();
  await expect(page.getByLabel('Số điện thoại của bạn')).toHaveValue('');
});

test('offline, the booking page says the phone is offline, not that the server failed (point 19)', async ({ page }) => {
  // As when the page comes from the offline copy: no network at all.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { get: () => false }));
  await page.route('**/rest/v1/**', (route) => route.abort('internetdisconnected'));
  await page.goto(`${stack.url}/dat-lich/`);
  await expect(page.getByText(/Điện thoại đang mất mạng/)).toBeVisible();
  await expect(page.getByText(/Hệ thống đặt lịch đang tạm thời/)).toHaveCount(0);
});

test('the reference code is never broken across lines at 360 px, also at A++ (point 17)', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('app-text-scale', '1.45'));
  await book(page, '0912345105');
  const code = page.getByTestId('reference-code');
  const lines = await code.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
  expect(lines).toBe(1);
  const box = (await code.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // The status page's heading too ("Yêu cầu QN-…"), at A++ and on a 320 px screen.
  const text = ((await code.textContent()) ?? '').trim();
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(`${stack.url}/tra-cuu/`);
  await page.locator('#lk-code').fill(text);
  await page.locator('#lk-phone').fill('0912345105');
  await page.getByRole('button', { name: 'Xem tình trạng' }).click();
  const heading = page.getByRole('heading', { name: `Yêu cầu ${text}` });
  await expect(heading).toBeVisible();
  const codeLines = await heading.evaluate((el, wanted) => {
    // The lines the code itself sits on.
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const tops = new Set<number>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted.slice(0, 3));
      if (at === -1) continue;
      for (let i = at; i < at + wanted.length && i < node.textContent!.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        tops.add(Math.round(range.getBoundingClientRect().top));
      }
    }
    return tops.size;
  }, text);
  expect(codeLines).toBe(1);
});

test('after "Đã xong" the citizen says in one tap whether the help worked (point 22)', async ({ page }) => {
  const code = await book(page, '0912345106');
  await sql(
    `update app.help_requests set status = 'closed', outcome = 'helped', accepted_at = now(), closed_at = now()
     where reference_code = $1`,
    [code],
  );
  await page.goto(`${stack.url}/tra-cuu/`);
  await page.locator('#lk-code').fill(code);
  await page.locator('#lk-phone').fill('0912345106');
  await page.getByRole('button', { name: 'Xem tình trạng' }).click();
  await expect(page.getByTestId('status')).toHaveText('Đã xong');
  await expect(page.getByRole('heading', { name: 'Tổ đã giúp được bạn chưa?' })).toBeVisible();
  await page.getByRole('button', { name: 'Có, đã làm được' }).click();
  await expect(page.getByText('Cảm ơn bạn đã trả lời.')).toBeVisible();
  const rows = await sql(
    `select r.helped from app.help_ratings r join app.help_requests h on h.id = r.request_id where h.reference_code = $1`,
    [code],
  );
  expect(rows).toEqual([{ helped: true }]);
});

test.describe('cancel on /tra-cuu/ (point 19)', () => {
  test('the disabled button says why, focus goes to the status, the erase form is pre-filled and big enough', async ({ page }) => {
    const code = await book(page, '0912345104');
    await page.goto(`${stack.url}/tra-cuu/`);
    await page.locator('#lk-code').fill(code);
    await page.locator('#lk-phone').fill('0912 345 104');
    await page.getByRole('button', { name: 'Xem tình trạng' }).click();
    await expect(page.getByRole('heading', { name: `Yêu cầu ${code}` })).toBeFocused();

    const cancel = page.getByRole('button', { name: 'Huỷ yêu cầu' });
    await expect(cancel).toBeDisabled();
    const why = page.getByText('Chọn một lý do ở trên để huỷ yêu cầu.');
    await expect(why).toBeVisible();
    const describedBy = (await cancel.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await why.getAttribute('id'));

    // The erase form below holds the same code and phone.
    await expect(page.locator('#erase-code')).toHaveValue(code);
    await expect(page.locator('#erase-phone')).toHaveValue('0912345104');
    await page.locator('#erase-confirm').scrollIntoViewIfNeeded();
    const box = (await page.locator('#erase-confirm').boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);

    await page.getByLabel('Tôi đặt nhầm hoặc đặt trùng').check();
    await expect(why).toHaveCount(0);
    await cancel.click();
    await page.getByRole('button', { name: 'Có, tôi chắc chắn' }).click();
    await expect(page.getByTestId('status')).toHaveText('Đã huỷ');
    await expect(page.getByRole('heading', { name: `Yêu cầu ${code}` })).toBeFocused();
  });
});
