/**
 * The delivery loop of the notify Edge Function: claim a batch (public.notification_claim, rows
 * locked with skip locked and leased to this call), render and send each message through its
 * channel's adapter, report the results (public.notification_report), and go on until the outbox
 * has nothing due or the time budget is spent. Runtime-neutral: the function passes its supabase-js
 * client's rpc, the tests theirs.
 */
import type { ChannelAdapter, ClaimedMessage, Rendered, SendOutcome } from './channels.ts';
import type { DeliveryConfig } from './config.ts';
import { citizenSms, citizenZalo, teamEmail, teamNotice, zaloPhone } from './messages.ts';

/** Calls an RPC and returns its data, or throws. */
export type RpcCall = (name: string, args: Record<string, unknown>) => Promise<unknown>;

export interface DrainOptions {
  batchSize?: number;
  /** Stop claiming after this many milliseconds (a call should end well before the platform's limit). */
  budgetMs?: number;
  /** Messages sent at once within a batch. */
  concurrency?: number;
}

export interface DrainReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  cancelled: number;
  ignored: number;
}

/** What a message says and to whom, for its channel. */
export function render(message: ClaimedMessage, siteUrl: string): Rendered {
  const to = message.to;
  const endpoint = to && 'endpoint' in to ? to.endpoint : '';
  const email = to && 'email' in to ? to.email : '';
  const phone = to && 'phone' in to ? (to.phone ?? '') : '';
  switch (message.channel) {
    case 'push': {
      const payload = teamNotice(message.template, message.params, message.silent);
      return { to: endpoint, text: payload.body, subject: payload.title, payload };
    }
    case 'email': {
      const mail = teamEmail(message.template, message.params, siteUrl);
      return { to: email, text: mail.text, subject: mail.subject };
    }
    case 'sms':
      return { to: zaloPhone(phone), text: citizenSms(message.template, message.params, siteUrl) };
    case 'zalo': {
      const zns = citizenZalo(message.template, message.params);
      return { to: zaloPhone(phone), text: zns.text, payload: zns.templateData };
    }
  }
}

/** Local stack only: records the message and its outcome on the local outbox page. */
async function mirror(url: string, message: ClaimedMessage, rendered: Rendered, outcome: SendOutcome): Promise<void> {
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: message.id,
      channel: message.channel,
      template: message.template,
      to: rendered.to,
      subject: rendered.subject ?? null,
      text: rendered.text,
      payload: rendered.payload ?? null,
      status: outcome.ok ? 'sent' : outcome.gone ? 'gone' : 'failed',
      error: outcome.error ?? null,
      attempt: message.attempt,
    }),
  })
    .then((response) => response.body?.cancel())
    .catch(() => {});
}

async function sendOne(config: DeliveryConfig, message: ClaimedMessage) {
  let outcome: SendOutcome;
  let rendered: Rendered | null = null;
  try {
    rendered = render(message, config.siteUrl);
    const adapter: ChannelAdapter = config.adapters[message.channel];
    outcome = await adapter.send(message, rendered);
  } catch (error) {
    outcome = { ok: false, permanent: true, error: `render: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (config.mirrorUrl && rendered) await mirror(config.mirrorUrl, message, rendered, outcome);
  return { id: message.id, token: message.token, ...outcome };
}

/** Sends until nothing is due or the budget is spent; returns the counts. */
export async function drainOutbox(rpc: RpcCall, config: DeliveryConfig, options: DrainOptions = {}): Promise<DrainReport> {
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 16;
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const report: DrainReport = { claimed: 0, sent: 0, retried: 0, dead: 0, cancelled: 0, ignored: 0 };
  while (Date.now() < deadline) {
    const claim = (await rpc('notification_claim', { batch_size: batchSize })) as { messages: ClaimedMessage[] };
    const messages = claim.messages ?? [];
    if (messages.length === 0) break;
    report.claimed += messages.length;
    const results: Awaited<ReturnType<typeof sendOne>>[] = [];
    for (let i = 0; i < messages.length; i += concurrency) {
      results.push(...(await Promise.all(messages.slice(i, i + concurrency).map((m) => sendOne(config, m)))));
    }
    const counts = (await rpc('notification_report', { results })) as Omit<DrainReport, 'claimed'>;
    for (const key of ['sent', 'retried', 'dead', 'cancelled', 'ignored'] as const) report[key] += counts[key] ?? 0;
  }
  return report;
}
