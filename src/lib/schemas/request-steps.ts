import * as z from 'zod/mini';

/**
 * The steps of a help request as the citizen's status page shows them (`steps` in the answer of
 * request_status and cancel_request; built from the audit trail by app.help_request_status() in
 * supabase/migrations/20261128040300_request_status_steps.sql).
 */

/** What happened, in the order the page explains it. */
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
export type RequestStep = (typeof REQUEST_STEPS)[number];

/** One step: what, when, which team (public name), and the outcome or cancel reason. */
export const requestStepSchema = z.object({
  step: z.enum(REQUEST_STEPS),
  /** ISO timestamp. */
  at: z.string(),
  /** Team name for sent_to_team, accepted and released; else null. */
  team: z.nullable(z.string()),
  /** Outcome (closed) or cancel reason (cancelled); else null. */
  reason: z.nullable(z.string()),
});
export type RequestStepEntry = z.output<typeof requestStepSchema>;
