import http from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { latestCode, signedInClient, withSql } from '../support/clients.ts';

/** The local auth stand-in must behave as supabase-js expects from Supabase Auth (email OTP). */
describe.each(inject('stacks'))('auth stand-in with supabase-js on $backend', (stack) => {
  const email = `member-${stack.backend}-${Date.now()}@example.org`;

  it('signs in with an emailed code and returns a session PostgREST accepts', async () => {
    const client = await signedInClient(stack, email);
    const { data: session } = await client.auth.getSession();
    expect(session.session?.user.email).toBe(email);

    const { data: user, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(user.user?.email).toBe(email);

    // The user exists in auth.users, as on Supabase.
    const rows = await withSql(stack, (sql) => sql.query('select id from auth.users where email = $1', [email]));
    expect(rows.rows[0].id).toBe(user.user?.id);

    // PostgREST accepts the access token (role authenticated) and Postgres sees its claims.
    const res = await fetch(`${stack.url}/rest/v1/rpc/portal_stats`, {
      method: 'POST',
      headers: {
        apikey: stack.anonKey,
        authorization: `Bearer ${session.session?.access_token}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong code', async () => {
    const client = createClient(stack.url, stack.anonKey, { auth: { persistSession: false } });
    await client.auth.signInWithOtp({ email });
    const right = await latestCode(stack, email);
    const wrong = right === '000000' ? '111111' : '000000';
    const { data, error } = await client.auth.verifyOtp({ email, token: wrong, type: 'email' });
    expect(data.session).toBeNull();
    expect(error?.code).toBe('otp_expired');
  });

  it('refreshes a session with a rotating refresh token', async () => {
    const client = await signedInClient(stack, email);
    const before = (await client.auth.getSession()).data.session!;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(before.refresh_token);
    // The old refresh token no longer works.
    const other = createClient(stack.url, stack.anonKey, { auth: { persistSession: false } });
    const reused = await other.auth.refreshSession({ refresh_token: before.refresh_token });
    expect(reused.error).not.toBeNull();
  });

  it('signs out everywhere: no session can be refreshed afterwards', async () => {
    const phone = await signedInClient(stack, email);
    const laptop = await signedInClient(stack, email);
    const laptopRefresh = (await laptop.auth.getSession()).data.session!.refresh_token;
    const { error } = await phone.auth.signOut({ scope: 'global' });
    expect(error).toBeNull();
    const other = createClient(stack.url, stack.anonKey, { auth: { persistSession: false } });
    expect((await other.auth.refreshSession({ refresh_token: laptopRefresh })).error).not.toBeNull();
  });

  it('kills a code after 5 wrong tries: even the right code is refused afterwards', async () => {
    const target = `guessed-${stack.backend}-${Date.now()}@example.org`;
    const client = createClient(stack.url, stack.anonKey, { auth: { persistSession: false } });
    expect((await client.auth.signInWithOtp({ email: target })).error).toBeNull();
    const right = await latestCode(stack, target);
    const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((c) => c !== right).slice(0, 5);
    for (const token of wrongCodes) {
      const { error } = await client.auth.verifyOtp({ email: target, token, type: 'email' });
      expect(error?.code).toBe('otp_expired');
    }
    const late = await client.auth.verifyOtp({ email: target, token: right, type: 'email' });
    expect(late.data.session).toBeNull();
    expect(late.error?.code).toBe('otp_expired');
    // A new code works.
    expect(await signedInClient(stack, target)).toBeTruthy();
  });

  it('limits the codes sent to one email (10 a minute), answering like Supabase Auth', async () => {
    const target = `flooded-${stack.backend}-${Date.now()}@example.org`;
    const client = createClient(stack.url, stack.anonKey, { auth: { persistSession: false } });
    const errors = [];
    for (let i = 0; i < 11; i++) errors.push((await client.auth.signInWithOtp({ email: target })).error);
    expect(errors.slice(0, 10)).toEqual(Array(10).fill(null));
    expect(errors[10]?.status).toBe(429);
    expect(errors[10]?.code).toBe('over_email_send_rate_limit');
    // Another address is not affected.
    expect((await client.auth.signInWithOtp({ email: `other-${target}` })).error).toBeNull();
  });

  it('sends no CORS headers on the local mailbox, so no other web page can read the codes', async () => {
    for (const path of ['/auth/v1/mailbox.json', '/auth/v1/mailbox']) {
      const res = await fetch(`${stack.url}${path}`, { headers: { origin: 'https://evil.example' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
      const preflight = await fetch(`${stack.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), `${path} preflight`).toBeNull();
    }
    // The Auth routes the site calls keep theirs, as on Supabase.
    const otp = await fetch(`${stack.url}/auth/v1/settings`, { headers: { origin: 'https://evil.example' } });
    expect(otp.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the mailbox only to a local host name (no DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL('/auth/v1/mailbox.json', stack.url);
      http
        .get({ host: '127.0.0.1', port: url.port, path: url.pathname, headers: { host: `evil.example:${url.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(403);
  });
});
