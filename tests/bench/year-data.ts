/**
 * A year of provincial data (tests/bench/year-data-load.ts: 1,473 teams, 2,634 members, 200,000
 * requests, 1,000,000 events, 100,000 outreach entries) in a fresh local stack on PGlite and on
 * PostgreSQL, then:
 *   - request_statistics for the province and the last 365 days, as the admin signed in (email
 *     code) through the gateway and PostgREST, sequential calls after a warm-up; and EXPLAIN
 *     (ANALYZE, BUFFERS) of the function's statement at that size;
 *   - the retention job (app.erase_expired_personal_data(), as app.run_scheduled_jobs() calls it)
 *     erasing one day's expiries (requests ended 90–91 days ago), run until it has nothing left;
 *   - request_help at 10 clients on PostgreSQL, the method of tests/bench/request-help.ts (autocannon
 *     in a worker thread, each call a new booking from its own client address, rate limits raised).
 *
 *   node --experimental-strip-types tests/bench/year-data.ts [--seed 17] [--calls 20] [--backends pglite,postgres]
 *
 * Never part of `npm test`. Figures, not assertions: compare within one run.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { percentile, reachablePostgresUrl, type BenchSection } from './bench-kit.ts';
import { signIn } from './team-queue.ts';
import { headers, load, raiseLimits } from './request-help.ts';
import { YEAR, loadYear, teamsCsv } from './year-data-load.ts';
import { report } from './year-data-report.ts';

interface Options {
  seed: number;
  calls: number;
  backends: ('pglite' | 'postgres')[];
}

interface Result {
  backend: string;
  loadSeconds: Record<string, number>;
  counts: Record<string, number>;
  stats: { p50: number; p95: number; max: number; total: number };
  explain: string;
  retention: { ms: number; erased: number; runs: number; eventsAfter: number };
  requestHelp?: { p50: number; p95: number; p99: number; rps: number; requests: number; errors: number; path: string }[];
}

export async function importTeams(stack: Stack, token: string, seed: number): Promise<void> {
  const { default: list } = await import('../../content/communes.json', { with: { type: 'json' } });
  const res = await fetch(`${stack.url}/rest/v1/rpc/admin_import_teams`, {
    method: 'POST',
    headers: { ...headers(stack), authorization: `Bearer ${token}` },
    body: JSON.stringify({ csv: teamsCsv(list, seed), apply: true }),
  });
  const body = await res.json();
  if (!res.ok || !body.ok || body.created !== YEAR.teams) throw new Error(`team import: ${JSON.stringify(body).slice(0, 500)}`);
}

/** The statistics range: the last 365 days in Vietnam time, as the admin page would ask. */
function yearRange(): { from_day: string; to_day: string } {
  const today = new Date(Date.now() + 7 * 3600_000);
  const from = new Date(today.getTime() - 364 * 86400_000);
  return { from_day: from.toISOString().slice(0, 10), to_day: today.toISOString().slice(0, 10) };
}

async function timeStatistics(stack: Stack, token: string, calls: number) {
  const call = async () => {
    const start = performance.now();
    const res = await fetch(`${stack.url}/rest/v1/rpc/request_statistics`, {
      method: 'POST',
      headers: { ...headers(stack), authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...yearRange(), team_id: null }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`request_statistics: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms: performance.now() - start, total: body.total as number };
  };
  await call(); // warm-up
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < calls; i++) {
    const r = await call();
    samples.push(r.ms);
    total = r.total;
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), total };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of request_statistics' statement: its text taken from pg_proc (so it is
 * what the migration defines), the PL/pgSQL variables replaced by the values an admin's province
 * call for the year gives them.
 */
async function explainStatistics(sql: pg.Client): Promise<string> {
  const source = (await sql.query(`select prosrc from pg_proc where proname = 'request_statistics'`)).rows[0].prosrc as string;
  const match = /\n\s*(with r as (?:not materialized )?\([\s\S]*?)\s+into result;/.exec(source);
  if (!match) throw new Error('request_statistics: statement not found');
  const { from_day, to_day } = yearRange();
  const values: Record<string, string> = {
    first_day: `'${from_day}'::date`,
    last_day: `'${to_day}'::date`,
    range_start: `('${from_day}'::timestamp at time zone 'Asia/Ho_Chi_Minh')`,
    range_end: `(('${to_day}'::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`,
    scope_team: 'null::bigint',
    is_admin: 'true',
    accept_window: `interval '360 minutes'`,
    stale_days: '7',
  };
  const statement = match[1].replace(/\b(first_day|last_day|range_start|range_end|scope_team|is_admin|accept_window|stale_days)\b/g, (name) => values[name]);
  // The function's own settings (set work_mem = …), as a call runs with them.
  const config = ((await sql.query(`select proconfig from pg_proc where proname = 'request_statistics'`)).rows[0].proconfig ?? []) as string[];
  await sql.query('begin');
  for (const entry of config) {
    const [name, value] = entry.split(/=(.*)/s);
    if (name !== 'search_path') await sql.query(`select set_config($1, $2, true)`, [name, value]);
  }
  await sql.query(statement); // warm
  const plan = await sql.query(`explain (analyze, buffers) ${statement}`);
  await sql.query('commit');
  return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** The retention job until it has nothing left to erase (one day's expiries are due). */
async function timeRetention(sql: pg.Client) {
  const dueNow = async () => (await sql.query(`select count(*)::int as n from app.help_requests where personal_data_erased_at is null
    and status in ('closed', 'cancelled') and coalesce(closed_at, cancelled_at) < now() - interval '90 days'`)).rows[0].n as number;
  const due = await dueNow();
  const start = performance.now();
  let erased = 0;
  let runs = 0;
  for (;;) {
    const n = (await sql.query('select app.erase_expired_personal_data() as n')).rows[0].n as number;
    runs += 1;
    erased += n;
    if (n === 0) break;
  }
  const ms = performance.now() - start;
  // A slow run may see a few more requests reach 90 days while it works: it must erase at least
  // what was due at the start, and leave nothing due at the end.
  const left = await dueNow();
  if (erased < due || left !== 0) throw new Error(`retention erased ${erased}, ${due} were due, ${left} left`);
  const eventsAfter = (await sql.query('select count(*)::int as n from app.request_events')).rows[0].n as number;
  return { ms, erased, runs, eventsAfter };
}

async function timeRequestHelp(stack: Stack, duration: number) {
  const sql = new pg.Client({ connectionString: stack.databaseUrl });
  await sql.connect();
  await raiseLimits(sql);
  await sql.end();
  const rows = [];
  for (const path of ['gateway', 'direct'] as const) {
    const r = await load({
      url: path === 'gateway' ? `${stack.url}/rest/v1/rpc/request_help` : `${stack.postgrestUrl}/rpc/request_help`,
      headers: headers(stack),
      rpc: 'request_help',
      pairs: [],
      connections: 10,
      duration,
      oneAddress: false,
    });
    rows.push({
      path,
      p50: percentile(r.latencies, 50),
      p95: percentile(r.latencies, 95),
      p99: percentile(r.latencies, 99),
      rps: r.latencies.length / r.seconds,
      requests: r.latencies.length,
      errors: r.errors,
    });
  }
  return rows;
}

async function counts(sql: pg.Client): Promise<Record<string, number>> {
  const { rows } = await sql.query(`select
    (select count(*) from app.teams where code like 'YR-%')::int as teams,
    (select count(*) from app.members where email like 'yr-%')::int as members,
    (select count(*) from app.help_requests)::int as requests,
    (select count(*) from app.request_events)::int as events,
    (select count(*) from app.outreach_entries)::int as outreach,
    (select count(*) from app.notification_outbox)::int as outbox,
    (select count(*) from app.request_notes)::int as notes,
    (select count(*) from app.help_ratings)::int as ratings`);
  return rows[0];
}

async function benchBackend(name: string, database: 'memory' | { postgresUrl: string }, options: Options): Promise<Result> {
  console.error(`▶ ${name}: starting the stack and loading a year of data…`);
  const stack = await startStack({ database, seed: true, jobs: false });
  const sql = new pg.Client({ connectionString: stack.databaseUrl });
  await sql.connect();
  try {
    const token = await signIn(stack, 'admin@example.org');
    const started = performance.now();
    await importTeams(stack, token, options.seed);
    const loadSeconds: Record<string, number> = { 'teams (admin_import_teams)': (performance.now() - started) / 1000 };
    Object.assign(loadSeconds, await loadYear(sql, options.seed));
    const found = await counts(sql);
    console.error(`  loaded: ${JSON.stringify(found)} ${JSON.stringify(loadSeconds)}`);
    const stats = await timeStatistics(stack, token, options.calls);
    console.error(`  request_statistics p95 ${stats.p95.toFixed(0)} ms`);
    const explain = await explainStatistics(sql);
    const retention = await timeRetention(sql);
    console.error(`  retention: ${retention.erased} erased in ${retention.ms.toFixed(0)} ms`);
    const requestHelp = name === 'PostgreSQL' ? await timeRequestHelp(stack, 10) : undefined;
    return { backend: name, loadSeconds, counts: found, stats, explain, retention, requestHelp };
  } finally {
    await sql.end();
    await stack.stop();
  }
}

/** Section for tests/bench/run.ts. */
export async function run(
  options: Options = { seed: 17, calls: 20, backends: (process.env.YEAR_DATA_BACKENDS?.split(',') as Options['backends']) ?? ['pglite', 'postgres'] },
): Promise<BenchSection> {
  const started = performance.now();
  const loadAverage = os.loadavg()[0];
  const results: Result[] = [];
  if (options.backends.includes('pglite')) results.push(await benchBackend('PGlite', 'memory', options));
  if (options.backends.includes('postgres')) {
    const url = await reachablePostgresUrl();
    if (url) results.push(await benchBackend('PostgreSQL', { postgresUrl: url }, options));
    else console.error('PostgreSQL not reachable (DATABASE_URL): PGlite only.');
  }
  return report(results, { ...options, seconds: (performance.now() - started) / 1000, loadAverage });
}

export type { Result, Options };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { seed: { type: 'string', default: '17' }, calls: { type: 'string', default: '20' }, backends: { type: 'string', default: 'pglite,postgres' } },
  });
  const section = await run({ seed: Number(values.seed), calls: Number(values.calls), backends: values.backends.split(',') as Options['backends'] });
  console.log(`## ${section.title}\n\n${section.body}`);
}
