/**
 * notify: drains the notification outbox (Supabase Edge Function, Deno).
 *
 * Called with the service-role key only: by pg_cron + pg_net every minute and by a trigger on each
 * new outbox row on Supabase (migration 20261128001950_notify_schedule.sql), by the local stack
 * within a second of a new row here. Any other caller gets 401. Each call claims due messages in
 * batches (public.notification_claim, executable by service_role only), sends them through the
 * channel adapters chosen by the environment (../_shared/config.ts) and reports the results
 * (public.notification_report): sent, retried with backoff, or dead with the reason. Two calls at
 * once never send the same message: claims lock rows with skip locked and lease them.
 *
 * Secrets (supabase secrets set …): VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT, and the
 * provider settings in ../_shared/config.ts. SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set by
 * the platform.
 */
import { createClient } from '@supabase/supabase-js';
import { deliveryConfig } from '../_shared/config.ts';
import { drainOutbox } from '../_shared/deliver.ts';

const supabaseUrl = Deno.env.get('SUPABASE_URL') ?? '';
const serviceKey = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? '';
const config = deliveryConfig(Deno.env.toObject());
const client = createClient(supabaseUrl, serviceKey, {
  auth: { persistSession: false, autoRefreshToken: false },
});

/** Compares two strings in constant time (their SHA-256 digests). */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  if (!expected) return false;
  const digest = async (value: string) =>
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

Deno.serve(async (request) => {
  if (request.method !== 'POST') return json(405, { error: 'post_required' });
  const bearer = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
  if (!(await sameSecret(bearer, serviceKey))) return json(401, { error: 'unauthorized' });
  try {
    const report = await drainOutbox(
      async (name, args) => {
        const { data, error } = await client.rpc(name, args);
        if (error) throw new Error(`${name}: ${error.message}`);
        return data;
      },
      config,
      { batchSize: Number(Deno.env.get('NOTIFY_BATCH_SIZE') ?? 50), budgetMs: Number(Deno.env.get('NOTIFY_BUDGET_MS') ?? 25_000) },
    );
    return json(200, report);
  } catch (error) {
    console.error('[notify]', error);
    return json(500, { error: error instanceof Error ? error.message : String(error) });
  }
});
