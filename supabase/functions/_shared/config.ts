/**
 * Which adapter each channel uses, from the function's environment (on Supabase: `supabase secrets
 * set`; on the local stack: set by supabase/local/functions.ts). Takes the variables as a plain
 * record so that the tests can build the same configuration under Node.
 *
 *   NOTIFY_PUSH   webpush (default when VAPID keys are set) | local
 *   NOTIFY_EMAIL  http | local (default)         EMAIL_API_URL, EMAIL_API_KEY, EMAIL_FROM
 *   NOTIFY_SMS    http | local (default)         SMS_API_URL, SMS_API_KEY, SMS_BRANDNAME
 *   NOTIFY_ZALO   zns | local (default)          ZALO_ACCESS_TOKEN, ZALO_TEMPLATES (JSON), ZALO_API_URL
 *   VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT (mailto: or https: contact)
 *   SITE_URL      the public origin, for links in email and SMS
 *   LOCAL_OUTBOX_URL  local stack only: every message is also recorded there
 */
import {
  emailHttpAdapter,
  localAdapter,
  smsHttpAdapter,
  webPushAdapter,
  znsAdapter,
  type Channel,
  type ChannelAdapter,
} from './channels.ts';

export type Env = Record<string, string | undefined>;

export interface DeliveryConfig {
  adapters: Record<Channel, ChannelAdapter>;
  siteUrl: string;
  /** Local stack only: where every message is also recorded. */
  mirrorUrl?: string;
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`notify: ${name} is not set`);
  return value;
}

export function deliveryConfig(env: Env): DeliveryConfig {
  const push = env.NOTIFY_PUSH ?? (env.VAPID_PRIVATE_KEY ? 'webpush' : 'local');
  const email = env.NOTIFY_EMAIL ?? 'local';
  const sms = env.NOTIFY_SMS ?? 'local';
  const zalo = env.NOTIFY_ZALO ?? 'local';
  return {
    siteUrl: env.SITE_URL ?? 'http://localhost:4321',
    mirrorUrl: env.LOCAL_OUTBOX_URL || undefined,
    adapters: {
      push:
        push === 'webpush'
          ? webPushAdapter({
              publicKey: required(env, 'VAPID_PUBLIC_KEY'),
              privateKey: required(env, 'VAPID_PRIVATE_KEY'),
              subject: env.VAPID_SUBJECT ?? 'mailto:admin@example.org',
            })
          : localAdapter(),
      email:
        email === 'http'
          ? emailHttpAdapter({ url: required(env, 'EMAIL_API_URL'), apiKey: required(env, 'EMAIL_API_KEY'), from: required(env, 'EMAIL_FROM') })
          : localAdapter(),
      sms:
        sms === 'http'
          ? smsHttpAdapter({ url: required(env, 'SMS_API_URL'), apiKey: required(env, 'SMS_API_KEY'), brandname: required(env, 'SMS_BRANDNAME') })
          : localAdapter(),
      zalo:
        zalo === 'zns'
          ? znsAdapter({
              accessToken: required(env, 'ZALO_ACCESS_TOKEN'),
              templates: JSON.parse(env.ZALO_TEMPLATES ?? '{}') as Record<string, string>,
              url: env.ZALO_API_URL,
            })
          : localAdapter(),
    },
  };
}
