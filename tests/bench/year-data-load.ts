/**
 * A year of provincial data for the `year-data` benchmark (never for `npm test`): 1,473 teams,
 * 2,634 members, 200,000 help requests, 1,000,000 request events, 100,000 outreach entries, and in
 * proportion the notes, notification outbox rows and ratings those requests leave behind.
 *
 * Deterministic: every choice is a hash of (seed, row number, stream), so the same seed gives the
 * same rows on PGlite and PostgreSQL (times are relative to now(): "a year" is the 365 days before
 * the run). Paths:
 *   - teams: through the admin CSV import (public.admin_import_teams, one call with 1,473 lines, as
 *     an admin signed in through the stack), the path a province would use;
 *   - everything else: set-based inserts as the superuser. Per-row RPCs would take hours (200,000
 *     request_help calls at ~3 ms on PostgreSQL and several times that on PGlite, plus the state
 *     changes of each request), could not back-date rows (the RPCs stamp now(), outreach refuses
 *     days older than 60), and the booking path itself is measured by the section at this size.
 *     The inserted rows follow what the RPCs write: the same statuses, times, audit events per
 *     state change, and the retention state (requests ended more than 91 days ago are already
 *     erased, with their personal_data_erased event; those ended 90–91 days ago are one day's
 *     expiries, due for the retention job). Triggers are off during the load (session_replication_role
 *     = replica): the notification trigger on request_events would queue messages row by row (the
 *     outbox rows are inserted in proportion instead) and the erasure triggers would write again
 *     the events inserted here. The statistics facts those triggers keep (app.request_facts, one
 *     narrow row per request) are rebuilt set-based at the end by app.rebuild_request_facts(), the
 *     function any load with triggers off (a restore) uses.
 */
import pg from 'pg';
import { prng } from '../support/prng.ts';

export const YEAR = { teams: 1_473, members: 2_634, requests: 200_000, events: 1_000_000, outreach: 100_000 } as const;

/** A deterministic number in [0, m) from the seed, a row number expression and a stream. */
const h = (seed: number, n: string, stream: number, m: number) =>
  `(abs(hashint8(${seed}::bigint * 1000003 + (${n}) * 64 + ${stream})) % ${m})`;

/** The teams' CSV in the import format: YR-0001…, spread over the communes around their centre. */
export function teamsCsv(communes: { code: string; lat: number; lon: number }[], seed: number): string {
  const random = prng(seed);
  const lines = ['code,name,commune,base_lat,base_lon,service_radius_m,capacity,public_phone,active'];
  for (let i = 1; i <= YEAR.teams; i++) {
    const c = communes[i % communes.length];
    const lat = (c.lat + (random() - 0.5) * 0.04).toFixed(5);
    const lon = (c.lon + (random() - 0.5) * 0.04).toFixed(5);
    const phone = `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    lines.push(`YR-${String(i).padStart(4, '0')},Tổ hỗ trợ số ${i},${c.code},${lat},${lon},${2000 + Math.floor(random() * 8000)},40,${phone},có`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reference codes: 9 characters of the code alphabet from a number (unique per number). */
const REFERENCE_CODE = (() => {
  const ch = (i: number) => `substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ((p.code_n / ${30 ** i}::bigint) % 30)::int + 1, 1)`;
  const group = (a: number) => [a, a + 1, a + 2].map(ch).join(' || ');
  return `'QN-' || ${group(0)} || '-' || ${group(3)} || '-' || ${group(6)}`;
})();

/** Members (a leader per team, a second member in 1,161 teams) and the plan of the requests. */
async function plan(sql: pg.Client, seed: number) {
  await sql.query(`
    insert into app.members (email, name, role, team_id)
    select 'yr-' || lower(t.code) || '-' || k || '@example.org', 'Thành viên ' || k || ' ' || t.code,
           case k when 1 then 'leader' else 'member' end, t.id
    from app.teams t, generate_series(1, 2) k
    where t.code like 'YR-%' and (k = 1 or substr(t.code, 4)::int <= ${YEAR.members - YEAR.teams})`);
  // One row per request: its age, team, status and the delays of its steps (seconds).
  await sql.query(`create temporary table yr_plan as
    with t as (select array_agg(id order by id) as ids from app.teams where code like 'YR-%'),
    p as (
      select n, ${h(seed, 'n', 1, 365 * 86400)} as age_s, ${h(seed, 'n', 2, 100)} as roll, ${h(seed, 'n', 3, 100)} as roll2,
             t.ids[1 + ${h(seed, 'n', 4, YEAR.teams)}] as team_id,
             60 * (10 + ${h(seed, 'n', 5, 590)}) as accept_s, 3600 * (1 + ${h(seed, 'n', 6, 47)}) as close_s
      from generate_series(1, ${YEAR.requests}) n, t)
    select n, 500000000 + n as code_n, now() - age_s * interval '1 second' as created_at, accept_s, close_s,
           case when age_s < 3 * 86400 then
                  case when roll < 10 then 'unassigned' when roll < 50 then 'assigned' else 'accepted' end
                when roll < 12 then 'cancelled' else 'closed' end as status,
           case when age_s < 3 * 86400 and roll < 10 then null when roll < 4 then null else team_id end as team_id,
           roll2
    from p`);
}

/** The requests, as booking, routing, acceptance, closing and the retention job leave them. */
async function requests(sql: pg.Client, seed: number) {
  await sql.query(`
    insert into app.help_requests (
      reference_code, idempotency_key, created_at, updated_at, commune_code, needs, guide_code, guide_step,
      time_window, on_behalf, verification_word, consent_version, consented_at, message_channel, message_consent_version,
      status, team_id, route_point, route_distance_m, route_reason, assigned_at, accepted_at, accepted_by,
      closed_at, outcome, cancelled_at, cancel_reason, contact_attempts, citizen_name, citizen_phone, address, description)
    select ${REFERENCE_CODE}, md5(${seed} || ':' || p.n)::uuid, p.created_at, p.created_at,
           coalesce(t.commune_code, c.codes[1 + ${h(seed, 'p.n', 7, 54)}]),
           string_to_array((array['vneid', 'vssid', 'etax', 'dichvucong,vneid', 'smart-quang-ninh', 'thanh-toan-an-toan',
                                  'vssid,etax,other', 'vneid'])[1 + ${h(seed, 'p.n', 8, 8)}], ','),
           case when p.roll2 < 30 then 'vs4' end, case when p.roll2 < 30 then 1 + ${h(seed, 'p.n', 9, 6)} end,
           (array['any', 'morning', 'afternoon', 'evening', 'weekend'])[1 + ${h(seed, 'p.n', 10, 5)}], false,
           (array['hoa sen', 'cây tre', 'con đò', 'mặt trời'])[1 + ${h(seed, 'p.n', 11, 4)}], '2026-11-28', p.created_at,
           case when p.roll2 % 10 < 3 then (array['sms', 'zalo'])[1 + p.roll2 % 2] end,
           case when p.roll2 % 10 < 3 then '2026-11-28' end,
           p.status, p.team_id, 'commune_centre',
           case when p.team_id is not null then 300 + ${h(seed, 'p.n', 12, 6000)} end,
           case when p.team_id is null then 'no_team_near' else 'coverage' end,
           case when p.team_id is not null then p.created_at + interval '1 second' end,
           case when p.status in ('accepted', 'closed') and p.team_id is not null then p.created_at + p.accept_s * interval '1 second' end,
           case when p.status in ('accepted', 'closed') and p.team_id is not null then m.id end,
           case when p.status = 'closed' then p.created_at + (p.accept_s + p.close_s) * interval '1 second' end,
           case when p.status = 'closed' then (array['helped', 'helped', 'helped', 'helped', 'partly_helped', 'not_reachable', 'out_of_scope'])[1 + p.roll2 % 7] end,
           case when p.status = 'cancelled' then p.created_at + p.close_s * interval '1 second' end,
           case when p.status = 'cancelled' then 'solved_myself' end,
           (p.roll2 % 3)::int,
           'Người dân thử ' || p.n, '09' || lpad((p.n * 7 % 100000000)::text, 8, '0'),
           'Thôn ' || (p.n % 20) || ', gần nhà văn hoá', 'Cần giúp cài đặt và đăng nhập ứng dụng trên điện thoại.'
    from yr_plan p left join app.teams t on t.id = p.team_id
    left join app.members m on m.team_id = p.team_id and m.role = 'leader' and m.email like 'yr-%',
    (select array_agg(code order by code) as codes from app.communes) c
    order by p.n`);
  await sql.query(`create temporary table yr_ids as
    select h.id from app.help_requests h join yr_plan p on h.idempotency_key = md5(${seed} || ':' || p.n)::uuid`);
  await sql.query('alter table yr_ids add primary key (id)');
  // Already erased by the retention job: ended more than 91 days ago (erased 90 days after).
  await sql.query(`
    update app.help_requests h set citizen_name = null, citizen_phone = null, address = null, description = null,
      personal_data_erased_at = coalesce(h.closed_at, h.cancelled_at) + interval '90 days 1 minute'
    where h.id in (select id from yr_ids) and coalesce(h.closed_at, h.cancelled_at) < now() - interval '91 days'`);
}

/** Audit events as the RPCs write them, topped up with notes and call attempts to 1,000,000. */
async function events(sql: pg.Client) {
  await sql.query(`
    insert into app.request_events (request_id, created_at, kind, status_after, team_id, reason, actor, actor_member_id, distance_m)
    select h.id, h.created_at, 'received', 'unassigned', null::bigint, null::text, 'citizen', null::bigint, null::int
    from app.help_requests h join yr_ids using (id)
    union all
    select h.id, h.created_at + interval '1 second', case when h.team_id is null then 'unassigned' else 'assigned' end,
           case when h.team_id is null then 'unassigned' else 'assigned' end, h.team_id, h.route_reason, 'system', null, h.route_distance_m
    from app.help_requests h join yr_ids using (id)
    union all
    select h.id, h.accepted_at, 'accepted', 'accepted', h.team_id, null, 'team', h.accepted_by, null
    from app.help_requests h join yr_ids using (id) where h.accepted_at is not null
    union all
    select h.id, coalesce(h.closed_at, h.cancelled_at), h.status, h.status, h.team_id, coalesce(h.outcome, h.cancel_reason),
           case h.status when 'closed' then 'team' else 'citizen' end, case h.status when 'closed' then h.accepted_by end, null
    from app.help_requests h join yr_ids using (id) where h.status in ('closed', 'cancelled')
    union all
    select h.id, h.personal_data_erased_at, 'personal_data_erased', h.status, h.team_id, 'retention', 'system', null, null
    from app.help_requests h join yr_ids using (id) where h.personal_data_erased_at is not null`);
  const { rows } = await sql.query(`select count(*)::int as n from app.request_events e join yr_ids i on i.id = e.request_id`);
  const missing = YEAR.events - rows[0].n;
  await sql.query(`
    with a as (select h.id, h.team_id, h.accepted_at, h.accepted_by, row_number() over (order by h.id) as k
               from app.help_requests h join yr_ids using (id) where h.accepted_at is not null),
    c as (select count(*) as n from a)
    insert into app.request_events (request_id, created_at, kind, status_after, team_id, actor, actor_member_id)
    select a.id, a.accepted_at + g * interval '5 minutes', case when g % 2 = 1 then 'noted' else 'contact_attempt' end,
           'accepted', a.team_id, 'team', a.accepted_by
    from a, c, generate_series(1, 1 + ${missing} / greatest(c.n, 1)) g
    order by g, a.k
    limit greatest(${missing}, 0)`);
}

/** Notes, outbox rows and ratings in proportion to the requests. */
async function around(sql: pg.Client) {
  await sql.query(`
    insert into app.request_notes (request_id, member_id, created_at, kind, body)
    select h.id, h.accepted_by, h.accepted_at + interval '5 minutes', 'note', 'Đã gọi, hẹn 9 giờ sáng mai tại nhà văn hoá.'
    from app.help_requests h join yr_ids using (id) where h.accepted_by is not null and h.personal_data_erased_at is null`);
  await sql.query(`
    insert into app.notification_outbox (created_at, channel, template, params, dedupe_key, request_id, member_id, to_phone,
                                         status, attempts, next_attempt_at, sent_at, finished_at)
    select h.created_at, 'push', 'team_new_request', jsonb_build_object('reference_code', h.reference_code), 'yr:' || h.id || ':push',
           h.id, m.id, null, 'sent', 1, h.created_at, h.created_at + interval '2 seconds', h.created_at + interval '2 seconds'
    from app.help_requests h join yr_ids using (id) join app.members m on m.team_id = h.team_id and m.role = 'leader'
    union all
    select h.created_at, h.message_channel, 'citizen_booked', jsonb_build_object('reference_code', h.reference_code),
           'yr:' || h.id || ':' || h.message_channel, h.id, null, h.citizen_phone, 'sent', 1, h.created_at,
           h.created_at + interval '3 seconds', h.created_at + interval '3 seconds'
    from app.help_requests h join yr_ids using (id) where h.message_channel is not null`);
  await sql.query(`
    insert into app.help_ratings (request_id, helped, rated_at)
    select h.id, h.outcome <> 'not_reachable', h.closed_at + interval '1 hour'
    from app.help_requests h join yr_ids using (id) where h.status = 'closed' and h.id % 5 = 0`);
}

/** 100,000 outreach entries over the year, each with its created event. */
async function outreach(sql: pg.Client, seed: number) {
  await sql.query(`
    with m as (select array_agg(m.id order by m.id) as ids from app.members m where m.email like 'yr-%'),
    e0 as (
      select g, m.ids[1 + ${h(seed, 'g', 22, YEAR.members)} % cardinality(m.ids)] as member_id, ${h(seed, 'g', 20, 7)} as kind_k,
             (now() at time zone 'Asia/Ho_Chi_Minh')::date - ${h(seed, 'g', 21, 365)}::int as day
      from generate_series(1, ${YEAR.outreach}) g, m),
    e as (select e0.*, x.team_id, t.commune_code from e0 join app.members x on x.id = e0.member_id join app.teams t on t.id = x.team_id)
    insert into app.outreach_entries (team_id, member_id, kind, day, commune_code, people_helped, shops, flyers, participants,
                                      platforms, note, created_at, updated_at)
    select e.team_id, e.member_id,
           (array['cashless_shops', 'flyers', 'help_session', 'home_visit', 'other', 'qr_labels', 'training'])[1 + e.kind_k],
           e.day, e.commune_code, 1 + ${h(seed, 'e.g', 23, 12)}, case when e.kind_k in (0, 5) then 1 + ${h(seed, 'e.g', 24, 8)} else 0 end,
           case when e.kind_k = 1 then 20 + ${h(seed, 'e.g', 25, 300)} else 0 end,
           case when e.kind_k in (2, 6) then 5 + ${h(seed, 'e.g', 26, 40)} else 0 end,
           (array['{vneid}', '{vssid,etax}', '{dichvucong}', '{}', '{thanh-toan-an-toan}'])[1 + ${h(seed, 'e.g', 27, 5)}]::text[],
           case when e.g % 4 = 0 then 'Làm tại nhà văn hoá thôn.' end,
           e.day + time '18:00', e.day + time '18:00'
    from e order by e.g`);
  await sql.query(`
    insert into app.outreach_events (entry_id, created_at, kind, team_id, actor, actor_member_id, detail)
    select o.id, o.created_at, 'created', o.team_id, 'team', o.member_id, '{}'::jsonb
    from app.outreach_entries o join app.members m on m.id = o.member_id where m.email like 'yr-%'`);
}

/** Loads everything but the teams (imported first through the admin RPC); seconds per step. */
export async function loadYear(sql: pg.Client, seed: number): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const step = async (name: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    seconds[name] = (performance.now() - started) / 1000;
  };
  await sql.query('begin');
  // Triggers off for the bulk load (superuser): the audit trigger request_events_notify would queue
  // notifications row by row and the erasure triggers would write events again; the rows they
  // write (outbox rows, personal_data_erased events) are inserted set-based below instead.
  await sql.query('set local session_replication_role = replica');
  await step('members and plan', () => plan(sql, seed));
  await step('requests', () => requests(sql, seed));
  await step("events", () => events(sql));
  await step('notes, outbox, ratings', () => around(sql));
  await step('outreach', () => outreach(sql, seed));
  // The statistics facts (app.request_facts) are kept by triggers, off here: rebuilt in one pass.
  await step('statistics facts', () => sql.query('select app.rebuild_request_facts()'));
  await sql.query('drop table yr_plan; drop table yr_ids');
  await sql.query('commit');
  await step('analyze', () => sql.query('analyze'));
  return seconds;
}
