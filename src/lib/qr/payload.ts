/**
 * The absolute URLs printed in QR codes. The origin always comes from configuration (Astro's `site`,
 * set from SITE_URL in astro.config.mjs), never from a literal here: the same content builds posters
 * for the local stack, a staging copy and production.
 */

/**
 * Joins a site-relative path (with its query) to the configured site origin.
 *
 * @param path  a path starting with `/`, e.g. `/g/vs4/?p=g-vs4`
 * @param site  the configured site (`Astro.site`); a missing site is a build error, not a silent
 *              fallback, because a poster with a wrong origin cannot be fixed after printing
 */
export function qrPayload(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error('The site URL is not configured (set SITE_URL); QR codes need an absolute origin.');
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`QR paths must be site-relative: "${path}"`);
  const origin = new URL(site);
  if (origin.protocol !== 'https:' && origin.protocol !== 'http:') {
    throw new Error(`The site URL must be http(s): "${origin.href}"`);
  }
  return new URL(path, origin.origin).href;
}

/**
 * The short form of a URL printed under a QR code for people who type it: host and path, without
 * the scheme and without the poster id (`trogiupso.example.vn/g/vs4/`).
 */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
