import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import type { StackInfo } from '../support/backends.ts';
import { anonClient, signedInClient } from '../support/clients.ts';
import { validPayload } from '../support/help-requests.ts';
import { startPushService, type PushService } from '../support/push-service.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { requestHelp } from '../../src/lib/api/booking.ts';
import { pushPublicKey, savePushSubscription } from '../../src/lib/api/notifications.ts';
import { acceptRequest, closeRequest } from '../../src/lib/api/team.ts';
import { helpRequestSchema } from '../../src/lib/schemas/help-request.ts';

/**
 * End to end on the local stack as `npm start` runs it: the notify Edge Function under real Deno,
 * called within a second of a new outbox row, pushing through Web Push (VAPID keys made by the
 * stack) to a push service this test plays, and recording every message on /_local/outbox.json.
 * A booking reaches the team member's device and the citizen's SMS within 5 s; accepting and
 * closing send the next SMS; a citizen who did not opt in gets nothing.
 */

interface OutboxEntry {
  channel: string;
  to: string;
  text: string;
  template: string | null;
  status: string;
  payload: unknown;
}

let stack: Stack;
let info: StackInfo;
let push: PushService;
let member: SupabaseClient;
let subscriptionId: string;

async function outbox(): Promise<OutboxEntry[]> {
  return (await fetch(`${stack.url}/_local/outbox.json`).then((res) => res.json())) as OutboxEntry[];
}

async function waitFor<T>(what: string, find: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function book(overrides: Record<string, unknown>) {
  const payload = helpRequestSchema.parse(validPayload({ commune_code: '06685', ...overrides }));
  const answer = await callRpc(requestHelp, { request: payload }, anonClient(info));
  if (!answer.ok) throw new Error(answer.code);
  return { ...answer.data, phone: payload.phone! };
}

beforeAll(async () => {
  push = await startPushService();
  stack = await startStack({ database: 'memory', seed: true, jobs: false, functions: { pollMs: 200 } });
  info = {
    backend: stack.backend,
    url: stack.url,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    databaseUrl: stack.databaseUrl,
    mailboxUrl: `${stack.url}/auth/v1/mailbox.json`,
  };
  member = await signedInClient(info, 'to-hong-gai@example.org');
  const key = await callRpc(pushPublicKey, {}, member);
  expect(key.ok && key.data.key).toBe(stack.functions?.vapidPublicKey);
  const subscription = push.subscribe('member-phone');
  const saved = await callRpc(savePushSubscription, { endpoint: subscription.endpoint, ...subscription.keys, device_label: 'Test' }, member);
  if (!saved.ok) throw new Error(saved.code);
  subscriptionId = saved.data.id;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await push?.stop();
});

describe('notifications on the local stack', () => {
  it('pushes a booking to the team member and texts the citizen the code within 5 s', async () => {
    const started = Date.now();
    const booked = await book({ message_channel: 'sms' });
    const delivered = await waitFor('push at the member endpoint', () =>
      push.received.find((p) => (p.payload as { url?: string }).url?.startsWith('/doi/?yeu-cau=')),
    );
    expect(delivered.payload).toMatchObject({ title: 'Yêu cầu hỗ trợ mới ở Phường Hồng Gai', tag: expect.stringMatching(/^yeu-cau-/) });
    expect(JSON.stringify(delivered.payload)).not.toContain(booked.phone);
    const sms = await waitFor('citizen SMS in the local outbox', async () =>
      (await outbox()).find((e) => e.channel === 'sms' && e.text.includes(booked.reference_code)),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(sms).toMatchObject({ to: `84${booked.phone.slice(1)}`, template: 'citizen_booked', status: 'sent' });
    expect(sms.text.length).toBeLessThanOrEqual(160);
    // The push is on the outbox page too, with its payload: recorded once the push service has
    // answered, so it may land a moment after the push itself.
    await waitFor('the push as sent on the outbox page', async () =>
      (await outbox()).find((e) => e.channel === 'push' && e.status === 'sent'),
    );
    expect(push.errors).toEqual([]);
    expect(subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('texts the citizen when a volunteer accepts and when the request is closed', async () => {
    const before = push.received.length;
    const booked = await book({ message_channel: 'sms' });
    const requestId = Number(
      await waitFor('push for the new request', () => {
        const found = push.received.slice(before).find((p) => (p.payload as { url?: string }).url);
        return found ? (found.payload as { url: string }).url.split('=')[1] : undefined;
      }),
    );
    expect(await callRpc(acceptRequest, { request_id: requestId }, member)).toMatchObject({ ok: true });
    await waitFor('acceptance SMS', async () =>
      (await outbox()).find((e) => e.template === 'citizen_accepted' && e.text.includes(booked.reference_code)),
    );
    expect(await callRpc(closeRequest, { request_id: requestId, outcome: 'helped', note: null }, member)).toMatchObject({ ok: true });
    const closed = await waitFor('closing SMS', async () =>
      (await outbox()).find((e) => e.template === 'citizen_closed' && e.text.includes(booked.reference_code)),
    );
    expect(closed.status).toBe('sent');
  });

  it('sends nothing to a citizen who did not opt in', async () => {
    const before = push.received.length;
    const booked = await book({});
    await waitFor('the team push of that booking', () => (push.received.length > before ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const entries = await outbox();
    expect(entries.filter((e) => e.text.includes(booked.reference_code))).toEqual([]);
    expect(entries.filter((e) => (e.channel === 'sms' || e.channel === 'zalo') && e.to === `84${booked.phone.slice(1)}`)).toEqual([]);
  });

  it('serves the outbox page locally only, without CORS, and refuses callers without the service key', async () => {
    const page = await fetch(`${stack.url}/_local/outbox/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect(await page.text()).toContain('Local outbox');
    // The auth stand-in's sign-in codes are there too.
    expect((await outbox()).some((e) => e.channel === 'auth' && e.to === 'to-hong-gai@example.org')).toBe(true);
    expect((await fetch(`${stack.url}/functions/v1/notify`, { method: 'POST' })).status).toBe(401);
    const withAnon = await fetch(`${stack.url}/functions/v1/notify`, { method: 'POST', headers: { authorization: `Bearer ${stack.anonKey}` } });
    expect(withAnon.status).toBe(401);
    const withService = await fetch(`${stack.url}/functions/v1/notify`, { method: 'POST', headers: { authorization: `Bearer ${stack.serviceRoleKey}` } });
    expect(withService.status).toBe(200);
  });
});
