import { expect, type Page } from '@playwright/test';
import pg from 'pg';

/**
 * Flows several e2e specs go through the same way: signing in with the code emailed by the local
 * auth stand-in (read, as a person would, from its mailbox page), and filling and sending the
 * booking form of /dat-lich/ as a citizen; and reading rows straight from the stack's database.
 */

/** Runs one query on the database at `databaseUrl` (a connection of its own) and returns the rows. */
export async function queryRows<T = Record<string, unknown>>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface SignInOptions {
  /** The page that asks for the email: /doi/ (the default) or /quan-tri/. */
  at?: string;
  /** The label of its email field: 'Email của bạn' on /doi/ (the default), 'Email' on /quan-tri/. */
  emailLabel?: string;
  /** Also check that the emailed code is six digits before typing it. */
  expectSixDigitCode?: boolean;
}

/** Signs in at `siteUrl` + /doi/ (or `at`) with the code read from the local mailbox page. */
export async function signInWithEmailedCode(page: Page, siteUrl: string, email: string, options: SignInOptions = {}) {
  const { at = '/doi/', emailLabel = 'Email của bạn', expectSixDigitCode = false } = options;
  await page.goto(`${siteUrl}${at}`);
  await page.getByLabel(emailLabel).fill(email);
  await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
  await expect(page.getByLabel('Mã đăng nhập (6 số)')).toBeVisible();
  const mailbox = await page.context().newPage();
  await mailbox.goto(`${siteUrl}/auth/v1/mailbox`);
  const code = (await mailbox.getByRole('row', { name: email }).first().locator('strong').textContent()) ?? '';
  await mailbox.close();
  if (expectSixDigitCode) expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel('Mã đăng nhập (6 số)').fill(code);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

export interface BookingFormEntry {
  phone: string;
  name: string;
  /**
   * The commune, typed without diacritics (`typed`) and tapped in the list by its full `name`; left
   * out when the page already has one (?xa=…) or the test leaves it empty.
   */
  commune?: { typed: string; name: string; expectChosen?: boolean };
}

/**
 * Fills the open booking form: phone, name, the commune (if given; with `expectChosen`, waits for
 * "Đã chọn: …"), VssID as the need, and the consent box. Does not send it.
 */
export async function fillBookingForm(page: Page, { phone, name, commune }: BookingFormEntry) {
  await page.getByLabel('Số điện thoại của bạn').fill(phone);
  await page.getByLabel('Họ và tên', { exact: true }).fill(name);
  if (commune) {
    await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill(commune.typed);
    await page.getByRole('button', { name: new RegExp(`^${commune.name}`) }).click();
    if (commune.expectChosen) await expect(page.getByText(`Đã chọn: ${commune.name}`)).toBeVisible();
  }
  await page.getByLabel('VssID').check();
  await page.getByLabel(/Tôi đồng ý cho tổ công nghệ số/).check();
}

/** Sends the booking form and waits for the confirmation. */
export async function sendBookingForm(page: Page) {
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
}

/** The reference code shown on the confirmation. */
export async function shownReferenceCode(page: Page): Promise<string> {
  return ((await page.getByTestId('reference-code').textContent()) ?? '').trim();
}
