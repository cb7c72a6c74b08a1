import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, withSql } from '../support/clients.ts';
import { changeSettings } from '../support/help-requests.ts';
import { LUONG_MINH, QUANG_LA, TeamWorld, type TestMember } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import {
  cancelHelpSession,
  cancelHelpSessionDay,
  communePublicInfo,
  saveHelpSession,
  saveTeamPublicInfo,
  teamHelpSessions,
  type HelpSessionInput,
} from '../../src/lib/api/sessions.ts';
import { recordPosterScan } from '../../src/lib/api/posters.ts';
import { teamPosterId } from '../../src/lib/domain/poster-id.ts';
import { vietnamDay } from '../../src/lib/domain/vietnam-time.ts';
import { isSeriesDay, weekdayOf } from '../../src/lib/domain/recurrence.ts';

/**
 * Help sessions and the commune pages' public RPC through supabase-js and PostgREST with real
 * sign-ins: leaders create and cancel their own team's sessions, another team can neither read nor
 * change them, members only read, every field is checked with a stable code, changes are rate
 * limited and audited, and anon reads only what a team chose to publish.
 */

const tomorrow = vietnamDay(1);

/** A valid weekly session of team A in Quảng La, with overrides. */
function session(overrides: Partial<HelpSessionInput> = {}): HelpSessionInput {
  return {
    place_name: 'Nhà văn hoá thôn Đồng Đặng',
    address: 'Thôn Đồng Đặng, xã Quảng La',
    commune_code: QUANG_LA.code,
    first_day: tomorrow,
    starts_at: '14:00',
    ends_at: '17:00',
    weekdays: [weekdayOf(tomorrow)],
    until_day: vietnamDay(29),
    topics: ['vneid', 'vssid'],
    note: 'Mang theo CCCD gắn chip.',
    ...overrides,
  };
}

describe.each(inject('stacks'))('help sessions on $backend', (stack) => {
  const world = new TeamWorld(stack, 'hs');
  let teams: Record<string, number>;
  const members: Record<string, TestMember> = {};
  const as: Record<string, SupabaseClient> = {};
  const anon = anonClient(stack);
  let sessionId: number;

  beforeAll(async () => {
    teams = await world.teams([
      { code: 'A', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon, radius: 3000, covers: [QUANG_LA.code] },
      { code: 'B', commune: LUONG_MINH.code, lat: LUONG_MINH.lat, lon: LUONG_MINH.lon, radius: 3000, covers: [LUONG_MINH.code] },
    ]);
    members.leadA = await world.member('lead-a', 'leader', teams.A, 'Tổ trưởng A bí mật');
    members.a1 = await world.member('a1', 'member', teams.A, 'Thành viên A bí mật');
    members.leadB = await world.member('lead-b', 'leader', teams.B);
    members.admin = await world.member('admin', 'admin', null);
    for (const key of ['lead-a', 'a1', 'lead-b', 'admin']) as[key] = await world.signIn(key);
  });

  afterAll(() => world.cleanUp());

  it('lets a leader publish the team phone and listing, checked and audited', async () => {
    expect(await callRpc(saveTeamPublicInfo, { public_phone: null, public_listing: true }, as['lead-a'])).toMatchObject({ ok: false, code: 'phone_required' });
    expect(await callRpc(saveTeamPublicInfo, { public_phone: '12345', public_listing: true }, as['lead-a'])).toMatchObject({ ok: false, code: 'phone_invalid' });
    expect(await callRpc(saveTeamPublicInfo, { public_phone: '0900000123', public_listing: true }, as.a1)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(saveTeamPublicInfo, { public_phone: '0900000123', public_listing: true, team_id: teams.A }, as['lead-b'])).toMatchObject({ ok: false, code: 'forbidden' });
    const saved = await callRpc(saveTeamPublicInfo, { public_phone: '0900 000 123', public_listing: true }, as['lead-a']);
    expect(saved).toEqual({ ok: true, data: { public_phone: '0900000123', public_listing: true } });
    const events = await withSql(stack, (sql) =>
      sql.query(`select kind, actor_member_id::int as actor from app.team_public_events where team_id = $1`, [teams.A]),
    );
    expect(events.rows).toContainEqual({ kind: 'public_info_changed', actor: members.leadA.id });
  });

  it('creates a weekly session for the leader\'s team and audits it', async () => {
    const created = await callRpc(saveHelpSession, { session: session() }, as['lead-a']);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    sessionId = created.data.id;
    expect(created.data).toMatchObject({
      commune: { code: QUANG_LA.code, slug: 'quang-la' },
      first_day: tomorrow,
      weekdays: [weekdayOf(tomorrow)],
      starts_at: '14:00',
      ends_at: '17:00',
      topics: ['vneid', 'vssid'],
      cancelled_days: [],
    });
    const events = await withSql(stack, (sql) =>
      sql.query(`select kind, actor_member_id::int as actor from app.team_public_events where session_id = $1`, [sessionId]),
    );
    expect(events.rows).toEqual([{ kind: 'session_created', actor: members.leadA.id }]);
  });

  it.each([
    ['place_invalid', { place_name: 'ab' }],
    ['address_invalid', { address: '' }],
    ['commune_invalid', { commune_code: LUONG_MINH.code }],
    ['commune_invalid', { commune_code: '99999' }],
    ['day_invalid', { first_day: vietnamDay(-1) }],
    ['day_invalid', { first_day: '2026-02-30' }],
    ['time_invalid', { starts_at: '17:00', ends_at: '14:00' }],
    ['time_invalid', { starts_at: '25:00' }],
    ['weekdays_invalid', { weekdays: [0] }],
    ['weekdays_invalid', { weekdays: [8] }],
    ['until_invalid', { until_day: null }],
    ['until_invalid', { until_day: vietnamDay(0) }],
    ['until_invalid', { until_day: vietnamDay(400) }],
    ['topics_invalid', { topics: ['facebook'] }],
    ['note_invalid', { note: 'x'.repeat(301) }],
  ] as const)('refuses a session with %s (%j)', async (code, overrides) => {
    expect(await callRpc(saveHelpSession, { session: session(overrides as Partial<HelpSessionInput>) }, as['lead-a'])).toMatchObject({ ok: false, code });
  });

  it('accepts a one-off session without weekdays or until day', async () => {
    const once = await callRpc(saveHelpSession, { session: session({ weekdays: [], until_day: null }) }, as['lead-a']);
    expect(once.ok && once.data).toMatchObject({ weekdays: [], until_day: null });
  });

  it('keeps team A\'s sessions from team B: not listed, not readable, not changeable', async () => {
    const own = await callRpc(teamHelpSessions, {}, as['lead-b']);
    expect(own.ok && own.data.sessions.map((s) => s.id)).not.toContain(sessionId);
    expect(await callRpc(teamHelpSessions, { team_id: teams.A }, as['lead-b'])).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(saveHelpSession, { session: session(), team_id: teams.A }, as['lead-b'])).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(cancelHelpSessionDay, { session_id: sessionId, day: tomorrow }, as['lead-b'])).toMatchObject({ ok: false, code: 'not_found' });
    expect(await callRpc(cancelHelpSession, { session_id: sessionId }, as['lead-b'])).toMatchObject({ ok: false, code: 'not_found' });
    const row = await withSql(stack, (sql) => sql.query('select cancelled_at from app.help_sessions where id = $1', [sessionId]));
    expect(row.rows[0].cancelled_at).toBeNull();
    // Nor through the tables themselves: schema app is not exposed.
    expect((await as['lead-b'].schema('app').from('help_sessions').select('*')).error?.code).toBe('PGRST106');
    expect((await anon.rpc('team_help_sessions', {})).error).not.toBeNull();
  });

  it('lets a member read their team\'s sessions but not change them; admins name the team', async () => {
    const read = await callRpc(teamHelpSessions, {}, as.a1);
    expect(read.ok && read.data.can_change).toBe(false);
    expect(read.ok && read.data.sessions.map((s) => s.id)).toContain(sessionId);
    expect(await callRpc(saveHelpSession, { session: session() }, as.a1)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(cancelHelpSessionDay, { session_id: sessionId, day: tomorrow }, as.a1)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(teamHelpSessions, {}, as.admin)).toMatchObject({ ok: false, code: 'team_invalid' });
    const admin = await callRpc(teamHelpSessions, { team_id: teams.A }, as.admin);
    expect(admin.ok && admin.data.team).toMatchObject({ id: teams.A, public_phone: '0900000123', public_listing: true });
  });

  it('cancels one day of the series, only a day of the series', async () => {
    const notADay = vietnamDay(2);
    expect(await callRpc(cancelHelpSessionDay, { session_id: sessionId, day: notADay }, as['lead-a'])).toMatchObject({
      ok: false,
      code: 'day_not_in_series',
    });
    const day = vietnamDay(8); // tomorrow + 7: the same weekday
    const cancelled = await callRpc(cancelHelpSessionDay, { session_id: sessionId, day }, as['lead-a']);
    expect(cancelled.ok && cancelled.data.cancelled_days).toEqual([day]);
    const events = await withSql(stack, (sql) =>
      sql.query(`select kind, to_char(day, 'YYYY-MM-DD') as day from app.team_public_events where session_id = $1 order by id`, [sessionId]),
    );
    expect(events.rows).toContainEqual({ kind: 'session_day_cancelled', day });
  });

  it('gives anon only what the team published, and nothing personal', async () => {
    const info = await callRpc(communePublicInfo, { commune: 'quang-la' }, anon);
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    const teamA = info.data.teams.find((t) => t.code.endsWith('-A'));
    expect(teamA).toEqual({ code: expect.stringMatching(/-A$/), name: expect.any(String), phone: '0900000123' });
    const shown = info.data.sessions.find((s) => s.id === sessionId)!;
    expect(Object.keys(shown).sort()).toEqual(
      ['address', 'cancelled_days', 'commune', 'ends_at', 'first_day', 'id', 'note', 'place_name', 'starts_at', 'team_code', 'team_name', 'topics', 'until_day', 'weekdays'].sort(),
    );
    expect(shown.cancelled_days).toEqual([vietnamDay(8)]);
    expect(isSeriesDay(shown, vietnamDay(8))).toBe(true);
    const text = JSON.stringify(info.data);
    for (const secret of [members.leadA.email, members.a1.email, 'bí mật', 'created_by', 'user_id', 'email']) expect(text).not.toContain(secret);
    // By code too; an unknown commune is an error.
    expect((await callRpc(communePublicInfo, { commune: QUANG_LA.code }, anon)).ok).toBe(true);
    expect(await callRpc(communePublicInfo, { commune: 'khong-co' }, anon)).toMatchObject({ ok: false, code: 'commune_unknown' });
  });

  it('shows neither an unlisted team nor its sessions', async () => {
    const created = await callRpc(
      saveHelpSession,
      { session: session({ commune_code: LUONG_MINH.code, address: 'Xã Lương Minh, thôn 1' }) },
      as['lead-b'],
    );
    expect(created.ok).toBe(true);
    const info = await callRpc(communePublicInfo, { commune: 'luong-minh' }, anon);
    expect(info.ok && info.data.teams.some((t) => t.code.endsWith('-B'))).toBe(false);
    expect(info.ok && info.data.sessions.some((s) => created.ok && s.id === created.data.id)).toBe(false);
  });

  it('cancels a whole series: it disappears for citizens and cannot be changed again', async () => {
    expect(await callRpc(cancelHelpSession, { session_id: sessionId }, as['lead-a'])).toEqual({ ok: true, data: { id: sessionId, cancelled: true } });
    const info = await callRpc(communePublicInfo, { commune: 'quang-la' }, anon);
    expect(info.ok && info.data.sessions.some((s) => s.id === sessionId)).toBe(false);
    expect(await callRpc(cancelHelpSession, { session_id: sessionId }, as['lead-a'])).toMatchObject({ ok: false, code: 'session_cancelled' });
  });

  it('counts scans of a team poster and sticker by team code, and refuses an unknown team', async () => {
    const code = (await withSql(stack, (sql) => sql.query('select code from app.teams where id = $1', [teams.A]))).rows[0].code as string;
    for (const kind of ['a4', 'a6'] as const) {
      const poster = teamPosterId(code, kind);
      expect(await callRpc(recordPosterScan, { poster }, anon)).toEqual({ ok: true, data: { counted: true } });
      const rows = await withSql(stack, (sql) => sql.query('select sum(scans)::int as scans from app.poster_scans where poster = $1', [poster]));
      expect(rows.rows[0].scans).toBeGreaterThanOrEqual(1);
    }
    expect(await callRpc(recordPosterScan, { poster: 't-no-such-team-9' }, anon)).toMatchObject({ ok: false, code: 'poster_invalid' });
    await withSql(stack, (sql) => sql.query('delete from app.poster_scans where poster like $1', [`_-${code.toLowerCase()}`]));
  });

  it('limits how many changes a member makes in a window', async () => {
    const restore = await changeSettings(stack, { 'rate_limit.help_sessions.per_member': { max: 2, window_seconds: 3600 } });
    try {
      await world.member('lead-a2', 'leader', teams.A);
      const client = await world.signIn('lead-a2');
      const save = () => callRpc(saveTeamPublicInfo, { public_phone: '0900000123', public_listing: true }, client);
      expect((await save()).ok).toBe(true);
      expect((await save()).ok).toBe(true);
      expect(await save()).toMatchObject({ ok: false, code: 'rate_limited' });
    } finally {
      await restore();
    }
  });
});
