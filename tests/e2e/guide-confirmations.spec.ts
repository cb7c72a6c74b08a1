import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { vietnamDay } from '../../src/lib/domain/vietnam-time.ts';
import { E2E_DIST, E2E_STACK_DATABASE, ROOT } from './e2e-env.ts';
import { signInWithEmailedCode } from './flows.ts';

/**
 * Volunteers confirm guides in the real app, against the production build served by a stack of
 * this file's own (in-memory PGlite with the demo seed): a member records "các bước vẫn đúng" in
 * /doi/ and the guide page shows the stamp; a member reports a changed step and the guide page
 * shows the notice; an admin marks the report handled in /quan-tri/ and the notice goes.
 */

let stack: Stack;
const PHONE = { width: 360, height: 740 };
const GUIDE = { code: 'tx3', path: '/etax/ma-so-thue/', title: 'Dùng số CCCD 12 số làm mã số thuế cá nhân' };
const TEAM = 'Tổ công nghệ số phường Móng Cái 1 (dữ liệu mẫu)';
const NOTICE = /một bước trong hướng dẫn này có thể đã thay đổi/;

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

test.beforeAll(async () => {
  // Starting a stack takes long on a busy machine (two workers share the CPU).
  test.setTimeout(180_000);
  stack = await startStack({ database: E2E_STACK_DATABASE, seed: true, siteDir: path.join(ROOT, E2E_DIST), jobs: false });
});

test.afterAll(async () => {
  await stack?.stop();
});

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'vi-VN' });
  return context.newPage();
}

/** Signs in at `path` (/doi/ or /quan-tri/) with the code from the local mailbox page. */
async function signIn(page: Page, where: string, email: string, emailLabel: string) {
  await signInWithEmailedCode(page, stack.url, email, { at: where, emailLabel });
}

/** Fills the confirmation form of /doi/ and sends it. */
async function confirmGuide(page: Page, differs?: { step: string; note: string }) {
  await page.getByText('Xác nhận hướng dẫn trên ứng dụng thật').click();
  await page.getByLabel('Hướng dẫn', { exact: true }).selectOption(GUIDE.code);
  // The guide's app is the first guess.
  await expect(page.getByLabel('Ứng dụng', { exact: true })).toHaveValue('eTax Mobile');
  await page.getByLabel('Phiên bản ứng dụng').fill('1.6');
  await page.getByLabel('Android').check();
  if (differs) {
    await page.getByLabel('Có bước khác với hướng dẫn').check();
    await page.getByLabel('Bước số mấy khác?').fill(differs.step);
    await page.getByLabel('Màn hình bây giờ hiện gì?').fill(differs.note);
  } else {
    await page.getByLabel('Các bước vẫn đúng').check();
  }
  await page.getByRole('button', { name: 'Gửi xác nhận' }).click();
}

test('a member confirms a guide, reports a changed step, and an admin marks it handled', async ({ browser }) => {
  test.setTimeout(120_000);
  const citizen = await phone(browser);
  await citizen.goto(`${stack.url}${GUIDE.path}`);
  // Not confirmed yet: only the static stamp.
  await expect(citizen.getByText('Chưa kiểm tra trên ứng dụng thật — nếu màn hình khác, hãy gọi tổ hỗ trợ.')).toBeVisible();
  await expect(citizen.locator('.app-guide__confirmed')).toBeHidden();
  await expect(citizen.getByText(NOTICE)).toBeHidden();

  const member = await phone(browser);
  await signIn(member, '/doi/', 'to-mong-cai@example.org', 'Email của bạn');
  await confirmGuide(member);
  await expect(member.getByText(`Đã ghi: các bước của “${GUIDE.title}” vẫn đúng. Cảm ơn bạn.`)).toBeVisible();

  const [year, month, day] = vietnamDay().split('-');
  await citizen.reload();
  await expect(citizen.locator('.app-guide__confirmed')).toHaveText(
    `${TEAM} đã làm theo hướng dẫn này trên eTax Mobile 1.6 ngày ${day}/${month}/${year}.`,
  );
  await expect(citizen.getByText(NOTICE)).toBeHidden();

  await member.reload();
  await confirmGuide(member, { step: '2', note: 'Nút "Tra cứu" nay nằm trong mục "Tiện ích"' });
  await expect(member.getByText(/Đã ghi báo cáo về/)).toBeVisible();
  const memberAxe = await new AxeBuilder({ page: member }).analyze();
  expect(memberAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await citizen.reload();
  await expect(citizen.getByText(NOTICE)).toBeVisible();

  const admin = await phone(browser);
  await signIn(admin, '/quan-tri/', 'admin@example.org', 'Email');
  await admin.getByRole('button', { name: 'Rà soát hướng dẫn' }).click();
  const first = admin.locator('.app-admin__review-item').first();
  await expect(first).toHaveAttribute('data-guide', GUIDE.code);
  await expect(first).toContainText('1 báo cáo chưa xử lý');
  await expect(first).toContainText('Nút "Tra cứu" nay nằm trong mục "Tiện ích"');
  const adminAxe = await new AxeBuilder({ page: admin }).analyze();
  expect(adminAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await first.getByRole('button', { name: /Đã xử lý/ }).click();
  await expect(admin.getByText('Đã đánh dấu báo cáo là đã xử lý.')).toBeVisible();
  await expect(admin.locator('.app-admin__review-item').first()).not.toContainText('báo cáo chưa xử lý');

  await citizen.reload();
  await expect(citizen.locator('.app-guide__confirmed')).toBeVisible();
  await expect(citizen.getByText(NOTICE)).toBeHidden();
});
