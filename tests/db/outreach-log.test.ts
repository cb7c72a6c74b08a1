import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, withSql } from '../support/clients.ts';
import { TeamWorld } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import {
  deleteOutreachEntry,
  outreachEntries,
  outreachStatistics,
  outreachTotals,
  saveOutreachEntry,
  type OutreachEntryInput,
} from '../../src/lib/api/outreach.ts';
import { vietnamDay } from '../../src/lib/domain/vietnam-time.ts';

/**
 * The outreach log (migration 20261128002200_outreach_log.sql) through supabase-js and PostgREST,
 * as members, leaders, admins and anon: isolation between teams, the 7-day edit window, validation
 * codes, the per-member rate limit, the audit trail, the admin aggregates of a fixture counted by
 * hand (February 2024, which no other test touches) and the anon totals.
 */

const HONG_GAI = '06685';
const HA_TU = '06652';

const entry = (overrides: Partial<OutreachEntryInput> = {}): OutreachEntryInput => ({
  kind: 'home_visit',
  people_helped: 3,
  day: vietnamDay(),
  platforms: ['vneid'],
  note: 'Giúp bà con khu 5',
  ...overrides,
});

describe.each(inject('stacks'))('outreach log on $backend', (stack) => {
  const world = new TeamWorld(stack, 'outreach');
  let teams: Record<string, number>;
  let a1: SupabaseClient;
  let a2: SupabaseClient;
  let leaderA: SupabaseClient;
  let b1: SupabaseClient;
  let leaderB: SupabaseClient;
  let admin: SupabaseClient;
  const ids: Record<string, number> = {};

  const save = (client: SupabaseClient, input: OutreachEntryInput, entryId: number | null = null) =>
    callRpc(saveOutreachEntry, { entry_id: entryId, entry: input }, client);
  const events = (entryId: number) =>
    withSql(stack, async (sql) =>
      (await sql.query(
        `select kind, actor, actor_member_id::int as actor_member_id, team_id::int as team_id, detail
         from app.outreach_events where entry_id = $1 order by id`,
        [entryId],
      )).rows,
    );

  beforeAll(async () => {
    teams = await world.teams([
      { code: 'A', commune: HONG_GAI, lat: 20.9538, lon: 107.0799, capacity: 50 },
      { code: 'B', commune: HA_TU, lat: 20.9627, lon: 107.1593, capacity: 50 },
    ]);
    for (const [key, role, team] of [
      ['a1', 'member', teams.A], ['a2', 'member', teams.A], ['leader-a', 'leader', teams.A],
      ['b1', 'member', teams.B], ['leader-b', 'leader', teams.B], ['admin', 'admin', null],
    ] as const) {
      ids[key] = (await world.member(key, role, team, `Người ${key}`)).id;
    }
    [a1, a2, leaderA, b1, leaderB, admin] = await Promise.all(
      ['a1', 'a2', 'leader-a', 'b1', 'leader-b', 'admin'].map((key) => world.signIn(key)),
    );
  });

  afterAll(async () => {
    await withSql(stack, async (sql) => {
      await sql.query('delete from app.outreach_events where team_id = any($1)', [world.teamIds]);
      await sql.query('delete from app.outreach_entries where team_id = any($1)', [world.teamIds]);
      await sql.query(`delete from app.rate_limit_buckets where scope = 'outreach.per_member'`);
    });
    await world.cleanUp();
  });

  it('lets a member log work for their team, defaulting to the team commune, and audits it', async () => {
    const saved = await save(a1, entry({ commune_code: null, platforms: ['vneid', 'vneid', 'etax'] }));
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    if (!saved.ok) return;
    expect(saved.data).toMatchObject({
      team_id: teams.A, kind: 'home_visit', commune_code: HONG_GAI, commune_name: 'Phường Hồng Gai',
      people_helped: 3, shops: 0, mine: true, editable: true, member_name: 'Người a1',
    });
    expect([...saved.data.platforms].sort()).toEqual(['etax', 'vneid']);
    expect(await events(saved.data.id)).toEqual([
      expect.objectContaining({ kind: 'created', actor: 'team', actor_member_id: ids.a1, team_id: teams.A }),
    ]);
  });

  it('keeps team B out of team A entries: no reading, changing or deleting', async () => {
    const saved = await save(a1, entry({ people_helped: 7 }));
    if (!saved.ok) throw new Error(saved.code);
    const id = saved.data.id;

    const asMember = await callRpc(outreachEntries, { mine: false }, b1);
    expect(asMember).toMatchObject({ ok: false, code: 'forbidden' });
    const asLeaderB = await callRpc(outreachEntries, { mine: false }, leaderB);
    expect(asLeaderB.ok && asLeaderB.data.entries.map((e) => e.id)).not.toContain(id);
    expect(await callRpc(outreachEntries, { mine: false, team_id: teams.A }, leaderB)).toMatchObject({ ok: false, code: 'forbidden' });
    const bOwn = await callRpc(outreachEntries, { mine: true }, b1);
    expect(bOwn.ok && bOwn.data.entries).toEqual([]);

    expect(await save(b1, entry({ people_helped: 1 }), id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await save(leaderB, entry({ people_helped: 1 }), id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await callRpc(deleteOutreachEntry, { entry_id: id }, b1)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await callRpc(deleteOutreachEntry, { entry_id: id }, leaderB)).toMatchObject({ ok: false, code: 'not_found' });
    const row = await withSql(stack, (sql) => sql.query('select people_helped from app.outreach_entries where id = $1', [id]));
    expect(row.rows).toEqual([{ people_helped: 7 }]);
  });

  it('lets only the author change an entry, and only for 7 days', async () => {
    const saved = await save(a1, entry({ people_helped: 2 }));
    if (!saved.ok) throw new Error(saved.code);
    const id = saved.data.id;

    expect(await save(a2, entry({ people_helped: 9 }), id)).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await save(leaderA, entry({ people_helped: 9 }), id)).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await callRpc(deleteOutreachEntry, { entry_id: id }, a2)).toMatchObject({ ok: false, code: 'not_yours' });

    const edited = await save(a1, entry({ kind: 'flyers', people_helped: 0, flyers: 120, note: null }), id);
    expect(edited).toMatchObject({ ok: true, data: { kind: 'flyers', flyers: 120, people_helped: 0, note: null } });

    await withSql(stack, (sql) =>
      sql.query(`update app.outreach_entries set created_at = now() - interval '7 days 1 minute' where id = $1`, [id]),
    );
    expect(await save(a1, entry({ people_helped: 4 }), id)).toMatchObject({ ok: false, code: 'edit_closed' });
    expect(await callRpc(deleteOutreachEntry, { entry_id: id }, a1)).toMatchObject({ ok: false, code: 'edit_closed' });
    const mine = await callRpc(outreachEntries, { mine: true }, a1);
    expect(mine.ok && mine.data.entries.find((e) => e.id === id)?.editable).toBe(false);
  });

  it('shows leaders their team entries with the author, and admins any team', async () => {
    const byA2 = await save(a2, entry({ kind: 'training', people_helped: 0, participants: 25 }));
    if (!byA2.ok) throw new Error(byA2.code);
    const inB = await save(b1, entry({ kind: 'qr_labels', people_helped: 0, shops: 4 }));
    if (!inB.ok) throw new Error(inB.code);

    const team = await callRpc(outreachEntries, { mine: false }, leaderA);
    if (!team.ok) throw new Error(team.code);
    const authors = new Set(team.data.entries.map((e) => e.member_id));
    expect(authors).toEqual(new Set([ids.a1, ids.a2]));
    expect(team.data.entries.every((e) => e.team_id === teams.A && !e.editable)).toBe(true);
    expect(team.data.entries.find((e) => e.id === byA2.data.id)).toMatchObject({ member_name: 'Người a2', mine: false });
    // The author's own list holds only their entries.
    const a2Own = await callRpc(outreachEntries, {}, a2);
    expect(a2Own.ok && a2Own.data.entries.map((e) => e.id)).toEqual([byA2.data.id]);

    const asAdmin = await callRpc(outreachEntries, { mine: false, team_id: teams.B }, admin);
    expect(asAdmin.ok && asAdmin.data.entries.map((e) => e.id)).toEqual([inB.data.id]);
    expect(await save(admin, entry())).toMatchObject({ ok: false, code: 'no_team' });
  });

  it('refuses bad entries with one stable code each', async () => {
    const cases: [Partial<OutreachEntryInput> | Record<string, unknown>, string][] = [
      [{ kind: 'party' }, 'kind_invalid'],
      [{ people_helped: -1 }, 'count_invalid'],
      [{ people_helped: 1001 }, 'count_invalid'],
      [{ people_helped: 2.5 }, 'count_invalid'],
      [{ people_helped: 'ba' }, 'count_invalid'],
      [{ people_helped: 0 }, 'counts_required'],
      [{ people_helped: '', flyers: '' }, 'counts_required'],
      [{ commune_code: '99999' }, 'commune_unknown'],
      [{ day: '2026-02-30' }, 'day_invalid'],
      [{ day: 'hôm nay' }, 'day_invalid'],
      [{ day: vietnamDay(1) }, 'day_future'],
      [{ day: vietnamDay(-61) }, 'day_too_old'],
      [{ platforms: ['zalo'] }, 'platforms_invalid'],
      [{ note: 'x'.repeat(301) }, 'note_invalid'],
      [{ note: 'Gọi lại cho cô ấy 0912 345 678' }, 'note_has_phone'],
      [{ note: 'Số +84.912.345.678 của chủ quán' }, 'note_has_phone'],
    ];
    const got = [];
    for (const [overrides] of cases) {
      const answer = await save(a2, entry(overrides as Partial<OutreachEntryInput>));
      got.push(answer.ok ? 'ok' : answer.code);
    }
    expect(got).toEqual(cases.map(([, code]) => code));
    // Text that only has figures is fine; counts typed as digits are accepted.
    expect(await save(a2, entry({ people_helped: '12', note: 'Năm 2025: 15 cửa hàng, 120 tờ rơi' }))).toMatchObject({ ok: true, data: { people_helped: 12 } });
  });

  it('rate-limits writes per member', async () => {
    await withSql(stack, async (sql) => {
      await sql.query(`delete from app.rate_limit_buckets where scope = 'outreach.per_member'`);
      await sql.query(`update app.settings set value = '{"max": 2, "window_seconds": 3600}' where key = 'rate_limit.outreach.per_member'`);
    });
    try {
      expect((await save(b1, entry())).ok).toBe(true);
      expect((await save(b1, entry())).ok).toBe(true);
      expect(await save(b1, entry())).toMatchObject({ ok: false, code: 'rate_limited' });
      // Another member is not affected.
      expect((await save(leaderB, entry())).ok).toBe(true);
    } finally {
      await withSql(stack, async (sql) => {
        await sql.query(`update app.settings set value = '{"max": 60, "window_seconds": 3600}' where key = 'rate_limit.outreach.per_member'`);
        await sql.query(`delete from app.rate_limit_buckets where scope = 'outreach.per_member'`);
      });
    }
  });

  it('audits creation, change and deletion with the fields before and after, never the note', async () => {
    const saved = await save(leaderA, entry({ kind: 'cashless_shops', people_helped: 2, shops: 5, note: 'Chợ khu 3' }));
    if (!saved.ok) throw new Error(saved.code);
    const id = saved.data.id;
    expect((await save(leaderA, entry({ kind: 'cashless_shops', people_helped: 2, shops: 6, note: 'Chợ khu 3' }), id)).ok).toBe(true);
    expect(await callRpc(deleteOutreachEntry, { entry_id: id }, leaderA)).toEqual({ ok: true, data: { deleted: true } });

    const trail = await events(id);
    expect(trail.map((e) => [e.kind, e.actor_member_id])).toEqual([
      ['created', ids['leader-a']], ['updated', ids['leader-a']], ['deleted', ids['leader-a']],
    ]);
    expect(trail[1].detail.before).toMatchObject({ shops: 5, has_note: true });
    expect(trail[1].detail.after).toMatchObject({ shops: 6 });
    expect(trail[2].detail).toEqual({ before: expect.objectContaining({ shops: 6, kind: 'cashless_shops' }) });
    expect(JSON.stringify(trail)).not.toContain('Chợ khu 3');
    const gone = await withSql(stack, (sql) => sql.query('select 1 from app.outreach_entries where id = $1', [id]));
    expect(gone.rows).toEqual([]);
  });

  it('aggregates a hand-counted fixture for admins only', async () => {
    await withSql(stack, (sql) =>
      sql.query(
        `insert into app.outreach_entries (team_id, member_id, kind, day, commune_code, people_helped, shops, flyers, participants)
         values ($1, $3, 'home_visit', '2024-02-05', $5, 4, 0, 0, 0),
                ($1, $3, 'cashless_shops', '2024-02-07', $5, 2, 10, 0, 0),
                ($1, $4, 'flyers', '2024-02-12', $6, 0, 0, 200, 0),
                ($2, $7, 'training', '2024-02-18', $6, 30, 0, 0, 45),
                ($2, $7, 'home_visit', '2024-02-19', $6, 1, 0, 0, 0)`,
        [teams.A, teams.B, ids.a1, ids.a2, HONG_GAI, HA_TU, ids.b1],
      ),
    );
    const answer = await callRpc(outreachStatistics, { from_day: '2024-02-05', to_day: '2024-02-18' }, admin);
    if (!answer.ok) throw new Error(answer.code);
    const s = answer.data;
    expect(s.total).toEqual({ entries: 4, people_helped: 36, shops: 10, flyers: 200, participants: 45 });
    expect(s.by_week).toEqual([
      { week: '2024-02-05', entries: 2, people_helped: 6, shops: 10, flyers: 0, participants: 0 },
      { week: '2024-02-12', entries: 2, people_helped: 30, shops: 0, flyers: 200, participants: 45 },
    ]);
    expect(s.by_commune).toEqual([
      { commune_code: HA_TU, commune_name: 'Phường Hà Tu', entries: 2, people_helped: 30, shops: 0, flyers: 200, participants: 45 },
      { commune_code: HONG_GAI, commune_name: 'Phường Hồng Gai', entries: 2, people_helped: 6, shops: 10, flyers: 0, participants: 0 },
    ]);
    expect(s.by_team.map((t) => [t.team_id, t.entries, t.people_helped, t.shops, t.flyers, t.participants])).toEqual([
      [teams.B, 1, 30, 0, 0, 45],
      [teams.A, 3, 6, 10, 200, 0],
    ]);
    expect(s.by_kind).toEqual([
      { kind: 'cashless_shops', entries: 1, people_helped: 2, shops: 10, flyers: 0, participants: 0 },
      { kind: 'flyers', entries: 1, people_helped: 0, shops: 0, flyers: 200, participants: 0 },
      { kind: 'home_visit', entries: 1, people_helped: 4, shops: 0, flyers: 0, participants: 0 },
      { kind: 'training', entries: 1, people_helped: 30, shops: 0, flyers: 0, participants: 45 },
    ]);
    const teamA = await callRpc(outreachStatistics, { from_day: '2024-02-05', to_day: '2024-02-18', team_id: teams.A }, admin);
    expect(teamA.ok && teamA.data.total).toEqual({ entries: 3, people_helped: 6, shops: 10, flyers: 200, participants: 0 });

    for (const client of [leaderA, a1]) {
      expect(await callRpc(outreachStatistics, { from_day: '2024-02-05', to_day: '2024-02-18' }, client)).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await callRpc(outreachStatistics, { from_day: '2024-02-18', to_day: '2024-02-05' }, admin)).toMatchObject({ ok: false, code: 'range_invalid' });
  });

  it('gives anon two province sums and nothing else', async () => {
    const anon = anonClient(stack);
    const before = await callRpc(outreachTotals, {}, anon);
    if (!before.ok) throw new Error(before.code);
    const raw = await anon.rpc('outreach_totals');
    expect(Object.keys(raw.data).sort()).toEqual(['people_helped', 'shops']);
    expect(Object.values(raw.data).every((v) => typeof v === 'number')).toBe(true);

    expect((await save(a1, entry({ kind: 'cashless_shops', people_helped: 5, shops: 2 }))).ok).toBe(true);
    const after = await callRpc(outreachTotals, {}, anon);
    expect(after).toEqual({ ok: true, data: { people_helped: before.data.people_helped + 5, shops: before.data.shops + 2 } });

    for (const name of ['outreach_entries', 'save_outreach_entry', 'delete_outreach_entry', 'outreach_statistics']) {
      const refused = await anon.rpc(name, {});
      expect(refused.data, name).toBeNull();
      expect(refused.error?.code, name).toBe('42501');
    }
  });
});
