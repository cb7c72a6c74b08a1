// @ts-check
/* Service worker of Trợ giúp số Quảng Ninh.
 *
 * Keeps the site shell, the home page and every page the citizen opens, so a guide opened once
 * still reads without a network. Pages are network-first (fresh content whenever online, so updates
 * arrive on the next online visit), falling back to the saved copy when the network fails or is too
 * slow; hashed assets under /_astro/ never change and are served from the cache. API calls
 * (/rest/v1, /auth/v1) and the team and admin workspaces are never cached.
 */
const VERSION = 'v1';
const SHELL_CACHE = `shell-${VERSION}`;
const PAGE_CACHE = `pages-${VERSION}`;
const OFFLINE_PAGE = '/ngoai-tuyen/';
const PRECACHE = ['/', OFFLINE_PAGE, '/favicon.svg', '/manifest.webmanifest'];
const NEVER_CACHE = ['/rest/', '/auth/', '/doi/', '/quan-tri/'];
/** On a slow network, show the saved copy of a page after this long. */
const NETWORK_TIMEOUT_MS = 4000;

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => !key.endsWith(VERSION)).map((key) => caches.delete(key))))
      .then(() => sw.clients.claim()),
  );
});

// A page asks to keep itself and the files it used (its first visit happens before the worker
// controls it, so the fetch handler never saw it).
sw.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter(
    (/** @type {unknown} */ url) =>
      typeof url === 'string' &&
      new URL(url).origin === sw.location.origin &&
      !NEVER_CACHE.some((prefix) => new URL(url).pathname.startsWith(prefix)),
  );
  event.waitUntil(caches.open(PAGE_CACHE).then((cache) => cache.addAll(urls)));
});

/** @param {Request} request @param {Response} response */
async function remember(request, response) {
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(PAGE_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** @param {Request} request */
async function networkFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: request.mode === 'navigate' });
  const network = fetch(request).then((response) => remember(request, response));
  if (!cached) {
    return network.catch(async () => (await caches.match(OFFLINE_PAGE)) ?? Response.error());
  }
  const timeout = new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_TIMEOUT_MS));
  return /** @type {Promise<Response>} */ (Promise.race([network.catch(() => cached), timeout]));
}

/** @param {Request} request */
async function cacheFirst(request) {
  const cached = await caches.match(request);
  return cached ?? fetch(request).then((response) => remember(request, response));
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (NEVER_CACHE.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname.startsWith('/_astro/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  event.respondWith(networkFirst(request));
});

// ---------------------------------------------------------------------------------------------
// Push notifications to volunteers (the notify Edge Function sends them; payload built by
// app.request_notice_params in supabase/migrations/20261128001800_notification_events.sql):
// JSON {title, body, url, tag, silent}: the team, the commune and the needs, never the citizen's
// name or phone. `url` opens the request in the team workspace (/doi/?yeu-cau=<id>); `silent` is
// set during the member's quiet hours.

/** Only our own pages may be opened from a notification. */
/** @param {unknown} url */
function sameOriginPath(url) {
  try {
    const target = new URL(typeof url === 'string' ? url : '/doi/', sw.location.origin);
    return target.origin === sw.location.origin ? target.pathname + target.search : '/doi/';
  } catch {
    return '/doi/';
  }
}

sw.addEventListener('push', (event) => {
  /** @type {{title?: unknown, body?: unknown, url?: unknown, tag?: unknown, silent?: unknown}} */
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'Trợ giúp số Quảng Ninh';
  event.waitUntil(
    sw.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      tag: typeof data.tag === 'string' && data.tag ? data.tag : undefined,
      silent: data.silent === true,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      lang: 'vi',
      data: { url: sameOriginPath(data.url) },
    }),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(sameOriginPath(event.notification.data?.url), sw.location.origin).href;
  event.waitUntil(
    (async () => {
      // An open team workspace is reused (it opens the request); else a new window.
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const workspace = windows.find((client) => new URL(client.url).pathname.startsWith('/doi/'));
      if (workspace) {
        const navigated = await workspace.navigate(url).catch(() => null);
        await (navigated ?? workspace).focus().catch(() => {});
        if (navigated) return;
      }
      await sw.clients.openWindow(url);
    })(),
  );
});
