import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { anonClient, withSql } from '../support/clients.ts';
import { changeSettings, deleteRequests, perPhoneHits, RELAXED_LIMITS, uniquePhone, validPayload } from '../support/help-requests.ts';
import type { StackInfo } from '../support/backends.ts';

/**
 * Rate limits through supabase-js and PostgREST as anon. Limits live in app.settings; each case
 * lowers the ones it tests, starts from empty buckets, and everything is restored afterwards.
 */

/** supabase-js as anon, sending an x-forwarded-for header of the caller's choosing. */
function spoofingClient(stack: StackInfo, forwardedFor: string) {
  return createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { headers: { 'x-forwarded-for': forwardedFor } },
  });
}

describe.each(inject('stacks'))('rate limits on $backend', (stack) => {
  const client = anonClient(stack);
  const codes: string[] = [];
  let restoreAll: () => Promise<void>;
  /** The look-up limits as the migrations ship them, read before the file relaxes them. */
  let shippedLookupLimits: Record<string, unknown>;

  async function book(overrides: Record<string, unknown> = {}, via = client) {
    const { data, error } = await via.rpc('request_help', { request: validPayload(overrides) });
    if (data) codes.push(data.reference_code);
    return { data, error };
  }

  async function limit(values: Record<string, unknown>) {
    await changeSettings(stack, { ...RELAXED_LIMITS, ...values });
  }

  beforeAll(async () => {
    shippedLookupLimits = await withSql(stack, async (sql) =>
      Object.fromEntries(
        (await sql.query("select key, value from app.settings where key like 'rate_limit.lookup.%'")).rows.map((row) => [row.key, row.value]),
      ),
    );
    restoreAll = await changeSettings(stack, { ...RELAXED_LIMITS, 'client_address.trusted_proxy_hops': 1 });
  });

  beforeEach(async () => {
    await withSql(stack, (sql) => sql.query('delete from app.rate_limit_buckets'));
  });

  afterAll(async () => {
    await restoreAll();
    await withSql(stack, async (sql) => {
      await sql.query('delete from app.rate_limit_buckets');
      await deleteRequests(sql, codes);
    });
  });

  it('limits new requests per phone number, after honouring repeats of an accepted one', async () => {
    await limit({ 'rate_limit.request_help.per_phone': { max: 2, window_seconds: 86400 } });
    const phone = uniquePhone();
    const first = validPayload({ phone });
    const one = await client.rpc('request_help', { request: first });
    codes.push(one.data.reference_code);
    expect((await book({ phone: `+84 ${phone.slice(1)}` })).error).toBeNull();
    const third = await book({ phone });
    expect(third.error?.message).toBe('rate_limited_phone');
    expect(third.error?.code).toBe('P0001');
    // The first request's retry still gets its answer: repeats are not new requests.
    const replay = await client.rpc('request_help', { request: first });
    expect(replay.data).toEqual(one.data);
    // Someone booking on this person's behalf is limited by their own (contact) phone.
    expect((await book({ on_behalf: true, phone, helper_name: 'Lê Văn Nam', helper_phone: uniquePhone() })).error).toBeNull();
    const helper = uniquePhone();
    await book({ on_behalf: true, phone: '', helper_name: 'Lê Văn Nam', helper_phone: helper });
    await book({ on_behalf: true, phone: '', helper_name: 'Lê Văn Nam', helper_phone: helper });
    expect((await book({ on_behalf: true, phone: '', helper_name: 'Lê Văn Nam', helper_phone: helper })).error?.message).toBe(
      'rate_limited_phone',
    );
    // Other phones are unaffected.
    expect((await book()).error).toBeNull();
  });

  it('answers every copy of a double-tapped booking at the limit alike, and counts it once', async () => {
    // The copies run in parallel (on PostgreSQL truly so: PostgREST's pool), so later ones wait for
    // the first one's bucket and are counted over the limit before they see its request stored.
    await limit({ 'rate_limit.request_help.per_phone': { max: 1, window_seconds: 86400 } });
    const phone = uniquePhone();
    const payload = validPayload({ phone });
    const answers = await Promise.all(Array.from({ length: 8 }, () => client.rpc('request_help', { request: payload })));
    expect(answers.map((answer) => answer.error?.message ?? null)).toEqual(Array(8).fill(null));
    codes.push(answers[0].data.reference_code);
    for (const answer of answers) expect(answer.data).toEqual(answers[0].data);
    // Counted once: the next new booking from this phone is refused, by this limit alone.
    expect((await perPhoneHits(stack, [phone])).get(phone)).toBe(1);
    expect((await book({ phone })).error?.message).toBe('rate_limited_phone');
  });

  it('limits new requests per client address, whatever x-forwarded-for the caller sends', async () => {
    await limit({ 'rate_limit.request_help.per_address': { max: 3, window_seconds: 3600 } });
    for (let i = 0; i < 3; i++) expect((await book()).error).toBeNull();
    const refused = await book();
    expect(refused.error?.message).toBe('rate_limited_address');
    // A forged header is only the leftmost entry; the gateway appends the real address.
    const forged = await book({}, spoofingClient(stack, '203.0.113.7'));
    expect(forged.error?.message).toBe('rate_limited_address');
    // Behind two trusted proxies the entry before the last one is the client's: counted apart.
    await limit({
      'rate_limit.request_help.per_address': { max: 3, window_seconds: 3600 },
      'client_address.trusted_proxy_hops': 2,
    });
    expect((await book({}, spoofingClient(stack, '203.0.113.7'))).error).toBeNull();
    await limit({
      'rate_limit.request_help.per_address': { max: 3, window_seconds: 3600 },
      'client_address.trusted_proxy_hops': 1,
    });
  });

  it('counts refused and rejected submissions nowhere (only accepted requests count)', async () => {
    await limit({ 'rate_limit.request_help.per_phone': { max: 1, window_seconds: 86400 } });
    const phone = uniquePhone();
    expect((await book({ phone, consent: false })).error?.message).toBe('consent_required');
    expect((await book({ phone })).error).toBeNull();
  });

  it('limits status look-ups per client address', async () => {
    await limit({ 'rate_limit.lookup.per_address': { max: 4, window_seconds: 3600 } });
    const phone = uniquePhone();
    const booked = await book({ phone });
    for (let i = 0; i < 4; i++) {
      const { data } = await client.rpc('request_status', { code: booked.data.reference_code, phone });
      expect(data.found).toBe(true);
    }
    const refused = await client.rpc('request_status', { code: booked.data.reference_code, phone });
    expect(refused.error?.message).toBe('rate_limited');
    const cancel = await client.rpc('cancel_request', { code: booked.data.reference_code, phone, reason: 'other' });
    expect(cancel.error?.message).toBe('rate_limited');
  });

  it('stops guessing the phone for a known code: failures per code are limited, and counted', async () => {
    await limit({ 'rate_limit.lookup.per_code': { max: 3, window_seconds: 3600 } });
    const phone = uniquePhone();
    const booked = await book({ phone });
    const other = await book();
    for (let i = 0; i < 3; i++) {
      const { data, error } = await client.rpc('request_status', { code: booked.data.reference_code, phone: uniquePhone() });
      expect(error).toBeNull();
      expect(data).toEqual({ found: false });
    }
    // Now even the right phone waits for the window to pass.
    const locked = await client.rpc('request_status', { code: booked.data.reference_code, phone });
    expect(locked.error?.message).toBe('rate_limited');
    // Another request's code is not affected.
    const fine = await client.rpc('request_status', { code: other.data.reference_code, phone: '0000' });
    expect(fine.data).toEqual({ found: false });
  });

  it('counts failed look-ups per code and address: strangers cannot lock the owner out (shipped limits)', async () => {
    await limit({ ...shippedLookupLimits, 'client_address.trusted_proxy_hops': 2 });
    try {
      const phone = uniquePhone();
      const booked = await book({ phone });
      const code = booked.data.reference_code;
      // Ten wrong phones from ten addresses (what locked the owner out for an hour).
      for (let i = 0; i < 10; i++) {
        const { data } = await spoofingClient(stack, `198.51.100.${i + 1}`).rpc('request_status', { code, phone: uniquePhone() });
        expect(data).toEqual({ found: false });
      }
      const owner = spoofingClient(stack, '192.0.2.50');
      expect((await owner.rpc('request_status', { code, phone })).data).toMatchObject({ found: true });
      expect((await owner.rpc('request_data_erasure', { code, phone: uniquePhone() })).data).toEqual({ found: false });
      // One address guessing alone is stopped after a few tries, on both RPCs, and only for itself.
      const guesser = spoofingClient(stack, '203.0.113.66');
      let refusedAt = -1;
      for (let i = 0; i < 12 && refusedAt < 0; i++) {
        const { error } = await guesser.rpc('request_status', { code, phone: uniquePhone() });
        if (error?.message === 'rate_limited') refusedAt = i;
      }
      expect(refusedAt).toBeGreaterThan(0);
      expect(refusedAt).toBeLessThanOrEqual(5);
      expect((await guesser.rpc('request_data_erasure', { code, phone })).error?.message).toBe('rate_limited');
      expect((await owner.rpc('request_status', { code, phone })).data).toMatchObject({ found: true });
    } finally {
      await limit({ 'client_address.trusted_proxy_hops': 1 });
    }
  });

  it('keeps only salted hashes of phones, codes and addresses in the buckets', async () => {
    const phone = uniquePhone();
    const booked = await book({ phone });
    await client.rpc('request_status', { code: booked.data.reference_code, phone: uniquePhone() });
    const rows = await withSql(stack, async (sql) => (await sql.query('select * from app.rate_limit_buckets')).rows);
    expect(rows.map((row) => row.scope).sort()).toEqual(
      ['lookup.per_address', 'lookup.per_code', 'lookup.per_code_address', 'request_help.per_address', 'request_help.per_phone'],
    );
    const text = JSON.stringify(rows);
    for (const secret of [phone, phone.slice(1), booked.data.reference_code, '127.0.0.1']) expect(text).not.toContain(secret);
    for (const row of rows) expect(row.subject_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
