import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';
import { fillBookingForm, sendBookingForm, shownReferenceCode, signInWithEmailedCode } from './flows.ts';

/**
 * Usability fixes of issue 16 in the team workspace (/doi/), on a 360 px phone against the
 * production build served by a stack of this file's own (in-memory PGlite, demo seed).
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

async function phone(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'vi-VN', colorScheme });
  return context.newPage();
}

const signIn = (page: Page, email: string) => signInWithEmailedCode(page, stack.url, email);

async function book(page: Page, phoneNumber: string): Promise<string> {
  await page.goto(`${stack.url}/dat-lich/?xa=hong-gai`);
  await expect(page.getByText('Đã chọn: Phường Hồng Gai')).toBeVisible();
  await fillBookingForm(page, { phone: phoneNumber, name: 'Trần Văn Hùng' });
  await sendBookingForm(page);
  return shownReferenceCode(page);
}

test('wording, one-tap note, visible history, dated deadlines, and a clean hand-over (point 20)', async ({ browser }) => {
  test.setTimeout(120_000);
  const code = await book(await phone(browser), '0912345201');
  const member = await phone(browser);
  const bad: string[] = [];
  member.on('response', (response) => {
    if (response.url().includes('/rest/v1/rpc/') && response.status() >= 400) bad.push(`${response.status()} ${response.url()}`);
  });
  await signIn(member, 'to-hong-gai@example.org');

  // Deadlines carry the date as well as the time: "Nhận trước 16:30 ngày 30/11".
  const item = member.locator(`[data-reference="${code}"]`);
  await expect(item).toContainText(/Nhận trước \d{2}:\d{2} ngày \d{2}\/\d{2}/);
  await item.click();
  await expect(member.getByText(/Hạn nhận: \d{2}:\d{2} ngày \d{2}\/\d{2}/)).toBeVisible();

  // The history shows its content under a real heading, not behind an empty-looking one.
  const history = member.getByRole('heading', { name: 'Lịch sử yêu cầu' });
  await expect(history).toBeVisible();
  await expect(member.locator('.app-team__history li').first()).toBeVisible();

  await member.getByRole('button', { name: 'Tôi nhận' }).click();
  await expect(member.getByTestId('call-link')).toBeVisible();

  // One tap on "Thêm ghi chú" in the notes section opens the note form.
  await member.getByRole('button', { name: 'Thêm ghi chú' }).click();
  await expect(member.locator('textarea#tw-note')).toBeVisible();
  await member.locator('textarea#tw-note').fill('Hẹn chiều mai.');
  await member.getByRole('button', { name: 'Lưu ghi chú' }).click();
  await expect(member.getByText('Đã lưu ghi chú.')).toBeVisible();

  // Other actions sit behind "Thao tác khác".
  await member.getByRole('button', { name: 'Thao tác khác' }).click();
  await member.getByRole('button', { name: 'Chuyển tổ khác' }).click();
  await member.locator('input[name="tw-team"], input[id^="tw-team-"]').first().check();
  await member.getByLabel('Nhà người dân ở xa tổ mình').check();
  await member.getByRole('button', { name: 'Chuyển', exact: true }).click();

  // Back at the queue with the news; the request is not read again (it is no longer the team's).
  await expect(member.getByText(new RegExp(`^Đã chuyển yêu cầu ${code} cho `))).toBeVisible();
  await expect(member.getByRole('heading', { name: /^Yêu cầu của / })).toBeVisible();
  await expect(member.locator(`[data-reference="${code}"]`)).toHaveCount(0);
  expect(bad).toEqual([]);
});

test('the signed-in workspace keeps its contrast in the dark scheme (point 23)', async ({ browser }) => {
  test.setTimeout(120_000);
  const code = await book(await phone(browser), '0912345202');
  const member = await phone(browser, 'dark');
  await signIn(member, 'to-hong-gai@example.org');
  const item = member.locator(`[data-reference="${code}"]`);
  await expect(item).toBeVisible();
  const queue = await new AxeBuilder({ page: member }).analyze();
  expect(queue.violations.map((v) => `queue: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await item.click();
  await member.getByRole('button', { name: 'Tôi nhận' }).click();
  await expect(member.getByTestId('call-link')).toBeVisible();
  const request = await new AxeBuilder({ page: member }).analyze();
  expect(request.violations.map((v) => `request: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
