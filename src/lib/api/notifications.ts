/**
 * Contracts of notifications (migrations 20261128001700_notification_outbox.sql and
 * 20261128001900_phone_lookup.sql): a member's push devices and notification settings (/doi/), the
 * admins' list of messages given up (/quan-tri/), and the citizen's look-up of their requests by
 * phone number and a one-time code (/tra-cuu/). Every one is a POST.
 *
 * The delivery RPCs (notification_claim, notification_report) are for service_role only (the
 * notify Edge Function) and have no contract here.
 */
import * as z from 'zod/mini';
import { REQUEST_STATUSES } from '../domain/request-statuses';
import { defineRpc, type RpcResult } from './rpc';

// ---------------------------------------------------------------------------------------------
// Team members (authenticated)

/** "HH:MM" (Vietnam time) or null. */
const clockTime = z.nullable(z.string());

/** One of the member's devices: never the endpoint or keys. */
const deviceSchema = z.object({ id: z.string(), label: z.nullable(z.string()), created_at: z.string() });

/** A member's notification settings and devices. */
const notificationSettingsSchema = z.object({
  /** The address email notifications go to (the sign-in email). */
  email: z.string(),
  email_enabled: z.boolean(),
  /** Quiet hours: push without sound, email held until they end. Both null for none. */
  quiet_from: clockTime,
  quiet_to: clockTime,
  devices: z.array(deviceSchema),
});
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

/** push_public_key(): the VAPID public key to subscribe with (base64url), null until configured. */
export const pushPublicKey = defineRpc('push_public_key', {}, z.object({ key: z.nullable(z.string()) }));

/**
 * save_push_subscription(endpoint, p256dh, auth, device_label): saves this device's subscription
 * (one per endpoint: subscribing again replaces it). Errors: subscription_invalid,
 * too_many_devices (10 per member), not_member.
 */
export const savePushSubscription = defineRpc(
  'save_push_subscription',
  { endpoint: z.string(), p256dh: z.string(), auth: z.string(), device_label: z.nullable(z.string()) },
  z.object({ id: z.string() }),
);

/** delete_push_subscription(subscription_id): removes one of the caller's devices. */
export const deletePushSubscription = defineRpc(
  'delete_push_subscription',
  { subscription_id: z.string() },
  z.object({ deleted: z.boolean() }),
);

/** my_notification_settings(): the caller's settings and devices. */
export const myNotificationSettings = defineRpc('my_notification_settings', {}, notificationSettingsSchema);

/**
 * save_notification_settings(email_enabled, quiet_from, quiet_to): quiet hours as "HH:MM", both or
 * neither (null or ''). Errors: settings_invalid, quiet_hours_invalid.
 */
export const saveNotificationSettings = defineRpc(
  'save_notification_settings',
  { email_enabled: z.boolean(), quiet_from: clockTime, quiet_to: clockTime },
  notificationSettingsSchema,
);

// ---------------------------------------------------------------------------------------------
// Admins (authenticated, role admin)

/** Channels of the outbox. */
export const NOTIFICATION_CHANNELS = ['push', 'email', 'sms', 'zalo'] as const;

/** A message given up after its attempts: no phone, no email. */
const deadNotificationSchema = z.object({
  id: z.int(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  template: z.string(),
  attempts: z.int(),
  last_error: z.nullable(z.string()),
  created_at: z.string(),
  failed_at: z.string(),
  /** The request it was about, if any (look-up codes and summaries have none). */
  reference_code: z.nullable(z.string()),
});
export type DeadNotification = z.output<typeof deadNotificationSchema>;

/** admin_dead_notifications(page_size): messages given up, newest first. Errors: forbidden. */
export const adminDeadNotifications = defineRpc(
  'admin_dead_notifications',
  { page_size: z.optional(z.int()) },
  z.object({ total: z.int(), messages: z.array(deadNotificationSchema) }),
);

// ---------------------------------------------------------------------------------------------
// Citizens (anon): "Quên mã? Tìm bằng số điện thoại"

/**
 * request_phone_code(phone): sends a one-time code by SMS (or Zalo) to that phone. The answer is
 * the same whether or not the phone has requests. Errors: phone_invalid, rate_limited.
 */
export const requestPhoneCode = defineRpc(
  'request_phone_code',
  { phone: z.string() },
  z.object({ sent: z.literal(true) }),
);

/** One request of that phone: no personal data. */
const phoneRequestSchema = z.object({
  reference_code: z.string(),
  status: z.enum(REQUEST_STATUSES),
  commune_name: z.string(),
  created_at: z.string(),
});
export type PhoneRequest = z.output<typeof phoneRequestSchema>;

/** The answer for a wrong, expired or used code (an answer, so that the failure is counted). */
const codeWrongSchema = z.object({ error: z.literal('code_wrong') });
const phoneRequestsSchema = z.object({ requests: z.array(phoneRequestSchema) });

/**
 * requests_by_phone(phone, code): the phone's requests (newest first) for a valid one-time code,
 * or `{error: 'code_wrong'}` (also for an expired or used-up code, or a phone with none). Errors:
 * rate_limited. Use codeRightOnly() on the answer.
 */
export const requestsByPhone = defineRpc(
  'requests_by_phone',
  { phone: z.string(), code: z.string() },
  z.union([phoneRequestsSchema, codeWrongSchema]),
);

/** Turns requests_by_phone's `{error: 'code_wrong'}` into the error `code_wrong`. */
export function codeRightOnly(
  result: RpcResult<z.output<typeof requestsByPhone.answer>>,
): RpcResult<z.output<typeof phoneRequestsSchema>> {
  if (!result.ok) return result;
  if ('error' in result.data) return { ok: false, code: 'code_wrong', message: 'code_wrong' };
  return { ok: true, data: result.data };
}
