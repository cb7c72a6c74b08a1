/** Contract of the booking form /dat-lich/ (migration 20261128000800_booking.sql). */
import * as z from 'zod/mini';
import { REQUEST_STATUSES } from '../domain/request-statuses';
import { helpRequestSchema } from '../schemas/help-request';
import { defineRpc } from './rpc';
import { publicTeamSchema } from './status';

/** Keys of the "what happens next" text in the answer of request_help. */
const NEXT_STEPS = [
  'team_will_call',
  'team_accepted',
  'closed',
  'cancelled',
  'province_pool_no_team',
  'province_pool_teams_full',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** Answer of request_help (also on a repeated submission with the same idempotency key). */
export const helpRequestAnswerSchema = z.object({
  /** The reference code, QN-XXX-XXX-XXX. */
  reference_code: z.string(),
  status: z.enum(REQUEST_STATUSES),
  /** The team that will contact the citizen; null in the province pool. */
  team: publicTeamSchema,
  next_step: z.enum(NEXT_STEPS),
  /** Word the volunteer will say when calling. */
  verification_word: z.string(),
  /** A GPS point was sent but lay outside the province, so the commune centre was used. */
  gps_ignored: z.boolean(),
  created_at: z.string(),
});
export type HelpRequestAnswer = z.output<typeof helpRequestAnswerSchema>;

/**
 * request_help(request): books in-person help. `request` is the output of helpRequestSchema (clean,
 * normalised); the SQL checks the same rules again. Validates, de-duplicates by the idempotency key
 * (a repeat returns the first answer), rate-limits, stores the request with the citizen's consent
 * and routes it to a team. Anyone (anon), POST only. Errors: the field and form codes of
 * src/lib/booking/errors.ts (phone_invalid, commune_unknown, rate_limited, …).
 */
export const requestHelp = defineRpc('request_help', { request: helpRequestSchema }, helpRequestAnswerSchema);
