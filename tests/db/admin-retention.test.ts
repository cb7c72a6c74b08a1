import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS, anonHeaders } from '../support/help-requests.ts';
import { QUANG_LA, TeamWorld, type BookedRequest } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { requestDataErasure } from '../../src/lib/api/status.ts';

/**
 * Retention and the citizen's erasure request (migration
 * 20261128001300_personal_data_retention.sql): personal data of ended requests is erased after
 * retention.days_after_close days, at once on the citizen's request when no team is working on
 * it, else when the team closes it; nothing personal is left in any column of any table, and the
 * anonymous figures stay.
 */

/** Letters only, so the values pass the name rules and never occur by chance elsewhere. */
function marker(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => letters[b % 26]).join('');
}

interface Personal {
  name: string;
  address: string;
  description: string;
  note: string;
}

describe.each(inject('stacks'))('personal data retention on $backend', (stack) => {
  const world = new TeamWorld(stack, 'adm-ret');
  let restore: () => Promise<void>;
  let teamId: number;
  let memberId: number;

  /** Books a request with traceable personal data and a team note on it. */
  async function bookTraceable(): Promise<BookedRequest & Personal> {
    const m = marker();
    const personal = {
      name: `Nguyễn Văn ${m}`,
      address: `Ngõ ${m}, thôn Đồng Vải`,
      description: `Cần cài VNeID ${m}`,
      note: `Đã gọi, hẹn chiều mai ${m}`,
    };
    const booked = await world.book({
      name: personal.name,
      address: personal.address,
      description: personal.description,
      commune_code: QUANG_LA.code,
      location: { lat: 21.1093, lon: 106.8851 },
    });
    await withSql(stack, (sql) =>
      sql.query(`insert into app.request_notes (request_id, member_id, body) values ($1, $2, $3)`, [
        booked.id,
        memberId,
        personal.note,
      ]),
    );
    return { ...booked, ...personal };
  }

  /** Puts a request in a state, as the team workspace would have, ended `daysAgo` days ago. */
  async function setState(id: number, status: 'accepted' | 'closed' | 'cancelled', daysAgo = 0) {
    await withSql(stack, (sql) =>
      sql.query(
        `update app.help_requests set
           status = $2, team_id = coalesce(team_id, $4), accepted_at = case when $2 <> 'cancelled' then now() - make_interval(days => $3 + 1) end,
           closed_at = case when $2 = 'closed' then now() - make_interval(days => $3) end,
           outcome = case when $2 = 'closed' then 'helped' end,
           cancelled_at = case when $2 = 'cancelled' then now() - make_interval(days => $3) end,
           cancel_reason = case when $2 = 'cancelled' then 'solved_myself' end
         where id = $1`,
        [id, status, daysAgo, teamId],
      ),
    );
  }

  /** Tables of schema app whose rows (as text, every column) contain any of the values. */
  async function tablesHolding(values: string[]): Promise<string[]> {
    return withSql(stack, async (sql) => {
      const tables = await sql.query(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'app' and c.relkind in ('r', 'p') order by 1`);
      const found: string[] = [];
      for (const { name } of tables.rows as { name: string }[]) {
        const hit = await sql.query(`select count(*)::int as n from app.${name} x where x::text ilike any ($1)`, [
          values.map((v) => `%${v}%`),
        ]);
        if (hit.rows[0].n > 0) found.push(name);
      }
      return found;
    });
  }

  function traces(r: BookedRequest & Personal): string[] {
    return [r.name, r.phone, r.address, r.description, r.note];
  }

  async function personalColumns(id: number) {
    return withSql(stack, async (sql) =>
      (await sql.query(
        `select citizen_name, citizen_phone, helper_name, helper_phone, address, description, gps_lat, gps_lon,
                personal_data_erased_at is not null as erased, erase_requested_at is not null as flagged,
                status, commune_code, needs, outcome, closed_at is not null as has_closed_at, team_id::int as team_id,
                (select count(*)::int from app.request_notes n where n.request_id = h.id) as notes,
                (select json_agg(json_build_object('kind', e.kind, 'reason', e.reason, 'actor', e.actor, 'detail', e.detail) order by e.id)
                   from app.request_events e where e.request_id = h.id and e.kind in ('personal_data_erased', 'erasure_requested')) as erasure_events
         from app.help_requests h where h.id = $1`,
        [id],
      )).rows[0],
    );
  }

  beforeAll(async () => {
    restore = await changeSettings(stack, { ...RELAXED_LIMITS, 'retention.days_after_close': 90 });
    ({ A: teamId } = await world.teams([{ code: 'A', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon, radius: 8000, capacity: 100, covers: [QUANG_LA.code] }]));
    memberId = (await world.member('lead', 'leader', teamId)).id;
  });

  afterAll(async () => {
    await restore?.();
    await world.cleanUp();
  });

  it('erases requests ended more than 90 days ago, in every column of every table, and keeps the figures', async () => {
    const old = await bookTraceable();
    const oldCancelled = await bookTraceable();
    const recent = await bookTraceable();
    const open = await bookTraceable();
    await setState(old.id, 'closed', 91);
    await setState(oldCancelled.id, 'cancelled', 120);
    await setState(recent.id, 'closed', 10);
    await setState(open.id, 'accepted');
    for (const r of [old, oldCancelled]) expect(await tablesHolding(traces(r))).toContain('help_requests');

    // The scheduled job may get there first; either way the state afterwards is what counts.
    const jobs = await withSql(stack, (sql) => sql.query('select app.run_scheduled_jobs() as result'));
    expect(jobs.rows[0].result).toHaveProperty('erased');

    for (const r of [old, oldCancelled]) {
      expect(await tablesHolding(traces(r))).toEqual([]);
      const row = await personalColumns(r.id);
      expect(row).toMatchObject({
        citizen_name: null, citizen_phone: null, helper_name: null, helper_phone: null, address: null,
        description: null, gps_lat: null, gps_lon: null, erased: true, notes: 0,
        commune_code: QUANG_LA.code, needs: ['vssid'], team_id: teamId,
      });
      expect(row.erasure_events).toEqual([{ kind: 'personal_data_erased', reason: 'retention', actor: 'system', detail: {} }]);
    }
    expect((await personalColumns(old.id)).outcome).toBe('helped');
    expect((await personalColumns(old.id)).has_closed_at).toBe(true);
    expect((await personalColumns(oldCancelled.id)).status).toBe('cancelled');

    // Not yet due, or still being worked on: untouched.
    for (const r of [recent, open]) {
      const row = await personalColumns(r.id);
      expect(row).toMatchObject({ citizen_name: r.name, address: r.address, erased: false, notes: 1 });
      expect(Number(row.gps_lat)).toBeCloseTo(21.109, 3);
    }

    // The retention period is a setting.
    const back = await changeSettings(stack, { 'retention.days_after_close': 5 });
    try {
      await withSql(stack, (sql) => sql.query('select app.erase_expired_personal_data()'));
      expect(await tablesHolding(traces(recent))).toEqual([]);
      expect((await personalColumns(open.id)).erased).toBe(false);
    } finally {
      await back();
    }
  });

  it('a citizen erases an open request at once: it is cancelled, since no one could call', async () => {
    const r = await bookTraceable();
    expect((await personalColumns(r.id)).status).toBe('assigned');
    const answer = await callRpc(requestDataErasure, { code: r.code, phone: r.phone }, anonClient(stack));
    expect(answer).toEqual({ ok: true, data: { found: true, status: 'cancelled', erased: true, erase_requested: false } });
    expect(await tablesHolding(traces(r))).toEqual([]);
    const row = await personalColumns(r.id);
    expect(row).toMatchObject({ status: 'cancelled', erased: true, flagged: false });
    expect(row.erasure_events).toEqual([{ kind: 'personal_data_erased', reason: 'citizen_request', actor: 'citizen', detail: {} }]);
    // Afterwards the code and phone find nothing: the phone is gone.
    expect(await callRpc(requestDataErasure, { code: r.code, phone: r.phone }, anonClient(stack))).toEqual({ ok: true, data: { found: false } });
  });

  it('a citizen erases a closed request at once', async () => {
    const r = await bookTraceable();
    await setState(r.id, 'closed', 1);
    const answer = await callRpc(requestDataErasure, { code: r.code, phone: r.phone }, anonClient(stack));
    expect(answer).toEqual({ ok: true, data: { found: true, status: 'closed', erased: true, erase_requested: false } });
    expect(await tablesHolding(traces(r))).toEqual([]);
    expect((await personalColumns(r.id)).outcome).toBe('helped');
  });

  it('flags a request a team is working on, and erases it when the team closes it', async () => {
    const r = await bookTraceable();
    await setState(r.id, 'accepted');
    const answer = await callRpc(requestDataErasure, { code: r.code, phone: r.phone }, anonClient(stack));
    expect(answer).toEqual({ ok: true, data: { found: true, status: 'accepted', erased: false, erase_requested: true } });
    // Asking again changes nothing.
    expect(await callRpc(requestDataErasure, { code: r.code, phone: r.phone }, anonClient(stack))).toEqual(answer);
    let row = await personalColumns(r.id);
    expect(row).toMatchObject({ flagged: true, erased: false, citizen_name: r.name });
    expect(row.erasure_events).toEqual([{ kind: 'erasure_requested', reason: 'citizen_request', actor: 'citizen', detail: {} }]);
    // The team still has what it needs to finish; the retention job leaves it while it is open.
    await withSql(stack, (sql) => sql.query('select app.erase_expired_personal_data()'));
    expect((await personalColumns(r.id)).erased).toBe(false);

    // Closing, by whatever path, completes the erasure.
    await withSql(stack, (sql) =>
      sql.query(`update app.help_requests set status = 'closed', closed_at = now(), outcome = 'helped' where id = $1`, [r.id]),
    );
    row = await personalColumns(r.id);
    expect(row).toMatchObject({ erased: true, flagged: false, status: 'closed', outcome: 'helped', notes: 0 });
    expect(await tablesHolding(traces(r))).toEqual([]);
    expect(row.erasure_events.map((e: { kind: string }) => e.kind)).toEqual(['erasure_requested', 'personal_data_erased']);
  });

  it('gives the generic answer for a wrong code or phone, and refuses GET', async () => {
    const r = await bookTraceable();
    const client = anonClient(stack);
    expect(await callRpc(requestDataErasure, { code: r.code, phone: '0912000000' }, client)).toEqual({ ok: true, data: { found: false } });
    expect(await callRpc(requestDataErasure, { code: 'QN-222-222-222', phone: r.phone }, client)).toEqual({ ok: true, data: { found: false } });
    const get = await fetch(
      `${stack.url}/rest/v1/rpc/request_data_erasure?code=${encodeURIComponent(r.code)}&phone=${r.phone}`,
      { headers: anonHeaders(stack) },
    );
    expect(get.status).toBe(405);
    expect((await personalColumns(r.id)).erased).toBe(false);
  });

  it('cancel_request with erasure also deletes the notes and is audited', async () => {
    const r = await bookTraceable();
    const res = await anonClient(stack).rpc('cancel_request', {
      code: r.code, phone: r.phone, reason: 'no_longer_needed', erase_personal_data: true,
    });
    expect(res.error).toBeNull();
    expect(await tablesHolding(traces(r))).toEqual([]);
    const row = await personalColumns(r.id);
    expect(row.erasure_events).toEqual([{ kind: 'personal_data_erased', reason: 'citizen_cancel', actor: 'citizen', detail: {} }]);
  });
});
