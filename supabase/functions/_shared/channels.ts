/**
 * Channel adapters of the notify Edge Function, one interface, chosen by configuration
 * (./config.ts): Web Push (RFC 8030/8291/8292 through the npm package web-push), email over an HTTP
 * API, SMS over a provider's HTTP API, Zalo ZNS, and `local`, which only records the message in
 * the local stack's outbox page. Only fetch() is used for the network, so the same code runs under
 * Deno (the function) and Node (the tests).
 *
 * An adapter answers what happened: ok; or an error with `permanent` (retrying cannot help: a
 * malformed request, a rejected number) or `gone` (the push subscription no longer exists:
 * 404/410), else the message is retried with backoff (see public.notification_report).
 */
import webpush from 'web-push';
import type { PushPayload } from './messages.ts';

export type Channel = 'push' | 'email' | 'sms' | 'zalo';

/** A message as public.notification_claim returns it. */
export interface ClaimedMessage {
  id: number;
  token: string;
  channel: Channel;
  template: string;
  params: Record<string, unknown>;
  silent: boolean;
  attempt: number;
  created_at: string;
  to: { endpoint: string; p256dh: string; auth: string } | { email: string } | { phone: string | null } | null;
}

/** What a channel sends, rendered from the template (./deliver.ts). */
export interface Rendered {
  /** Display form of the recipient (the local outbox page): an endpoint, an address, a phone. */
  to: string;
  /** The text (email body, SMS, Zalo), or the push payload's body. */
  text: string;
  subject?: string;
  /** Push: the JSON the service worker receives. Zalo: the template data. */
  payload?: PushPayload | Record<string, string>;
}

export interface SendOutcome {
  ok: boolean;
  error?: string;
  permanent?: boolean;
  gone?: boolean;
}

export interface ChannelAdapter {
  readonly name: string;
  send(message: ClaimedMessage, rendered: Rendered): Promise<SendOutcome>;
}

/** A short, non-personal error text from an HTTP answer. */
async function httpFailure(response: Response, label: string): Promise<SendOutcome> {
  const body = (await response.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
  const status = response.status;
  return {
    ok: false,
    error: `${label} HTTP ${status}${body ? `: ${body}` : ''}`,
    permanent: status >= 400 && status < 500 && status !== 408 && status !== 429,
  };
}

/** Network failures (refused, reset, timeout) are temporary. */
function networkFailure(error: unknown, label: string): SendOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: `${label} network: ${message.slice(0, 200)}` };
}

const TIMEOUT_MS = 10_000;

export interface WebPushConfig {
  publicKey: string;
  privateKey: string;
  /** mailto: or https: contact of the sender, required by VAPID. */
  subject: string;
  /** Seconds a push service keeps an undelivered message. */
  ttl?: number;
}

/**
 * Web Push: encrypts the payload (aes128gcm, RFC 8291) and signs the VAPID JWT (ES256, RFC 8292)
 * with web-push's generateRequestDetails, then POSTs it with fetch (web-push's own sender only
 * speaks https, and a test plays the push service on http://localhost).
 */
export function webPushAdapter(config: WebPushConfig): ChannelAdapter {
  return {
    name: 'webpush',
    async send(message, rendered) {
      const to = message.to as { endpoint: string; p256dh: string; auth: string } | null;
      if (!to?.endpoint) return { ok: false, gone: true, error: 'subscription_gone' };
      let details: ReturnType<typeof webpush.generateRequestDetails>;
      try {
        details = webpush.generateRequestDetails(
          { endpoint: to.endpoint, keys: { p256dh: to.p256dh, auth: to.auth } },
          JSON.stringify(rendered.payload),
          {
            vapidDetails: { subject: config.subject, publicKey: config.publicKey, privateKey: config.privateKey },
            contentEncoding: 'aes128gcm',
            TTL: config.ttl ?? 24 * 3600,
            urgency: message.silent ? 'normal' : 'high',
          },
        );
      } catch (error) {
        return { ok: false, permanent: true, error: `push encrypt: ${error instanceof Error ? error.message : String(error)}` };
      }
      try {
        const response = await fetch(details.endpoint, {
          method: 'POST',
          headers: details.headers as Record<string, string>,
          body: details.body as unknown as BodyInit,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (response.ok) {
          await response.body?.cancel();
          return { ok: true };
        }
        if (response.status === 404 || response.status === 410) {
          await response.body?.cancel();
          return { ok: false, gone: true, error: `push HTTP ${response.status}: subscription gone` };
        }
        return httpFailure(response, 'push');
      } catch (error) {
        return networkFailure(error, 'push');
      }
    },
  };
}

/** POSTs JSON; 2xx is success. */
async function postJson(url: string, headers: Record<string, string>, body: unknown, label: string): Promise<SendOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) return httpFailure(response, label);
    await response.body?.cancel();
    return { ok: true };
  } catch (error) {
    return networkFailure(error, label);
  }
}

export interface EmailHttpConfig {
  /** The provider's send endpoint (e.g. https://api.resend.com/emails: JSON {from, to, subject, text}). */
  url: string;
  apiKey: string;
  from: string;
}

/** Email through an HTTP API taking {from, to: [address], subject, text} with a bearer key. */
export function emailHttpAdapter(config: EmailHttpConfig): ChannelAdapter {
  return {
    name: 'email-http',
    send: (_message, rendered) =>
      postJson(config.url, { authorization: `Bearer ${config.apiKey}` },
        { from: config.from, to: [rendered.to], subject: rendered.subject, text: rendered.text }, 'email'),
  };
}

export interface SmsHttpConfig {
  /** The provider's send endpoint, taking JSON {to, from, text}. */
  url: string;
  apiKey: string;
  /** The registered brandname the message is sent under. */
  brandname: string;
}

/** SMS through a provider's HTTP API: {to: 84xxxxxxxxx, from: brandname, text} with a bearer key. */
export function smsHttpAdapter(config: SmsHttpConfig): ChannelAdapter {
  return {
    name: 'sms-http',
    send: (_message, rendered) =>
      postJson(config.url, { authorization: `Bearer ${config.apiKey}` },
        { to: rendered.to, from: config.brandname, text: rendered.text }, 'sms'),
  };
}

export interface ZnsConfig {
  accessToken: string;
  /** Approved template id per outbox template, e.g. {"citizen_booked": "123456"}. */
  templates: Record<string, string>;
  /** https://business.openapi.zalo.me/message/template unless overridden (tests). */
  url?: string;
}

/** Zalo ZNS: POST the template id and its data to the phone (84xxxxxxxxx); Zalo answers {error: 0}. */
export function znsAdapter(config: ZnsConfig): ChannelAdapter {
  return {
    name: 'zns',
    async send(message, rendered) {
      const templateId = config.templates[message.template];
      if (!templateId) return { ok: false, permanent: true, error: `zalo: no template id for ${message.template}` };
      try {
        const response = await fetch(config.url ?? 'https://business.openapi.zalo.me/message/template', {
          method: 'POST',
          headers: { 'content-type': 'application/json', access_token: config.accessToken },
          body: JSON.stringify({
            phone: rendered.to,
            template_id: templateId,
            template_data: rendered.payload,
            tracking_id: String(message.id),
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!response.ok) return httpFailure(response, 'zalo');
        const answer = (await response.json().catch(() => ({}))) as { error?: number; message?: string };
        if (answer.error === 0) return { ok: true };
        return { ok: false, error: `zalo error ${answer.error ?? '?'}: ${String(answer.message ?? '').slice(0, 200)}` };
      } catch (error) {
        return networkFailure(error, 'zalo');
      }
    },
  };
}

/** Local stack only: the message is "sent" by being recorded on the local outbox page. */
export function localAdapter(): ChannelAdapter {
  return { name: 'local', send: async () => ({ ok: true }) };
}
