import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withSql } from '../support/clients.ts';
import {
  anonHeaders,
  changeSettings,
  createTeams,
  deleteRequests,
  deleteTeams,
  perPhoneHits,
  RELAXED_LIMITS,
  uniquePhone,
  validPayload,
} from '../support/help-requests.ts';

/**
 * 200 parallel submissions through PostgREST (on PostgreSQL with a real pool of connections, so
 * transactions truly overlap and wait on each other's locks), plus 50 retries of some of them in
 * the same burst: exactly 200 requests, none lost or duplicated, and no team past its capacity.
 */

const BINH_KHE = { code: '07081', lat: 21.1294, lon: 106.6261 };
const SUBMISSIONS = 200;
const RETRIES = 50;

describe.each(inject('stacks'))('parallel submissions on $backend', (stack) => {
  let teamIds: Record<string, number> = {};
  const codes: string[] = [];
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
    const prefix = `TEST-CC-${stack.backend === 'pglite' ? 'L' : 'P'}-`;
    const candidates = await withSql(stack, async (sql) =>
      (await sql.query(
        `select count(*)::int as n from app.routing_candidates($1, (select position from app.communes where code = $1))`,
        [BINH_KHE.code],
      )).rows[0].n,
    );
    expect(candidates, 'precondition: no other team serves Bình Khê').toBe(0);
    teamIds = await createTeams(stack, [
      { code: `${prefix}A`, commune: BINH_KHE.code, lat: BINH_KHE.lat + 0.004, lon: BINH_KHE.lon, capacity: 50, covers: [BINH_KHE.code] },
      { code: `${prefix}B`, commune: BINH_KHE.code, lat: BINH_KHE.lat + 0.012, lon: BINH_KHE.lon, capacity: 50, covers: [BINH_KHE.code] },
      { code: `${prefix}C`, commune: BINH_KHE.code, lat: BINH_KHE.lat - 0.02, lon: BINH_KHE.lon, capacity: 20, radius: 6000 },
    ]);
  });

  afterAll(async () => {
    await withSql(stack, (sql) => deleteRequests(sql, codes));
    await deleteTeams(stack, Object.values(teamIds));
    await restore();
  });

  it(`stores exactly ${SUBMISSIONS} requests from ${SUBMISSIONS + RETRIES} parallel calls and respects capacity`, async () => {
    const payloads = Array.from({ length: SUBMISSIONS }, () =>
      validPayload({ commune_code: BINH_KHE.code, phone: uniquePhone() }),
    );
    const calls = [...payloads, ...payloads.slice(0, RETRIES)].map((payload) =>
      fetch(`${stack.url}/rest/v1/rpc/request_help`, {
        method: 'POST',
        headers: anonHeaders(stack),
        body: JSON.stringify({ request: payload }),
      }).then(async (res) => ({ status: res.status, body: await res.json() })),
    );
    const answers = await Promise.all(calls);

    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    codes.push(...answers.map((answer) => answer.body.reference_code));
    // Each retry got exactly the answer of the call it repeated.
    for (let i = 0; i < RETRIES; i++) expect(answers[SUBMISSIONS + i].body).toEqual(answers[i].body);
    expect(new Set(answers.map((answer) => answer.body.reference_code)).size).toBe(SUBMISSIONS);

    const keys = payloads.map((payload) => payload.idempotency_key as string);
    const stored = await withSql(stack, async (sql) =>
      (await sql.query(
        `select h.reference_code, h.status, h.team_id::int as team_id, h.route_reason,
                (select count(*)::int from app.request_events e where e.request_id = h.id) as events
         from app.help_requests h where h.idempotency_key = any($1::uuid[])`,
        [keys],
      )).rows,
    );
    expect(stored).toHaveLength(SUBMISSIONS);
    expect(new Set(stored.map((row) => row.reference_code))).toEqual(new Set(codes));
    for (const row of stored) expect(row.events).toBe(2);

    // Each phone counted once against its limit: a retry is not a new request, including one that
    // waited for the first call's bucket and then found that call's request stored.
    const phones = payloads.map((payload) => payload.phone as string);
    const hits = await perPhoneHits(stack, phones);
    expect([...hits].filter(([, n]) => n !== 1)).toEqual([]);

    // Nearest first, never past capacity: A and B (covering) and C (by radius) are exactly full,
    // and the rest waits in the province pool, saying why.
    const perTeam = new Map<number | null, number>();
    for (const row of stored) perTeam.set(row.team_id, (perTeam.get(row.team_id) ?? 0) + 1);
    const [a, b, c] = Object.values(teamIds);
    expect(perTeam.get(a)).toBe(50);
    expect(perTeam.get(b)).toBe(50);
    expect(perTeam.get(c)).toBe(20);
    expect(perTeam.get(null)).toBe(SUBMISSIONS - 120);
    for (const row of stored.filter((r) => r.team_id === null)) {
      expect(row).toMatchObject({ status: 'unassigned', route_reason: 'all_teams_full' });
    }
    const open = await withSql(stack, async (sql) =>
      (await sql.query(
        `select t.id::int as id, t.capacity, count(h.id)::int as open from app.teams t
         left join app.help_requests h on h.team_id = t.id and h.status in ('assigned', 'accepted')
         where t.id = any($1) group by t.id`,
        [Object.values(teamIds)],
      )).rows,
    );
    for (const team of open) expect(team.open).toBeLessThanOrEqual(team.capacity);
  });
});
