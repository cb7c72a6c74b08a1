/**
 * Notifications (issue 13): how fast a booking reaches a volunteer's phone, and how many messages
 * two delivery workers send per minute without sending one twice.
 *
 * Latency: the local stack as `npm start` runs it (the notify Edge Function under real Deno, the
 * outbox polled every 250 ms), a push service played by tests/support/push-service.ts (it verifies
 * the VAPID signature and decrypts every payload), one subscribed member of the demo team Hồng Gai.
 * Each booking is sent through the gateway; the figure is from the moment request_help answered
 * (its transaction committed) to the moment the decrypted push arrived at the endpoint.
 *
 * Throughput: N SMS rows in the outbox, drained by two workers at once running the function's own
 * delivery loop (supabase/functions/_shared/deliver.ts) through PostgREST with the service-role key,
 * with an adapter that only counts (no provider in the way): messages per minute, and how many were
 * sent more than once (must be 0).
 *
 *   node --experimental-strip-types tests/bench/notifications.ts [--bookings 40] [--messages 2000]
 *
 * PostgreSQL rows use DATABASE_URL (or the default local server) in a temporary database.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from '@supabase/supabase-js';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { localAdapter, type ChannelAdapter } from '../../supabase/functions/_shared/channels.ts';
import { drainOutbox } from '../../supabase/functions/_shared/deliver.ts';
import { startPushService } from '../support/push-service.ts';
import { signedInClient } from '../support/clients.ts';
import { percentile, reachablePostgresUrl, table, type BenchSection } from './bench-kit.ts';

const RELAXED = `update app.settings set value = '{"max": 1000000, "window_seconds": 3600}'
                 where key like 'rate_limit.request_help.%'`;

async function latency(stack: Stack, bookings: number): Promise<number[]> {
  const push = await startPushService();
  try {
    const info = { backend: stack.backend, url: stack.url, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey,
      databaseUrl: stack.databaseUrl, mailboxUrl: `${stack.url}/auth/v1/mailbox.json` };
    const member = await signedInClient(info, 'to-hong-gai@example.org');
    const subscription = push.subscribe('bench');
    const saved = await member.rpc('save_push_subscription', { endpoint: subscription.endpoint, ...subscription.keys, device_label: 'bench' });
    if (saved.error) throw new Error(saved.error.message);
    const sql = new pg.Client({ connectionString: stack.databaseUrl });
    await sql.connect();
    await sql.query(RELAXED);
    // Keep the team under capacity so that every booking is routed to it.
    await sql.query(`update app.teams set capacity = 1000 where code = 'DEMO-HONGGAI'`);
    const consentVersion = (await sql.query(`select value ->> -1 as v from app.settings where key = 'consent.versions'`)).rows[0].v as string;
    await sql.end();
    const figures: number[] = [];
    for (let i = 0; i < bookings; i++) {
      const payload = {
        idempotency_key: crypto.randomUUID(), name: 'Nguyễn Thị Lan', phone: `09${String(10_000_000 + i).slice(-8)}`,
        commune_code: '06685', needs: ['vssid'], time_window: 'any', consent: true, consent_version: consentVersion,
        message_channel: 'sms',
      };
      const response = await fetch(`${stack.url}/rest/v1/rpc/request_help`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, authorization: `Bearer ${stack.anonKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ request: payload }),
      });
      if (!response.ok) throw new Error(`request_help ${response.status}: ${await response.text()}`);
      await response.json();
      const committed = performance.now();
      const before = push.received.length;
      const deadline = Date.now() + 10_000;
      while (push.received.length === before) {
        if (Date.now() > deadline) throw new Error('no push within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      figures.push(performance.now() - committed);
      // Spread the bookings over the poll phase.
      await new Promise((resolve) => setTimeout(resolve, 37 + Math.random() * 100));
    }
    if (push.errors.length) throw new Error(`push service: ${push.errors[0]}`);
    return figures;
  } finally {
    await push.stop();
  }
}

async function throughput(stack: Stack, messages: number) {
  const sql = new pg.Client({ connectionString: stack.databaseUrl });
  await sql.connect();
  await sql.query(`update app.notification_outbox set status = 'cancelled', finished_at = now(), lease_token = null
                   where status in ('pending', 'sending')`);
  await sql.query(
    `insert into app.notification_outbox (channel, template, params, dedupe_key, to_phone)
     select 'sms', 'lookup_code', jsonb_build_object('code', '123456', 'minutes', 10), 'bench:' || gen_random_uuid(), '0912345678'
     from generate_series(1, $1)`,
    [messages],
  );
  await sql.end();
  const client = createClient(stack.url, stack.serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const rpc = async (name: string, args: Record<string, unknown>) => {
    const { data, error } = await client.rpc(name, args);
    if (error) throw new Error(error.message);
    return data;
  };
  const counts = new Map<number, number>();
  const counting: ChannelAdapter = {
    name: 'counting',
    send: async (message) => {
      counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
      return { ok: true };
    },
  };
  const local = localAdapter();
  const config = { siteUrl: stack.url, adapters: { push: local, email: local, zalo: local, sms: counting } };
  const started = performance.now();
  await Promise.all([1, 2].map(() => drainOutbox(rpc, config, { batchSize: 100, budgetMs: 600_000 })));
  const seconds = (performance.now() - started) / 1000;
  const duplicates = [...counts.values()].filter((n) => n > 1).length;
  return { sent: counts.size, perMinute: Math.round((counts.size / seconds) * 60), duplicates, seconds };
}

export async function run(options: { bookings: number; messages: number } = { bookings: 40, messages: 2000 }): Promise<BenchSection> {
  const latencyRows: (string | number)[][] = [];
  const throughputRows: (string | number)[][] = [];
  const backends: { label: string; database: 'memory' | { postgresUrl: string } }[] = [{ label: 'PGlite', database: 'memory' }];
  const postgresUrl = await reachablePostgresUrl();
  if (postgresUrl) backends.push({ label: 'PostgreSQL', database: { postgresUrl } });
  const p95s: { label: string; p95: number }[] = [];
  const rates: { label: string; perMinute: number; duplicates: number; sent: number }[] = [];
  for (const backend of backends) {
    console.error(`  ${backend.label}: starting the stack…`);
    const stack = await startStack({ database: backend.database, seed: true, jobs: false, functions: true });
    try {
      console.error(`  ${backend.label}: latency…`);
      const figures = await latency(stack, options.bookings);
      const [p50, p95, max] = [percentile(figures, 50), percentile(figures, 95), Math.max(...figures)];
      p95s.push({ label: backend.label, p95 });
      latencyRows.push([backend.label, figures.length, `${p50.toFixed(0)} ms`, `${p95.toFixed(0)} ms`, `${max.toFixed(0)} ms`]);
      // The function's own poller is off for the throughput run: only the two workers drain.
      await stack.functions?.stop();
      console.error(`  ${backend.label}: throughput…`);
      const result = await throughput(stack, options.messages);
      rates.push({ label: backend.label, ...result });
      throughputRows.push([backend.label, result.sent, `${result.seconds.toFixed(1)} s`, result.perMinute.toLocaleString('en-US'), result.duplicates]);
    } finally {
      await stack.stop();
    }
  }
  return {
    title: 'Notifications: booking to push, and delivery throughput',
    body: [
      'Latency from `request_help` answering (committed) to the decrypted push arriving at the member\'s endpoint (local stack: notify under Deno, outbox polled every 250 ms; Web Push with VAPID + aes128gcm to a local push service):',
      '',
      table(['database', 'bookings', 'p50', 'p95', 'max'], latencyRows),
      '',
      'Two workers draining SMS rows at once through PostgREST (the function\'s delivery loop, batches of 100, an adapter that only counts):',
      '',
      table(['database', 'messages', 'time', 'messages/min', 'sent twice'], throughputRows),
    ].join('\n'),
    targets: [
      {
        id: 'notify-latency',
        target: 'notification latency, booking commit → delivered to the local endpoint, p95 ≤ 5 s',
        figure: p95s.map((r) => `p95 ${r.p95.toFixed(0)} ms (${r.label})`).join(', ') || 'no backend ran',
        met: p95s.length > 0 && p95s.every((r) => r.p95 <= 5000),
        note: `${options.bookings} bookings per database; the outbox is polled every 250 ms`,
      },
      {
        id: 'notify-throughput',
        target: 'notification throughput, two workers ≥ 1,000 messages/min, 0 duplicates',
        figure: rates.map((r) => `${r.perMinute.toLocaleString('en-US')}/min, ${r.duplicates} sent twice (${r.label})`).join('; ') || 'no backend ran',
        met: rates.length > 0 && rates.every((r) => r.perMinute >= 1000 && r.duplicates === 0 && r.sent === options.messages),
        note: `${options.messages.toLocaleString('en-US')} SMS rows, an adapter that only counts (no provider)`,
      },
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { bookings: { type: 'string' }, messages: { type: 'string' } } });
  const section = await run({ bookings: Number(values.bookings ?? 40), messages: Number(values.messages ?? 2000) });
  console.log(`## ${section.title}\n\n${section.body}`);
}
