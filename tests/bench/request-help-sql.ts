/**
 * What one booking costs inside PostgreSQL, without PostgREST, the gateway or a load generator:
 * sequential public.request_help calls in one session, made the way PostgREST makes them (role
 * anon, request.method and request.headers set for the transaction, each call its own
 * transaction), on a fresh stack with the 1,500 teams of tests/bench/request-help.ts or, with
 * --year, a year of provincial data (tests/bench/year-data-load.ts; ~3 minutes to load).
 *
 *   node --experimental-strip-types tests/bench/request-help-sql.ts [--year] [--calls 300] [--rounds 3]
 *
 * Prints, per round, the backend's CPU time per booking (Linux: /proc/<pid>/schedstat, so other
 * load on the machine inflates it less than wall time), and once: the statements one booking runs
 * (auto_explain with nested statements, in the same session) with their shared buffers, and the
 * WAL one booking writes (EXPLAIN (ANALYZE, BUFFERS, WAL), median of 20). Statement, buffer and
 * WAL counts do not depend on the machine's load; compare CPU times only within one moment.
 * Figures, not assertions (issue 17).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { reachablePostgresUrl } from './bench-kit.ts';
import { bookingPayload, prepare, raiseLimits, randomAddress } from './request-help.ts';

const { values } = parseArgs({
  options: {
    year: { type: 'boolean', default: false },
    calls: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
  },
});

async function loadYearData(stack: Stack, sql: pg.Client) {
  const { signIn } = await import('./team-queue.ts');
  const { loadYear } = await import('./year-data-load.ts');
  const { importTeams } = await import('./year-data.ts');
  await importTeams(stack, await signIn(stack, 'admin@example.org'), 17);
  await loadYear(sql, 17);
}

/** One booking as PostgREST makes it; returns the answer's status. */
async function book(sql: pg.Client, statement = 'select public.request_help($1::jsonb) as answer') {
  await sql.query('begin');
  try {
    await sql.query('set local role anon');
    await sql.query(`select set_config('request.method', 'POST', true), set_config('request.headers', $1, true)`, [
      JSON.stringify({ 'x-forwarded-for': `${randomAddress()}, 127.0.0.1` }),
    ]);
    const result = await sql.query(statement, [JSON.stringify(bookingPayload().request)]);
    await sql.query('commit');
    return result.rows[0];
  } catch (error) {
    await sql.query('rollback');
    throw error;
  }
}

const postgresUrl = await reachablePostgresUrl();
if (!postgresUrl) throw new Error('PostgreSQL is not reachable (DATABASE_URL).');
const stack = await startStack({ database: { postgresUrl }, seed: true, jobs: false });
const sql = new pg.Client({ connectionString: stack.databaseUrl });
await sql.connect();
try {
  if (values.year) {
    await loadYearData(stack, sql);
    await raiseLimits(sql);
  } else {
    // The limits, client addresses and 1,500 teams of tests/bench/request-help.ts.
    await prepare(stack, false);
  }
  await sql.query('analyze');
  const pid = (await sql.query('select pg_backend_pid() as pid')).rows[0].pid as number;
  const cpuNs = () => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  for (let i = 0; i < 50; i++) await book(sql); // plans and caches of the session
  const calls = Number(values.calls);
  console.log(`request_help in SQL, ${values.year ? 'a year of data' : '1,500 teams'}, load average ${os.loadavg()[0].toFixed(1)}`);
  for (let round = 0; round < Number(values.rounds); round++) {
    const before = cpuNs();
    const started = performance.now();
    const statuses: Record<string, number> = {};
    for (let i = 0; i < calls; i++) {
      const { answer } = await book(sql);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    }
    const cpu = (cpuNs() - before) / calls / 1000;
    const wall = ((performance.now() - started) / calls) * 1000;
    console.log(`  round ${round + 1}: backend CPU ${cpu.toFixed(0)} µs per booking (wall ${wall.toFixed(0)} µs, commit included), ${JSON.stringify(statuses)}`);
  }

  const wal: Record<string, number[]> = { 'shared buffers': [], 'WAL records': [], 'WAL bytes': [] };
  for (let i = 0; i < 20; i++) {
    const row = await book(sql, 'explain (analyze, buffers, wal, timing off, format json) select public.request_help($1::jsonb)');
    const plan = row['QUERY PLAN'][0].Plan;
    wal['shared buffers'].push(plan['Shared Hit Blocks'] + plan['Shared Read Blocks']);
    wal['WAL records'].push(plan['WAL Records']);
    wal['WAL bytes'].push(plan['WAL Bytes']);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1];
  console.log(`  per booking (median of 20): ${Object.entries(wal).map(([name, list]) => `${name} ${median(list)}`).join(', ')}`);

  await sql.query(`load 'auto_explain'`);
  await sql.query(`set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on;
    set auto_explain.log_analyze = on; set auto_explain.log_buffers = on; set auto_explain.log_timing = off;
    set auto_explain.log_format = 'json'`);
  const plans: string[] = [];
  sql.on('notice', (notice) => plans.push(notice.message ?? ''));
  await sql.query('set client_min_messages = log');
  plans.length = 0;
  await book(sql);
  await sql.query('set client_min_messages = notice');
  const statements = plans
    .map((message) => JSON.parse(message.slice(message.indexOf('{'))))
    .filter((plan) => !/^select (set_config|public\.request_help)/i.test(plan['Query Text'].trim()));
  console.log(`  statements in one booking (auto_explain, nested): ${statements.length}`);
  for (const plan of statements) {
    const buffers = plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks'];
    console.log(`    ${String(buffers).padStart(5)}  ${plan['Query Text'].replace(/\s+/g, ' ').trim().slice(0, 110)}`);
  }
} finally {
  await sql.end();
  await stack.stop();
}
