import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The site origin printed in QR codes and addresses (astro.config.mjs `site`): SITE_URL when set,
 * otherwise the local stack's own address, which follows PORT (`PORT=4334 npm start` builds and
 * serves on 4334, so its posters must point there, not at 4321).
 */
async function configuredSite(env: Record<string, string | undefined>): Promise<string | undefined> {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value as string);
  const config = (await import('../../astro.config.mjs')).default;
  return config.site;
}

afterEach(() => vi.unstubAllEnvs());

describe('site origin', () => {
  it('follows PORT when SITE_URL is not set', async () => {
    expect(await configuredSite({ SITE_URL: undefined, PORT: '4334' })).toBe('http://localhost:4334');
  });

  it('is the default port without PORT', async () => {
    expect(await configuredSite({ SITE_URL: undefined, PORT: undefined })).toBe('http://localhost:4321');
  });

  it('is SITE_URL when set, whatever the port', async () => {
    expect(await configuredSite({ SITE_URL: 'https://trogiupso.example.vn', PORT: '4334' })).toBe('https://trogiupso.example.vn');
  });
});

describe('the origin a build prints', () => {
  it('is read back from its home page, for npm start to compare with the port it serves', async () => {
    const { builtSiteOrigin } = await import('../../supabase/local/site-origin.ts');
    expect(builtSiteOrigin('<head><link rel="canonical" href="http://localhost:4321/"></head>')).toBe('http://localhost:4321');
    expect(builtSiteOrigin('<head></head>')).toBeNull();
  });
});
