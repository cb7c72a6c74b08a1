import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS } from '../support/help-requests.ts';
import { KY_THUONG, QUANG_LA, TeamWorld, type TestMember } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { CONSENT_VERSION } from '../../src/lib/schemas/help-request.ts';
import {
  deletePushSubscription,
  myNotificationSettings,
  pushPublicKey,
  saveNotificationSettings,
  savePushSubscription,
} from '../../src/lib/api/notifications.ts';
import { acceptRequest, closeRequest } from '../../src/lib/api/team.ts';

/**
 * Which outbox rows each event writes, in the event's transaction (migration
 * 20261128001800_notification_events.sql), and the member settings behind them (20261128001700):
 * push to every device of the team's members and email to those who chose it when a request is
 * routed; the citizen's SMS only when they opted in; accept and close notify the team's other
 * members and the citizen; quiet hours make push silent and hold email; leaders are warned before
 * escalation, the accepting member reminded, admins told about the province pool.
 */

interface Row {
  channel: string;
  template: string;
  member_id: number | null;
  silent: boolean;
  to_phone: string | null;
  params: Record<string, unknown>;
  held: boolean;
}

describe.each(inject('stacks'))('notification events on $backend', (stack) => {
  const world = new TeamWorld(stack, 'notify-ev');
  const as: Record<string, SupabaseClient> = {};
  const members: Record<string, TestMember> = {};
  let restore: () => Promise<void>;
  let teamId: number;

  const rows = (requestId: number, after = 0) =>
    withSql(stack, async (sql) =>
      (await sql.query(
        `select channel, template, member_id::int, silent, to_phone, params, next_attempt_at > now() + interval '1 minute' as held
         from app.notification_outbox where request_id = $1 and id > $2 order by id`,
        [requestId, after],
      )).rows as Row[],
    );
  const lastId = () =>
    withSql(stack, async (sql) => Number((await sql.query('select coalesce(max(id), 0) as id from app.notification_outbox')).rows[0].id));

  const device = (n: number) => ({
    endpoint: `https://push.example.org/${world.prefix}/${n}`,
    p256dh: `B${'A'.repeat(86)}`,
    auth: 'A'.repeat(22),
    device_label: `Điện thoại ${n}`,
  });

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
    teamId = (await world.teams([
      { code: 'A', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon, radius: 3000, covers: [QUANG_LA.code] },
    ])).A;
    members.a1 = await world.member('a1', 'member', teamId);
    members.lead = await world.member('lead', 'leader', teamId);
    for (const key of ['a1', 'lead']) as[key] = await world.signIn(key);
    const saved = await callRpc(savePushSubscription, device(1), as.a1);
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    expect(await callRpc(savePushSubscription, device(2), as.lead)).toMatchObject({ ok: true });
    expect(await callRpc(saveNotificationSettings, { email_enabled: true, quiet_from: null, quiet_to: null }, as.lead))
      .toMatchObject({ ok: true, data: { email_enabled: true } });
  });

  afterAll(async () => {
    await world.cleanUp();
    await restore?.();
  });

  it('keeps one subscription per device, listed and removable by its owner only', async () => {
    const again = await callRpc(savePushSubscription, device(1), as.a1);
    const settings = await callRpc(myNotificationSettings, {}, as.a1);
    expect(settings.ok && settings.data.devices.map((d) => d.label)).toEqual(['Điện thoại 1']);
    expect(settings.ok && settings.data).toMatchObject({ email: members.a1.email, email_enabled: false, quiet_from: null });
    const key = await callRpc(pushPublicKey, {}, as.a1);
    expect(key.ok).toBe(true);
    const extra = await callRpc(savePushSubscription, device(9), as.a1);
    if (!again.ok || !extra.ok) throw new Error('save failed');
    expect(await callRpc(deletePushSubscription, { subscription_id: extra.data.id }, as.lead)).toMatchObject({ ok: true, data: { deleted: false } });
    expect(await callRpc(deletePushSubscription, { subscription_id: extra.data.id }, as.a1)).toMatchObject({ ok: true, data: { deleted: true } });
    expect(await callRpc(savePushSubscription, { ...device(3), endpoint: 'ftp://x' }, as.a1)).toMatchObject({ ok: false, code: 'subscription_invalid' });
    expect(await callRpc(saveNotificationSettings, { email_enabled: true, quiet_from: '22:00', quiet_to: null }, as.a1))
      .toMatchObject({ ok: false, code: 'quiet_hours_invalid' });
  });

  it('tells the team (push to each device, email if chosen) and the citizen who opted in, at booking', async () => {
    const booked = await world.book({ commune_code: QUANG_LA.code, message_channel: 'sms' });
    const written = await rows(booked.id);
    expect(written.map((r) => `${r.channel}:${r.template}:${r.member_id ?? ''}`).sort()).toEqual([
      `email:team_new_request:${members.lead.id}`,
      `push:team_new_request:${members.a1.id}`,
      `push:team_new_request:${members.lead.id}`,
      'sms:citizen_booked:',
    ].sort());
    const sms = written.find((r) => r.channel === 'sms');
    expect(sms?.to_phone).toBe(booked.phone);
    expect(sms?.params).toMatchObject({ reference_code: booked.code, verification_word: expect.any(String) });
    const push = written.find((r) => r.channel === 'push');
    expect(push?.params).toMatchObject({ url: `/doi/?yeu-cau=${booked.id}`, needs: ['vssid'] });
    // No personal data in what volunteers' devices receive.
    for (const r of written.filter((x) => x.channel !== 'sms')) {
      expect(JSON.stringify(r.params)).not.toContain(booked.phone);
      expect(JSON.stringify(r.params)).not.toContain(booked.name);
    }
    const stored = await withSql(stack, async (sql) =>
      (await sql.query('select message_channel, message_consent_version from app.help_requests where id = $1', [booked.id])).rows[0]);
    expect(stored).toEqual({ message_channel: 'sms', message_consent_version: CONSENT_VERSION });
  });

  it('sends the citizen nothing without their opt-in, and refuses an unknown channel', async () => {
    const refused = await withSql(stack, async (sql) =>
      sql.query(`select app.validate_help_request($1::jsonb)`, [JSON.stringify({
        idempotency_key: crypto.randomUUID(), name: 'Nguyễn Thị Lan', phone: '0912345678', commune_code: QUANG_LA.code,
        needs: ['vssid'], time_window: 'any', consent: true, consent_version: '2026-11-28', message_channel: 'fax' })]).then(
        () => 'accepted', (error: Error) => error.message));
    expect(refused).toBe('message_channel_invalid');
    const booked = await world.book({ commune_code: QUANG_LA.code });
    expect((await rows(booked.id)).filter((r) => r.channel === 'sms' || r.channel === 'zalo')).toEqual([]);
  });

  it('tells the other members and the citizen when a volunteer accepts and closes', async () => {
    const booked = await world.book({ commune_code: QUANG_LA.code, message_channel: 'zalo' });
    const before = await lastId();
    expect(await callRpc(acceptRequest, { request_id: booked.id }, as.a1)).toMatchObject({ ok: true });
    const accepted = await rows(booked.id, before);
    expect(accepted.map((r) => `${r.channel}:${r.template}:${r.member_id ?? ''}`).sort()).toEqual([
      `email:team_accepted:${members.lead.id}`,
      `push:team_accepted:${members.lead.id}`,
      'zalo:citizen_accepted:',
    ].sort());
    const middle = await lastId();
    expect(await callRpc(closeRequest, { request_id: booked.id, outcome: 'helped', note: null }, as.a1)).toMatchObject({ ok: true });
    const closed = await rows(booked.id, middle);
    expect(closed.map((r) => `${r.channel}:${r.template}`).sort()).toEqual(['email:team_closed', 'push:team_closed', 'zalo:citizen_closed']);
    expect(closed.find((r) => r.channel === 'zalo')?.params).toMatchObject({ outcome: 'helped', reference_code: booked.code });
  });

  it('makes push silent and holds email during quiet hours', async () => {
    // Quiet hours around the current Vietnam time.
    const now = await withSql(stack, async (sql) =>
      (await sql.query(`select to_char(now() at time zone 'Asia/Ho_Chi_Minh' - interval '1 hour', 'HH24:MI') as f,
                               to_char(now() at time zone 'Asia/Ho_Chi_Minh' + interval '2 hours', 'HH24:MI') as t`)).rows[0]);
    expect(await callRpc(saveNotificationSettings, { email_enabled: true, quiet_from: now.f, quiet_to: now.t }, as.lead))
      .toMatchObject({ ok: true, data: { quiet_from: now.f, quiet_to: now.t } });
    try {
      const booked = await world.book({ commune_code: QUANG_LA.code });
      const written = await rows(booked.id);
      const lead = written.filter((r) => r.member_id === members.lead.id);
      expect(lead.find((r) => r.channel === 'push')).toMatchObject({ silent: true, held: false });
      expect(lead.find((r) => r.channel === 'email')).toMatchObject({ silent: false, held: true });
      expect(written.find((r) => r.member_id === members.a1.id)).toMatchObject({ silent: false });
    } finally {
      await callRpc(saveNotificationSettings, { email_enabled: true, quiet_from: null, quiet_to: null }, as.lead);
    }
  });

  it('warns leaders before escalation, reminds the accepting member, once each', async () => {
    const waiting = await world.book({ commune_code: QUANG_LA.code });
    const taken = await world.book({ commune_code: QUANG_LA.code });
    expect(await callRpc(acceptRequest, { request_id: taken.id }, as.a1)).toMatchObject({ ok: true });
    await withSql(stack, async (sql) => {
      // 30 minutes before the deadline (6 h by default; warnings from 60 minutes before).
      await sql.query(`update app.help_requests set assigned_at = now() - app.accept_within() + interval '30 minutes' where id = $1`, [waiting.id]);
      await sql.query(`update app.help_requests set accepted_at = now() - interval '3 hours' where id = $1`, [taken.id]);
    });
    const before = await lastId();
    await withSql(stack, (sql) => sql.query('select app.run_notification_jobs()'));
    await withSql(stack, (sql) => sql.query('select app.run_notification_jobs()'));
    expect((await rows(waiting.id, before)).map((r) => `${r.channel}:${r.template}:${r.member_id}`).sort()).toEqual([
      `email:leader_escalation_warning:${members.lead.id}`,
      `push:leader_escalation_warning:${members.lead.id}`,
    ].sort());
    expect((await rows(taken.id, before)).map((r) => `${r.channel}:${r.template}:${r.member_id}`)).toEqual([
      `push:member_contact_reminder:${members.a1.id}`,
    ]);
  });

  it('tells the next team when escalation moves a request, and admins about the province pool', async () => {
    const teamB = (await world.teams([
      { code: 'B', commune: QUANG_LA.code, lat: QUANG_LA.lat + 0.018, lon: QUANG_LA.lon, radius: 3000 },
    ])).B;
    members.b1 = await world.member('b1', 'member', teamB);
    members.admin = await world.member('admin', 'admin', null);
    as.b1 = await world.signIn('b1');
    as.admin = await world.signIn('admin');
    expect(await callRpc(savePushSubscription, device(4), as.b1)).toMatchObject({ ok: true });
    expect(await callRpc(savePushSubscription, device(5), as.admin)).toMatchObject({ ok: true });

    const moved = await world.book({ commune_code: QUANG_LA.code });
    await world.age([moved.id], 24 * 60);
    const before = await lastId();
    await withSql(stack, (sql) => sql.query('select app.escalate_stale_requests()'));
    expect((await rows(moved.id, before)).map((r) => `${r.channel}:${r.template}:${r.member_id}`)).toEqual([
      `push:team_new_request:${members.b1.id}`,
    ]);

    // Nobody near Kỳ Thượng: the request waits in the province pool; admins hear once a day.
    await world.book({ commune_code: KY_THUONG.code });
    const restoreHour = await changeSettings(stack, { 'notifications.daily_summary_hour': 0 });
    try {
      await withSql(stack, (sql) => sql.query('select app.run_notification_jobs()'));
      await withSql(stack, (sql) => sql.query('select app.run_notification_jobs()'));
      const summaries = await withSql(stack, async (sql) =>
        (await sql.query(`select channel, member_id::int, params from app.notification_outbox
                          where template = 'admin_pool_summary' and id > $1`, [before])).rows);
      expect(summaries).toEqual([{ channel: 'push', member_id: members.admin.id, params: expect.objectContaining({ url: '/quan-tri/' }) }]);
      expect(summaries[0].params.count).toBeGreaterThanOrEqual(1);
    } finally {
      await restoreHour();
    }
  });
});
