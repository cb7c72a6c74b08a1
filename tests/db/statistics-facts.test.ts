import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type pg from 'pg';
import { withSql } from '../support/clients.ts';
import { TeamWorld, QUANG_LA } from '../support/team.ts';
import { prng } from '../support/prng.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { requestStatistics } from '../../src/lib/api/admin.ts';

/**
 * request_statistics reads app.request_facts (migration 20261128002700_statistics_facts.sql), kept
 * by triggers. Random requests in March–August 2023 (Vietnam days no other test touches), then
 * random changes through every kind of write the triggers must follow (routing, acceptance,
 * closing, cancelling, team changes, ratings given, changed and withdrawn, requests deleted); for
 * random scopes and ranges the answer must equal a straightforward recomputation from
 * help_requests and help_ratings, as the statistics computed it before the facts existed.
 */

const FIRST = '2023-03-01';
const DAYS = 184; // to 2023-08-31
const COMMUNES = ['06685', '06652', '06673', QUANG_LA.code];
const NEEDS = ['vneid', 'vssid', 'etax', 'dichvucong', 'smart-quang-ninh', 'thanh-toan-an-toan', 'other'];
const OUTCOMES = ['helped', 'not_reachable', 'citizen_cancelled', 'out_of_scope', 'partly_helped', 'not_needed'];

const day = (offset: number) => new Date(Date.parse(`${FIRST}T00:00:00Z`) + offset * 86400_000).toISOString().slice(0, 10);

/** The fields the facts feed, recomputed the plain way: the range's requests joined to their ratings. */
const RECOMPUTE = `
  with r as (
    select h.*, hr.helped from app.help_requests h left join app.help_ratings hr on hr.request_id = h.id
    where h.created_at >= ($1::date::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and h.created_at < (($2::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and ($3::bigint is null or h.team_id = $3::bigint)
  ), accept as (select extract(epoch from r.accepted_at - r.created_at) / 60 as m from r where r.accepted_at is not null),
  close as (select extract(epoch from r.closed_at - r.created_at) / 60 as m from r where r.closed_at is not null)
  select jsonb_build_object(
    'total', (select count(*) from r),
    'by_status', (select jsonb_object_agg(s, (select count(*) from r where r.status = s))
                  from unnest(array['unassigned', 'assigned', 'accepted', 'closed', 'cancelled']) s),
    'by_outcome', coalesce((select jsonb_object_agg(x.outcome, x.n)
                            from (select r.outcome, count(*) as n from r where r.outcome is not null group by 1) x), '{}'),
    'by_commune', coalesce((select jsonb_agg(jsonb_build_object('commune_code', x.commune_code, 'commune_name', c.name, 'count', x.n)
                              order by x.n desc, c.name)
                            from (select r.commune_code, count(*) as n from r group by 1) x join app.communes c on c.code = x.commune_code), '[]'),
    'by_need', coalesce((select jsonb_agg(jsonb_build_object('need', x.need, 'count', x.n) order by x.n desc, x.need)
                         from (select n.need, count(*) as n from r cross join unnest(r.needs) n(need) group by 1) x), '[]'),
    'by_week', (select jsonb_agg(jsonb_build_object('week', w::date,
                  'count', (select count(*) from r where date_trunc('week', r.created_at at time zone 'Asia/Ho_Chi_Minh') = w)) order by w)
                from generate_series(date_trunc('week', $1::date::timestamp), date_trunc('week', $2::date::timestamp), interval '1 week') w),
    'time_to_accept', (select jsonb_build_object('count', count(*),
                         'median_minutes', round((percentile_cont(0.5) within group (order by m))::numeric, 1),
                         'p90_minutes', round((percentile_cont(0.9) within group (order by m))::numeric, 1)) from accept),
    'time_to_close', (select jsonb_build_object('count', count(*),
                        'median_minutes', round((percentile_cont(0.5) within group (order by m))::numeric, 1),
                        'p90_minutes', round((percentile_cont(0.9) within group (order by m))::numeric, 1)) from close),
    'help_ratings', jsonb_build_object('helped', (select count(*) from r where r.helped),
                                       'not_helped', (select count(*) from r where not r.helped))
  ) as s`;

const FIELDS = ['total', 'by_status', 'by_outcome', 'by_commune', 'by_need', 'by_week', 'time_to_accept', 'time_to_close', 'help_ratings'];
const pick = (s: Record<string, unknown>) => Object.fromEntries(FIELDS.map((k) => [k, s[k]]));

describe.each(inject('stacks'))('statistics facts on $backend', (stack) => {
  const world = new TeamWorld(stack, 'stat-facts');
  const seed = Number(process.env.STATISTICS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const random = prng(seed);
  const pickOne = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  let admin: SupabaseClient;
  let leader: SupabaseClient;
  let teams: Record<string, number>;

  /** Minutes with fractions of a second (durations as a real acceptance stamps them). */
  const minutes = () => Math.round(random() * random() * 3000 * 60_000_000) / 60_000_000;

  beforeAll(async () => {
    teams = await world.teams([
      { code: 'A', commune: COMMUNES[0], lat: 20.9538, lon: 107.0799, capacity: 50 },
      { code: 'B', commune: COMMUNES[1], lat: 20.9627, lon: 107.1593, capacity: 50 },
      { code: 'C', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon, capacity: 50 },
    ]);
    await world.member('admin', 'admin', null);
    await world.member('leader', 'leader', teams.A);
    admin = await world.signIn('admin');
    leader = await world.signIn('leader');
    const teamIds = Object.values(teams);
    const rows = Array.from({ length: 240 }, (_, i) => {
      const team = random() < 0.2 ? null : pickOne(teamIds);
      const status = team === null ? pickOne(['unassigned', 'cancelled']) : pickOne(['assigned', 'accepted', 'closed', 'closed', 'cancelled']);
      // Times of day up to the microsecond, the first and the last microsecond of a day included.
      const edge = i % 40 === 0 ? 0 : i % 40 === 1 ? 86_400_000_000 - 1 : Math.floor(random() * 86_400_000_000);
      const accepted = status === 'accepted' || status === 'closed' || (status === 'cancelled' && team !== null && random() < 0.5);
      const acceptMinutes = minutes();
      const needs = NEEDS.filter(() => random() < 0.3);
      return {
        day: day(Math.floor(random() * DAYS)),
        micros: edge,
        commune: pickOne(COMMUNES),
        needs: needs.length ? needs : [pickOne(NEEDS)],
        team,
        status,
        accept_minutes: accepted ? acceptMinutes : null,
        close_minutes: status === 'closed' ? acceptMinutes + minutes() : null,
        outcome: status === 'closed' ? pickOne(OUTCOMES) : null,
        rated: status === 'closed' && random() < 0.5 ? random() < 0.7 : null,
      };
    });
    await withSql(stack, async (sql) => {
      const inserted = await sql.query(
        `with v as (
           select x.*, ((x.day::timestamp + make_interval(secs => x.micros / 1e6)) at time zone 'Asia/Ho_Chi_Minh') as created
           from jsonb_to_recordset($1::jsonb) as x(day date, micros bigint, commune text, needs text[], team bigint, status text,
             accept_minutes float8, close_minutes float8, outcome text, rated boolean))
         insert into app.help_requests (reference_code, idempotency_key, created_at, updated_at, commune_code, needs,
           time_window, verification_word, consent_version, consented_at, status, team_id, assigned_at, accepted_at,
           closed_at, outcome, cancelled_at, cancel_reason, citizen_name, citizen_phone)
         select app.new_reference_code(), gen_random_uuid(), v.created, v.created, v.commune, v.needs, 'any', 'hoa sen',
           '2026-11-28', v.created, v.status, v.team, case when v.team is not null then v.created end,
           v.created + make_interval(secs => v.accept_minutes * 60), v.created + make_interval(secs => v.close_minutes * 60),
           v.outcome, case when v.status = 'cancelled' then v.created + interval '2 hours' end,
           case when v.status = 'cancelled' then 'solved_myself' end, 'Người Thống Kê', '0987000111'
         from v returning id`,
        [JSON.stringify(rows)],
      );
      const ids = inserted.rows.map((r) => Number(r.id));
      world.requestIds.push(...ids);
      await sql.query(
        `insert into app.help_ratings (request_id, helped)
         select h.id, (x.rated)::boolean from unnest($1::bigint[], $2::text[]) x(id, rated) join app.help_requests h on h.id = x.id
         where x.rated is not null`,
        [ids, rows.map((r) => (r.rated === null ? null : String(r.rated)))],
      );
    });
  });

  afterAll(async () => {
    await world.cleanUp();
  });

  /** The answer of the RPC and of the recomputation, for one scope. */
  async function both(client: SupabaseClient, from: string, to: string, team: number | null, sql: pg.Client) {
    const args = team === null ? { from_day: from, to_day: to } : { from_day: from, to_day: to, team_id: team };
    const result = await callRpc(requestStatistics, args, client);
    if (!result.ok) throw new Error(`request_statistics: ${result.code}`);
    const scopeTeam = client === leader ? teams.A : team;
    const expected = (await sql.query(RECOMPUTE, [from, to, scopeTeam])).rows[0].s;
    return { actual: pick(result.data as unknown as Record<string, unknown>), expected, label: `seed ${seed}, ${from}..${to}, team ${scopeTeam}` };
  }

  /** Random scopes: the province, each team through the admin, the leader's own team; random ranges. */
  async function compareRandomScopes(sql: pg.Client) {
    const scopes: [SupabaseClient, number | null][] = [[admin, null], [admin, null], [admin, teams.A], [admin, teams.B], [admin, teams.C], [leader, null]];
    for (const [client, team] of scopes) {
      const a = Math.floor(random() * DAYS);
      const b = Math.floor(random() * DAYS);
      const { actual, expected, label } = await both(client, day(Math.min(a, b)), day(Math.max(a, b)), team, sql);
      expect(actual, label).toEqual(expected);
    }
    const whole = await both(admin, FIRST, day(DAYS - 1), null, sql);
    expect(whole.actual, whole.label).toEqual(whole.expected);
    expect(whole.expected.total).toBeGreaterThan(100);
    expect(whole.expected.time_to_close.count).toBeGreaterThan(10);
  }

  it('equals the recomputation for random scopes after inserts', async () => {
    await withSql(stack, compareRandomScopes);
  });

  it('follows routing, acceptance, closing, cancelling, team changes, ratings and deletions', async () => {
    await withSql(stack, async (sql) => {
      const ids = world.requestIds;
      const some = (n: number) => Array.from({ length: n }, () => pickOne(ids));
      // Pool → team; team → another team; assigned → accepted → closed; open → cancelled.
      await sql.query(`update app.help_requests set status = 'assigned', team_id = $2, assigned_at = created_at
                       where id = any($1) and status = 'unassigned'`, [some(20), teams.B]);
      await sql.query(`update app.help_requests set team_id = $2 where id = any($1) and status in ('assigned', 'accepted')`, [some(20), teams.C]);
      await sql.query(`update app.help_requests set status = 'accepted', accepted_at = created_at + make_interval(secs => $2::float8)
                       where id = any($1) and status = 'assigned'`, [some(40), random() * 50_000]);
      await sql.query(`update app.help_requests set status = 'closed', outcome = 'partly_helped', closed_at = accepted_at + interval '95 minutes 7.25 seconds'
                       where id = any($1) and status = 'accepted'`, [some(40)]);
      await sql.query(`update app.help_requests set status = 'cancelled', cancelled_at = created_at + interval '1 day', cancel_reason = 'other'
                       where id = any($1) and status in ('unassigned', 'assigned', 'accepted')`, [some(10)]);
      // A column the statistics do not count: the facts stay as they are.
      await sql.query(`update app.help_requests set contact_attempts = contact_attempts + 1 where id = any($1)`, [some(10)]);
      // Ratings: new ones on the requests just closed, answers changed, ratings withdrawn.
      await sql.query(`insert into app.help_ratings (request_id, helped)
                       select h.id, h.id % 3 > 0 from app.help_requests h where h.id = any($1) and h.status = 'closed'
                       on conflict do nothing`, [ids]);
      await sql.query(`update app.help_ratings set helped = not helped where request_id = any($1)`, [some(15)]);
      await sql.query(`delete from app.help_ratings where request_id = any($1)`, [some(15)]);
      // Whole requests removed (their ratings go with them).
      await sql.query(`delete from app.help_requests where id = any($1)`, [some(12)]);
      await compareRandomScopes(sql);
    });
  });

  it('would see a facts row gone wrong, and the rebuild puts it right', async () => {
    await withSql(stack, async (sql) => {
      // The comparison can fail: one request counted under another status is caught.
      const changed = await sql.query(`update app.request_facts set status = case status when 'closed' then 'cancelled' else 'closed' end
                                       where request_id = (select min(id) from app.help_requests where id = any($1))`, [world.requestIds]);
      expect(changed.rowCount).toBe(1);
      const broken = await both(admin, FIRST, day(DAYS - 1), null, sql);
      expect(broken.actual.by_status, broken.label).not.toEqual(broken.expected.by_status);
      expect(broken.actual.total).toBe(broken.expected.total);
      await sql.query('select app.rebuild_request_facts()');
      const fixed = await both(admin, FIRST, day(DAYS - 1), null, sql);
      expect(fixed.actual, fixed.label).toEqual(fixed.expected);
    });
  });
});
