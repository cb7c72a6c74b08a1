/**
 * Routing cost per request as the number of teams grows (1,500 → 15,000 → 100,000): the
 * nearest-candidate search app.routing_candidates, which route_help_request runs for every request.
 *
 * 1,500 teams is Quảng Ninh today: teams near the 54 real communes. For the national scale the
 * benchmark database (never a real one) gets 3,267 synthetic communes spread over Vietnam's bounding
 * box, so 15,000 and 100,000 teams sit about 5 and 30 to a commune as they would nationwide; the
 * province-box checks on communes and teams are dropped in that throwaway database only.
 * Teams have radii of 2–20 km and each covers its own commune.
 */
import pg from 'pg';
import { benchDatabases } from './bench-db.ts';
import { ms, percentile, table, type BenchSection } from './bench-kit.ts';

const SIZES = [1_500, 15_000, 100_000];
const CALLS = 300;

/** Adds synthetic communes over Vietnam (bench database only) for the national-scale runs. */
async function goNational(client: pg.Client) {
  await client.query(`
    alter table app.communes drop constraint if exists communes_lat_check, drop constraint if exists communes_lon_check;
    alter table app.teams drop constraint if exists teams_base_lat_check, drop constraint if exists teams_base_lon_check;
    insert into app.communes (code, name, slug, type, lat, lon)
    select (10000 + g)::text, 'Xã thử nghiệm ' || g, 'xa-thu-nghiem-' || g, 'xã',
           8.6 + random() * 14.7, 102.2 + random() * 7.2
    from generate_series(1, 3267) g;
    analyze app.communes;`);
}

async function addTeams(client: pg.Client, upTo: number) {
  const have = (await client.query('select count(*)::int as n from app.teams')).rows[0].n as number;
  if (have >= upTo) return;
  // Each new team sits within about 3 km of a commune centre, communes taken in turn.
  await client.query(`
    with c as (select code, lat, lon, row_number() over (order by code) - 1 as i, count(*) over () as n from app.communes)
    insert into app.teams (code, name, commune_code, base_lat, base_lon, service_radius_m, capacity, public_phone)
    select 'BENCH-' || g, 'Tổ thử nghiệm ' || g, c.code,
           c.lat + (random() - 0.5) * 0.05, c.lon + (random() - 0.5) * 0.05,
           2000 + (random() * 18000)::int, 10, '0900000000'
    from generate_series(${have + 1}, ${upTo}) g
    join c on c.i = g % c.n`);
  await client.query(`
    insert into app.team_communes (team_id, commune_code)
    select id, commune_code from app.teams t
    where not exists (select 1 from app.team_communes tc where tc.team_id = t.id)`);
  await client.query('analyze app.teams; analyze app.team_communes');
}

export async function run(): Promise<BenchSection> {
  const rows: (string | number)[][] = [];
  /** p95 with the most teams, per backend. */
  const largest: { backend: string; p95: number }[] = [];
  for (const db of await benchDatabases()) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const size of SIZES) {
        if (size > 1_500) {
          const count = (await client.query('select count(*)::int as n from app.communes')).rows[0].n as number;
          if (count === 54) await goNational(client);
        }
        const communes = (await client.query('select code, lat, lon from app.communes')).rows as { code: string; lat: number; lon: number }[];
        const started = performance.now();
        await addTeams(client, size);
        const loadSeconds = (performance.now() - started) / 1000;
        const samples: number[] = [];
        let candidates = 0;
        for (let i = 0; i < CALLS; i++) {
          const commune = communes[i % communes.length];
          const lat = (commune.lat + (Math.random() - 0.5) * 0.05).toFixed(4);
          const lon = (commune.lon + (Math.random() - 0.5) * 0.05).toFixed(4);
          const start = performance.now();
          const result = await client.query(
            `select count(*)::int as n from app.routing_candidates('${commune.code}', app.earth_point(${lat}, ${lon}))`,
          );
          samples.push(performance.now() - start);
          candidates += result.rows[0].n as number;
        }
        if (size === SIZES.at(-1)) largest.push({ backend: db.backend, p95: percentile(samples, 95) });
        rows.push([
          db.backend,
          `${size.toLocaleString('en')} (${communes.length.toLocaleString('en')} communes)`,
          ms(percentile(samples, 50)),
          ms(percentile(samples, 95)),
          (candidates / CALLS).toFixed(1),
          `${loadSeconds.toFixed(1)} s`,
        ]);
      }
    } finally {
      await client.end();
      await db.drop();
    }
  }
  const worst = Math.max(...largest.map((entry) => entry.p95));
  return {
    title: 'Routing: nearest teams as teams grow',
    targets: [
      {
        target: `routing with ${SIZES.at(-1)!.toLocaleString('en')} teams ≤ 5 ms per request`,
        figure: largest.map((entry) => `p95 ${ms(entry.p95)} (${entry.backend})`).join(', '),
        met: worst <= 5,
        note: 'client round trip included',
      },
    ],
    body: `${table(['backend', 'teams', 'p50 per request', 'p95 per request', 'candidates found', 'time to load teams'], rows)}\n\n${CALLS} requests at random points near commune centres, each a round trip from Node (so the figure includes the client round trip). Teams covering the commune are looked up by key; teams whose radius reaches the point come from the GiST index of each team's reach (teams_reach_idx, a cube box per team), then an exact distance check. Target: ≤ 5 ms per request with 100,000 teams.`,
  };
}
