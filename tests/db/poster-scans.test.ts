import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, signedInClient, withSql } from '../support/clients.ts';
import type { StackInfo } from '../support/backends.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { recordPosterScan } from '../../src/lib/api/posters.ts';
import { requestStatistics } from '../../src/lib/api/admin.ts';
import { changeSettings } from '../support/help-requests.ts';

/**
 * Scan counting for printed QR posters (migration 20261128001000_poster_scans.sql): only
 * (poster, day) counts, a rate limit per hashed client address, strict poster ids, POST only, and
 * statistics for admins alone (in request_statistics).
 */

const TODAY = `(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

/**
 * A citizen's browser at a given address, as a trusted proxy in front of the gateway would report
 * it: the file runs with client_address.trusted_proxy_hops = 2, so the entry before the gateway's
 * own is the client. With the default of 1 that entry is caller-controlled and must not count
 * (see 'ignores the caller-controlled leftmost entry').
 */
function clientFrom(stack: StackInfo, address: string): SupabaseClient {
  return createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { headers: { 'x-forwarded-for': address } },
  });
}

async function scansToday(stack: StackInfo, poster: string): Promise<number> {
  return withSql(stack, async (sql) => {
    const result = await sql.query(`select scans from app.poster_scans where poster = $1 and day = ${TODAY}`, [poster]);
    return result.rows[0]?.scans ?? 0;
  });
}

/** Index of the 10-minute rate-limit window a moment falls in (the SQL uses the same bins). */
const windowOf = (date: Date) => Math.floor(date.getTime() / 600_000);

describe.each(inject('stacks'))('poster scans on $backend', (stack) => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await changeSettings(stack, { 'client_address.trusted_proxy_hops': 2 });
  });
  afterAll(() => restore());

  it('ignores the caller-controlled leftmost x-forwarded-for entry: random addresses share one limit', async () => {
    await changeSettings(stack, { 'client_address.trusted_proxy_hops': 1 });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        await withSql(stack, (sql) => sql.query('delete from app.poster_scan_buckets'));
        const started = new Date();
        const results = [];
        for (let i = 0; i < 31; i++) {
          const forged = `10.${i}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
          results.push(await callRpc(recordPosterScan, { poster: 'g-vs8' }, clientFrom(stack, forged)));
        }
        if (windowOf(started) !== windowOf(new Date())) continue;
        expect(results.slice(0, 30).every((r) => r.ok)).toBe(true);
        expect(results[30]).toMatchObject({ ok: false, code: 'rate_limited' });
        return;
      }
      throw new Error('crossed a rate-limit window twice');
    } finally {
      await changeSettings(stack, { 'client_address.trusted_proxy_hops': 2 });
      await withSql(stack, (sql) => sql.query('delete from app.poster_scan_buckets'));
    }
  });

  it('counts a scan as one more for the poster today, through supabase-js as anon', async () => {
    const before = await scansToday(stack, 'g-vs4');
    const client = clientFrom(stack, '198.51.100.1');
    expect(await callRpc(recordPosterScan, { poster: 'g-vs4' }, client)).toEqual({ ok: true, data: { counted: true } });
    expect(await callRpc(recordPosterScan, { poster: 'g-vs4' }, client)).toEqual({ ok: true, data: { counted: true } });
    expect(await callRpc(recordPosterScan, { poster: 'x-ha-tu' }, client)).toEqual({ ok: true, data: { counted: true } });
    expect(await scansToday(stack, 'g-vs4')).toBe(before + 2);
    expect(await scansToday(stack, 'x-ha-tu')).toBeGreaterThanOrEqual(1);
  });

  it('stores only (poster, day, count), and no client address in any form that outlives the day', async () => {
    const address = '198.51.100.77';
    await callRpc(recordPosterScan, { poster: 'g-vs5' }, clientFrom(stack, address));
    await withSql(stack, async (sql) => {
      const columns = await sql.query(`select table_name, column_name from information_schema.columns
        where table_schema = 'app' and table_name like 'poster_scan%' order by table_name, ordinal_position`);
      expect(columns.rows.map((r) => `${r.table_name}.${r.column_name}`)).toEqual([
        'poster_scan_buckets.bucket',
        'poster_scan_buckets.window_start',
        'poster_scan_buckets.hits',
        'poster_scan_salts.day',
        'poster_scan_salts.salt',
        'poster_scans.poster',
        'poster_scans.day',
        'poster_scans.scans',
      ]);
      // The bucket is a 32-byte hash, not the address.
      const buckets = await sql.query(`select bucket from app.poster_scan_buckets`);
      expect(buckets.rows.length).toBeGreaterThan(0);
      for (const row of buckets.rows as { bucket: Buffer }[]) {
        expect(row.bucket).toHaveLength(32);
        expect(row.bucket.toString('latin1')).not.toContain(address);
      }
    });
  });

  it('forgets finished rate-limit windows and past salts', async () => {
    await withSql(stack, async (sql) => {
      await sql.query(`insert into app.poster_scan_buckets (bucket, window_start, hits)
        values (sha256('old'::bytea), now() - interval '1 hour', 3)`);
      await sql.query(`insert into app.poster_scan_salts (day, salt) values (${TODAY} - 2, 'old salt')`);
    });
    await callRpc(recordPosterScan, { poster: 'g-vs6' }, clientFrom(stack, '198.51.100.2'));
    await withSql(stack, async (sql) => {
      const old = await sql.query(`select count(*)::int as n from app.poster_scan_buckets where window_start < now() - interval '30 minutes'`);
      expect(old.rows[0].n).toBe(0);
      const salts = await sql.query(`select day from app.poster_scan_salts`);
      expect(salts.rows).toHaveLength(1);
    });
  });

  it.each([
    ['an empty id', ''],
    ['a bare guide code', 'vs4'],
    ['capital letters', 'g-VS4'],
    ['a guide code too long', 'g-abcdefghi'],
    ['an unknown prefix', 'y-abc'],
    ['a commune that does not exist', 'x-khong-co-xa-nay'],
    ['SQL', "g-vs4'; delete from app.poster_scans; --"],
    ['a very long id', `x-${'a'.repeat(500)}`],
  ])('rejects %s as poster_invalid, writing nothing', async (_name, poster) => {
    const before = await withSql(stack, (sql) => sql.query('select count(*)::int as n, coalesce(sum(scans), 0)::int as s from app.poster_scans'));
    const result = await callRpc(recordPosterScan, { poster }, anonClient(stack));
    expect(result).toMatchObject({ ok: false, code: 'poster_invalid' });
    const after = await withSql(stack, (sql) => sql.query('select count(*)::int as n, coalesce(sum(scans), 0)::int as s from app.poster_scans'));
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('rejects a missing id', async () => {
    const { error } = await anonClient(stack).rpc('record_poster_scan', { poster: null });
    expect(error?.message).toBe('poster_invalid');
  });

  it('accepts POST only: a GET (link preview, prefetch) counts nothing', async () => {
    const before = await scansToday(stack, 'g-vs7');
    const res = await fetch(`${stack.url}/rest/v1/rpc/record_poster_scan?poster=g-vs7`, {
      headers: { apikey: stack.anonKey, authorization: `Bearer ${stack.anonKey}` },
    });
    expect(res.ok).toBe(false);
    expect(await scansToday(stack, 'g-vs7')).toBe(before);
  });

  it('limits one client address to 30 scans per 10 minutes, without affecting other addresses', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const address = `203.0.113.${10 + attempt}`;
      const client = clientFrom(stack, address);
      const started = new Date();
      const results = [];
      for (let i = 0; i < 32; i++) results.push(await callRpc(recordPosterScan, { poster: 'g-dv1' }, client));
      // A window boundary crossed mid-loop resets the bucket; try once more in the new window.
      if (windowOf(started) !== windowOf(new Date())) continue;
      expect(results.slice(0, 30).every((r) => r.ok)).toBe(true);
      expect(results[30]).toMatchObject({ ok: false, code: 'rate_limited' });
      expect(results[31]).toMatchObject({ ok: false, code: 'rate_limited' });
      expect(await callRpc(recordPosterScan, { poster: 'g-dv1' }, clientFrom(stack, '203.0.113.99'))).toMatchObject({ ok: true });
      return;
    }
    throw new Error('crossed a rate-limit window twice');
  });

  it('caps one poster at 5000 scans a day, so spoofed addresses cannot inflate it without bound', async () => {
    await withSql(stack, (sql) =>
      sql.query(`insert into app.poster_scans (poster, day, scans) values ('g-tx9', ${TODAY}, 4999)
        on conflict (poster, day) do update set scans = 4999`),
    );
    expect(await callRpc(recordPosterScan, { poster: 'g-tx9' }, clientFrom(stack, '192.0.2.1'))).toMatchObject({ ok: true });
    expect(await callRpc(recordPosterScan, { poster: 'g-tx9' }, clientFrom(stack, '192.0.2.2'))).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(await scansToday(stack, 'g-tx9')).toBe(5000);
  });

  describe('statistics', () => {
    it('are refused to anon', async () => {
      const result = await callRpc(requestStatistics, {}, anonClient(stack));
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.code).toMatch(/permission denied/);
    });

    it('are refused to a signed-in person who is not an admin', async () => {
      const member = await signedInClient(stack, `not-admin-${stack.backend}-${Date.now()}@example.org`);
      expect(await callRpc(requestStatistics, {}, member)).toMatchObject({ ok: false, code: 'forbidden' });
    });

    it('are readable by an admin: counts per poster, nothing else', async () => {
      const admin = await signedInClient(stack, `admin-${stack.backend}-${Date.now()}@example.org`);
      const userId = (await admin.auth.getUser()).data.user!.id;
      await withSql(stack, (sql) => sql.query('insert into app.admins (user_id) values ($1)', [userId]));
      await callRpc(recordPosterScan, { poster: 'x-co-to' }, clientFrom(stack, '198.51.100.3'));

      const today = await withSql(stack, async (sql) => (await sql.query(`select ${TODAY}::text as day`)).rows[0].day as string);
      const result = await callRpc(requestStatistics, { from_day: today, to_day: today }, admin);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const expected = await withSql(stack, (sql) =>
        sql.query(`select poster, sum(scans)::int as scans from app.poster_scans
          where day = ${TODAY} group by poster order by 2 desc, 1 limit 20`),
      );
      const scans = result.data.poster_scans!;
      expect(scans.top).toEqual(expected.rows);
      expect(scans.total).toBe(expected.rows.reduce((sum, row) => sum + row.scans, 0));
      expect(scans.top.find((row) => row.poster === 'x-co-to')?.scans).toBeGreaterThanOrEqual(1);
      for (const row of scans.top) expect(Object.keys(row).sort()).toEqual(['poster', 'scans']);
    });

    it('refuse an inverted or over-long range', async () => {
      const admin = await signedInClient(stack, `admin-range-${stack.backend}-${Date.now()}@example.org`);
      const userId = (await admin.auth.getUser()).data.user!.id;
      await withSql(stack, (sql) => sql.query('insert into app.admins (user_id) values ($1)', [userId]));
      expect(await callRpc(requestStatistics, { from_day: '2026-02-01', to_day: '2026-01-01' }, admin)).toMatchObject({
        ok: false,
        code: 'range_invalid',
      });
      expect(await callRpc(requestStatistics, { from_day: '2024-01-01', to_day: '2026-01-01' }, admin)).toMatchObject({
        ok: false,
        code: 'range_invalid',
      });
      expect(await callRpc(requestStatistics, { from_day: '2026-01-01', to_day: '2026-01-31' }, admin)).toMatchObject({
        ok: true,
        data: { poster_scans: { total: 0, top: [] } },
      });
    });
  });
});
