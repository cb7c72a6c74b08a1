/**
 * The stable error codes of the booking functions, where each belongs on the form, and whether
 * trying again later can help. SQL raises them as the message of errcode P0001
 * (supabase/migrations/20261128000500_request_validation.sql and …000800_booking.sql);
 * the zod schema (src/lib/schemas/help-request.ts) uses the same codes as issue messages. Each code
 * has a Vietnamese message `booking.error.<code>` in src/lib/i18n/vi/booking.json.
 */

/** Rejections of request_help by field, in the order the form shows them. */
export const FIELD_ERRORS = {
  phone_required: 'phone',
  phone_invalid: 'phone',
  name_required: 'name',
  name_invalid: 'name',
  helper_phone_required: 'helper_phone',
  helper_phone_invalid: 'helper_phone',
  helper_name_required: 'helper_name',
  helper_name_invalid: 'helper_name',
  commune_required: 'commune_code',
  commune_unknown: 'commune_code',
  address_invalid: 'address',
  location_invalid: 'location',
  needs_required: 'needs',
  needs_invalid: 'needs',
  guide_invalid: 'guide_code',
  step_invalid: 'guide_code',
  description_invalid: 'description',
  time_window_required: 'time_window',
  time_window_invalid: 'time_window',
  consent_required: 'consent',
} as const;
export type FieldErrorCode = keyof typeof FIELD_ERRORS;
export type FormField = (typeof FIELD_ERRORS)[FieldErrorCode];

/** Rejections of request_help that concern the whole submission. */
export const FORM_ERRORS = [
  'payload_invalid',
  'honeypot',
  'idempotency_key_invalid',
  'idempotency_conflict',
  'on_behalf_invalid',
  'poster_invalid',
  'consent_version_invalid',
  'message_channel_invalid',
  'rate_limited_phone',
  'rate_limited_address',
  'post_required',
] as const;
export type FormErrorCode = (typeof FORM_ERRORS)[number];

/** Every code request_help may answer with. */
export const REQUEST_HELP_ERRORS = [...(Object.keys(FIELD_ERRORS) as FieldErrorCode[]), ...FORM_ERRORS];
export type RequestHelpErrorCode = FieldErrorCode | FormErrorCode;

/**
 * What PostgREST itself answers (HTTP 400) when a body is not JSON it can hand to the function:
 * PGRST102 invalid JSON (e.g. a lone surrogate), 22P05 a \u0000 escape, 22P02 malformed input.
 * The form never sends such bodies; tests accept them for hostile raw requests.
 */
export const TRANSPORT_ERRORS = ['PGRST102', '22P05', '22P02'] as const;

/** Whether a code is a known rejection of request_help (anything else may be temporary). */
export function isRequestHelpError(code: string): code is RequestHelpErrorCode {
  return (REQUEST_HELP_ERRORS as readonly string[]).includes(code);
}

/** The field a code belongs to, if any. */
export function fieldOf(code: string): FormField | undefined {
  return (FIELD_ERRORS as Record<string, FormField>)[code];
}

/**
 * Whether sending the same request again later can succeed: network failures, an unreachable or
 * failing server, and any answer we do not recognise. Known rejections need the citizen to act.
 */
export function isRetryable(code: string): boolean {
  return !isRequestHelpError(code);
}
