import path from 'node:path';
import pg from 'pg';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { E2E_DIST, ROOT } from './e2e-env.ts';

/**
 * Push notifications in a real Chromium, against the production build served by a stack of this
 * file's own (in-memory PGlite with the demo seed). The service worker's `push` handler is fired by
 * the DevTools protocol (ServiceWorker.deliverPushMessage: no push service needed) and its
 * notification read back with registration.getNotifications(); a click is a `notificationclick`
 * dispatched inside the worker (headless Chromium shows no notification to click).
 */

let stack: Stack;
const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

test.beforeAll(async () => {
  stack = await startStack({ database: 'memory', seed: true, siteDir: path.join(ROOT, E2E_DIST), jobs: false });
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

/** Signs in at /doi/ with the code from the local mailbox page. */
async function signIn(page: Page, email: string) {
  await page.goto(`${stack.url}/doi/`);
  await page.getByLabel('Email của bạn').fill(email);
  await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
  await expect(page.getByLabel('Mã đăng nhập (6 số)')).toBeVisible();
  const mailbox = await page.context().newPage();
  await mailbox.goto(`${stack.url}/auth/v1/mailbox`);
  const code = (await mailbox.getByRole('row', { name: email }).first().locator('strong').textContent()) ?? '';
  await mailbox.close();
  await page.getByLabel('Mã đăng nhập (6 số)').fill(code);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** Books help for Phường Hồng Gai (routed to the demo Hồng Gai team); returns the request's id. */
async function book(page: Page, phone: string): Promise<number> {
  await page.goto(`${stack.url}/dat-lich/`);
  await page.getByLabel('Số điện thoại của bạn').fill(phone);
  await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Hùng');
  await page.getByLabel('Xã, phường hoặc đặc khu nơi cần giúp').fill('hong gai');
  await page.getByRole('button', { name: /^Phường Hồng Gai/ }).click();
  await page.getByLabel('VssID').check();
  await page.getByLabel(/Tôi đồng ý cho tổ công nghệ số/).check();
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(page.getByRole('heading', { name: 'Đã gửi yêu cầu' })).toBeVisible();
  const [row] = await sql<{ id: string }>(`select id from app.help_requests where citizen_phone = $1`, [phone.replace(/\s/g, '')]);
  return Number(row.id);
}

/**
 * A function that delivers a push message to the page's service worker through the DevTools
 * protocol (its registration id comes with the event workerRegistrationUpdated).
 */
async function pushDelivery(context: BrowserContext, page: Page): Promise<(data: object) => Promise<unknown>> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const cdp = await context.newCDPSession(page);
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL === `${stack.url}/` && !r.isDeleted);
      if (mine) resolve(mine.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const id = await found;
  return (data) => cdp.send('ServiceWorker.deliverPushMessage', { origin: stack.url, registrationId: id, data: JSON.stringify(data) });
}

/** The notifications the worker shows now. */
const shown = (page: Page) =>
  page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      silent: n.silent,
      url: (n.data as { url: string }).url,
    })),
  );

test('a push shows the team notice; tapping it opens the request in the open /doi/', async ({ context, page }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['notifications'], { origin: stack.url });
  const id = await book(page, '0912 345 201');
  await signIn(page, 'to-hong-gai@example.org');
  await expect(page.getByRole('heading', { name: /^Yêu cầu của Tổ công nghệ số phường Hồng Gai/ })).toBeVisible();
  const push = await pushDelivery(context, page);

  // What the notify function sends: team, commune and needs; never the citizen's name or phone.
  await push({
    title: 'Yêu cầu mới ở Phường Hồng Gai',
    body: 'Tổ công nghệ số phường Hồng Gai (dữ liệu mẫu) · VssID',
    url: `/doi/?yeu-cau=${id}`,
    tag: `request-${id}`,
    silent: true,
  });
  await expect.poll(() => shown(page)).toEqual([
    {
      title: 'Yêu cầu mới ở Phường Hồng Gai',
      body: 'Tổ công nghệ số phường Hồng Gai (dữ liệu mẫu) · VssID',
      tag: `request-${id}`,
      silent: true,
      url: `/doi/?yeu-cau=${id}`,
    },
  ]);

  // A link to another site is never opened from a notification: it becomes /doi/.
  await push({ title: 'x', body: 'y', url: 'https://example.com/lua-dao', tag: 'other' });
  await expect.poll(async () => (await shown(page)).find((n) => n.tag === 'other')?.url).toBe('/doi/');

  // The click, as the browser would deliver it, inside the worker.
  const [worker] = context.serviceWorkers();
  await worker.evaluate(async (tag) => {
    // The worker's global scope (the test's DOM types have no ServiceWorkerGlobalScope).
    const scope = self as unknown as {
      registration: ServiceWorkerRegistration;
      NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      dispatchEvent(event: Event): boolean;
    };
    const [notification] = await scope.registration.getNotifications({ tag });
    scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification }));
  }, `request-${id}`);
  await expect(page.getByRole('heading', { name: 'Yêu cầu ở Phường Hồng Gai' })).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(`${stack.url}/doi/#yeu-cau-${id}`);
  await expect.poll(async () => (await shown(page)).map((n) => n.tag)).toEqual(['other']);
});
