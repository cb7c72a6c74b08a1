import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS } from '../support/help-requests.ts';
import { TeamWorld } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { rateHelp } from '../../src/lib/api/status.ts';
import { requestStatistics } from '../../src/lib/api/admin.ts';

/**
 * The citizen's one-tap answer after "Đã xong" (migration 20261128002400_help_rating.sql): checked
 * by code and phone like request_status, closed requests only, one rating per request, counted in
 * the statistics.
 */
describe.each(inject('stacks'))('help rating on $backend', (stack) => {
  const world = new TeamWorld(stack, 'rating');
  let restore: () => Promise<void>;
  let admin: SupabaseClient;

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
    await world.member('admin', 'admin', null);
    admin = await world.signIn('admin');
  });

  afterAll(async () => {
    await restore?.();
    await world.cleanUp();
  });

  /** A request booked through request_help, then closed (or not) in SQL; its code, id and phone. */
  async function request(close: boolean): Promise<{ code: string; id: number; phone: string }> {
    const booked = await world.book();
    if (close) {
      await withSql(stack, (sql) =>
        sql.query(
          `update app.help_requests set status = 'closed', outcome = 'helped',
             accepted_at = coalesce(accepted_at, now()), closed_at = now() where id = $1`,
          [booked.id],
        ),
      );
    }
    return booked;
  }

  it('rates a closed request once; the first answer stays; the statistics count it', async () => {
    const anon = anonClient(stack);
    const { code, id, phone } = await request(true);
    const first = await callRpc(rateHelp, { code, phone, helped: true }, anon);
    expect(first).toEqual({ ok: true, data: { found: true, helped: true, already_rated: false } });
    const second = await callRpc(rateHelp, { code, phone, helped: false }, anon);
    expect(second).toEqual({ ok: true, data: { found: true, helped: true, already_rated: true } });
    const rows = await withSql(stack, async (sql) => (await sql.query('select helped from app.help_ratings where request_id = $1', [id])).rows);
    expect(rows).toEqual([{ helped: true }]);

    const stats = await callRpc(requestStatistics, {}, admin);
    expect(stats.ok && stats.data.help_ratings?.helped).toBeGreaterThanOrEqual(1);
  });

  it('answers not found for a wrong phone, and refuses a request not yet closed', async () => {
    const anon = anonClient(stack);
    const closed = await request(true);
    expect(await callRpc(rateHelp, { code: closed.code, phone: '0912345999', helped: true }, anon)).toEqual({
      ok: true,
      data: { found: false },
    });
    const open = await request(false);
    const refused = await callRpc(rateHelp, { code: open.code, phone: open.phone, helped: true }, anon);
    expect(refused.ok || refused.code).toBe('not_closed');
    const none = await withSql(stack, async (sql) => (await sql.query('select count(*)::int as n from app.help_ratings where request_id = any($1)', [[closed.id, open.id]])).rows[0].n);
    expect(none).toBe(0);
  });
});
