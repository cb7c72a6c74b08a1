/**
 * Throughput and latency of the booking RPCs through the whole local stack (gateway → PostgREST →
 * database), on PGlite and on PostgreSQL, at 1, 10 and 50 concurrent clients:
 *
 *   request_help    a new booking each call (random commune, phone and idempotency key), routed
 *                   among 1,500 synthetic teams (Quảng Ninh's order of magnitude)
 *   request_status  a look-up of one of 500 existing requests by code and phone
 *
 * Each row goes through the local gateway (/rest/v1, as a Supabase project has a gateway in front
 * of PostgREST); at 10 clients a second row goes straight to PostgREST, so the gateway's share
 * shows. The load generator (autocannon) runs in a worker thread: on the main thread it would share
 * one event loop with the gateway it measures, and its responses would wait behind proxying.
 *
 *   node --experimental-strip-types tests/bench/request-help.ts [--duration 10] [--connections 1,10,50]
 *
 *   [--one-address]        every call from one client address (a carrier NAT); by default each
 *                          call carries a random x-forwarded-for, counted as its own address. One
 *                          address's bookings run one at a time: request_help counts its limits
 *                          first and holds the address's bucket row until commit
 *   [--backends postgres]  only these backends (pglite, postgres); also REQUEST_HELP_BACKENDS=postgres
 *                          for `npm run bench -- --only request-help`
 *
 * PostgreSQL is DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres when that answers;
 * a temporary database is created and dropped. Rate limits are raised in the benchmark databases.
 * Prints a Markdown table; `run()` also fits tests/bench/run.ts.
 * Figures, not assertions: the machine is shared, so compare within one run.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import pg from 'pg';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import communes from '../../content/communes.json' with { type: 'json' };
import { reachablePostgresUrl, type BenchSection } from './bench-kit.ts';


interface Options {
  duration: number;
  connections: number[];
  /** All calls from one client address (all rate-limit counting on one row). */
  oneAddress?: boolean;
  /** Backends to run (default both; REQUEST_HELP_BACKENDS=pglite,postgres narrows `run()`). */
  backends?: ('pglite' | 'postgres')[];
  /** Client counts that also get a row straight to PostgREST, without the gateway (default [10]). */
  directAt?: number[];
}

interface Row {
  backend: string;
  rpc: string;
  path: 'gateway' | 'direct';
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function randomPhone(): string {
  const digits = crypto.getRandomValues(new Uint32Array(2));
  return `09${String(digits[0] % 10_000).padStart(4, '0')}${String(digits[1] % 10_000).padStart(4, '0')}`;
}

export function bookingPayload() {
  const commune = communes[Math.floor(Math.random() * communes.length)];
  return {
    request: {
      idempotency_key: crypto.randomUUID(),
      name: 'Người dùng thử',
      phone: randomPhone(),
      commune_code: commune.code,
      needs: ['vneid'],
      time_window: 'any',
      consent: true,
      consent_version: '2026-11-28',
    },
  };
}

/** A random documentation-range address, as a client behind one more trusted proxy would show. */
export function randomAddress(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(2));
  return `198.51.${bytes[0]}.${bytes[1]}`;
}

/**
 * Raises every rate limit out of reach and, unless all calls come from one address, trusts one
 * more proxy, so that the x-forwarded-for entry each benchmark call sends counts as its own client.
 */
export async function raiseLimits(sql: pg.Client, oneAddress = false) {
  await sql.query(`update app.settings set value = '{"max": 100000000, "window_seconds": 3600}'::jsonb
    where key like 'rate_limit.%'`);
  await sql.query(`update app.settings set value = $1::jsonb where key = 'client_address.trusted_proxy_hops'`, [
    oneAddress ? '1' : '2',
  ]);
}

/** Raises the limits and adds 1,500 teams (capacity 1,000) around the 54 communes. */
export async function prepare(stack: Stack, oneAddress: boolean) {
  const sql = new pg.Client({ connectionString: stack.databaseUrl });
  await sql.connect();
  try {
    await raiseLimits(sql, oneAddress);
    await sql.query(`
      with c as (select code, lat, lon, row_number() over (order by code) - 1 as i from app.communes)
      insert into app.teams (code, name, commune_code, base_lat, base_lon, service_radius_m, capacity, public_phone, is_demo)
      select 'BENCH-' || g, 'Tổ thử nghiệm ' || g, c.code,
             c.lat + (random() - 0.5) * 0.04, c.lon + (random() - 0.5) * 0.04,
             2000 + (random() * 8000)::int, 1000, '0900000000', true
      from generate_series(1, 1500) g join c on c.i = g % 54`);
    await sql.query(`insert into app.team_communes (team_id, commune_code)
      select id, commune_code from app.teams where code like 'BENCH-%'`);
    await sql.query('analyze app.teams; analyze app.team_communes');
  } finally {
    await sql.end();
  }
}

/** Makes `count` requests and returns their (code, phone) pairs for the look-up benchmark. */
async function seedRequests(stack: Stack, count: number): Promise<{ code: string; phone: string }[]> {
  const pairs: { code: string; phone: string }[] = [];
  for (let i = 0; i < count; i++) {
    const payload = bookingPayload();
    const res = await fetch(`${stack.url}/rest/v1/rpc/request_help`, {
      method: 'POST',
      headers: headers(stack),
      body: JSON.stringify(payload),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`seeding failed: ${JSON.stringify(body)}`);
    pairs.push({ code: body.reference_code, phone: payload.request.phone });
  }
  return pairs;
}

export function headers(stack: Stack): Record<string, string> {
  return { apikey: stack.anonKey, authorization: `Bearer ${stack.anonKey}`, 'content-type': 'application/json' };
}

type Rpc = 'request_help' | 'request_status';

/** What one load run needs; plain data, so that it can go to the worker thread. */
interface LoadJob {
  url: string;
  headers: Record<string, string>;
  rpc: Rpc;
  /** (code, phone) pairs for request_status. */
  pairs: { code: string; phone: string }[];
  connections: number;
  duration: number;
  oneAddress: boolean;
}

interface LoadResult {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** One autocannon run (in the worker thread); latencies come from every response, so p95 is exact. */
function autocannonRun(job: LoadJob) {
  const body =
    job.rpc === 'request_help'
      ? () => JSON.stringify(bookingPayload())
      : () => JSON.stringify(job.pairs[Math.floor(Math.random() * job.pairs.length)]);
  return new Promise<LoadResult>((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.duration,
        requests: [
          {
            method: 'POST',
            headers: job.headers,
            setupRequest: (request) => ({
              ...request,
              headers: job.oneAddress ? job.headers : { ...job.headers, 'x-forwarded-for': randomAddress() },
              body: body(),
            }),
          },
        ],
      },
      (error) => {
        if (error) reject(error);
        else resolve({ latencies, errors, seconds: (performance.now() - started) / 1000 });
      },
    );
    instance.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors += 1;
    });
  });
}

/** Runs the load in a worker thread (this same file), off the event loop of the gateway. */
export function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { requestHelpLoad: job } });
    let result: LoadResult | undefined;
    worker.once('message', (message: LoadResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load worker exited with ${code}`))));
  });
}

async function bench(options: Options): Promise<Row[]> {
  const rows: Row[] = [];
  const wanted = options.backends ?? ['pglite', 'postgres'];
  const backends: { name: string; database: 'memory' | { postgresUrl: string } }[] = [];
  if (wanted.includes('pglite')) backends.push({ name: 'PGlite', database: 'memory' });
  if (wanted.includes('postgres')) {
    const pgUrl = await reachablePostgresUrl();
    if (pgUrl) backends.push({ name: 'PostgreSQL', database: { postgresUrl: pgUrl } });
    else console.error('PostgreSQL not reachable (DATABASE_URL): skipped.');
  }
  const directAt = options.directAt ?? [10];

  for (const backend of backends) {
    console.error(`▶ ${backend.name}: starting the stack…`);
    const stack = await startStack({ database: backend.database, seed: true });
    try {
      await prepare(stack, options.oneAddress ?? false);
      const pairs = await seedRequests(stack, 500);
      for (const rpc of ['request_help', 'request_status'] as const) {
        for (const connections of options.connections) {
          const paths = directAt.includes(connections) ? (['gateway', 'direct'] as const) : (['gateway'] as const);
          for (const path of paths) {
            console.error(`  ${rpc} × ${connections} (${path}) for ${options.duration} s`);
            const result = await load({
              url: path === 'gateway' ? `${stack.url}/rest/v1/rpc/${rpc}` : `${stack.postgrestUrl}/rpc/${rpc}`,
              headers: headers(stack),
              rpc,
              pairs: rpc === 'request_status' ? pairs : [],
              connections,
              duration: options.duration,
              oneAddress: options.oneAddress ?? false,
            });
            const sorted = [...result.latencies].sort((a, b) => a - b);
            rows.push({
              backend: backend.name,
              rpc,
              path,
              connections,
              requests: sorted.length,
              rps: sorted.length / result.seconds,
              p50: percentile(sorted, 50),
              p95: percentile(sorted, 95),
              p99: percentile(sorted, 99),
              errors: result.errors,
            });
          }
        }
      }
    } finally {
      await stack.stop();
    }
  }
  return rows;
}

function markdown(rows: Row[]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['backend', 'rpc', 'path', 'clients', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-200']),
    line(Array(10).fill('---')),
    ...rows.map((r) =>
      line([r.backend, r.rpc, r.path, r.connections, r.requests, r.rps.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.errors]),
    ),
  ].join('\n');
}

function backendsFromList(list: string | undefined): Options['backends'] {
  if (!list) return undefined;
  const names = list.split(',').map((name) => name.trim().toLowerCase());
  for (const name of names) {
    if (name !== 'pglite' && name !== 'postgres') throw new Error(`Unknown backend "${name}"; known: pglite, postgres`);
  }
  return names as Options['backends'];
}

/** Section for tests/bench/run.ts. */
export async function run(
  options: Options = { duration: 10, connections: [1, 10, 50], backends: backendsFromList(process.env.REQUEST_HELP_BACKENDS) },
): Promise<BenchSection> {
  const loadAverage = os.loadavg()[0];
  const rows = await bench(options);
  const target = (path: Row['path']) =>
    rows.find((r) => r.backend === 'PostgreSQL' && r.rpc === 'request_help' && r.connections === 10 && r.path === path);
  const viaGateway = target('gateway');
  const direct = target('direct');
  return {
    title: 'Booking RPCs through PostgREST (request_help, request_status)',
    targets: viaGateway
      ? [
          {
            target: '`request_help` p95 ≤ 50 ms at 10 clients on PostgreSQL (2 cores)',
            figure: `p95 ${viaGateway.p95.toFixed(1)} ms, ${viaGateway.rps.toFixed(0)} req/s through the gateway${
              direct ? `; p95 ${direct.p95.toFixed(1)} ms straight to PostgREST` : ''
            }`,
            met: viaGateway.p95 <= 50,
            note: `load generator, gateway, PostgREST and PostgreSQL share the ${os.cpus().length} cores; load average ${loadAverage.toFixed(1)} at the start`,
          },
        ]
      : [],
    body: `${markdown(rows)}\n\n${
      options.oneAddress ? 'Every call from one client address' : 'Each call from its own client address'
    }; 1,500 synthetic teams; ${options.duration} s per row. Path: \`gateway\` is the local stack's Node gateway in front of PostgREST (\`/rest/v1\`, as on Supabase), \`direct\` is PostgREST itself. Method changes since the figures of 2026-11-28 18:13: autocannon runs in a worker thread, off the gateway's event loop (it shared that loop before), and the gateway keeps its connections to PostgREST open (it opened one per request before).`,
  };
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '1,10,50' },
      'one-address': { type: 'boolean', default: false },
      backends: { type: 'string' },
    },
  });
  const section = await run({
    duration: Number(values.duration),
    connections: values.connections.split(',').map(Number),
    oneAddress: values['one-address'],
    backends: backendsFromList(values.backends ?? process.env.REQUEST_HELP_BACKENDS),
  });
  console.log(`## ${section.title}\n\n${section.body}`);
}

/** In the load worker thread: run the job handed over by load(), post the result. */
if (!isMainThread && workerData?.requestHelpLoad) {
  parentPort!.postMessage(await autocannonRun(workerData.requestHelpLoad as LoadJob));
}
