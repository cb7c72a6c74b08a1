/**
 * The origin a build prints in its QR codes and addresses (SITE_URL at build time), read back from
 * its home page's canonical link, so that `npm start` can say when it serves a build made for
 * another address (e.g. `npm start -- --port 4334` after a build for 4321: `PORT=4334 npm start`
 * builds for the port it serves).
 */
export function builtSiteOrigin(indexHtml: string): string | null {
  const href = /<link rel="canonical" href="([^"]+)"/.exec(indexHtml)?.[1];
  if (!href) return null;
  try {
    return new URL(href).origin;
  } catch {
    return null;
  }
}
