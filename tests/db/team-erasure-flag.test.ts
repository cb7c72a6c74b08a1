import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS } from '../support/help-requests.ts';
import { QUANG_LA, TeamWorld } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { requestDataErasure } from '../../src/lib/api/status.ts';
import { acceptRequest, addRequestNote, closeRequest, teamQueue, teamRequest } from '../../src/lib/api/team.ts';

/**
 * The team workspace is told when the citizen asked for erasure while a team works on their request
 * (migration 20261128001100_team_workspace.sql): team_request and every action RPC say
 * erase_requested to whoever may see the request, and nobody else learns anything; closing erases
 * the data (20261128001300_personal_data_retention.sql) and the request then says
 * personal_data_erased.
 */

describe.each(inject('stacks'))('erasure flag in the team workspace on $backend', (stack) => {
  const world = new TeamWorld(stack, 'tw-erase');
  let restore: () => Promise<void>;
  let teams: Record<string, number>;
  const as: Record<string, SupabaseClient> = {};

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
    teams = await world.teams([
      { code: 'A', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon, radius: 3000, covers: [QUANG_LA.code] },
      { code: 'B', commune: QUANG_LA.code, lat: QUANG_LA.lat + 0.018, lon: QUANG_LA.lon, radius: 3000 },
    ]);
    await world.member('a1', 'member', teams.A, 'Thành viên A1');
    await world.member('a2', 'member', teams.A);
    await world.member('lead-a', 'leader', teams.A);
    await world.member('b1', 'member', teams.B);
    await world.member('admin', 'admin', null);
    for (const key of ['a1', 'a2', 'lead-a', 'b1', 'admin', 'outsider']) as[key] = await world.signIn(key);
  });

  afterAll(async () => {
    await world.cleanUp();
    await restore?.();
  });

  it('says erase_requested to every member who may see the request, and to nobody else', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code, name: 'Lê Thị Mai' });
    expect((await world.row(request.id)).team_id).toBe(teams.A);
    const accepted = await callRpc(acceptRequest, { request_id: request.id }, as.a1);
    expect(accepted.ok && accepted.data).toMatchObject({ status: 'accepted', erase_requested: false, personal_data_erased: false });

    // The citizen asks on /tra-cuu/: a team is working on it, so it is flagged, not erased yet.
    expect(await callRpc(requestDataErasure, { code: request.code, phone: request.phone }, anonClient(stack))).toEqual({
      ok: true,
      data: { found: true, status: 'accepted', erased: false, erase_requested: true },
    });

    // Who accepted it still sees the contact details (to finish the job), and the flag.
    const mine = await callRpc(teamRequest, { request_id: request.id }, as.a1);
    expect(mine.ok && mine.data).toMatchObject({
      erase_requested: true,
      personal_data_erased: false,
      contact: { name: 'Lê Thị Mai', phone: request.phone },
    });
    expect(mine.ok && mine.data.events.map((e) => e.kind)).toEqual(['received', 'assigned', 'accepted', 'erasure_requested']);
    // The queue says so too (no personal data in it), so the volunteer sees it before opening it.
    const queue = await callRpc(teamQueue, {}, as.a1);
    expect(queue.ok && queue.data.items.find((item) => item.id === request.id)).toMatchObject({ erase_requested: true });
    expect(queue.ok && JSON.stringify(queue.data)).not.toContain(request.phone);
    // Every RPC that answers with the request carries it.
    const noted = await callRpc(addRequestNote, { request_id: request.id, note: 'Đã gọi, hẹn mai' }, as.a1);
    expect(noted.ok && noted.data.erase_requested).toBe(true);
    // The teammate, the leader and admins see the request, so they see the flag too.
    for (const who of ['a2', 'lead-a', 'admin']) {
      const seen = await callRpc(teamRequest, { request_id: request.id }, as[who]);
      expect({ who, seen: seen.ok && seen.data.erase_requested }).toEqual({ who, seen: true });
    }
    // Another team and a person on no team learn nothing, not even that the request exists.
    expect(await callRpc(teamRequest, { request_id: request.id }, as.b1)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await callRpc(teamRequest, { request_id: request.id }, as.outsider)).toMatchObject({ ok: false, code: 'not_member' });
    const otherQueue = await callRpc(teamQueue, {}, as.b1);
    expect(otherQueue.ok && otherQueue.data.items.map((i) => i.id)).not.toContain(request.id);
    expect(JSON.stringify(otherQueue)).not.toContain(request.code);

    // Closing erases the personal data at once; the answer says so and holds none of it.
    const closed = await callRpc(closeRequest, { request_id: request.id, outcome: 'helped', note: null }, as.a1);
    expect(closed.ok && closed.data).toMatchObject({
      status: 'closed',
      erase_requested: false,
      personal_data_erased: true,
      contact: null,
      notes: [],
    });
    expect(JSON.stringify(closed)).not.toContain(request.phone);
    expect(JSON.stringify(closed)).not.toContain('Lê Thị Mai');
    // (The erasure's event is written by a trigger of the closing update, so within that moment it
    // may come before the "closed" event.)
    const kinds = closed.ok ? closed.data.events.map((e) => e.kind) : [];
    expect(kinds.slice(0, 5)).toEqual(['received', 'assigned', 'accepted', 'erasure_requested', 'noted']);
    expect(kinds.slice(5).sort()).toEqual(['closed', 'personal_data_erased']);
    const later = await callRpc(teamRequest, { request_id: request.id }, as.a2);
    expect(later.ok && later.data).toMatchObject({ erase_requested: false, personal_data_erased: true });
  });

  it('says neither for a request whose citizen asked for nothing', async () => {
    const request = await world.book({ commune_code: QUANG_LA.code });
    const waiting = await callRpc(teamRequest, { request_id: request.id }, as.a2);
    expect(waiting.ok && waiting.data).toMatchObject({ status: 'assigned', erase_requested: false, personal_data_erased: false });
    const queue = await callRpc(teamQueue, {}, as.a1);
    expect(queue.ok && queue.data.items.find((item) => item.id === request.id)).toMatchObject({ erase_requested: false });
    await callRpc(acceptRequest, { request_id: request.id }, as.a2);
    const closed = await callRpc(closeRequest, { request_id: request.id, outcome: 'helped', note: null }, as.a2);
    // Closed without an erasure request: kept until the retention period ends.
    expect(closed.ok && closed.data).toMatchObject({ status: 'closed', erase_requested: false, personal_data_erased: false });
  });
});
