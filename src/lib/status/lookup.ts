/**
 * The status page's forms (/tra-cuu/) apart from their markup: checking the reference code and
 * phone before asking, the message for each answer code, the cancel reasons in plain words and what
 * an erasure request's answer means. Pure; the islands are src/islands/status/.
 */
import type { CancelReason } from '../api/status';
import { normalizePhone } from '../domain/phone';
import { normalizeReferenceCode } from '../domain/reference-code';
import { t, type MessageKey } from '../i18n/status';

/** The reasons a citizen may give for cancelling, in their words. */
export const REASON_LABELS: Record<CancelReason, MessageKey> = {
  solved_myself: 'lookup.cancel.reason.solved_myself',
  no_longer_needed: 'lookup.cancel.reason.no_longer_needed',
  booked_by_mistake: 'lookup.cancel.reason.booked_by_mistake',
  other: 'lookup.cancel.reason.other',
};

/**
 * The error codes of the status page's functions, request_status, cancel_request and
 * request_data_erasure (SQL in migrations 20261128000800_booking.sql and
 * 20261128001300_personal_data_retention.sql); not_found also stands for their generic
 * `{found: false}` (foundOnly() in src/lib/api/status.ts).
 */
export const LOOKUP_ERRORS = ['not_found', 'rate_limited', 'reason_invalid', 'not_cancellable', 'not_closed', 'post_required'] as const;
type LookupError = (typeof LOOKUP_ERRORS)[number];

/**
 * The codes the citizen can do something about, each with its message `lookup.error.<code>`.
 * post_required (a request that was not a POST) is the site's own fault: like anything unknown,
 * it reads as "the server could not be reached".
 */
type ExplainedError = Exclude<LookupError, 'post_required'>;
const messageKey = (code: ExplainedError): MessageKey => `lookup.error.${code}`;
const LOOKUP_MESSAGES: Record<string, MessageKey> = Object.fromEntries(
  LOOKUP_ERRORS.filter((code): code is ExplainedError => code !== 'post_required').map((code) => [code, messageKey(code)]),
);

/** The message for an error code of request_status, cancel_request or request_data_erasure. */
export function lookupErrorMessage(code: string): string {
  return t(Object.hasOwn(LOOKUP_MESSAGES, code) ? LOOKUP_MESSAGES[code] : 'lookup.error.unavailable');
}

/** A reference code and phone as typed, checked and normalised, or a message for each that is wrong. */
type CheckedCredentials =
  | { ok: true; code: string; phone: string }
  | { ok: false; errors: { code?: string; phone?: string } };

/** Checks the reference code and phone before asking the server (which answers "not found" alike). */
export function checkCredentials(code: string, phone: string): CheckedCredentials {
  const cleanCode = normalizeReferenceCode(code);
  const cleanPhone = normalizePhone(phone);
  if (cleanCode && cleanPhone) return { ok: true, code: cleanCode, phone: cleanPhone };
  return {
    ok: false,
    errors: {
      code: cleanCode ? undefined : t('lookup.error.code'),
      phone: cleanPhone ? undefined : t('lookup.error.phone'),
    },
  };
}

/** The answer of request_data_erasure when the code and phone matched. */
interface ErasureAnswer {
  status: string;
  erased: boolean;
}

/** What the citizen reads after an erasure request: erased now (and cancelled), or at closing. */
export function erasureDoneMessage(answer: ErasureAnswer): string {
  if (!answer.erased) return t('erase.flagged');
  return t(answer.status === 'cancelled' ? 'erase.doneCancelled' : 'erase.done');
}
