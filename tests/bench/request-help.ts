/**
 * Throughput and latency of the booking RPCs through the whole local stack (gateway → PostgREST →
 * database), on PGlite and on PostgreSQL, at 1, 10 and 50 concurrent clients:
 *
 *   request_help    a new booking each call (random commune, phone and idempotency key), routed
 *                   among 1,500 synthetic teams (Quảng Ninh's order of magnitude)
 *   request_status  a look-up of one of 500 existing requests by code and phone
 *
 *   node --experimental-strip-types tests/bench/request-help.ts [--duration 10] [--connections 1,10,50]
 *
 *   [--one-address]   every call from one client address (a carrier NAT); by default each call
 *                     carries a random x-forwarded-for, counted as its own address
 *
 * PostgreSQL is DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres when that answers;
 * a temporary database is created and dropped. Rate limits are raised in the benchmark databases.
 * Prints a Markdown table; `run()` also fits tests/bench/run.ts.
 * Figures, not assertions: the machine is shared, so compare within one run.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import communes from '../../content/communes.json' with { type: 'json' };

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Options {
  duration: number;
  connections: number[];
  /** All calls from one client address (all rate-limit counting on one row). */
  oneAddress?: boolean;
}

interface Row {
  backend: string;
  rpc: string;
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

function bookingPayload() {
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
function randomAddress(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(2));
  return `198.51.${bytes[0]}.${bytes[1]}`;
}

/** Raises the limits and adds 1,500 teams (capacity 1,000) around the 54 communes. */
async function prepare(stack: Stack, oneAddress: boolean) {
  const sql = new pg.Client({ connectionString: stack.databaseUrl });
  await sql.connect();
  try {
    await sql.query(`update app.settings set value = '{"max": 100000000, "window_seconds": 3600}'::jsonb
      where key like 'rate_limit.%'`);
    // Distinct clients: trust one more proxy, so the x-forwarded-for entry the benchmark sends counts.
    await sql.query(`update app.settings set value = $1::jsonb where key = 'client_address.trusted_proxy_hops'`, [
      oneAddress ? '1' : '2',
    ]);
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

function headers(stack: Stack): Record<string, string> {
  return { apikey: stack.anonKey, authorization: `Bearer ${stack.anonKey}`, 'content-type': 'application/json' };
}

/** One autocannon run; latencies come from every response, so p95 is exact. */
function load(stack: Stack, rpc: string, body: () => string, connections: number, duration: number, oneAddress: boolean) {
  return new Promise<{ latencies: number[]; errors: number; seconds: number }>((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url: `${stack.url}/rest/v1/rpc/${rpc}`,
        connections,
        duration,
        requests: [
          {
            method: 'POST',
            headers: headers(stack),
            setupRequest: (request) => ({
              ...request,
              headers: oneAddress ? headers(stack) : { ...headers(stack), 'x-forwarded-for': randomAddress() },
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

async function postgresUrl(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL ?? DEFAULT_POSTGRES;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return url;
  } catch {
    return undefined;
  }
}

async function bench(options: Options): Promise<Row[]> {
  const rows: Row[] = [];
  const backends: { name: string; database: 'memory' | { postgresUrl: string } }[] = [{ name: 'PGlite', database: 'memory' }];
  const pgUrl = await postgresUrl();
  if (pgUrl) backends.push({ name: 'PostgreSQL', database: { postgresUrl: pgUrl } });
  else console.error('PostgreSQL not reachable (DATABASE_URL): PGlite only.');

  for (const backend of backends) {
    console.error(`▶ ${backend.name}: starting the stack…`);
    const stack = await startStack({ database: backend.database, seed: true });
    try {
      await prepare(stack, options.oneAddress ?? false);
      const pairs = await seedRequests(stack, 500);
      const scenarios: [string, () => string][] = [
        ['request_help', () => JSON.stringify(bookingPayload())],
        ['request_status', () => JSON.stringify(pairs[Math.floor(Math.random() * pairs.length)])],
      ];
      for (const [rpc, body] of scenarios) {
        for (const connections of options.connections) {
          console.error(`  ${rpc} × ${connections} for ${options.duration} s`);
          const result = await load(stack, rpc, body, connections, options.duration, options.oneAddress ?? false);
          const sorted = [...result.latencies].sort((a, b) => a - b);
          rows.push({
            backend: backend.name,
            rpc,
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
    } finally {
      await stack.stop();
    }
  }
  return rows;
}

function markdown(rows: Row[]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['backend', 'rpc', 'clients', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-200']),
    line(Array(9).fill('---')),
    ...rows.map((r) =>
      line([r.backend, r.rpc, r.connections, r.requests, r.rps.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.errors]),
    ),
  ].join('\n');
}

/** Section for tests/bench/run.ts. */
export async function run(options: Options = { duration: 10, connections: [1, 10, 50] }) {
  const rows = await bench(options);
  return {
    title: 'Booking RPCs through PostgREST (request_help, request_status)',
    body: `${markdown(rows)}\n\n${options.oneAddress ? 'Every call from one client address' : 'Each call from its own client address'}; 1,500 synthetic teams; ${options.duration} s per row.`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '1,10,50' },
      'one-address': { type: 'boolean', default: false },
    },
  });
  const section = await run({
    duration: Number(values.duration),
    connections: values.connections.split(',').map(Number),
    oneAddress: values['one-address'],
  });
  console.log(`## ${section.title}\n\n${section.body}`);
}
