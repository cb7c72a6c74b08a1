import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';

/**
 * supabase/config.toml, which `supabase config push` sends to a project: the email-code sign-in
 * must not rely on Auth's defaults for its rate limits (issue 16 point 8). The keys are those of
 * the Supabase CLI's config reference ([auth.rate_limit], [auth.email] max_frequency).
 */
const config = parse(readFileSync(new URL('../../supabase/config.toml', import.meta.url), 'utf8')) as {
  auth: { rate_limit?: Record<string, number>; email: Record<string, unknown> };
};

describe('Supabase Auth configuration', () => {
  it('sets the email-code rate limits explicitly', () => {
    const limits = config.auth.rate_limit ?? {};
    // Emails sent per hour (whole project), and per IP address per 5 minutes: sign-in requests
    // (each sends a code) and code verifications.
    for (const key of ['email_sent', 'sign_in_sign_ups', 'token_verifications', 'token_refresh']) {
      expect(limits[key], `[auth.rate_limit] ${key}`).toBeTypeOf('number');
      expect(limits[key]).toBeGreaterThan(0);
    }
    // A code is 6 digits: verifications per address stay far below what guessing one would need.
    expect(limits.token_verifications).toBeLessThanOrEqual(30);
    expect(limits.email_sent).toBeLessThanOrEqual(100);
  });

  it('spaces emails to one address (the CLI template would push 1 s)', () => {
    expect(config.auth.email.max_frequency).toBe('60s');
  });
});
