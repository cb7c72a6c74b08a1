import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS } from '../support/help-requests.ts';
import { LUONG_MINH, TeamWorld } from '../support/team.ts';
import { startJobRunner } from '../../supabase/local/jobs.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { foundOnly, requestStatus } from '../../src/lib/api/status.ts';
import { acceptRequest, handOverRequest, teamQueue } from '../../src/lib/api/team.ts';

/**
 * The escalation job, called directly with time under the test's control (assignments are moved
 * back in time; the stacks run no periodic jobs of their own): it moves exactly the requests not
 * accepted in time, once per run, to teams that never had them, and after the allowed number of
 * moves to the province pool; every move is an audit event and a step the citizen sees.
 */

interface RunResult {
  checked: number;
  moved: number;
  pooled: number;
}

describe.each(inject('stacks'))('escalation of unaccepted requests on $backend', (stack) => {
  const world = new TeamWorld(stack, 'te');
  let restore: () => Promise<void>;
  let teams: Record<string, number>;
  const as: Record<string, SupabaseClient> = {};

  /** One run of the job, as pg_cron and the local stack call it. */
  const run = () =>
    withSql(stack, async (sql) => (await sql.query('select app.run_scheduled_jobs() as r')).rows[0].r.escalation as RunResult);

  beforeAll(async () => {
    restore = await changeSettings(stack, {
      ...RELAXED_LIMITS,
      'escalation.accept_within_minutes': 60,
      'escalation.max_moves': 2,
    });
    // Three teams whose radius reaches Lương Minh's centre: 1 nearest (and covering it), then 2, 3.
    teams = await world.teams([
      { code: 'E1', commune: LUONG_MINH.code, lat: LUONG_MINH.lat, lon: LUONG_MINH.lon, radius: 10000, covers: [LUONG_MINH.code] },
      { code: 'E2', commune: LUONG_MINH.code, lat: LUONG_MINH.lat + 0.02, lon: LUONG_MINH.lon, radius: 10000 },
      { code: 'E3', commune: LUONG_MINH.code, lat: LUONG_MINH.lat + 0.04, lon: LUONG_MINH.lon, radius: 10000 },
    ]);
    await world.member('e1', 'member', teams.E1);
    await world.member('admin', 'admin', null);
    as.e1 = await world.signIn('e1');
    as.admin = await world.signIn('admin');
  });

  afterEach(async () => {
    // Each case starts with no open request of its own left behind.
    await withSql(stack, (sql) =>
      sql.query(
        `update app.help_requests set status = 'cancelled', cancelled_at = now(), cancel_reason = 'other'
         where id = any($1) and status in ('unassigned', 'assigned', 'accepted')`,
        [world.requestIds],
      ),
    );
  });

  afterAll(async () => {
    await world.cleanUp();
    await restore();
  });

  it('moves exactly the stale requests, once per run, then to the province pool after the hop limit', async () => {
    const stale1 = await world.book({ commune_code: LUONG_MINH.code });
    const stale2 = await world.book({ commune_code: LUONG_MINH.code });
    const fresh = await world.book({ commune_code: LUONG_MINH.code });
    const acceptedOld = await world.book({ commune_code: LUONG_MINH.code });
    await callRpc(acceptRequest, { request_id: acceptedOld.id }, as.e1);
    for (const r of [stale1, stale2, fresh, acceptedOld]) expect((await world.row(r.id)).team_id).toBe(teams.E1);
    // 61 minutes without acceptance for two of them; the accepted one is old too, but accepted.
    await world.age([stale1.id, stale2.id, acceptedOld.id], 61);
    await world.age([fresh.id], 59);

    expect(await run()).toEqual({ checked: 2, moved: 2, pooled: 0 });
    for (const r of [stale1, stale2]) {
      const row = await world.row(r.id);
      expect(row).toMatchObject({ status: 'assigned', team_id: teams.E2 });
      expect(row.events.filter((e) => e.kind === 'escalated')).toMatchObject([
        { status_after: 'assigned', team_id: teams.E2, actor: 'system', reason: 'radius', detail: { from_team_id: teams.E1, move: 1, max_moves: 2 } },
      ]);
    }
    expect(await world.row(fresh.id)).toMatchObject({ status: 'assigned', team_id: teams.E1 });
    expect(await world.row(acceptedOld.id)).toMatchObject({ status: 'accepted', team_id: teams.E1 });

    // Running again at once moves nothing: each moved request has a new acceptance period.
    expect(await run()).toEqual({ checked: 0, moved: 0, pooled: 0 });

    // Stale again: to the one team that never had it.
    await world.age([stale1.id, stale2.id], 61);
    expect(await run()).toEqual({ checked: 2, moved: 2, pooled: 0 });
    expect(await world.row(stale1.id)).toMatchObject({ status: 'assigned', team_id: teams.E3 });

    // Two moves made: the third time it goes to the province pool, for admins.
    await world.age([stale1.id, stale2.id], 61);
    expect(await run()).toEqual({ checked: 2, moved: 0, pooled: 2 });
    const row = await world.row(stale1.id);
    expect(row).toMatchObject({ status: 'unassigned', team_id: null });
    expect(row.events.filter((e) => e.kind === 'escalated').map((e) => [e.team_id, e.status_after, e.reason])).toEqual([
      [teams.E2, 'assigned', 'radius'],
      [teams.E3, 'assigned', 'radius'],
      [null, 'unassigned', 'hop_limit'],
    ]);
    const pool = await callRpc(teamQueue, { pool: true, page_size: 500 }, as.admin);
    expect(pool.ok && pool.data.items.filter((i) => [stale1.id, stale2.id].includes(i.id)).map((i) => i.moves)).toEqual([3, 3]);

    // The pool is not stale any more: nothing left to move.
    await world.age([stale1.id, stale2.id], 600);
    expect(await run()).toEqual({ checked: 0, moved: 0, pooled: 0 });

    // The citizen sees every step in plain words.
    const status = foundOnly(await callRpc(requestStatus, { code: stale1.code, phone: stale1.phone }, anonClient(stack)));
    expect(status.ok && status.data.steps.map((s) => [s.step, s.team])).toEqual([
      ['received', null],
      ['sent_to_team', `Tổ thử nghiệm T-${world.prefix.toUpperCase()}-E1`],
      ['sent_to_team', `Tổ thử nghiệm T-${world.prefix.toUpperCase()}-E2`],
      ['sent_to_team', `Tổ thử nghiệm T-${world.prefix.toUpperCase()}-E3`],
      ['province_pool', null],
    ]);
  });

  it('never moves a request to a team that already had it, whoever moved it there', async () => {
    const request = await world.book({ commune_code: LUONG_MINH.code });
    expect(await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.E3, reason: 'too_far', note: null }, as.e1)).toMatchObject({ ok: true });
    await world.age([request.id], 61);
    expect(await run()).toEqual({ checked: 1, moved: 1, pooled: 0 });
    expect(await world.row(request.id)).toMatchObject({ status: 'assigned', team_id: teams.E2 });
  });

  it('sends a request to the pool when no team that never had it is left', async () => {
    await changeSettings(stack, { 'escalation.max_moves': 5 }).then(async (back) => {
      try {
        const request = await world.book({ commune_code: LUONG_MINH.code });
        for (const team of [teams.E2, teams.E3]) {
          await world.age([request.id], 61);
          expect(await run()).toEqual({ checked: 1, moved: 1, pooled: 0 });
          expect((await world.row(request.id)).team_id).toBe(team);
        }
        await world.age([request.id], 61);
        expect(await run()).toEqual({ checked: 1, moved: 0, pooled: 1 });
        expect((await world.row(request.id)).events.at(-1)).toMatchObject({
          kind: 'escalated',
          status_after: 'unassigned',
          team_id: null,
          reason: 'no_team_near',
          detail: { from_team_id: teams.E3, move: 3 },
        });
      } finally {
        await back();
      }
    });
  });

  it('moves each request once even when two runs overlap', async () => {
    const requests = [await world.book({ commune_code: LUONG_MINH.code }), await world.book({ commune_code: LUONG_MINH.code })];
    await world.age(requests.map((r) => r.id), 61);
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.moved + b.moved).toBe(2);
    for (const r of requests) {
      const row = await world.row(r.id);
      expect(row.team_id).toBe(teams.E2);
      expect(row.events.filter((e) => e.kind === 'escalated')).toHaveLength(1);
    }
  });

  it('is what the local stack’s job runner calls', async () => {
    const request = await world.book({ commune_code: LUONG_MINH.code });
    await world.age([request.id], 61);
    const runner = startJobRunner({ databaseUrl: stack.databaseUrl, intervalMs: 3_600_000 });
    try {
      // Other jobs may report beside it (app.run_scheduled_jobs() is the one entry point).
      expect(await runner.runNow()).toMatchObject({ escalation: { checked: 1, moved: 1, pooled: 0 } });
    } finally {
      await runner.stop();
    }
    expect((await world.row(request.id)).team_id).toBe(teams.E2);
  });
});
