import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webPushAdapter, type ClaimedMessage } from '../../supabase/functions/_shared/channels.ts';
import { render } from '../../supabase/functions/_shared/deliver.ts';
import { startPushService, type PushService } from '../support/push-service.ts';

/**
 * The Web Push adapter of the notify function against a local push service that checks the VAPID
 * signature and decrypts the payload with the subscription's own private key (RFC 8291/8292).
 */
let service: PushService;
const vapid = webpush.generateVAPIDKeys();
const adapter = webPushAdapter({ publicKey: vapid.publicKey, privateKey: vapid.privateKey, subject: 'mailto:test@example.org' });

beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.stop());

function message(to: ClaimedMessage['to'], silent = false): ClaimedMessage {
  return {
    id: 7, token: 't', channel: 'push', template: 'team_new_request', silent, attempt: 1, created_at: '', to,
    params: { request_id: 42, team_name: 'Tổ Hồng Gai', commune_name: 'Phường Hồng Gai', needs: ['vssid'], url: '/doi/?yeu-cau=42' },
  };
}

describe('Web Push adapter', () => {
  it('delivers an aes128gcm payload signed with VAPID that the subscriber can decrypt', async () => {
    const subscription = service.subscribe('device-1');
    const claimed = message({ endpoint: subscription.endpoint, ...subscription.keys });
    const outcome = await adapter.send(claimed, render(claimed, 'http://localhost:4321'));
    expect(service.errors).toEqual([]);
    expect(outcome).toEqual({ ok: true });
    const push = service.received.find((p) => p.id === 'device-1');
    expect(push?.payload).toEqual({
      title: 'Yêu cầu hỗ trợ mới ở Phường Hồng Gai',
      body: 'Tổ Hồng Gai: người dân cần hỗ trợ VssID. Bấm để xem và nhận.',
      url: '/doi/?yeu-cau=42',
      tag: 'yeu-cau-42',
      silent: false,
    });
    expect(push?.claims.sub).toBe('mailto:test@example.org');
    expect(String(push?.headers.authorization)).toContain(`k=${vapid.publicKey}`);
    expect(push?.headers.ttl).toBeDefined();
  });

  it('fails the check when the payload is encrypted for another key', async () => {
    const subscription = service.subscribe('device-2');
    const other = service.subscribe('device-3');
    const claimed = message({ endpoint: subscription.endpoint, ...other.keys });
    const outcome = await adapter.send(claimed, render(claimed, 'http://localhost:4321'));
    expect(outcome.ok).toBe(false);
    expect(service.errors.at(-1)).toMatch(/unable to authenticate|auth/i);
    service.errors.length = 0;
  });

  it('reports a subscription the push service no longer knows (404/410) as gone', async () => {
    const subscription = service.subscribe('device-4');
    service.answerWith('device-4', 410);
    const claimed = message({ endpoint: subscription.endpoint, ...subscription.keys });
    expect(await adapter.send(claimed, render(claimed, 'http://localhost:4321'))).toMatchObject({ ok: false, gone: true });
  });

  it('retries a push service error (5xx) and gives up at once on a malformed request (4xx)', async () => {
    const a = service.subscribe('device-5');
    service.answerWith('device-5', 503);
    const first = message({ endpoint: a.endpoint, ...a.keys });
    expect(await adapter.send(first, render(first, 'x:'))).toMatchObject({ ok: false, permanent: false });
    const b = service.subscribe('device-6');
    service.answerWith('device-6', 400);
    const second = message({ endpoint: b.endpoint, ...b.keys });
    expect(await adapter.send(second, render(second, 'x:'))).toMatchObject({ ok: false, permanent: true });
  });
});
