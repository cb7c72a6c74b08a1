import { z } from 'zod';
import { REQUEST_STATUSES } from '../domain/request-statuses';
import { MEMBER_ROLES, REQUEST_ACTIONS } from '../domain/team-vocabulary';

/**
 * The team workspace's data, as the team RPCs return it (supabase/migrations/2026112804*.sql).
 * The RPC wrappers (src/lib/supabase/team-rpc.ts) validate every answer with these schemas, and
 * the db tests use the same ones. The vocabularies live in src/lib/domain/team-vocabulary.ts (no zod).
 */

export {
  HANDOVER_REASONS,
  MEMBER_ROLES,
  NOTE_MAX_LENGTH,
  OUTCOMES,
  QUEUE_PAGE_MAX,
  QUEUE_PAGE_SIZE,
  REQUEST_ACTIONS,
  TEAM_ERROR_CODES,
  TEAM_OUTCOMES,
  type HandoverReason,
  type MemberRole,
  type RequestAction,
  type TeamErrorCode,
  type TeamOutcome,
} from '../domain/team-vocabulary';

/** A team as the workspace names it. */
export const teamRefSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type TeamRef = z.output<typeof teamRefSchema>;

/** A member as leaders and admins see them (never the account id). */
export const memberSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  /** Name shown to teammates; may be missing (the email is shown then). */
  name: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  /** Null for admins on no team. */
  team_id: z.number().int().nullable(),
  /** Whether the person has signed in at least once. */
  signed_in: z.boolean(),
  added_at: z.string(),
});
export type Member = z.output<typeof memberSchema>;

/** Answer of team_session: who the caller is, or `member: null` when on no team. */
export const teamSessionSchema = z.object({
  member: memberSchema
    .extend({ team: teamRefSchema.extend({ commune_name: z.string() }).nullable() })
    .nullable(),
  settings: z
    .object({
      /** Minutes a team has to accept an assigned request. */
      accept_within_minutes: z.number().int(),
      /** Unanswered calls needed before closing as not reachable. */
      min_contact_attempts: z.number().int(),
    })
    .optional(),
});
export type TeamSession = z.output<typeof teamSessionSchema>;

/** One team in team_list. */
export const teamListItemSchema = teamRefSchema.extend({
  commune_name: z.string(),
  active: z.boolean(),
  capacity: z.number().int(),
  open_count: z.number().int(),
  member_count: z.number().int(),
});
export type TeamListItem = z.output<typeof teamListItemSchema>;

/** A request in the queue: no personal data. */
export const requestSummarySchema = z.object({
  id: z.number().int(),
  reference_code: z.string(),
  status: z.enum(REQUEST_STATUSES),
  created_at: z.string(),
  assigned_at: z.string().nullable(),
  /** Accept before this moment, or the escalation job moves the request (assigned only). */
  accept_by: z.string().nullable(),
  accepted_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  outcome: z.string().nullable(),
  commune: z.object({ code: z.string(), name: z.string() }),
  team: teamRefSchema.nullable(),
  needs: z.array(z.string()),
  guide_code: z.string().nullable(),
  guide_step: z.number().int().nullable(),
  time_window: z.string(),
  on_behalf: z.boolean(),
  contact_attempts: z.number().int(),
  /** How many times the escalation job has moved it. */
  moves: z.number().int(),
  notes_count: z.number().int(),
  accepted_by: z.object({ name: z.string(), me: z.boolean() }).nullable(),
  /** The citizen asked for their personal data to be erased; it is erased when the request is
   * closed or cancelled (migrations 20261128050000, 20261128092000). */
  erase_requested: z.boolean(),
});
export type RequestSummary = z.output<typeof requestSummarySchema>;

/** Contact details: only for whoever must call (see app.can_see_contact). */
export const requestContactSchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  helper_name: z.string().nullable(),
  helper_phone: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  gps: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  /** Word to say when calling, so the citizen knows the call is genuine. */
  verification_word: z.string(),
});
export type RequestContact = z.output<typeof requestContactSchema>;

/** A note in the request's history. */
export const requestNoteSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(['note', 'contact_attempt', 'close', 'release', 'handover']),
  body: z.string(),
  author: z.string(),
  mine: z.boolean(),
});
export type RequestNote = z.output<typeof requestNoteSchema>;

/** An event of the audit trail (no personal data). */
export const requestEventSchema = z.object({
  at: z.string(),
  kind: z.string(),
  status_after: z.enum(REQUEST_STATUSES),
  team_name: z.string().nullable(),
  reason: z.string().nullable(),
  actor: z.string(),
  by: z.string().nullable(),
});
export type RequestEvent = z.output<typeof requestEventSchema>;

/** One request with everything the caller may see. */
export const requestDetailSchema = requestSummarySchema.extend({
  /** The citizen asked for their personal data to be erased while a team works on the request; it
   * is erased when the request is closed or cancelled (migration 20261128050000). */
  erase_requested: z.boolean(),
  /** The request's personal data has been erased (at the citizen's request or by retention). */
  personal_data_erased: z.boolean(),
  contact: requestContactSchema.nullable(),
  notes: z.array(requestNoteSchema),
  events: z.array(requestEventSchema),
  actions: z.array(z.enum(REQUEST_ACTIONS)),
});
export type RequestDetail = z.output<typeof requestDetailSchema>;

/** Answer of team_queue: the page_size oldest open requests, with the true counts in scope. */
export const teamQueueSchema = z.object({
  /** True when this is the province pool (admins). */
  pool: z.boolean(),
  team: teamRefSchema.nullable(),
  /** Open requests in scope (the team's, or the pool's), not only those in `items`. */
  total: z.number().int(),
  /** Requests in scope waiting to be accepted (or, in the pool, waiting for a team). */
  waiting: z.number().int(),
  /** The oldest open requests, at most the page size asked for. */
  items: z.array(requestSummarySchema),
});
export type TeamQueue = z.output<typeof teamQueueSchema>;

/** A team suggested for a hand-over. */
export const handoverSuggestionSchema = teamRefSchema.extend({
  commune_name: z.string(),
  distance_m: z.number(),
  within_radius: z.boolean(),
  covers_commune: z.boolean(),
  open_count: z.number().int(),
  capacity: z.number().int(),
  /** The request was with this team before. */
  had_it: z.boolean(),
});
export type HandoverSuggestion = z.output<typeof handoverSuggestionSchema>;

/** Answer of hand_over_request: the request now belongs to `team`. */
export const handOverResultSchema = z.object({
  id: z.number().int(),
  status: z.literal('assigned'),
  team: teamRefSchema,
});

/** Answer of remove_team_member: how many accepted requests went back to the team. */
export const removeMemberResultSchema = z.object({ removed: z.literal(true), released: z.number().int() });
