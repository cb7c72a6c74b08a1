import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { anonClient, signedInClient, withSql } from '../support/clients.ts';
import type { StackInfo } from '../support/backends.ts';
import { recordPosterScan } from '../../src/lib/supabase/poster-scans.ts';

/**
 * Scan counting for printed QR posters (migration 20261128001000_poster_scans.sql): only
 * (poster, day) counts, a rate limit per hashed client address, strict poster ids, POST only, and
 * statistics for admins alone (request_statistics' poster_scans, where admins read them).
 */

const TODAY = `(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

/** A citizen's browser behind a given address (the gateway appends its own hop after it). */
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
  it('counts a scan as one more for the poster today, through supabase-js as anon', async () => {
    const before = await scansToday(stack, 'g-vs4');
    const client = clientFrom(stack, '198.51.100.1');
    expect(await recordPosterScan('g-vs4', client)).toEqual({ ok: true, data: { counted: true } });
    expect(await recordPosterScan('g-vs4', client)).toEqual({ ok: true, data: { counted: true } });
    expect(await recordPosterScan('x-ha-tu', client)).toEqual({ ok: true, data: { counted: true } });
    expect(await scansToday(stack, 'g-vs4')).toBe(before + 2);
    expect(await scansToday(stack, 'x-ha-tu')).toBeGreaterThanOrEqual(1);
  });

  it('stores only (poster, day, count), and no client address in any form that outlives the day', async () => {
    const address = '198.51.100.77';
    await recordPosterScan('g-vs5', clientFrom(stack, address));
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
    await recordPosterScan('g-vs6', clientFrom(stack, '198.51.100.2'));
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
    const result = await recordPosterScan(poster, anonClient(stack));
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
      for (let i = 0; i < 32; i++) results.push(await recordPosterScan('g-dv1', client));
      // A window boundary crossed mid-loop resets the bucket; try once more in the new window.
      if (windowOf(started) !== windowOf(new Date())) continue;
      expect(results.slice(0, 30).every((r) => r.ok)).toBe(true);
      expect(results[30]).toMatchObject({ ok: false, code: 'rate_limited' });
      expect(results[31]).toMatchObject({ ok: false, code: 'rate_limited' });
      expect(await recordPosterScan('g-dv1', clientFrom(stack, '203.0.113.99'))).toMatchObject({ ok: true });
      return;
    }
    throw new Error('crossed a rate-limit window twice');
  });

  it('caps one poster at 5000 scans a day, so spoofed addresses cannot inflate it without bound', async () => {
    await withSql(stack, (sql) =>
      sql.query(`insert into app.poster_scans (poster, day, scans) values ('g-tx9', ${TODAY}, 4999)
        on conflict (poster, day) do update set scans = 4999`),
    );
    expect(await recordPosterScan('g-tx9', clientFrom(stack, '192.0.2.1'))).toMatchObject({ ok: true });
    expect(await recordPosterScan('g-tx9', clientFrom(stack, '192.0.2.2'))).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(await scansToday(stack, 'g-tx9')).toBe(5000);
  });

  describe('statistics', () => {
    /** The admin statistics' poster figures (request_statistics), called as the admin page does. */
    async function posterStatistics(client: SupabaseClient, range: { from?: string; to?: string } = {}) {
      const { data, error } = await client.rpc('request_statistics', {
        from_day: range.from ?? null,
        to_day: range.to ?? null,
        team_id: null,
      });
      return error ? { ok: false as const, code: error.message } : { ok: true as const, data: data.poster_scans };
    }

    it('are refused to anon', async () => {
      const result = await posterStatistics(anonClient(stack));
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.code).toMatch(/permission denied/);
    });

    it('are refused to a signed-in person who is not an admin', async () => {
      const member = await signedInClient(stack, `not-admin-${stack.backend}-${Date.now()}@example.org`);
      expect(await posterStatistics(member)).toMatchObject({ ok: false, code: 'forbidden' });
    });

    it('are readable by an admin: scans per poster, nothing else', async () => {
      const admin = await signedInClient(stack, `admin-${stack.backend}-${Date.now()}@example.org`);
      const userId = (await admin.auth.getUser()).data.user!.id;
      await withSql(stack, (sql) => sql.query('insert into app.admins (user_id) values ($1)', [userId]));
      await recordPosterScan('x-co-to', clientFrom(stack, '198.51.100.3'));

      const result = await posterStatistics(admin);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      // The default range is the last 90 days: the total, and the 20 most scanned posters, most first.
      const expected = await withSql(stack, async (sql) => ({
        total: (await sql.query(`select coalesce(sum(scans), 0)::int as n from app.poster_scans
          where day > ${TODAY} - 90`)).rows[0].n,
        top: (await sql.query(`select poster, sum(scans)::int as scans from app.poster_scans
          where day > ${TODAY} - 90 group by poster order by 2 desc, 1 limit 20`)).rows,
      }));
      expect(result.data).toEqual(expected);
      expect(result.data.top.find((row: { poster: string }) => row.poster === 'x-co-to')?.scans).toBeGreaterThanOrEqual(1);
      for (const row of result.data.top) expect(Object.keys(row).sort()).toEqual(['poster', 'scans']);
    });

    it('refuse an inverted or over-long range', async () => {
      const admin = await signedInClient(stack, `admin-range-${stack.backend}-${Date.now()}@example.org`);
      const userId = (await admin.auth.getUser()).data.user!.id;
      await withSql(stack, (sql) => sql.query('insert into app.admins (user_id) values ($1)', [userId]));
      expect(await posterStatistics(admin, { from: '2026-02-01', to: '2026-01-01' })).toMatchObject({
        ok: false,
        code: 'range_invalid',
      });
      expect(await posterStatistics(admin, { from: '2024-01-01', to: '2026-01-01' })).toMatchObject({
        ok: false,
        code: 'range_invalid',
      });
      expect(await posterStatistics(admin, { from: '2026-01-01', to: '2026-01-31' })).toEqual({
        ok: true,
        data: { total: 0, top: [] },
      });
    });
  });
});
