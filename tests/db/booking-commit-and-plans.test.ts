import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS, validPayload } from '../support/help-requests.ts';

/**
 * Two properties of the booking RPCs that no answer shows (tests/bench/request-help.ts measures
 * why they matter):
 *
 * - Durability: request_help commits synchronously (a request once answered survives a crash of
 *   the database server); request_status, which writes only rate-limit counters, commits without
 *   waiting for the WAL flush (see public.request_status in 20261128000800_booking.sql).
 * - Plans: the helpers every booking runs are PL/pgSQL, which keeps query plans for the session. A
 *   LANGUAGE sql function with a SET clause (all of ours pin search_path) is parsed and planned
 *   again in every statement that calls it; that was about half of request_help's database time.
 *   The rate-limit look-up is the exception: it is planned per call, so that a plan made while
 *   app.rate_limit_buckets was nearly empty cannot scan the whole window later on
 *   (app.rate_limit_reached, 20261128000600_rate_limits.sql), by a dynamic EXECUTE rather than a
 *   SET plan_cache_mode clause: a SET clause holds for everything the function runs, so that one
 *   re-planned the helpers the look-up calls as well (about twice the look-up's CPU; a status
 *   look-up by code makes two; a booking makes none since it counts its limits first, see
 *   public.request_help). No per-request helper pins anything but search_path.
 */

/** The helpers request_help and request_status call on every request. */
const PER_REQUEST_HELPERS = [
  'app.setting',
  'app.hash_subject',
  'app.clean_line',
  'app.clean_text',
  'app.is_valid_name',
  'app.new_verification_word',
  'app.rate_limit_reached',
  'app.rate_limit_take',
  'app.request_facts_row',
  'app.routing_candidates',
  'app.choose_route',
  'app.help_request_answer',
  'app.help_request_status',
];

describe.each(inject('stacks'))('booking commits and plans on $backend', (stack) => {
  // Earlier files book many requests from the same address (the gateway's), so lift the limits.
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
  });
  afterAll(async () => {
    await restore();
  });

  /** Runs `call` the way PostgREST does (POST, a client address) and reads synchronous_commit after it. */
  async function commitModeAfter(call: string, values: unknown[]) {
    return withSql(stack, async (sql) => {
      await sql.query('begin');
      try {
        const before = (await sql.query(`select current_setting('synchronous_commit') as v`)).rows[0].v as string;
        await sql.query(
          `select set_config('request.method', 'POST', true),
                  set_config('request.headers', $1, true)`,
          [JSON.stringify({ 'x-forwarded-for': '203.0.113.50, 127.0.0.1' })],
        );
        await sql.query(call, values);
        const after = (await sql.query(`select current_setting('synchronous_commit') as v`)).rows[0].v as string;
        return { before, after };
      } finally {
        await sql.query('rollback');
      }
    });
  }

  it('commits request_help synchronously', async () => {
    const { before, after } = await commitModeAfter('select public.request_help($1::jsonb)', [
      JSON.stringify(validPayload()),
    ]);
    expect(before).not.toBe('off');
    expect(after).toBe(before);
  });

  it('commits request_status (rate-limit counters only) without waiting for the WAL flush', async () => {
    const { after } = await commitModeAfter('select public.request_status($1, $2)', ['QN-222-222-222', '0912345678']);
    expect(after).toBe('off');
  });

  it('leaves synchronous_commit as it was for the next transaction', async () => {
    await withSql(stack, async (sql) => {
      const before = (await sql.query(`select current_setting('synchronous_commit') as v`)).rows[0].v as string;
      await sql.query('begin');
      await sql.query(`select set_config('request.method', 'POST', true)`);
      await sql.query('select public.request_status($1, $2)', ['QN-222-222-222', '0912345678']);
      await sql.query('rollback');
      const after = (await sql.query(`select current_setting('synchronous_commit') as v`)).rows[0].v as string;
      expect(after).toBe(before);
    });
  });

  it('looks up a rate-limit bucket by its key, whatever the statistics said when the plan was made', async () => {
    // A year of data (tests/bench/year-data.ts): statistics from an ANALYZE of the empty table, a
    // session's cached plan made while it was nearly empty, then the window fills up. The look-up
    // once scanned every bucket of the window, hashing the subject again per row (~50 ms per call
    // with 3,700 buckets); by the key it reads a handful of pages.
    const pages = await withSql(stack, async (sql) => {
      await sql.query('begin');
      try {
        await sql.query('delete from app.rate_limit_buckets');
        await sql.query('analyze app.rate_limit_buckets');
        // Past the five custom plans after which PL/pgSQL may keep a generic one.
        for (let i = 0; i < 8; i++) {
          await sql.query(`select app.rate_limit_take('lookup.per_address', $1), app.rate_limit_reached('lookup.per_address', $1)`, [
            `203.0.113.${i}`,
          ]);
        }
        await sql.query(`insert into app.rate_limit_buckets (scope, subject_hash, window_start, hits)
          select 'lookup.per_address', encode(sha256(convert_to('bucket ' || g, 'UTF8')), 'hex'), b.window_start, 1
          from generate_series(1, 3000) g, (select window_start from app.rate_limit_buckets limit 1) b`);
        const plan = (await sql.query(`explain (analyze, buffers, format json) select app.rate_limit_reached('lookup.per_address', '198.51.100.7')`))
          .rows[0]['QUERY PLAN'][0].Plan;
        return plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
      } finally {
        await sql.query('rollback');
        await sql.query('analyze app.rate_limit_buckets');
      }
    });
    expect(pages).toBeLessThan(100);
  });

  /** The per-request helpers as the catalogue has them: name, language and SET clauses. */
  const perRequestHelpers = () =>
    withSql(stack, async (sql) =>
      (await sql.query(
        `select n.nspname || '.' || p.proname as name, l.lanname as language, p.proconfig as config
         from pg_proc p
         join pg_namespace n on n.oid = p.pronamespace
         join pg_language l on l.oid = p.prolang
         where n.nspname || '.' || p.proname = any ($1)
         order by 1`,
        [PER_REQUEST_HELPERS],
      )).rows,
    );

  it('keeps the per-request helpers in PL/pgSQL, so their plans are cached', async () => {
    const rows = await perRequestHelpers();
    expect(rows.map((row) => row.name)).toEqual([...PER_REQUEST_HELPERS].sort());
    expect(rows.filter((row) => row.language !== 'plpgsql')).toEqual([]);
  });

  it('pins nothing but search_path on the per-request helpers (no SET clause to save and restore per call)', async () => {
    const rows = await perRequestHelpers();
    expect(rows).toHaveLength(PER_REQUEST_HELPERS.length);
    expect(rows.filter((row) => (row.config as string[]).some((entry) => !entry.startsWith('search_path=')))).toEqual([]);
  });
});
