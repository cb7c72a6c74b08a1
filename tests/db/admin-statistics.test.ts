import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withSql } from '../support/clients.ts';
import { TeamWorld } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { requestStatistics } from '../../src/lib/api/admin.ts';

/**
 * Statistics (migration 20261128001600_statistics.sql) against a small data set counted by hand,
 * placed in two weeks of March 2025 that no other test touches: 3–16 March 2025 (Vietnam time,
 * UTC+7).
 */

/** One seeded request: Vietnam local creation time, and minutes until acceptance and closing. */
interface Seed {
  at: string;
  commune: string;
  needs: string[];
  team: 'A' | 'B' | null;
  status: 'unassigned' | 'assigned' | 'accepted' | 'closed' | 'cancelled';
  acceptAfter?: number;
  closeAfter?: number;
  outcome?: string;
}

const HONG_GAI = '06685';
const HA_TU = '06652';
const BAI_CHAY = '06673';

// prettier-ignore
const SEEDS: Seed[] = [
  { at: '2025-03-03 09:00', commune: HONG_GAI, needs: ['vneid'], team: 'A', status: 'closed', acceptAfter: 30, closeAfter: 120, outcome: 'helped' },
  { at: '2025-03-04 10:00', commune: HONG_GAI, needs: ['vneid', 'vssid'], team: 'A', status: 'closed', acceptAfter: 60, closeAfter: 240, outcome: 'helped' },
  { at: '2025-03-05 08:00', commune: HA_TU, needs: ['etax'], team: 'B', status: 'closed', acceptAfter: 90, closeAfter: 600, outcome: 'not_reachable' },
  { at: '2025-03-06 14:00', commune: HA_TU, needs: ['vssid'], team: 'B', status: 'accepted', acceptAfter: 10 },
  { at: '2025-03-10 09:00', commune: HONG_GAI, needs: ['vneid'], team: 'A', status: 'cancelled' },
  { at: '2025-03-11 09:00', commune: BAI_CHAY, needs: ['dichvucong'], team: null, status: 'unassigned' },
  { at: '2025-03-12 09:00', commune: HONG_GAI, needs: ['vneid'], team: 'A', status: 'closed', acceptAfter: 20, closeAfter: 60, outcome: 'helped' },
  // Late on the last day in Vietnam (16:30 UTC): inside the range.
  { at: '2025-03-16 23:30', commune: HA_TU, needs: ['smart-quang-ninh'], team: 'B', status: 'closed', acceptAfter: 5, closeAfter: 30, outcome: 'helped' },
  // Just outside the range on either side (Vietnam days 17 and 2 March).
  { at: '2025-03-17 00:30', commune: HA_TU, needs: ['vneid'], team: 'B', status: 'closed', acceptAfter: 5, closeAfter: 30, outcome: 'helped' },
  { at: '2025-03-02 23:30', commune: HONG_GAI, needs: ['vneid'], team: 'A', status: 'closed', acceptAfter: 5, closeAfter: 30, outcome: 'helped' },
];

describe.each(inject('stacks'))('statistics on $backend', (stack) => {
  const world = new TeamWorld(stack, 'adm-stats');
  let admin: SupabaseClient;
  let teams: Record<string, number>;
  const codes: string[] = [];
  const names: string[] = [];

  beforeAll(async () => {
    teams = await world.teams([
      { code: 'A', commune: HONG_GAI, lat: 20.9538, lon: 107.0799, capacity: 50 },
      { code: 'B', commune: HA_TU, lat: 20.9627, lon: 107.1593, capacity: 50 },
    ]);
    await world.member('admin', 'admin', null);
    await world.member('leader-a', 'leader', teams.A);
    admin = await world.signIn('admin');
    await withSql(stack, async (sql) => {
      for (const [i, s] of SEEDS.entries()) {
        const name = `Người Thống Kê ${String.fromCharCode(65 + i)}`;
        names.push(name);
        const row = await sql.query(
          `with v as (select ($1::timestamp at time zone 'Asia/Ho_Chi_Minh') as created)
           insert into app.help_requests (reference_code, idempotency_key, created_at, updated_at, commune_code, needs,
             time_window, verification_word, consent_version, consented_at, status, team_id, assigned_at, accepted_at,
             closed_at, outcome, cancelled_at, cancel_reason, citizen_name, citizen_phone)
           select app.new_reference_code(), gen_random_uuid(), v.created, v.created, $2, $3, 'any', 'hoa sen', '2026-11-28',
             v.created, $4, $5, case when $5::bigint is not null then v.created end,
             v.created + make_interval(mins => $6), v.created + make_interval(mins => $7), $8,
             case when $4 = 'cancelled' then v.created + interval '1 hour' end,
             case when $4 = 'cancelled' then 'solved_myself' end, $9, '0987000' || lpad($10::text, 3, '0')
           from v returning id, reference_code`,
          [s.at, s.commune, s.needs, s.status, s.team ? teams[s.team] : null, s.acceptAfter ?? null, s.closeAfter ?? null,
            s.outcome ?? null, name, i],
        );
        world.requestIds.push(Number(row.rows[0].id));
        codes.push(row.rows[0].reference_code);
      }
      await sql.query(`insert into app.poster_scans (poster, day, scans) values
        ('g-zz1', '2025-03-05', 7), ('g-zz1', '2025-03-12', 3), ('x-ha-tu', '2025-03-12', 5), ('g-zz2', '2025-03-20', 100)
        on conflict do nothing`);
      await sql.query(`insert into app.guide_feedback (guide_code, kind, helpful, comment, created_at) values
        ('zz1', 'rating', true, null, '2025-03-04 10:00+07'), ('zz1', 'rating', true, null, '2025-03-05 10:00+07'),
        ('zz1', 'rating', false, null, '2025-03-06 10:00+07'), ('zz1', 'error_report', null, 'Sai bước 2', '2025-03-07 10:00+07'),
        ('zz2', 'rating', true, null, '2025-03-08 10:00+07'), ('zz2', 'rating', true, null, '2025-03-20 10:00+07')`);
    });
  });

  afterAll(async () => {
    await withSql(stack, async (sql) => {
      await sql.query(`delete from app.poster_scans where poster in ('g-zz1', 'g-zz2', 'x-ha-tu') and day < '2026-01-01'`);
      await sql.query(`delete from app.guide_feedback where guide_code in ('zz1', 'zz2')`);
    });
    await world.cleanUp();
  });

  it('matches the hand count for the province', async () => {
    const result = await callRpc(requestStatistics, { from_day: '2025-03-03', to_day: '2025-03-16' }, admin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.data;
    expect(s.scope).toEqual({ from: '2025-03-03', to: '2025-03-16', team_id: null, team_name: null, province: true });
    expect(s.total).toBe(8);
    expect(s.by_status).toEqual({ unassigned: 1, assigned: 0, accepted: 1, closed: 5, cancelled: 1 });
    expect(s.by_outcome).toEqual({ helped: 4, not_reachable: 1 });
    expect(s.by_commune).toEqual([
      { commune_code: HONG_GAI, commune_name: 'Phường Hồng Gai', count: 4 },
      { commune_code: HA_TU, commune_name: 'Phường Hà Tu', count: 3 },
      { commune_code: BAI_CHAY, commune_name: 'Phường Bãi Cháy', count: 1 },
    ]);
    expect(s.by_need).toEqual([
      { need: 'vneid', count: 4 },
      { need: 'vssid', count: 2 },
      { need: 'dichvucong', count: 1 },
      { need: 'etax', count: 1 },
      { need: 'smart-quang-ninh', count: 1 },
    ]);
    expect(s.by_week).toEqual([
      { week: '2025-03-03', count: 4 },
      { week: '2025-03-10', count: 4 },
    ]);
    // Acceptance: 5, 10, 20, 30, 60, 90 minutes → median 25, 90th percentile 75 (interpolated).
    expect(s.time_to_accept).toEqual({ count: 6, median_minutes: 25, p90_minutes: 75 });
    // Closing: 30, 60, 120, 240, 600 minutes → median 120, 90th percentile 240 + 0.6 × 360 = 456.
    expect(s.time_to_close).toEqual({ count: 5, median_minutes: 120, p90_minutes: 456 });
    expect(s.poster_scans).toEqual({ total: 15, top: [{ poster: 'g-zz1', scans: 10 }, { poster: 'x-ha-tu', scans: 5 }] });
    expect(s.guide_feedback).toEqual({
      helpful: 3,
      not_helpful: 1,
      error_reports: 1,
      by_guide: [
        { guide_code: 'zz1', helpful: 2, not_helpful: 1, error_reports: 1 },
        { guide_code: 'zz2', helpful: 1, not_helpful: 0, error_reports: 0 },
      ],
    });
    // Open now: the pooled request from March 2025 waits longest; team B's accepted one is stale.
    expect(s.waiting_longest[0]).toMatchObject({ reference_code: codes[5], status: 'unassigned', commune_name: 'Phường Bãi Cháy', team_code: null });
    expect(s.waiting_longest[0].waiting_minutes).toBeGreaterThan(60 * 24 * 300);
    expect(s.stale_teams.find((t) => t.team_id === teams.B)).toMatchObject({ not_accepted: 0, accepted_not_closed: 1 });
    expect(s.stale_teams.find((t) => t.team_id === teams.A)).toBeUndefined();
  });

  it('holds no personal data', async () => {
    const result = await callRpc(requestStatistics, { from_day: '2025-03-03', to_day: '2025-03-16' }, admin);
    const text = JSON.stringify(result);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toMatch(/0987000\d{3}/);
    expect(text).not.toMatch(/citizen|phone|address|description|gps|note/i);
  });

  it('narrows to one team for an admin, and shows a leader only their own team', async () => {
    const forA = await callRpc(requestStatistics, { from_day: '2025-03-03', to_day: '2025-03-16', team_id: teams.A }, admin);
    expect(forA.ok && forA.data.total).toBe(4);
    expect(forA.ok && forA.data.by_status).toEqual({ unassigned: 0, assigned: 0, accepted: 0, closed: 3, cancelled: 1 });
    const leader = await world.signIn('leader-a');
    const own = await callRpc(requestStatistics, { from_day: '2025-03-03', to_day: '2025-03-16' }, leader);
    expect(own.ok && own.data.scope).toMatchObject({ team_id: teams.A, province: false });
    expect(own.ok && own.data.total).toBe(4);
    expect(own.ok && own.data.time_to_accept).toEqual({ count: 2 + 1, median_minutes: 30, p90_minutes: 54 });
    expect(own.ok && own.data.poster_scans).toBeNull();
    expect(own.ok && own.data.guide_feedback).toBeNull();
    const other = await callRpc(requestStatistics, { team_id: teams.B }, leader);
    expect(!other.ok && other.code).toBe('forbidden');
  });

  it('refuses a reversed or too long range', async () => {
    const reversed = await callRpc(requestStatistics, { from_day: '2025-03-16', to_day: '2025-03-03' }, admin);
    expect(!reversed.ok && reversed.code).toBe('range_invalid');
    const long = await callRpc(requestStatistics, { from_day: '2023-01-01', to_day: '2025-03-03' }, admin);
    expect(!long.ok && long.code).toBe('range_invalid');
  });
});
