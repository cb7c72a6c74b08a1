import http from 'node:http';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { StackInfo } from '../support/backends.ts';
import { anonClient, withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS } from '../support/help-requests.ts';
import { TeamWorld } from '../support/team.ts';
import { localAdapter, smsHttpAdapter, type ChannelAdapter } from '../../supabase/functions/_shared/channels.ts';
import type { DeliveryConfig } from '../../supabase/functions/_shared/config.ts';
import { drainOutbox, type RpcCall } from '../../supabase/functions/_shared/deliver.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { adminDeadNotifications } from '../../src/lib/api/notifications.ts';
import { requestDataErasure } from '../../src/lib/api/status.ts';

/**
 * The outbox and its delivery RPCs (migration 20261128001700_notification_outbox.sql) driven by the
 * notify function's own delivery loop (supabase/functions/_shared/deliver.ts, here under Node with
 * supabase-js and the service-role key, as the function runs it under Deno): two workers never send
 * a message twice, a failing provider is retried with backoff and then given up with the reason, a
 * message whose request was erased is not sent, and only service_role may claim.
 */

function serviceRpc(stack: StackInfo): RpcCall {
  const client = createClient(stack.url, stack.serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } });
  return async (name, args) => {
    const { data, error } = await client.rpc(name, args);
    if (error) throw new Error(`${name}: ${error.message}`);
    return data;
  };
}

/** An adapter that counts what it is asked to send, per outbox id. */
function countingAdapter(delayMs = 0): ChannelAdapter & { sent: Map<number, number> } {
  const sent = new Map<number, number>();
  return {
    name: 'counting',
    sent,
    async send(message) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      sent.set(message.id, (sent.get(message.id) ?? 0) + 1);
      return { ok: true };
    },
  };
}

function configWith(adapters: Partial<DeliveryConfig['adapters']>): DeliveryConfig {
  const local = localAdapter();
  return { siteUrl: 'http://localhost:4321', adapters: { push: local, email: local, sms: local, zalo: local, ...adapters } };
}

/** Nothing else is due: earlier files' messages are set aside. */
async function clearDue(stack: StackInfo) {
  await withSql(stack, (sql) =>
    sql.query(`update app.notification_outbox set status = 'cancelled', finished_at = now(), lease_token = null
               where status in ('pending', 'sending')`),
  );
}

/** Inserts n SMS messages (look-up codes, no request) and returns their ids. */
async function insertMessages(stack: StackInfo, n: number, label: string): Promise<number[]> {
  return withSql(stack, async (sql) => {
    const rows = await sql.query(
      `insert into app.notification_outbox (channel, template, params, dedupe_key, to_phone)
       select 'sms', 'lookup_code', jsonb_build_object('code', lpad(i::text, 6, '0'), 'minutes', 10),
              $1 || ':' || i, '0912345678'
       from generate_series(1, $2) i returning id`,
      [`test-${label}-${Math.random().toString(36).slice(2)}`, n],
    );
    return rows.rows.map((row) => Number(row.id));
  });
}

async function statuses(stack: StackInfo, ids: number[]) {
  return withSql(stack, async (sql) =>
    (await sql.query(
      `select id::int, status, attempts, last_error, to_phone, next_attempt_at, now() as now
       from app.notification_outbox where id = any($1) order by id`,
      [ids],
    )).rows as { id: number; status: string; attempts: number; last_error: string | null; to_phone: string | null; next_attempt_at: Date; now: Date }[],
  );
}

describe.each(inject('stacks'))('notification outbox on $backend', (stack) => {
  const rpc = serviceRpc(stack);
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await changeSettings(stack, {
      ...RELAXED_LIMITS,
      'notifications.retry_base_seconds': 0,
      'notifications.max_attempts': 3,
    });
  });
  afterAll(() => restore?.());
  beforeEach(() => clearDue(stack));

  it('sends each of 1,000 messages exactly once with two workers at once', async () => {
    const ids = await insertMessages(stack, 1000, 'twice');
    const adapter = countingAdapter(1);
    const config = configWith({ sms: adapter });
    const [a, b] = await Promise.all([
      drainOutbox(rpc, config, { batchSize: 50, budgetMs: 120_000 }),
      drainOutbox(rpc, config, { batchSize: 50, budgetMs: 120_000 }),
    ]);
    expect(a.claimed + b.claimed).toBe(1000);
    expect(a.claimed).toBeGreaterThan(0);
    expect(b.claimed).toBeGreaterThan(0);
    expect(ids.filter((id) => adapter.sent.get(id) !== 1)).toEqual([]);
    expect(adapter.sent.size).toBe(1000);
    const rows = await statuses(stack, ids);
    expect(rows.filter((row) => row.status !== 'sent' || row.attempts !== 1)).toEqual([]);
    // A sent message keeps no phone number.
    expect(rows.filter((row) => row.to_phone !== null)).toEqual([]);
  }, 180_000);

  it('retries a failing provider, then gives up with the reason', async () => {
    let hits = 0;
    const provider = http.createServer((_req, res) => {
      hits += 1;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('provider down');
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const port = (provider.address() as { port: number }).port;
    try {
      const [id] = await insertMessages(stack, 1, 'failing');
      const config = configWith({ sms: smsHttpAdapter({ url: `http://127.0.0.1:${port}/send`, apiKey: 'k', brandname: 'TGSQN' }) });
      const report = await drainOutbox(rpc, config, { budgetMs: 30_000 });
      expect(report).toMatchObject({ claimed: 3, retried: 2, dead: 1, sent: 0 });
      expect(hits).toBe(3);
      const [row] = await statuses(stack, [id]);
      expect(row).toMatchObject({ status: 'dead', attempts: 3, to_phone: null });
      expect(row.last_error).toBe('sms HTTP 503: provider down');
    } finally {
      provider.close();
    }
  });

  it('waits longer after each failure, with jitter', async () => {
    const restoreBase = await changeSettings(stack, { 'notifications.retry_base_seconds': 30, 'notifications.retry_max_seconds': 3600 });
    try {
      const delays = await withSql(stack, async (sql) =>
        (await sql.query(
          `select a, extract(epoch from app.notification_backoff(a))::float as s
           from generate_series(1, 4) a, generate_series(1, 20) r order by a`,
        )).rows as { a: number; s: number }[],
      );
      for (const attempt of [1, 2, 3, 4]) {
        const seconds = delays.filter((d) => d.a === attempt).map((d) => d.s);
        const base = 30 * 2 ** (attempt - 1);
        expect(Math.min(...seconds)).toBeGreaterThanOrEqual(base * 0.5);
        expect(Math.max(...seconds)).toBeLessThanOrEqual(base * 1.5);
        expect(new Set(seconds.map((s) => s.toFixed(3))).size).toBeGreaterThan(1);
      }
      // One failure through the RPCs: due again only after the backoff.
      const [id] = await insertMessages(stack, 1, 'backoff');
      const failing: ChannelAdapter = { name: 'down', send: async () => ({ ok: false, error: 'down' }) };
      const report = await drainOutbox(rpc, configWith({ sms: failing }));
      expect(report).toMatchObject({ claimed: 1, retried: 1 });
      const [row] = await statuses(stack, [id]);
      const wait = (row.next_attempt_at.getTime() - row.now.getTime()) / 1000;
      expect(row.status).toBe('pending');
      expect(wait).toBeGreaterThan(14);
      expect(wait).toBeLessThanOrEqual(45.5);
    } finally {
      await restoreBase();
    }
  });

  it('does not send a citizen message whose request was erased', async () => {
    const world = new TeamWorld(stack, 'outbox-erase');
    try {
      const booked = await world.book({ message_channel: 'sms' });
      const erased = await callRpc(requestDataErasure, { code: booked.code, phone: booked.phone }, anonClient(stack));
      expect(erased).toMatchObject({ ok: true, data: { found: true, erased: true } });
      const adapter = countingAdapter();
      await drainOutbox(rpc, configWith({ sms: adapter }));
      expect(adapter.sent.size).toBe(0);
      const rows = await withSql(stack, async (sql) =>
        (await sql.query(
          `select channel, template, status, last_error, to_phone from app.notification_outbox where request_id = $1`,
          [booked.id],
        )).rows,
      );
      expect(rows).toEqual([{ channel: 'sms', template: 'citizen_booked', status: 'cancelled', last_error: 'request_erased', to_phone: null }]);
    } finally {
      await world.cleanUp();
    }
  });

  it('lets only service_role claim or report, and shows admins the dead messages', async () => {
    const world = new TeamWorld(stack, 'outbox-rights');
    try {
      for (const client of [anonClient(stack)]) {
        const claim = await client.rpc('notification_claim', { batch_size: 1 });
        expect(claim.error?.code).toBe('42501');
        const report = await client.rpc('notification_report', { results: [] });
        expect(report.error?.code).toBe('42501');
      }
      await world.member('admin', 'admin', null);
      await world.member('plain', 'member', (await world.teams([{ code: 'X', commune: '06685', lat: 20.95, lon: 107.08, radius: 1000 }])).X);
      const member = await world.signIn('plain');
      expect((await member.rpc('notification_claim', { batch_size: 1 })).error?.code).toBe('42501');
      const refused = await callRpc(adminDeadNotifications, {}, member);
      expect(refused).toMatchObject({ ok: false, code: 'forbidden' });

      const admin: SupabaseClient = await world.signIn('admin');
      const listed = await callRpc(adminDeadNotifications, { page_size: 5 }, admin);
      expect(listed.ok).toBe(true);
      if (!listed.ok) return;
      expect(listed.data.total).toBeGreaterThanOrEqual(1);
      expect(listed.data.messages[0]).toMatchObject({ channel: 'sms', template: 'lookup_code', last_error: expect.any(String) });
      expect(JSON.stringify(listed.data)).not.toContain('0912345678');
    } finally {
      await world.cleanUp();
    }
  });

  it('claims again a message whose worker died, ignores the dead worker\'s late report, and purges old rows', async () => {
    const [id] = await insertMessages(stack, 1, 'lease');
    // A worker claims and never reports (it crashed): the row stays leased.
    const claimed = (await rpc('notification_claim', { batch_size: 10 })) as { messages: { id: number; token: string }[] };
    const lost = claimed.messages.find((m) => m.id === id)!;
    expect(lost).toBeDefined();
    const adapter = countingAdapter();
    await drainOutbox(rpc, configWith({ sms: adapter }));
    expect(adapter.sent.has(id)).toBe(false);
    // The lease runs out: another worker sends it.
    await withSql(stack, (sql) => sql.query(`update app.notification_outbox set next_attempt_at = now() - interval '1 second' where id = $1`, [id]));
    await drainOutbox(rpc, configWith({ sms: adapter }));
    expect(adapter.sent.get(id)).toBe(1);
    const late = (await rpc('notification_report', { results: [{ id, token: lost.token, ok: false, error: 'late' }] })) as Record<string, number>;
    expect(late).toMatchObject({ ignored: 1, retried: 0 });
    expect((await statuses(stack, [id]))[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: null });

    // Finished rows go after notifications.keep_days (30): the purge of the scheduled jobs.
    await withSql(stack, (sql) => sql.query(`update app.notification_outbox set finished_at = now() - interval '31 days' where id = $1`, [id]));
    await withSql(stack, (sql) => sql.query('select app.run_scheduled_jobs()'));
    expect(await statuses(stack, [id])).toEqual([]);
  });
});
