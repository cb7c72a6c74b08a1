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
});
