/**
 * Contracts of the citizen's status page /tra-cuu/ (migrations 20261128000800_booking.sql and
 * 20261128001300_personal_data_retention.sql). Each takes
 * the reference code and phone as typed: the SQL normalises both. A wrong code or phone gets the
 * same `{found: false}`, so the answer never tells which was wrong.
 */
import * as z from 'zod/mini';
import { REQUEST_STATUSES } from '../domain/request-statuses';
import { defineRpc, type RpcResult } from './rpc';

/** Reasons a citizen may give for cancelling (a closed list, so no personal data is stored). */
export const CANCEL_REASONS = ['solved_myself', 'no_longer_needed', 'booked_by_mistake', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** What happened to a request, in the order the status page explains it (built from the audit trail by app.help_request_status()). */
export const REQUEST_STEPS = [
  /** The request was stored. */
  'received',
  /** Sent to a team (by routing, a hand-over or the escalation job); `team` names it. */
  'sent_to_team',
  /** Waiting in the province pool for an admin to find a team. */
  'province_pool',
  /** A member of `team` accepted it and will call. */
  'accepted',
  /** The member gave it back to their team; someone else will call. */
  'released',
  /** Done; `reason` is the outcome. */
  'closed',
  /** Cancelled by the citizen; `reason` is their reason. */
  'cancelled',
] as const;

/** One step: what, when, which team (public name), and the outcome or cancel reason. */
const requestStepSchema = z.object({
  step: z.enum(REQUEST_STEPS),
  /** ISO timestamp. */
  at: z.string(),
  /** Team name for sent_to_team, accepted and released; else null. */
  team: z.nullable(z.string()),
  /** Outcome (closed) or cancel reason (cancelled); else null. */
  reason: z.nullable(z.string()),
});
export type RequestStepEntry = z.output<typeof requestStepSchema>;

/** A team as shown to citizens: name and public phone only. */
export const publicTeamSchema = z.nullable(z.object({ name: z.string(), phone: z.nullable(z.string()) }));

/** The status of a request when the code and phone match: no personal data. */
export const requestStatusSchema = z.object({
  found: z.literal(true),
  reference_code: z.string(),
  status: z.enum(REQUEST_STATUSES),
  team: publicTeamSchema,
  verification_word: z.string(),
  received_at: z.string(),
  assigned_at: z.nullable(z.string()),
  accepted_at: z.nullable(z.string()),
  closed_at: z.nullable(z.string()),
  cancelled_at: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  can_cancel: z.boolean(),
  /** The citizen erased their personal data (on cancelling); later look-ups will not find it. */
  personal_data_erased: z.boolean(),
  /** Every step so far in plain words, oldest first. */
  steps: z._default(z.array(requestStepSchema), []),
});
export type RequestStatusAnswer = z.output<typeof requestStatusSchema>;

/** The generic answer when the code or phone is wrong (deliberately says which of neither). */
const notFoundSchema = z.object({ found: z.literal(false) });

/** Answer of request_status and cancel_request: the status, or not found. */
const lookupAnswerSchema = z.union([requestStatusSchema, notFoundSchema]);

/** The citizen's credentials as typed. */
const credentials = { code: z.string(), phone: z.string() };

/**
 * request_status(code, phone): the status of a request and its steps. Anyone (anon), POST only,
 * rate-limited. Errors: rate_limited, post_required. Use foundOnly() on the answer.
 */
export const requestStatus = defineRpc('request_status', credentials, lookupAnswerSchema);

/**
 * cancel_request(code, phone, reason, erase_personal_data): cancels a request that no team has
 * closed, with a reason; with `erase_personal_data` its personal data is erased at once. Anyone
 * (anon), POST only, rate-limited. Answers as request_status. Errors: reason_invalid,
 * not_cancellable, rate_limited, post_required.
 */
export const cancelRequest = defineRpc(
  'cancel_request',
  { ...credentials, reason: z.enum(CANCEL_REASONS), erase_personal_data: z.optional(z.boolean()) },
  lookupAnswerSchema,
);

/**
 * request_data_erasure(code, phone): the citizen asks for their request's personal data to be
 * erased. Erased at once when no team is working on it (an open request is cancelled too), else
 * flagged and erased when the team closes it. Anyone (anon), POST only, rate-limited.
 * Errors: rate_limited.
 */
export const requestDataErasure = defineRpc(
  'request_data_erasure',
  credentials,
  z.union([
    notFoundSchema,
    z.object({
      found: z.literal(true),
      status: z.string(),
      /** Erased now. */
      erased: z.boolean(),
      /** A team is working on it: erased as soon as it is closed. */
      erase_requested: z.boolean(),
    }),
  ]),
);

/**
 * rate_help(code, phone, helped): after a team closed the request, the citizen says whether the
 * help worked, once (the first answer stays: `helped` is the stored one, `already_rated` true on a
 * later call). Anyone (anon), POST only, rate-limited like request_status. Errors: helped_required,
 * not_closed, rate_limited, post_required.
 */
export const rateHelp = defineRpc(
  'rate_help',
  { ...credentials, helped: z.boolean() },
  z.union([notFoundSchema, z.object({ found: z.literal(true), helped: z.boolean(), already_rated: z.boolean() })]),
);

/** Turns the generic `{found: false}` of request_status and cancel_request into the error `not_found`. */
export function foundOnly(
  result: RpcResult<z.output<typeof lookupAnswerSchema>>,
): RpcResult<RequestStatusAnswer> {
  if (!result.ok) return result;
  if (!result.data.found) return { ok: false, code: 'not_found', message: 'not_found' };
  return { ok: true, data: result.data };
}
