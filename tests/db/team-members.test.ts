import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { signedInClient, withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS } from '../support/help-requests.ts';
import { KY_THUONG, TeamWorld, type TestMember } from '../support/team.ts';
import { LOCAL_JWT_SECRET } from '../../supabase/local/config.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { requestStatistics } from '../../src/lib/api/admin.ts';
import { acceptRequest, addTeamMember, removeTeamMember, teamList, teamMembers, teamQueue, teamSession } from '../../src/lib/api/team.ts';

/**
 * Membership through supabase-js and PostgREST with real sign-ins: people listed by email before
 * they ever sign in, bound to their account at the first sign-in with a code; leaders managing their
 * own team, admins every team; removal ending access at once; the admins of the earlier
 * app.admins table folded in.
 */

describe.each(inject('stacks'))('team members on $backend', (stack) => {
  const world = new TeamWorld(stack, 'tm');
  let restore: () => Promise<void>;
  let teams: Record<string, number>;
  const members: Record<string, TestMember> = {};
  const as: Record<string, SupabaseClient> = {};

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
    teams = await world.teams([
      { code: 'X', commune: KY_THUONG.code, lat: KY_THUONG.lat, lon: KY_THUONG.lon, radius: 3000, covers: [KY_THUONG.code] },
      { code: 'Y', commune: KY_THUONG.code, lat: KY_THUONG.lat + 0.3, lon: KY_THUONG.lon, radius: 1000 },
    ]);
    members.leadX = await world.member('lead-x', 'leader', teams.X);
    members.x1 = await world.member('x1', 'member', teams.X);
    members.leadY = await world.member('lead-y', 'leader', teams.Y);
    members.admin = await world.member('admin', 'admin', null);
    for (const key of ['lead-x', 'x1', 'lead-y', 'admin']) as[key] = await world.signIn(key);
  });

  afterAll(async () => {
    await world.cleanUp();
    await restore();
  });

  it('binds a person listed by email to their account at the first sign-in with a code', async () => {
    const invited = await world.member('invited', 'member', teams.X, 'Người được mời');
    const before = await withSql(stack, (sql) => sql.query('select user_id from app.members where id = $1', [invited.id]));
    expect(before.rows[0].user_id).toBeNull();

    const client = await world.signIn('invited');
    const session = await callRpc(teamSession, {}, client);
    expect(session.ok && session.data.member).toMatchObject({
      id: invited.id,
      email: invited.email,
      role: 'member',
      signed_in: true,
      team: { id: teams.X, commune_name: 'Xã Kỳ Thượng' },
    });
    const userId = (await client.auth.getUser()).data.user!.id;
    const after = await withSql(stack, (sql) =>
      sql.query('select user_id, first_signed_in_at from app.members where id = $1', [invited.id]),
    );
    expect(after.rows[0].user_id).toBe(userId);
    expect(after.rows[0].first_signed_in_at).not.toBeNull();
  });

  it('never lets a session signed in without an emailed code claim an invitation', async () => {
    // An account with the invited email, signed in some other way (a password sign-up on a project
    // without email confirmation): its token carries the email, but amr says "password".
    const invited = await world.member('claimed', 'leader', teams.X);
    const userId = crypto.randomUUID();
    await withSql(stack, (sql) =>
      sql.query('insert into auth.users (id, email, email_confirmed_at) values ($1, $2, now())', [userId, invited.email]),
    );
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      aud: 'authenticated',
      role: 'authenticated',
      email: invited.email,
      amr: [{ method: 'password', timestamp: now }],
      session_id: crypto.randomUUID(),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(LOCAL_JWT_SECRET));
    const res = await fetch(`${stack.url}/rest/v1/rpc/team_session`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await res.json()).toEqual({ member: null });
    const row = await withSql(stack, (sql) => sql.query('select user_id from app.members where id = $1', [invited.id]));
    expect(row.rows[0].user_id).toBeNull();
  });

  it('lets a leader list, add and remove the members of their own team only', async () => {
    const list = await callRpc(teamMembers, { team_id: null }, as['lead-x']);
    expect(list.ok && list.data.map((m) => m.email)).toEqual(
      expect.arrayContaining([members.leadX.email, members.x1.email]),
    );
    expect(list.ok && list.data[0].role).toBe('leader');
    expect(list.ok && list.data.map((m) => m.email)).not.toContain(members.leadY.email);

    const added = await callRpc(addTeamMember, { email: `  ${world.email('new').toUpperCase()} `, name: ' Lê  Thị Mai ' }, as['lead-x']);
    expect(added).toMatchObject({ ok: true, data: { email: world.email('new'), name: 'Lê Thị Mai', role: 'member', team_id: teams.X, signed_in: false } });
    expect(await callRpc(addTeamMember, { email: world.email('new') }, as['lead-x'])).toMatchObject({ ok: false, code: 'member_exists' });
    expect(await callRpc(addTeamMember, { email: 'not-an-email' }, as['lead-x'])).toMatchObject({ ok: false, code: 'email_invalid' });
    expect(await callRpc(addTeamMember, { email: world.email('x2'), name: '<b>' }, as['lead-x'])).toMatchObject({ ok: false, code: 'name_invalid' });
    expect(await callRpc(addTeamMember, { email: world.email('boss'), role: 'admin' }, as['lead-x'])).toMatchObject({ ok: false, code: 'role_invalid' });
    expect(await callRpc(addTeamMember, { email: world.email('spy'), team_id: teams.Y }, as['lead-x'])).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(teamMembers, { team_id: teams.Y }, as['lead-x'])).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(addTeamMember, { email: world.email('co-lead'), role: 'leader' }, as['lead-x'])).toMatchObject({ ok: true, data: { role: 'leader' } });

    // The new member signs in and works for team X.
    const newcomer = await world.signIn('new');
    const queue = await callRpc(teamQueue, {}, newcomer);
    expect(queue.ok && queue.data.team?.id).toBe(teams.X);

    // Leaders cannot remove someone of another team, an admin, or themselves.
    expect(await callRpc(removeTeamMember, { member_id: members.leadY.id }, as['lead-x'])).toMatchObject({ ok: false, code: 'not_found' });
    expect(await callRpc(removeTeamMember, { member_id: members.leadX.id }, as['lead-x'])).toMatchObject({ ok: false, code: 'cannot_remove_self' });
    const newId = added.ok ? added.data.id : 0;
    expect(await callRpc(removeTeamMember, { member_id: newId }, as['lead-x'])).toEqual({ ok: true, data: { removed: true, released: 0 } });
    // Removal ends access at once, even with a valid session.
    expect(await callRpc(teamQueue, {}, newcomer)).toMatchObject({ ok: false, code: 'not_member' });
    expect(await callRpc(teamSession, {}, newcomer)).toEqual({ ok: true, data: { member: null } });
  });

  it('keeps plain members out of member management', async () => {
    expect(await callRpc(teamMembers, { team_id: null }, as.x1)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(addTeamMember, { email: world.email('friend') }, as.x1)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(removeTeamMember, { member_id: members.leadX.id }, as.x1)).toMatchObject({ ok: false, code: 'forbidden' });
    const teamsSeen = await callRpc(teamList, {}, as.x1);
    expect(teamsSeen.ok && teamsSeen.data.map((t) => t.id)).toEqual([teams.X]);
  });

  it('gives a removed member’s accepted requests back to their team', async () => {
    const helper = await world.member('helper', 'member', teams.X);
    const client = await world.signIn('helper');
    const request = await world.book({ commune_code: KY_THUONG.code });
    expect((await world.row(request.id)).team_id).toBe(teams.X);
    await callRpc(acceptRequest, { request_id: request.id }, client);
    expect(await callRpc(removeTeamMember, { member_id: helper.id }, as['lead-x'])).toEqual({ ok: true, data: { removed: true, released: 1 } });
    const row = await world.row(request.id);
    expect(row).toMatchObject({ status: 'assigned', accepted_by: null, team_id: teams.X });
    expect(row.events.at(-1)).toMatchObject({ kind: 'released', reason: 'member_removed', actor: 'team', actor_member_id: members.leadX.id });
    expect(await callRpc(acceptRequest, { request_id: request.id }, client)).toMatchObject({ ok: false, code: 'not_member' });
  });

  it('lets an admin manage every team’s members, and other admins', async () => {
    const allTeams = await callRpc(teamList, {}, as.admin);
    expect(allTeams.ok && allTeams.data.map((t) => t.id)).toEqual(expect.arrayContaining([teams.X, teams.Y]));
    const listY = await callRpc(teamMembers, { team_id: teams.Y }, as.admin);
    expect(listY.ok && listY.data.map((m) => m.email)).toEqual([members.leadY.email]);
    const added = await callRpc(addTeamMember, { email: world.email('y2'), team_id: teams.Y, role: 'leader' }, as.admin);
    expect(added).toMatchObject({ ok: true, data: { team_id: teams.Y, role: 'leader' } });
    const admin2 = await callRpc(addTeamMember, { email: world.email('admin2'), role: 'admin' }, as.admin);
    expect(admin2).toMatchObject({ ok: true, data: { team_id: null, role: 'admin' } });
    const admins = await callRpc(teamMembers, { team_id: null }, as.admin);
    expect(admins.ok && admins.data.map((m) => m.email)).toEqual(expect.arrayContaining([members.admin.email, world.email('admin2')]));
    expect(await callRpc(removeTeamMember, { member_id: members.admin.id }, as.admin)).toMatchObject({ ok: false, code: 'cannot_remove_self' });
    expect(await callRpc(removeTeamMember, { member_id: admin2.ok ? admin2.data.id : 0 }, as.admin)).toMatchObject({ ok: true });
    // A leader may not remove an admin even when the admin is on their team.
    const onTeam = await callRpc(addTeamMember, { email: world.email('admin3'), team_id: teams.X, role: 'admin' }, as.admin);
    expect(await callRpc(removeTeamMember, { member_id: onTeam.ok ? onTeam.data.id : 0 }, as['lead-x'])).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('keeps app.admins and app.is_admin() working: admins are members with the admin role', async () => {
    const email = world.email('poster-admin');
    const client = await signedInClient(stack, email);
    const userId = (await client.auth.getUser()).data.user!.id;
    expect(await callRpc(requestStatistics, {}, client)).toMatchObject({ ok: false, code: 'forbidden' });

    await withSql(stack, (sql) => sql.query('insert into app.admins (user_id) values ($1)', [userId]));
    expect((await callRpc(requestStatistics, {}, client)).ok).toBe(true);
    const session = await callRpc(teamSession, {}, client);
    expect(session.ok && session.data.member).toMatchObject({ email, role: 'admin', team: null });
    const listed = await withSql(stack, (sql) => sql.query('select count(*)::int as n from app.admins where user_id = $1', [userId]));
    expect(listed.rows[0].n).toBe(1);
    // The seeded admin of the demo data is one too (by email, before ever signing in).
    const seeded = await withSql(stack, (sql) =>
      sql.query("select role, team_id from app.members where email = 'admin@example.org' and removed_at is null"),
    );
    expect(seeded.rows).toEqual([{ role: 'admin', team_id: null }]);

    await withSql(stack, (sql) => sql.query('delete from app.admins where user_id = $1', [userId]));
    expect(await callRpc(requestStatistics, {}, client)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(teamSession, {}, client)).toEqual({ ok: true, data: { member: null } });
  });
});
