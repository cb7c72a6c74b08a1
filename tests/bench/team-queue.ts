/**
 * The team queue RPC (public.team_queue, the list the team workspace /doi/ fetches on opening and
 * every 30 s) with 10,000 open help requests, through the whole local stack (gateway → PostgREST →
 * database) on PGlite and on PostgreSQL, called as signed-in members (real email-code sign-in
 * through supabase-js, then plain fetch with the access token, as the workspace's supabase-js does).
 *
 * The benchmark database (the demo seed plus synthetic data, never a real one) holds:
 *   - 1,500 synthetic teams (Quảng Ninh's order of magnitude, capacity 10) with 0–8 open requests
 *     each, and the 5 demo teams: Cô Tô 3 open, Bình Liêu 5, Móng Cái 1 8, Bãi Cháy 10 (its
 *     capacity), Hồng Gai 1,000 (capacity raised to 1,000, the most the schema allows);
 *   - the rest of the 10,000 open requests in the province pool (status unassigned);
 *   - about half of the team requests accepted by a member, the others assigned (most past their
 *     acceptance deadline, as the escalation job is off; every 10th escalated once); every request
 *     with its audit events, accepted ones with a note;
 *   - 20,000 closed and cancelled requests of the past four months (history the queue must skip).
 *
 * Views timed: a member of a team with few requests, of a team at capacity, of the team with
 * 1,000, and an admin's province pool; the big two with the default page (50, what the workspace
 * asks first and every 30 s) and the largest (500, after nine "Xem thêm"). Per call: latency
 * (round trip from Node, whole body read), rows, total and waiting returned, bytes (and gzip size,
 * as a compressing API gateway would send it; the local gateway sends API answers uncompressed).
 * Then EXPLAIN (ANALYZE, BUFFERS) of the queue's queries (the page's ids, the counts, the summaries).
 *
 *   node --experimental-strip-types tests/bench/team-queue.ts [--calls 100]
 *
 * PostgreSQL is DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres when that answers; a
 * temporary database is created and dropped. Figures, not assertions: compare within one run.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { createClient } from '@supabase/supabase-js';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { kB, percentile, reachablePostgresUrl, table, type BenchSection } from './bench-kit.ts';

const OPEN_REQUESTS = 10_000;
const HISTORY_REQUESTS = 20_000;
const SYNTHETIC_TEAMS = 1_500;

interface View {
  label: string;
  email: string;
  args: { team_id: number | null; pool: boolean; page_size: number };
}

/** The workspace's first page (and every refresh), and the most one call returns. */
const PAGE = 50;
const PAGE_MAX = 500;

const VIEWS: View[] = [
  { label: 'member, team with few (Cô Tô, 3 open)', email: 'bench-co-to@example.org', args: { team_id: null, pool: false, page_size: PAGE } },
  { label: 'member, team at capacity (Bãi Cháy, 10)', email: 'to-bai-chay@example.org', args: { team_id: null, pool: false, page_size: PAGE } },
  { label: 'member, team with many (Hồng Gai, 1,000)', email: 'to-hong-gai@example.org', args: { team_id: null, pool: false, page_size: PAGE } },
  { label: 'member, team with many (Hồng Gai, 1,000)', email: 'to-hong-gai@example.org', args: { team_id: null, pool: false, page_size: PAGE_MAX } },
  { label: 'admin, province pool', email: 'admin@example.org', args: { team_id: null, pool: true, page_size: PAGE } },
  { label: 'admin, province pool', email: 'admin@example.org', args: { team_id: null, pool: true, page_size: PAGE_MAX } },
];

/** Reference codes: 9 characters of the code alphabet from a number (unique per number). */
const REFERENCE_CODE = `(select 'QN-' || substr(s, 1, 3) || '-' || substr(s, 4, 3) || '-' || substr(s, 7, 3) from (
   select string_agg(substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ((p.n / power(30, i)::bigint) % 30)::int + 1, 1), '' order by i) as s
   from generate_series(0, 8) i) x)`;

/** Loads the synthetic teams, members, requests, events and notes (superuser, one transaction). */
export async function load(sql: pg.Client) {
  await sql.query('begin');
  await sql.query(`
    with c as (select code, lat, lon, row_number() over (order by code) - 1 as i, count(*) over () as n from app.communes)
    insert into app.teams (code, name, commune_code, base_lat, base_lon, service_radius_m, capacity, public_phone, is_demo)
    select 'BENCH-' || g, 'Tổ thử nghiệm ' || g, c.code,
           c.lat + (random() - 0.5) * 0.04, c.lon + (random() - 0.5) * 0.04,
           2000 + (random() * 8000)::int, 10, '0900000000', true
    from generate_series(1, ${SYNTHETIC_TEAMS}) g join c on c.i = g % c.n`);
  await sql.query(`insert into app.team_communes (team_id, commune_code)
    select id, commune_code from app.teams where code like 'BENCH-%'`);
  await sql.query(`update app.teams set capacity = 1000 where code = 'DEMO-HONGGAI'`);

  // Members: a leader and a member per synthetic team, 8 more in Hồng Gai, one in Bình Liêu and Cô Tô.
  await sql.query(`
    insert into app.members (email, name, role, team_id)
    select lower('bench-' || t.code || '-' || k || '@example.org'), 'Thành viên ' || k || ' ' || t.code,
           case k when 1 then 'leader' else 'member' end, t.id
    from app.teams t, generate_series(1, 2) k where t.code like 'BENCH-%'
    union all
    select 'bench-hong-gai-' || k || '@example.org', 'Tình nguyện viên Hồng Gai ' || k, 'member', t.id
    from app.teams t, generate_series(1, 8) k where t.code = 'DEMO-HONGGAI'
    union all
    select 'bench-binh-lieu@example.org', 'Thành viên Bình Liêu', 'member', id from app.teams where code = 'DEMO-BINHLIEU'
    union all
    select 'bench-co-to@example.org', 'Thành viên Cô Tô', 'member', id from app.teams where code = 'DEMO-COTO'`);

  // Where each open request is: a number per team, then the rest in the pool; and the history.
  await sql.query(`create temporary table plan (n bigint primary key, team_id bigint, status text not null, age interval not null)`);
  await sql.query(`
    with slots as (
      select t.id, case t.code when 'DEMO-HONGGAI' then 1000 when 'DEMO-BAICHAY' then 10 when 'DEMO-MONGCAI1' then 8
                               when 'DEMO-BINHLIEU' then 5 when 'DEMO-COTO' then 3 else (t.id * 7 % 9)::int end as open
      from app.teams t
    ), team_open as (
      select s.id from slots s, generate_series(1, s.open) k
      limit ${OPEN_REQUESTS}
    ), open_rows as (
      select id as team_id from team_open
      union all
      select null from generate_series(1, ${OPEN_REQUESTS} - (select count(*) from team_open))
    )
    insert into plan (n, team_id, status, age)
    select 100000000 + row_number() over (), o.team_id,
           case when o.team_id is null then 'unassigned' when row_number() over () % 2 = 0 then 'assigned' else 'accepted' end,
           (row_number() over () * 7919 % 864000) * interval '1 second' + (row_number() over () * 104729 % 1000000) * interval '1 microsecond'
    from open_rows o`);
  await sql.query(`
    insert into plan (n, team_id, status, age)
    select 200000000 + g, t.ids[1 + (g * 7919 % cardinality(t.ids))::int],
           case when g % 7 = 0 then 'cancelled' else 'closed' end,
           interval '10 days' + (g * 7919 % 9504000) * interval '1 second' + (g * 104729 % 1000000) * interval '1 microsecond'
    from generate_series(1, ${HISTORY_REQUESTS}) g, (select array_agg(id) as ids from app.teams) t`);

  await sql.query(`
    insert into app.help_requests (
      reference_code, idempotency_key, created_at, updated_at, commune_code, needs, guide_code, guide_step,
      time_window, on_behalf, verification_word, consent_version, consented_at,
      status, team_id, route_point, route_distance_m, route_reason, assigned_at, accepted_at, accepted_by,
      closed_at, outcome, cancelled_at, cancel_reason, contact_attempts, citizen_name, citizen_phone, address, description)
    select ${REFERENCE_CODE}, gen_random_uuid(), now() - p.age, now() - p.age,
           coalesce(t.commune_code, c.codes[1 + (p.n % cardinality(c.codes))::int]),
           string_to_array((array['vneid', 'vssid', 'etax', 'dichvucong,vneid', 'smart-quang-ninh', 'thanh-toan-an-toan',
                                  'vssid,etax,other'])[1 + p.n % 7], ','),
           case when p.n % 3 = 0 then 'vs4' end, case when p.n % 3 = 0 then 1 + (p.n % 6)::int end,
           (array['any', 'morning', 'afternoon', 'evening', 'weekend'])[1 + p.n % 5], false,
           (array['hoa sen', 'cây tre', 'con đò', 'mặt trời'])[1 + p.n % 4], '2026-11-28', now() - p.age,
           p.status, p.team_id, 'commune_centre',
           case when p.team_id is not null then 500 + (p.n % 4000)::int end,
           case when p.team_id is null then 'all_teams_full' else 'coverage' end,
           case when p.team_id is not null then now() - p.age + interval '1 second' end,
           case when p.status in ('accepted', 'closed') then now() - p.age + interval '20 minutes' end,
           case when p.status in ('accepted', 'closed') then
             (select m.id from app.members m where m.team_id = p.team_id and m.removed_at is null order by random() limit 1) end,
           case when p.status = 'closed' then now() - p.age + interval '2 days' end,
           case when p.status = 'closed' then (array['helped', 'helped', 'helped', 'not_reachable', 'out_of_scope'])[1 + p.n % 5] end,
           case when p.status = 'cancelled' then now() - p.age + interval '1 day' end,
           case when p.status = 'cancelled' then 'solved_myself' end,
           case when p.status = 'closed' and p.n % 5 = 3 then 3 else (p.n % 2)::int end,
           'Người dân thử ' || p.n, '09' || lpad((p.n % 100000000)::text, 8, '0'),
           'Thôn ' || (p.n % 20) || ', gần nhà văn hoá', 'Cần giúp cài đặt và đăng nhập ứng dụng trên điện thoại.'
    from plan p left join app.teams t on t.id = p.team_id, (select array_agg(code) as codes from app.communes) c`);

  // Audit events as the RPCs write them: received; assigned or to the pool; escalated (every 10th
  // team request); accepted; closed or cancelled. A note on each accepted or closed request.
  await sql.query(`
    insert into app.request_events (request_id, created_at, kind, status_after, team_id, reason, actor, actor_member_id)
    select h.id, h.created_at, 'received', 'unassigned', null::bigint, null::text, 'citizen', null::bigint from app.help_requests h
    union all
    select h.id, h.created_at + interval '1 second', case when h.team_id is null then 'unassigned' else 'assigned' end,
           case when h.team_id is null then 'unassigned' else 'assigned' end, h.team_id, h.route_reason, 'system', null::bigint
    from app.help_requests h
    union all
    select h.id, h.created_at + interval '1 second', 'escalated', 'assigned', h.team_id, 'not_accepted', 'system', null::bigint
    from app.help_requests h where h.team_id is not null and h.id % 10 = 0
    union all
    select h.id, h.accepted_at, 'accepted', 'accepted', h.team_id, null, 'team', h.accepted_by
    from app.help_requests h where h.accepted_by is not null
    union all
    select h.id, coalesce(h.closed_at, h.cancelled_at), h.status, h.status, h.team_id, coalesce(h.outcome, h.cancel_reason),
           case h.status when 'closed' then 'team' else 'citizen' end, case h.status when 'closed' then h.accepted_by end
    from app.help_requests h where h.status in ('closed', 'cancelled')`);
  await sql.query(`
    insert into app.request_notes (request_id, member_id, created_at, kind, body)
    select h.id, h.accepted_by, h.accepted_at + interval '5 minutes', 'note', 'Đã gọi, hẹn 9 giờ sáng mai tại nhà văn hoá.'
    from app.help_requests h where h.accepted_by is not null`);
  await sql.query('drop table plan');
  await sql.query('commit');
  await sql.query('analyze');
}

/** Signs in with the emailed code (the stand-in's mailbox), as the workspace does; the access token. */
export async function signIn(stack: Stack, email: string): Promise<string> {
  const client = createClient(stack.url, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const sent = await client.auth.signInWithOtp({ email });
  if (sent.error) throw sent.error;
  const code = stack.mailbox().filter((m) => m.email === email).at(-1)?.code;
  if (!code) throw new Error(`no code sent to ${email}`);
  const verified = await client.auth.verifyOtp({ email, token: code, type: 'email' });
  if (verified.error || !verified.data.session) throw verified.error ?? new Error('no session');
  return verified.data.session.access_token;
}

interface Call {
  ms: number;
  bytes: Buffer;
}

async function callQueue(stack: Stack, token: string, args: View['args']): Promise<Call> {
  const start = performance.now();
  const res = await fetch(`${stack.url}/rest/v1/rpc/team_queue`, {
    method: 'POST',
    headers: { apikey: stack.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const elapsed = performance.now() - start;
  if (res.status !== 200) throw new Error(`team_queue: ${res.status} ${bytes.toString().slice(0, 300)}`);
  return { ms: elapsed, bytes };
}

interface PlanLine {
  query: string;
  plan: string;
  ms: number;
  buffers: number;
}

/** The scan and sort nodes of a JSON plan, outermost first, e.g. "Limit ← Sort ← Bitmap Heap Scan". */
function planShape(node: Record<string, unknown>): string[] {
  const name = [node['Node Type'], node['Index Name'] ? `(${node['Index Name']})` : '', node['Sort Method'] ? `[${node['Sort Method']}]` : '']
    .filter(Boolean)
    .join(' ');
  const children = (node.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [name, ...children.flatMap((child) => planShape(child))];
}

/** EXPLAIN (ANALYZE, BUFFERS) of the queue's queries, with the ids and member of the real views. */
async function explainQueue(sql: pg.Client): Promise<PlanLine[]> {
  const ids = await sql.query(`select id from app.teams where code in ('DEMO-HONGGAI', 'DEMO-COTO') order by code`);
  const [coTo, hongGai] = ids.rows.map((r) => Number(r.id));
  const member = (await sql.query(`select id from app.members where email = 'to-hong-gai@example.org'`)).rows[0].id;
  const summaries = (limit: number) =>
    `select coalesce(jsonb_agg(app.team_request_summary(h, m) order by h.created_at, h.id), '[]'::jsonb)
     from app.help_requests h, app.members m
     where m.id = ${member} and h.id = any (array(select x.id from app.help_requests x where x.team_id = ${hongGai}
       and x.status in ('assigned', 'accepted') order by x.created_at, x.id limit ${limit}))`;
  const queries: [string, string][] = [
    ['ids, team with 1,000 (page 50)', `select x.id from app.help_requests x where x.team_id = ${hongGai} and x.status in ('assigned', 'accepted') order by x.created_at, x.id limit ${PAGE}`],
    ['ids, team with 3 (page 50)', `select x.id from app.help_requests x where x.team_id = ${coTo} and x.status in ('assigned', 'accepted') order by x.created_at, x.id limit ${PAGE}`],
    ['ids, province pool (page 50)', `select x.id from app.help_requests x where x.status = 'unassigned' order by x.created_at, x.id limit ${PAGE}`],
    [
      'counts, team with 1,000',
      `select count(*), count(*) filter (where x.status = 'assigned') from app.help_requests x where x.team_id = ${hongGai} and x.status in ('assigned', 'accepted')`,
    ],
    ['count, province pool', `select count(*) from app.help_requests x where x.status = 'unassigned'`],
    ['summaries of 50 (team with 1,000)', summaries(PAGE)],
    ['summaries of 500 (team with 1,000)', summaries(PAGE_MAX)],
  ];
  const lines: PlanLine[] = [];
  for (const [label, query] of queries) {
    await sql.query(query); // warm
    const result = await sql.query(`explain (analyze, buffers, format json) ${query}`);
    const root = result.rows[0]['QUERY PLAN'][0];
    const plan = root.Plan as Record<string, unknown>;
    lines.push({
      query: label,
      plan: planShape(plan).join(' ← '),
      ms: root['Execution Time'] as number,
      buffers: Number(plan['Shared Hit Blocks'] ?? 0) + Number(plan['Shared Read Blocks'] ?? 0),
    });
  }
  return lines;
}

interface Row {
  backend: string;
  view: string;
  pageSize: number;
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  rows: number;
  total: number;
  waiting: number;
  open: number;
  waitingInScope: number;
  bytes: number;
  gzip: number;
}

async function bench(calls: number): Promise<{ rows: Row[]; plans: Map<string, PlanLine[]>; loadSeconds: Map<string, number> }> {
  const rows: Row[] = [];
  const plans = new Map<string, PlanLine[]>();
  const loadSeconds = new Map<string, number>();
  const backends: { name: string; database: 'memory' | { postgresUrl: string } }[] = [{ name: 'PGlite', database: 'memory' }];
  const pgUrl = await reachablePostgresUrl();
  if (pgUrl) backends.push({ name: 'PostgreSQL', database: { postgresUrl: pgUrl } });
  else console.error('PostgreSQL not reachable (DATABASE_URL): PGlite only.');

  for (const backend of backends) {
    console.error(`▶ ${backend.name}: starting the stack and loading ${OPEN_REQUESTS.toLocaleString('en')} open requests…`);
    const stack = await startStack({ database: backend.database, seed: true, jobs: false });
    const sql = new pg.Client({ connectionString: stack.databaseUrl });
    await sql.connect();
    try {
      const started = performance.now();
      await load(sql);
      loadSeconds.set(backend.name, (performance.now() - started) / 1000);
      const counts = (await sql.query(`select coalesce(t.code, 'pool') as code, count(*)::int as open,
          count(*) filter (where h.status in ('assigned', 'unassigned'))::int as waiting
        from app.help_requests h left join app.teams t on t.id = h.team_id
        where h.status in ('unassigned', 'assigned', 'accepted') group by 1`)).rows as { code: string; open: number; waiting: number }[];
      const inScope = new Map(counts.map((r) => [r.code, r]));
      const openOf: Record<string, string> = {
        'bench-co-to@example.org': 'DEMO-COTO',
        'to-bai-chay@example.org': 'DEMO-BAICHAY',
        'to-hong-gai@example.org': 'DEMO-HONGGAI',
        'admin@example.org': 'pool',
      };
      const tokens = new Map<string, string>();
      for (const view of VIEWS) {
        if (!tokens.has(view.email)) tokens.set(view.email, await signIn(stack, view.email));
        const token = tokens.get(view.email)!;
        for (let i = 0; i < 3; i++) await callQueue(stack, token, view.args); // warm-up
        const samples: number[] = [];
        let last: Call | undefined;
        for (let i = 0; i < calls; i++) {
          last = await callQueue(stack, token, view.args);
          samples.push(last.ms);
        }
        const body = JSON.parse(last!.bytes.toString()) as { total: number; waiting: number; items: unknown[] };
        rows.push({
          backend: backend.name,
          view: view.label,
          pageSize: view.args.page_size,
          calls,
          p50: percentile(samples, 50),
          p95: percentile(samples, 95),
          p99: percentile(samples, 99),
          rows: body.items.length,
          total: body.total,
          waiting: body.waiting,
          open: inScope.get(openOf[view.email])?.open ?? 0,
          waitingInScope: inScope.get(openOf[view.email])?.waiting ?? 0,
          bytes: last!.bytes.length,
          gzip: gzipSync(last!.bytes).length,
        });
        console.error(
          `  ${view.label}, page ${view.args.page_size}: p50 ${percentile(samples, 50).toFixed(1)} ms, ${body.items.length} rows ` +
            `(total ${body.total}, waiting ${body.waiting}), ${kB(last!.bytes.length)}`,
        );
      }
      plans.set(backend.name, await explainQueue(sql));
    } finally {
      await sql.end();
      await stack.stop();
    }
  }
  return { rows, plans, loadSeconds };
}

/** Section for tests/bench/run.ts. */
export async function run(options: { calls: number } = { calls: 100 }): Promise<BenchSection> {
  const { rows, plans, loadSeconds } = await bench(options.calls);
  const n = (value: number) => value.toLocaleString('en');
  const latency = table(
    ['backend', 'view', 'open in scope (waiting)', 'page size', 'rows returned', 'total (waiting) returned', 'p50 ms', 'p95 ms', 'p99 ms', 'bytes', 'gzip'],
    rows.map((r) => [
      r.backend, r.view, `${n(r.open)} (${n(r.waitingInScope)})`, n(r.pageSize), n(r.rows), `${n(r.total)} (${n(r.waiting)})`,
      r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), kB(r.bytes), kB(r.gzip),
    ]),
  );
  const explain = table(
    ['backend', 'query', 'plan (outermost first)', 'execution', 'buffers'],
    [...plans].flatMap(([backend, lines]) => lines.map((l) => [backend, l.query, l.plan, `${l.ms.toFixed(2)} ms`, l.buffers])),
  );
  const loaded = [...loadSeconds].map(([b, s]) => `${b} ${s.toFixed(0)} s`).join(', ');
  const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const perRow = largest.bytes / Math.max(largest.rows, 1);
  // What the workspace fetches every 30 s for the biggest view with the default page.
  const firstPage = rows.filter((r) => r.pageSize === PAGE).reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const countsTrue = rows.every((r) => r.total === r.open && r.waiting === r.waitingInScope);
  return {
    title: 'Team queue RPC with 10,000 open requests (team_queue)',
    body: `${latency}

${options.calls} sequential calls per row after 3 warm-up calls, each a POST from Node through the gateway and PostgREST with a member's access token (email-code sign-in), whole body read. ${n(OPEN_REQUESTS)} open requests (${n(SYNTHETIC_TEAMS)} synthetic teams with 0–8 each, the demo teams, the rest in the province pool) and ${n(HISTORY_REQUESTS)} closed or cancelled ones; load time ${loaded}. Bytes as sent (the local gateway does not compress API answers); gzip is what a compressing API gateway would send.

The RPC returns the page_size oldest open requests (default ${PAGE}, at most ${PAGE_MAX}), about ${perRow.toFixed(0)} bytes each, with the true number open in scope (total) and waiting${countsTrue ? ', equal to the counts in the database in every row above' : ' (NOT equal to the counts in the database in some row above)'}. The workspace asks for ${PAGE} and fetches them again every 30 s while the tab is visible: ${kB(firstPage.bytes)} per call for the biggest view (${(firstPage.bytes * 120 / 2 ** 20).toFixed(1)} MB an hour uncompressed, ${(firstPage.gzip * 120 / 2 ** 20).toFixed(2)} MB gzipped); each "Xem thêm" adds ${PAGE} more to the size it keeps asking for, up to ${PAGE_MAX} (${kB(largest.bytes)} per call). Requests past the ${PAGE_MAX} oldest are counted but not listed.

EXPLAIN (ANALYZE, BUFFERS) of the queue's queries (superuser, same data, after a warm-up). The ids come from an index (help_requests_team_id_status_idx, or the partial help_requests_unassigned_idx for the pool); the sort is of the one team's open requests only. The counts read the same indexes. The time goes into building the summaries (app.team_request_summary per row: look-ups by primary key, request_events_request_id_idx and request_notes_request_id_idx), so it grows with the rows returned, not with the table.

${explain}`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { calls: { type: 'string', default: '100' } } });
  const section = await run({ calls: Number(values.calls) });
  console.log(`## ${section.title}\n\n${section.body}`);
}
