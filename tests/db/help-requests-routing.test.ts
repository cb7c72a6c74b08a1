import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, withSql } from '../support/clients.ts';
import {
  changeSettings,
  createTeams,
  deleteRequests,
  deleteTeams,
  RELAXED_LIMITS,
  validPayload,
  type TeamSpec,
} from '../support/help-requests.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { requestHelp } from '../../src/lib/api/booking.ts';
import { helpRequestSchema } from '../../src/lib/schemas/help-request.ts';

/**
 * Routing through supabase-js and PostgREST as anon. Each case creates its own teams in the west of
 * the province (Đông Triều, An Sinh: no demo team reaches there) and removes them afterwards, so the
 * cases neither depend on nor disturb the demo data and other test files.
 */

/** Commune centres used below (content/communes.json). */
const DONG_TRIEU = { code: '07093', lat: 21.0793, lon: 106.493 };
const AN_SINH = { code: '07090', lat: 21.1533, lon: 106.5209 };
const HOANG_QUE = { code: '07114', lat: 21.0547, lon: 106.6641 };
/** A commune that no team reaches (checked before the case runs). */
const HAI_SON = { code: '06724', lat: 21.6085, lon: 107.818 };

/** Distance on the sphere in metres (the database uses the chord, equal within a few metres here). */
function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6378168 * Math.asin(Math.sqrt(h));
}

describe.each(inject('stacks'))('routing help requests on $backend', (stack) => {
  const client = anonClient(stack);
  const codes: string[] = [];
  let teamIds: number[] = [];
  let restore: () => Promise<void>;
  let run = 0;

  /** Creates the teams of one case (codes made unique per backend and case). */
  async function teams(specs: TeamSpec[]): Promise<Record<string, number>> {
    run += 1;
    const prefix = `TEST-RT-${stack.backend === 'pglite' ? 'L' : 'P'}${run}-`;
    const ids = await createTeams(stack, specs.map((spec) => ({ ...spec, code: prefix + spec.code })));
    teamIds.push(...Object.values(ids));
    return Object.fromEntries(Object.entries(ids).map(([code, id]) => [code.slice(prefix.length), id]));
  }

  async function book(overrides: Record<string, unknown>) {
    const result = await callRpc(requestHelp, { request: helpRequestSchema.parse(validPayload(overrides)) }, client);
    if (!result.ok) throw new Error(`request_help failed: ${result.code}`);
    codes.push(result.data.reference_code);
    const row = await withSql(stack, async (sql) =>
      (await sql.query(
        `select h.team_id::int as team_id, h.status, h.route_point, h.route_distance_m, h.route_reason,
                h.gps_lat::float8 as gps_lat, h.gps_lon::float8 as gps_lon, h.gps_ignored,
                (select json_agg(json_build_object('kind', e.kind, 'team_id', e.team_id::int, 'distance_m', e.distance_m,
                   'reason', e.reason, 'detail', e.detail) order by e.id)
                 from app.request_events e where e.request_id = h.id) as events
         from app.help_requests h where h.reference_code = $1`,
        [result.data.reference_code],
      )).rows[0],
    );
    return { answer: result.data, row };
  }

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
  });

  afterEach(async () => {
    await withSql(stack, (sql) => deleteRequests(sql, codes.splice(0)));
    await deleteTeams(stack, teamIds.splice(0));
  });

  afterAll(async () => {
    await restore();
  });

  it('assigns the nearest team whose radius reaches the commune centre, and records why', async () => {
    const near = { lat: DONG_TRIEU.lat + 0.01, lon: DONG_TRIEU.lon };
    const far = { lat: DONG_TRIEU.lat + 0.03, lon: DONG_TRIEU.lon };
    const ids = await teams([
      { code: 'FAR', commune: DONG_TRIEU.code, ...far, radius: 5000 },
      { code: 'NEAR', commune: DONG_TRIEU.code, ...near, radius: 5000 },
    ]);
    const { answer, row } = await book({ commune_code: DONG_TRIEU.code });
    expect(answer.status).toBe('assigned');
    expect(answer.team?.name).toContain('NEAR');
    expect(answer.next_step).toBe('team_will_call');
    expect(row).toMatchObject({ team_id: ids.NEAR, route_point: 'commune_centre', route_reason: 'radius' });
    expect(row.route_distance_m).toBeCloseTo(metres(DONG_TRIEU, near), -1);
    expect(row.events).toMatchObject([
      { kind: 'received' },
      { kind: 'assigned', team_id: ids.NEAR, distance_m: row.route_distance_m, reason: 'radius', detail: { point: 'commune_centre', candidates: 2, full: 0 } },
    ]);
  });

  it('assigns a team that covers the commune even when its radius does not reach', async () => {
    const ids = await teams([
      { code: 'COVER', commune: HOANG_QUE.code, lat: HOANG_QUE.lat, lon: HOANG_QUE.lon, radius: 1000, covers: [DONG_TRIEU.code] },
    ]);
    const { answer, row } = await book({ commune_code: DONG_TRIEU.code });
    expect(answer.status).toBe('assigned');
    expect(row).toMatchObject({ team_id: ids.COVER, route_reason: 'coverage' });
    expect(row.route_distance_m).toBeGreaterThan(15_000);
    expect(row.route_distance_m).toBeCloseTo(metres(DONG_TRIEU, HOANG_QUE), -2);
  });

  it('prefers a nearer covering team to a farther one, whichever way each qualifies', async () => {
    const ids = await teams([
      { code: 'COVER-FAR', commune: HOANG_QUE.code, lat: HOANG_QUE.lat, lon: HOANG_QUE.lon, radius: 1000, covers: [DONG_TRIEU.code] },
      { code: 'RADIUS-NEAR', commune: DONG_TRIEU.code, lat: DONG_TRIEU.lat, lon: DONG_TRIEU.lon + 0.02, radius: 4000 },
    ]);
    const { row } = await book({ commune_code: DONG_TRIEU.code });
    expect(row).toMatchObject({ team_id: ids['RADIUS-NEAR'], route_reason: 'radius' });
  });

  it('skips teams at capacity, then sends the request to the province pool when all are full', async () => {
    const ids = await teams([
      { code: 'SMALL', commune: DONG_TRIEU.code, lat: DONG_TRIEU.lat + 0.005, lon: DONG_TRIEU.lon, radius: 5000, capacity: 1 },
      { code: 'NEXT', commune: DONG_TRIEU.code, lat: DONG_TRIEU.lat + 0.02, lon: DONG_TRIEU.lon, radius: 5000, capacity: 1 },
    ]);
    const first = await book({ commune_code: DONG_TRIEU.code });
    expect(first.row.team_id).toBe(ids.SMALL);
    const second = await book({ commune_code: DONG_TRIEU.code });
    expect(second.row.team_id).toBe(ids.NEXT);
    expect(second.row.events[1].detail).toEqual({ point: 'commune_centre', candidates: 2, full: 1 });
    const third = await book({ commune_code: DONG_TRIEU.code });
    expect(third.answer).toMatchObject({ status: 'unassigned', team: null, next_step: 'province_pool_teams_full' });
    expect(third.row).toMatchObject({ team_id: null, route_reason: 'all_teams_full', route_distance_m: null });
    expect(third.row.events[1]).toMatchObject({ kind: 'unassigned', team_id: null, reason: 'all_teams_full', detail: { candidates: 2, full: 2 } });
    // A cancelled request frees its place.
    await withSql(stack, (sql) =>
      sql.query(
        `update app.help_requests set status = 'cancelled', cancelled_at = now(), cancel_reason = 'other' where reference_code = $1`,
        [first.answer.reference_code],
      ),
    );
    const fourth = await book({ commune_code: DONG_TRIEU.code });
    expect(fourth.row.team_id).toBe(ids.SMALL);
  });

  it('routes by the GPS point when given, by the commune centre otherwise', async () => {
    const gps = { lat: 21.12, lon: 106.56 };
    const ids = await teams([
      { code: 'CENTRE', commune: AN_SINH.code, lat: AN_SINH.lat + 0.005, lon: AN_SINH.lon, radius: 3000 },
      { code: 'GPS', commune: AN_SINH.code, lat: gps.lat + 0.002, lon: gps.lon, radius: 3000 },
    ]);
    const byCentre = await book({ commune_code: AN_SINH.code });
    expect(byCentre.row).toMatchObject({ team_id: ids.CENTRE, route_point: 'commune_centre', gps_lat: null });

    const byGps = await book({ commune_code: AN_SINH.code, location: { lat: 21.120449, lon: 106.560351 } });
    expect(byGps.answer.gps_ignored).toBe(false);
    // Stored rounded to 0.001° (about 100 m).
    expect(byGps.row).toMatchObject({ team_id: ids.GPS, route_point: 'gps', gps_lat: 21.12, gps_lon: 106.56 });
    expect(byGps.row.events[1].detail).toMatchObject({ point: 'gps' });
    expect(byGps.row.route_distance_m).toBeCloseTo(metres(gps, { lat: gps.lat + 0.002, lon: gps.lon }), -1);
  });

  it('ignores a GPS point outside the province, says so, and uses the commune centre', async () => {
    const ids = await teams([
      { code: 'CENTRE', commune: AN_SINH.code, lat: AN_SINH.lat, lon: AN_SINH.lon + 0.01, radius: 3000 },
    ]);
    // Hồ Chí Minh City, far outside Quảng Ninh.
    const raw = await client.rpc('request_help', {
      request: validPayload({ commune_code: AN_SINH.code, location: { lat: 10.7769, lon: 106.7009 } }),
    });
    expect(raw.error).toBeNull();
    codes.push(raw.data.reference_code);
    expect(raw.data).toMatchObject({ gps_ignored: true, status: 'assigned' });
    const row = await withSql(stack, async (sql) =>
      (await sql.query('select team_id::int, route_point, gps_lat, gps_lon, gps_ignored from app.help_requests where reference_code = $1', [
        raw.data.reference_code,
      ])).rows[0],
    );
    expect(row).toEqual({ team_id: ids.CENTRE, route_point: 'commune_centre', gps_lat: null, gps_lon: null, gps_ignored: true });
  });

  it('puts the request in the province pool, honestly, when no team is near', async () => {
    const candidates = await withSql(stack, async (sql) =>
      (await sql.query(
        `select count(*)::int as n from app.routing_candidates($1, (select position from app.communes where code = $1))`,
        [HAI_SON.code],
      )).rows[0].n,
    );
    expect(candidates, 'precondition: no active team covers or reaches Hải Sơn').toBe(0);
    const { answer, row } = await book({ commune_code: HAI_SON.code });
    expect(answer).toMatchObject({ status: 'unassigned', team: null, next_step: 'province_pool_no_team' });
    expect(row).toMatchObject({ team_id: null, status: 'unassigned', route_reason: 'no_team_near', route_point: 'commune_centre' });
    expect(row.events).toMatchObject([
      { kind: 'received' },
      { kind: 'unassigned', team_id: null, reason: 'no_team_near', detail: { candidates: 0, full: 0 } },
    ]);
  });

  it('never assigns an inactive team, however near or covering', async () => {
    const ids = await teams([
      { code: 'ASLEEP', commune: DONG_TRIEU.code, lat: DONG_TRIEU.lat, lon: DONG_TRIEU.lon, radius: 5000, active: false, covers: [DONG_TRIEU.code] },
      { code: 'AWAKE', commune: DONG_TRIEU.code, lat: DONG_TRIEU.lat + 0.03, lon: DONG_TRIEU.lon, radius: 5000 },
    ]);
    const { row } = await book({ commune_code: DONG_TRIEU.code });
    expect(row.team_id).toBe(ids.AWAKE);
    await withSql(stack, (sql) => sql.query('update app.teams set active = false where id = $1', [ids.AWAKE]));
    const none = await book({ commune_code: DONG_TRIEU.code });
    expect(none.row).toMatchObject({ team_id: null, route_reason: 'no_team_near' });
  });

  it('finds candidates among many teams through the index of their reach', async () => {
    // 3,000 extra teams spread over the province, inside a transaction that is rolled back.
    await withSql(stack, async (sql) => {
      await sql.query('begin');
      await sql.query(
        `insert into app.teams (code, name, commune_code, base_lat, base_lon, service_radius_m, capacity, is_demo)
         select 'TEST-MANY-' || i, 'Tổ thử nghiệm ' || i, '07093', 20.7 + (i % 60) * 0.017, 106.5 + (i / 60) * 0.03, 3000, 10, true
         from generate_series(1, 3000) i`,
      );
      const point = { lat: 21.0, lon: 107.1 };
      const found = await sql.query(
        `select c.team_id, c.distance_m from app.routing_candidates('06652', app.earth_point($1, $2), '{}', 20) c`,
        [point.lat, point.lon],
      );
      // Brute force over every active team gives the same nearest ones.
      const brute = await sql.query(
        `select t.id as team_id from app.teams t
         where t.active and extensions.cube_distance(t.position, app.earth_point($1, $2)) <= t.service_radius_m
         order by extensions.cube_distance(t.position, app.earth_point($1, $2)), t.id limit 20`,
        [point.lat, point.lon],
      );
      expect(found.rows.length).toBeGreaterThan(0);
      const radiusOnly = found.rows.map((r) => r.team_id);
      for (const id of brute.rows.map((r) => r.team_id)) expect(radiusOnly).toContain(id);
      const distances = found.rows.map((r) => Number(r.distance_m));
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      await sql.query('analyze app.teams');
      // The radius half of app.routing_candidates: teams whose reach (the box of their service
      // radius) holds the point, found through the GiST index on that box, not a scan of all teams.
      const plan = await sql.query(
        `explain select t.id from app.teams t
         where t.active
           and extensions.cube_enlarge(t.position, t.service_radius_m + 1, 3) operator(extensions.@>) app.earth_point(21.0, 107.1)
           and extensions.cube_distance(t.position, app.earth_point(21.0, 107.1)) <= t.service_radius_m
         order by extensions.cube_distance(t.position, app.earth_point(21.0, 107.1)), t.id limit 20`,
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('teams_reach_idx');
      await sql.query('rollback');
    });
  });
});
