import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS } from '../support/help-requests.ts';
import { KY_THUONG, QUANG_LA, TeamWorld, type BookedRequest, type TestMember } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { cancelRequest, foundOnly, requestStatus } from '../../src/lib/api/status.ts';
import { acceptRequest, addRequestNote, closeRequest, handOverRequest, handoverSuggestions, recordContactAttempt, releaseRequest, teamQueue, teamRequest, teamSession } from '../../src/lib/api/team.ts';

/**
 * The team workspace through supabase-js and the real PostgREST, with real JWTs from the email-code
 * sign-in: what each member sees, isolation between teams, the state machine of a request (accept,
 * note, unanswered calls, close, release, hand over) with its error codes and audit events, and
 * what the citizen's status page says afterwards.
 */

describe.each(inject('stacks'))('team workspace on $backend', (stack) => {
  const world = new TeamWorld(stack, 'tw');
  let restore: () => Promise<void>;
  let teams: Record<string, number>;
  const members: Record<string, TestMember> = {};
  const as: Record<string, SupabaseClient> = {};

  /** Every action a member could try, each as a function of the request id. */
  const everyAction = (client: SupabaseClient, otherTeam: number) => ({
    accept: (id: number) => callRpc(acceptRequest, { request_id: id }, client),
    note: (id: number) => callRpc(addRequestNote, { request_id: id, note: 'Đã gọi' }, client),
    attempt: (id: number) => callRpc(recordContactAttempt, { request_id: id, note: null }, client),
    close: (id: number) => callRpc(closeRequest, { request_id: id, outcome: 'helped', note: null }, client),
    release: (id: number) => callRpc(releaseRequest, { request_id: id, note: null }, client),
    handOver: (id: number) => callRpc(handOverRequest, { request_id: id, to_team_id: otherTeam, reason: 'too_far', note: null }, client),
    suggestions: (id: number) => callRpc(handoverSuggestions, { request_id: id }, client),
    detail: (id: number) => callRpc(teamRequest, { request_id: id }, client),
  });

  beforeAll(async () => {
    restore = await changeSettings(stack, { ...RELAXED_LIMITS, 'escalation.accept_within_minutes': 360 });
    teams = await world.teams([
      // A covers Quảng La and sits at its centre; B is 2 km north, C 4 km east.
      { code: 'A', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon, radius: 3000, covers: [QUANG_LA.code] },
      { code: 'B', commune: QUANG_LA.code, lat: QUANG_LA.lat + 0.018, lon: QUANG_LA.lon, radius: 3000 },
      { code: 'C', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon + 0.04, radius: 3000, capacity: 1 },
    ]);
    members.a1 = await world.member('a1', 'member', teams.A, 'Thành viên A1');
    members.a2 = await world.member('a2', 'member', teams.A);
    members.leadA = await world.member('lead-a', 'leader', teams.A);
    members.b1 = await world.member('b1', 'member', teams.B);
    members.admin = await world.member('admin', 'admin', null);
    for (const key of ['a1', 'a2', 'lead-a', 'b1', 'admin', 'outsider']) as[key] = await world.signIn(key);
  });

  afterAll(async () => {
    await world.cleanUp();
    await restore();
  });

  it('tells a signed-in person on no team so, and shows them nothing', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code });
    expect(await callRpc(teamSession, {}, as.outsider)).toEqual({ ok: true, data: { member: null } });
    expect(await callRpc(teamQueue, {}, as.outsider)).toMatchObject({ ok: false, code: 'not_member' });
    expect(await callRpc(teamQueue, { pool: true }, as.outsider)).toMatchObject({ ok: false, code: 'not_member' });
    for (const act of Object.values(everyAction(as.outsider, teams.B))) {
      expect(await act(request.id)).toMatchObject({ ok: false, code: 'not_member' });
    }
    // Anon (no sign-in) may not even call the functions.
    const anon = await callRpc(teamQueue, {}, anonClient(stack));
    expect(anon.ok).toBe(false);
    expect(anon.ok === false && anon.message).toMatch(/permission denied/);
    expect((await world.row(request.id)).events.map((e) => e.kind)).toEqual(['received', 'assigned']);
  });

  it('shows the team its queue, oldest first, with deadline and no personal data', async () => {
    const first = await world.book({ commune_code: QUANG_LA.code, needs: ['vssid', 'etax'], guide_code: 'vs4', guide_step: 3 });
    const second = await world.book({ commune_code: QUANG_LA.code, name: 'Đỗ Thị Hoa', address: 'Gần chợ Quảng La' });
    const session = await callRpc(teamSession, {}, as.a1);
    expect(session.ok && session.data.member).toMatchObject({
      email: members.a1.email,
      role: 'member',
      team: { id: teams.A, name: expect.stringContaining('Tổ thử nghiệm') },
    });
    expect(session.ok && session.data.settings?.accept_within_minutes).toBe(360);

    const queue = await callRpc(teamQueue, {}, as.a1);
    expect(queue.ok).toBe(true);
    if (!queue.ok) return;
    expect(queue.data.team?.id).toBe(teams.A);
    const ids = queue.data.items.map((item) => item.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const item = queue.data.items.find((i) => i.id === first.id)!;
    expect(item).toMatchObject({
      status: 'assigned',
      commune: { code: QUANG_LA.code, name: 'Xã Quảng La' },
      needs: ['vssid', 'etax'],
      guide_code: 'vs4',
      guide_step: 3,
      accepted_by: null,
    });
    expect(new Date(item.accept_by!).getTime() - new Date(item.assigned_at!).getTime()).toBe(360 * 60_000);
    expect(queue.data.waiting).toBe(queue.data.items.filter((i) => i.status === 'assigned').length);

    // Nothing personal, in the queue or the detail, before the request is accepted.
    const text = JSON.stringify(queue.data);
    for (const secret of [first.phone, second.phone, second.name, 'Gần chợ Quảng La']) expect(text).not.toContain(secret);
    const detail = await callRpc(teamRequest, { request_id: second.id }, as.a1);
    expect(detail.ok && detail.data).toMatchObject({ contact: null, notes: [], actions: ['accept', 'note', 'hand_over'] });
    expect(JSON.stringify(detail)).not.toContain(second.phone);
  });

  it('keeps team B out of team A’s requests: it sees none and can change none', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code });
    expect((await world.row(request.id)).team_id).toBe(teams.A);

    const queue = await callRpc(teamQueue, {}, as.b1);
    expect(queue.ok && queue.data.items.map((i) => i.id)).not.toContain(request.id);
    expect(await callRpc(teamQueue, { team_id: teams.A }, as.b1)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(teamQueue, { pool: true }, as.b1)).toMatchObject({ ok: false, code: 'forbidden' });
    for (const [name, act] of Object.entries(everyAction(as.b1, teams.C))) {
      expect({ name, result: await act(request.id) }).toMatchObject({ name, result: { ok: false, code: 'not_found' } });
    }
    // The same answer as for a request that does not exist, so ids cannot be probed.
    expect(await callRpc(teamRequest, { request_id: 2_000_000_000 }, as.b1)).toMatchObject({ ok: false, code: 'not_found' });

    // And the other way round, once it is accepted.
    await callRpc(acceptRequest, { request_id: request.id }, as.a1);
    for (const act of Object.values(everyAction(as.b1, teams.C))) {
      expect(await act(request.id)).toMatchObject({ ok: false, code: 'not_found' });
    }
    const row = await world.row(request.id);
    expect(row).toMatchObject({ status: 'accepted', team_id: teams.A, accepted_by: members.a1.id });
    expect(row.events.map((e) => e.kind)).toEqual(['received', 'assigned', 'accepted']);
  });

  it('shows the contact details to who accepted, the team leader and admins only', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code, name: 'Vũ Văn Khánh', address: 'Thôn 3, gần nhà văn hoá' });
    const accepted = await callRpc(acceptRequest, { request_id: request.id }, as.a1);
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    expect(accepted.data).toMatchObject({
      status: 'accepted',
      accepted_by: { name: 'Thành viên A1', me: true },
      contact: { name: 'Vũ Văn Khánh', phone: request.phone, address: 'Thôn 3, gần nhà văn hoá' },
      actions: ['note', 'contact_attempt', 'close', 'release', 'hand_over'],
    });
    const word = await withSql(stack, (sql) =>
      sql.query('select verification_word from app.help_requests where id = $1', [request.id]),
    );
    expect(accepted.data.contact?.verification_word).toBe(word.rows[0].verification_word);

    // A teammate sees who has it, not the phone, and may only add a note.
    const teammate = await callRpc(teamRequest, { request_id: request.id }, as.a2);
    expect(teammate.ok && teammate.data).toMatchObject({ contact: null, accepted_by: { me: false }, actions: ['note'] });
    expect(JSON.stringify(teammate)).not.toContain(request.phone);
    expect(await callRpc(acceptRequest, { request_id: request.id }, as.a2)).toMatchObject({ ok: false, code: 'already_accepted' });
    expect(await callRpc(closeRequest, { request_id: request.id, outcome: 'helped', note: null }, as.a2)).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await callRpc(releaseRequest, { request_id: request.id, note: null }, as.a2)).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await callRpc(recordContactAttempt, { request_id: request.id, note: null }, as.a2)).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.B, reason: 'too_far', note: null }, as.a2)).toMatchObject({ ok: false, code: 'not_yours' });

    for (const who of ['lead-a', 'admin']) {
      const seen = await callRpc(teamRequest, { request_id: request.id }, as[who]);
      expect(seen.ok && seen.data.contact?.phone).toBe(request.phone);
    }
  });

  it('refuses transitions that are not allowed, with known error codes', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code });
    // Not accepted yet: nothing to close, release or call.
    expect(await callRpc(closeRequest, { request_id: request.id, outcome: 'helped', note: null }, as.a1)).toMatchObject({ ok: false, code: 'state_invalid' });
    expect(await callRpc(releaseRequest, { request_id: request.id, note: null }, as.a1)).toMatchObject({ ok: false, code: 'state_invalid' });
    expect(await callRpc(recordContactAttempt, { request_id: request.id, note: null }, as.a1)).toMatchObject({ ok: false, code: 'state_invalid' });
    await callRpc(acceptRequest, { request_id: request.id }, as.a1);
    expect(await callRpc(acceptRequest, { request_id: request.id }, as.a1)).toMatchObject({ ok: false, code: 'already_accepted' });
    // Input that is not in the vocabulary.
    // @ts-expect-error: an outcome that does not exist
    expect(await callRpc(closeRequest, { request_id: request.id, outcome: 'done', note: null }, as.a1)).toMatchObject({ ok: false, code: 'outcome_invalid' });
    expect(await callRpc(addRequestNote, { request_id: request.id, note: '   ' }, as.a1)).toMatchObject({ ok: false, code: 'note_invalid' });
    expect(await callRpc(addRequestNote, { request_id: request.id, note: 'x'.repeat(1001) }, as.a1)).toMatchObject({ ok: false, code: 'note_invalid' });
    expect(await callRpc(addRequestNote, { request_id: request.id, note: 'a\u202eb' }, as.a1)).toMatchObject({ ok: false, code: 'note_invalid' });
    // "Could not reach" needs the recorded calls first.
    expect(await callRpc(closeRequest, { request_id: request.id, outcome: 'not_reachable', note: null }, as.a1)).toMatchObject({ ok: false, code: 'attempts_too_few' });
    for (let call = 1; call <= 3; call += 1) {
      const attempt = await callRpc(recordContactAttempt, { request_id: request.id, note: call === 1 ? 'Không nghe máy' : null }, as.a1);
      expect(attempt.ok && attempt.data.contact_attempts).toBe(call);
    }
    const closed = await callRpc(closeRequest, { request_id: request.id, outcome: 'not_reachable', note: null }, as.a1);
    expect(closed.ok && closed.data).toMatchObject({ status: 'closed', outcome: 'not_reachable', actions: [] });
    const row = await world.row(request.id);
    expect(row.events.map((e) => e.kind)).toEqual([
      'received', 'assigned', 'accepted', 'contact_attempt', 'contact_attempt', 'contact_attempt', 'closed',
    ]);
    expect(row.events.at(-1)).toMatchObject({ reason: 'not_reachable', detail: { contact_attempts: 3 }, actor_member_id: members.a1.id });
    // Nothing was written by the refused calls.
    expect(row.notes).toBe(1);
  });

  it('accepts, notes and closes; then nobody can act on the closed request; the citizen sees every step', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code });
    await callRpc(acceptRequest, { request_id: request.id }, as.a1);
    const noted = await callRpc(addRequestNote, { request_id: request.id, note: 'Hẹn 9 giờ sáng mai tại nhà.\nMang theo CCCD.' }, as.a1);
    expect(noted.ok && noted.data.notes).toMatchObject([
      { kind: 'note', body: 'Hẹn 9 giờ sáng mai tại nhà.\nMang theo CCCD.', author: 'Thành viên A1', mine: true },
    ]);
    const closed = await callRpc(closeRequest, { request_id: request.id, outcome: 'helped', note: 'Đã cài VssID xong.' }, as.a1);
    expect(closed.ok && closed.data).toMatchObject({ status: 'closed', outcome: 'helped', contact: null, actions: [] });

    for (const who of ['a1', 'lead-a', 'admin']) {
      for (const [name, act] of Object.entries(everyAction(as[who], teams.B))) {
        if (name === 'detail') continue;
        expect({ who, name, result: await act(request.id) }).toMatchObject({ who, name, result: { ok: false, code: 'request_closed' } });
      }
    }
    const queue = await callRpc(teamQueue, {}, as.a1);
    expect(queue.ok && queue.data.items.map((i) => i.id)).not.toContain(request.id);

    const row = await world.row(request.id);
    expect(row).toMatchObject({ status: 'closed', outcome: 'helped', notes: 2 });
    expect(row.events.slice(2)).toMatchObject([
      { kind: 'accepted', actor: 'team', actor_member_id: members.a1.id, team_id: teams.A },
      { kind: 'noted', actor: 'team', actor_member_id: members.a1.id },
      { kind: 'closed', actor: 'team', actor_member_id: members.a1.id, reason: 'helped' },
    ]);

    const status = foundOnly(await callRpc(requestStatus, { code: request.code, phone: request.phone }, anonClient(stack)));
    expect(status.ok && status.data).toMatchObject({ status: 'closed', outcome: 'helped' });
    expect(status.ok && status.data.steps.map((s) => [s.step, s.team, s.reason])).toEqual([
      ['received', null, null],
      ['sent_to_team', 'Tổ thử nghiệm ' + `T-${world.prefix.toUpperCase()}-A`, null],
      ['accepted', 'Tổ thử nghiệm ' + `T-${world.prefix.toUpperCase()}-A`, null],
      ['closed', null, 'helped'],
    ]);
    // Notes stay with the team: the citizen's answer has none of their text.
    expect(JSON.stringify(status)).not.toContain('CCCD');
  });

  it('hands a request over to a suggested team, which can release it back to its own queue', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code });
    const suggestions = await callRpc(handoverSuggestions, { request_id: request.id }, as.a1);
    expect(suggestions.ok).toBe(true);
    if (!suggestions.ok) return;
    const mine = suggestions.data.filter((s) => [teams.B, teams.C].includes(s.id));
    expect(mine.map((s) => s.id)).toEqual([teams.B, teams.C]);
    expect(suggestions.data.map((s) => s.id)).not.toContain(teams.A);
    expect(mine[0]).toMatchObject({ within_radius: true, covers_commune: false, had_it: false });
    expect(mine[0].distance_m).toBeGreaterThan(1900);
    expect(mine[0].distance_m).toBeLessThan(2100);

    expect(await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.A, reason: 'too_far', note: null }, as.a1)).toMatchObject({ ok: false, code: 'team_invalid' });
    expect(await callRpc(handOverRequest, { request_id: request.id, to_team_id: 999_999_999, reason: 'too_far', note: null }, as.a1)).toMatchObject({ ok: false, code: 'team_invalid' });
    // @ts-expect-error: a reason that does not exist
    expect(await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.B, reason: 'bored', note: null }, as.a1)).toMatchObject({ ok: false, code: 'reason_invalid' });
    const handed = await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.B, reason: 'too_far', note: 'Nhà gần tổ B hơn.' }, as.a1);
    expect(handed).toMatchObject({ ok: true, data: { status: 'assigned', team: { id: teams.B } } });

    expect(await callRpc(teamRequest, { request_id: request.id }, as.a1)).toMatchObject({ ok: false, code: 'not_found' });
    const queueB = await callRpc(teamQueue, {}, as.b1);
    expect(queueB.ok && queueB.data.items.find((i) => i.id === request.id)).toMatchObject({ status: 'assigned', notes_count: 1 });
    await callRpc(acceptRequest, { request_id: request.id }, as.b1);
    const back = await callRpc(releaseRequest, { request_id: request.id, note: 'Tuần này bận.' }, as.b1);
    expect(back.ok && back.data).toMatchObject({ status: 'assigned', accepted_by: null, contact: null, team: { id: teams.B } });

    const row = await world.row(request.id);
    expect(row.events.slice(2)).toMatchObject([
      { kind: 'handed_over', team_id: teams.B, reason: 'too_far', actor_member_id: members.a1.id, detail: { from_team_id: teams.A, from_status: 'assigned' } },
      { kind: 'accepted', team_id: teams.B, actor_member_id: members.b1.id },
      { kind: 'released', status_after: 'assigned', team_id: teams.B, actor_member_id: members.b1.id },
    ]);
    const status = foundOnly(await callRpc(requestStatus, { code: request.code, phone: request.phone }, anonClient(stack)));
    expect(status.ok && status.data.steps.map((s) => s.step)).toEqual(['received', 'sent_to_team', 'sent_to_team', 'accepted', 'released']);
  });

  it('shows the new team members of the previous team by name or team only, never their emails', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code });
    // a2 has no name: within team A the email stands in for it.
    await callRpc(acceptRequest, { request_id: request.id }, as.a2);
    await callRpc(addRequestNote, { request_id: request.id, note: 'Đã gọi, hẹn chiều.' }, as.a2);
    const ownTeam = await callRpc(teamRequest, { request_id: request.id }, as.a2);
    expect(ownTeam.ok && ownTeam.data.notes[0].author).toBe(members.a2.email);
    const handed = await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.B, reason: 'too_far', note: null }, as.a2);
    expect(handed.ok).toBe(true);
    await callRpc(acceptRequest, { request_id: request.id }, as.b1);
    const seenByB = await callRpc(teamRequest, { request_id: request.id }, as.b1);
    expect(seenByB.ok).toBe(true);
    if (!seenByB.ok) return;
    const text = JSON.stringify(seenByB.data);
    for (const email of [members.a2.email, members.a1.email, members.leadA.email]) expect(text).not.toContain(email);
    const teamAName = await withSql(stack, async (sql) => (await sql.query('select name from app.teams where id = $1', [teams.A])).rows[0].name);
    expect(seenByB.data.notes[0].author).toBe(teamAName);
    expect(seenByB.data.events.find((e) => e.kind === 'handed_over')?.by).toBe(teamAName);
    // Team B's own member is still shown to B as before, and admins see everyone as before.
    expect(seenByB.data.accepted_by).toMatchObject({ name: members.b1.email, me: true });
    const seenByAdmin = await callRpc(teamRequest, { request_id: request.id }, as.admin);
    expect(seenByAdmin.ok && seenByAdmin.data.notes[0].author).toBe(members.a2.email);
  });

  it('refuses a hand-over to a full team, except by an admin', async () => {
    const filler = await world.book({ commune_code: QUANG_LA.code });
    await callRpc(handOverRequest, { request_id: filler.id, to_team_id: teams.C, reason: 'too_far', note: null }, as.a1);
    const request = await world.book({ commune_code: QUANG_LA.code });
    expect(await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.C, reason: 'too_far', note: null }, as.a1)).toMatchObject({ ok: false, code: 'team_full' });
    expect(await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.C, reason: 'other', note: null }, as.admin)).toMatchObject({ ok: true, data: { team: { id: teams.C } } });
    expect((await world.row(request.id)).events.at(-1)).toMatchObject({ kind: 'handed_over', actor: 'admin', actor_member_id: members.admin.id });
  });

  it('lets the admin see any team and the province pool, and assign from the pool', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code });
    await withSql(stack, (sql) =>
      sql.query(`update app.help_requests set status = 'unassigned', team_id = null, assigned_at = null where id = $1`, [request.id]),
    );
    const pool = await callRpc(teamQueue, { page_size: 500 }, as.admin);
    expect(pool.ok && pool.data.pool).toBe(true);
    expect(pool.ok && pool.data.items.map((i) => i.id)).toContain(request.id);
    const inPool = await callRpc(teamRequest, { request_id: request.id }, as.admin);
    expect(inPool.ok && inPool.data).toMatchObject({ status: 'unassigned', actions: ['note', 'hand_over'], contact: { phone: request.phone } });
    // Members of a team never see the pool's requests.
    expect(await callRpc(teamRequest, { request_id: request.id }, as.a1)).toMatchObject({ ok: false, code: 'not_found' });

    const teamA = await callRpc(teamQueue, { team_id: teams.A }, as.admin);
    expect(teamA.ok && teamA.data.team?.id).toBe(teams.A);
    expect(await callRpc(handOverRequest, { request_id: request.id, to_team_id: teams.A, reason: 'pool_assignment', note: null }, as.admin)).toMatchObject({ ok: true });
    const queue = await callRpc(teamQueue, {}, as.a1);
    expect(queue.ok && queue.data.items.map((i) => i.id)).toContain(request.id);
  });

  it('counts every open request in scope, and sends only the page_size oldest', async () => {
    const { D } = await world.teams([{ code: 'D', commune: KY_THUONG.code, lat: KY_THUONG.lat, lon: KY_THUONG.lon, radius: 3000, capacity: 50 }]);
    await world.member('d1', 'member', D, 'Thành viên D1');
    const d1 = await world.signIn('d1');
    // Seven open requests of team D, booked newest first: the queue must list them by age, not id.
    const booked: BookedRequest[] = [];
    for (let i = 0; i < 7; i += 1) booked.push(await world.book({ commune_code: QUANG_LA.code }));
    await withSql(stack, (sql) =>
      sql.query(
        `update app.help_requests h set status = 'assigned', team_id = $1, assigned_at = now(),
           created_at = now() - make_interval(mins => 10 * array_position($2::bigint[], h.id))
         where h.id = any($2)`,
        [D, booked.map((b) => b.id)],
      ),
    );
    const oldestFirst = booked.map((b) => b.id).reverse();
    // Three accepted: 7 open, 4 waiting.
    for (const id of [oldestFirst[0], oldestFirst[3], oldestFirst[6]]) expect((await callRpc(acceptRequest, { request_id: id }, d1)).ok).toBe(true);

    const page = await callRpc(teamQueue, { page_size: 3 }, d1);
    expect(page.ok && page.data).toMatchObject({ pool: false, team: { id: D }, total: 7, waiting: 4 });
    expect(page.ok && page.data.items.map((i) => i.id)).toEqual(oldestFirst.slice(0, 3));
    const whole = await callRpc(teamQueue, {}, d1);
    expect(whole.ok && whole.data).toMatchObject({ total: 7, waiting: 4 });
    expect(whole.ok && whole.data.items.map((i) => i.id)).toEqual(oldestFirst);
    for (const pageSize of [1, 7, 500]) {
      const answer = await callRpc(teamQueue, { page_size: pageSize }, d1);
      expect(answer.ok && [answer.data.total, answer.data.items.length]).toEqual([7, Math.min(pageSize, 7)]);
    }
    // A page size out of 1..500 is refused with the stable code, whoever asks.
    for (const pageSize of [0, -1, 501, null]) {
      expect({ pageSize, result: await callRpc(teamQueue, { page_size: pageSize }, d1) }).toMatchObject({ pageSize, result: { ok: false, code: 'payload_invalid' } });
      expect(await callRpc(teamQueue, { pool: true, page_size: pageSize }, as.admin)).toMatchObject({ ok: false, code: 'payload_invalid' });
    }

    // Still one's own team only, and the counts tell nothing about another team.
    expect(await callRpc(teamQueue, { team_id: teams.A, page_size: 1 }, d1)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(teamQueue, { team_id: D, page_size: 500 }, as.a1)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(teamQueue, { pool: true, page_size: 1 }, d1)).toMatchObject({ ok: false, code: 'forbidden' });
    const mineA = await callRpc(teamQueue, { page_size: 500 }, as.a1);
    expect(mineA.ok && mineA.data.items.map((i) => i.id).filter((id) => oldestFirst.includes(id))).toEqual([]);

    // Admins: any team by id, and the province pool with its true count.
    const teamD = await callRpc(teamQueue, { team_id: D, page_size: 2 }, as.admin);
    expect(teamD.ok && teamD.data).toMatchObject({ team: { id: D }, total: 7, waiting: 4 });
    expect(teamD.ok && teamD.data.items.map((i) => i.id)).toEqual(oldestFirst.slice(0, 2));
    await withSql(stack, (sql) =>
      sql.query(`update app.help_requests set status = 'unassigned', team_id = null, assigned_at = null where id = any($1)`, [
        [oldestFirst[1], oldestFirst[2]],
      ]),
    );
    const inPool = await withSql(stack, async (sql) =>
      (await sql.query(`select id::int as id from app.help_requests where status = 'unassigned' order by created_at, id`)).rows.map(
        (r) => r.id as number,
      ),
    );
    expect(inPool.length).toBeGreaterThanOrEqual(2);
    const pool = await callRpc(teamQueue, { pool: true, page_size: 1 }, as.admin);
    expect(pool.ok && pool.data).toMatchObject({ pool: true, team: null, total: inPool.length, waiting: inPool.length });
    expect(pool.ok && pool.data.items.map((i) => i.id)).toEqual(inPool.slice(0, 1));
    expect((await callRpc(teamQueue, { team_id: D }, as.admin))).toMatchObject({ ok: true, data: { total: 5, waiting: 2 } });
  });

  it('refuses every action once the citizen has cancelled, and erases the notes with the personal data', async () => {
    const request: BookedRequest = await world.book({ commune_code: QUANG_LA.code });
    await callRpc(acceptRequest, { request_id: request.id }, as.a1);
    await callRpc(addRequestNote, { request_id: request.id, note: 'Chị Hoa nhờ gọi sau 5 giờ chiều.' }, as.a1);
    const cancelled = foundOnly(await callRpc(cancelRequest, { code: request.code, phone: request.phone, reason: 'solved_myself', erase_personal_data: true }, anonClient(stack)));
    expect(cancelled.ok && cancelled.data).toMatchObject({ status: 'cancelled', personal_data_erased: true });
    expect(await callRpc(addRequestNote, { request_id: request.id, note: 'Còn ở đó không?' }, as.a1)).toMatchObject({ ok: false, code: 'request_closed' });
    expect(await callRpc(closeRequest, { request_id: request.id, outcome: 'citizen_cancelled', note: null }, as.a1)).toMatchObject({ ok: false, code: 'request_closed' });
    expect((await world.row(request.id)).notes).toBe(0);
    const detail = await callRpc(teamRequest, { request_id: request.id }, as.a1);
    expect(detail.ok && detail.data).toMatchObject({ status: 'cancelled', contact: null, notes: [], notes_count: 0 });
  });

  it('takes POST only, so nothing a member sends can travel in a URL', async () => {
    const token = (await as.a1.auth.getSession()).data.session!.access_token;
    const res = await fetch(`${stack.url}/rest/v1/rpc/team_queue?pool=false`, {
      headers: { apikey: stack.anonKey, authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(405);
  });
});
