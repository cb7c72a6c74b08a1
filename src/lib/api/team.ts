/**
 * Contracts of the team workspace /doi/ (migrations 20261128000300_members.sql and
 * 20261128001100_team_workspace.sql). Every one needs a signed-in member (none is callable as
 * anon) and is a POST, so no argument (notes may hold personal data) ever travels in a URL.
 * Besides the codes listed per contract, each may answer `not_member` (signed in, on no team).
 */
import * as z from 'zod/mini';
import { REQUEST_STATUSES } from '../domain/request-statuses';
import { HANDOVER_REASONS, MEMBER_ROLES, REQUEST_ACTIONS, TEAM_OUTCOMES } from '../domain/team-vocabulary';
import { defineRpc } from './rpc';

const id = z.int();
/** An optional note (1–1000 characters); null or absent for none. */
const optionalNote = z.optional(z.nullable(z.string()));

// ---------------------------------------------------------------------------------------------
// Answer schemas

/** A team as the workspace names it. */
const teamRefSchema = z.object({ id, code: z.string(), name: z.string() });

/** A member as leaders and admins see them (never the account id). */
const memberSchema = z.object({
  id,
  email: z.string(),
  /** Name shown to teammates; may be missing (the email is shown then). */
  name: z.nullable(z.string()),
  role: z.enum(MEMBER_ROLES),
  /** Null for admins on no team. */
  team_id: z.nullable(id),
  /** Whether the person has signed in at least once. */
  signed_in: z.boolean(),
  added_at: z.string(),
});
export type Member = z.output<typeof memberSchema>;

/** Answer of team_session: who the caller is, or `member: null` when on no team. */
const teamSessionSchema = z.object({
  member: z.nullable(
    z.extend(memberSchema, { team: z.nullable(z.extend(teamRefSchema, { commune_name: z.string() })) }),
  ),
  settings: z.optional(
    z.object({
      /** Minutes a team has to accept an assigned request. */
      accept_within_minutes: z.int(),
      /** Unanswered calls needed before closing as not reachable. */
      min_contact_attempts: z.int(),
    }),
  ),
});
export type TeamSession = z.output<typeof teamSessionSchema>;

/** One team in team_list. */
const teamListItemSchema = z.extend(teamRefSchema, {
  commune_name: z.string(),
  active: z.boolean(),
  capacity: z.int(),
  open_count: z.int(),
  member_count: z.int(),
});
export type TeamListItem = z.output<typeof teamListItemSchema>;

/** A request in the queue: no personal data. */
const requestSummarySchema = z.object({
  id,
  reference_code: z.string(),
  status: z.enum(REQUEST_STATUSES),
  created_at: z.string(),
  assigned_at: z.nullable(z.string()),
  /** Accept before this moment, or the escalation job moves the request (assigned only). */
  accept_by: z.nullable(z.string()),
  accepted_at: z.nullable(z.string()),
  closed_at: z.nullable(z.string()),
  cancelled_at: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  commune: z.object({ code: z.string(), name: z.string() }),
  team: z.nullable(teamRefSchema),
  needs: z.array(z.string()),
  guide_code: z.nullable(z.string()),
  guide_step: z.nullable(z.int()),
  time_window: z.string(),
  on_behalf: z.boolean(),
  contact_attempts: z.int(),
  /** How many times the escalation job has moved it. */
  moves: z.int(),
  notes_count: z.int(),
  accepted_by: z.nullable(z.object({ name: z.string(), me: z.boolean() })),
  /** The citizen asked for their personal data to be erased while a team works on the request; it
   * is erased when the request is closed or cancelled (migration 20261128001300). */
  erase_requested: z.boolean(),
});
export type RequestSummary = z.output<typeof requestSummarySchema>;

/** Contact details: only for whoever must call (see app.can_see_contact). */
const requestContactSchema = z.object({
  name: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  helper_name: z.nullable(z.string()),
  helper_phone: z.nullable(z.string()),
  address: z.nullable(z.string()),
  description: z.nullable(z.string()),
  gps: z.nullable(z.object({ lat: z.number(), lon: z.number() })),
  /** Word to say when calling, so the citizen knows the call is genuine. */
  verification_word: z.string(),
});

/** A note in the request's history. */
const requestNoteSchema = z.object({
  id,
  at: z.string(),
  kind: z.enum(['note', 'contact_attempt', 'close', 'release', 'handover']),
  body: z.string(),
  author: z.string(),
  mine: z.boolean(),
});
export type RequestNote = z.output<typeof requestNoteSchema>;

/** An event of the audit trail (no personal data). */
const requestEventSchema = z.object({
  at: z.string(),
  kind: z.string(),
  status_after: z.enum(REQUEST_STATUSES),
  team_name: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  actor: z.string(),
  by: z.nullable(z.string()),
});
export type RequestEvent = z.output<typeof requestEventSchema>;

/** One request with everything the caller may see. */
const requestDetailSchema = z.extend(requestSummarySchema, {
  /** The request's personal data has been erased (at the citizen's request or by retention). */
  personal_data_erased: z.boolean(),
  contact: z.nullable(requestContactSchema),
  notes: z.array(requestNoteSchema),
  events: z.array(requestEventSchema),
  actions: z.array(z.enum(REQUEST_ACTIONS)),
});
export type RequestDetail = z.output<typeof requestDetailSchema>;

/** Answer of team_queue: the page_size oldest open requests, with the true counts in scope. */
const teamQueueSchema = z.object({
  /** True when this is the province pool (admins). */
  pool: z.boolean(),
  team: z.nullable(teamRefSchema),
  /** Open requests in scope (the team's, or the pool's), not only those in `items`. */
  total: z.int(),
  /** Requests in scope waiting to be accepted (or, in the pool, waiting for a team). */
  waiting: z.int(),
  /** The oldest open requests, at most the page size asked for. */
  items: z.array(requestSummarySchema),
});
export type TeamQueue = z.output<typeof teamQueueSchema>;

/** A team suggested for a hand-over. */
const handoverSuggestionSchema = z.extend(teamRefSchema, {
  commune_name: z.string(),
  distance_m: z.number(),
  within_radius: z.boolean(),
  covers_commune: z.boolean(),
  open_count: z.int(),
  capacity: z.int(),
  /** The request was with this team before. */
  had_it: z.boolean(),
});
export type HandoverSuggestion = z.output<typeof handoverSuggestionSchema>;

// ---------------------------------------------------------------------------------------------
// Who is signed in, and which teams

/** team_session(): the caller's membership and team, or `member: null` (binds an invited email to the account). */
export const teamSession = defineRpc('team_session', {}, teamSessionSchema);

/** team_list(): teams the caller may look at (admins: all; others: their own). */
export const teamList = defineRpc('team_list', {}, z.array(teamListItemSchema));

// ---------------------------------------------------------------------------------------------
// The queue and one request

/**
 * team_queue(team_id, pool, page_size): open requests, oldest first: the caller's team, another
 * team (admins, by `team_id`), or the province pool (admins, `pool: true`); the `page_size` oldest
 * (default QUEUE_PAGE_SIZE, 1 to QUEUE_PAGE_MAX), with the true `total` and `waiting` in scope.
 * Errors: forbidden, payload_invalid (page size out of range).
 */
export const teamQueue = defineRpc(
  'team_queue',
  { team_id: z.optional(z.nullable(id)), pool: z.optional(z.boolean()), page_size: z.optional(z.nullable(z.int())) },
  teamQueueSchema,
);

/** team_request(request_id): one request with what the caller may see. Errors: not_found. */
export const teamRequest = defineRpc('team_request', { request_id: id }, requestDetailSchema);

/**
 * accept_request(request_id): "Tôi nhận", accept a request assigned to the caller's team; the
 * answer carries the contact details. Errors: not_found, request_closed, already_accepted, state_invalid.
 */
export const acceptRequest = defineRpc('accept_request', { request_id: id }, requestDetailSchema);

/** add_request_note(request_id, note): adds a note to an open request. Errors: not_found, request_closed, note_invalid. */
export const addRequestNote = defineRpc('add_request_note', { request_id: id, note: z.string() }, requestDetailSchema);

/**
 * record_contact_attempt(request_id, note): records a call nobody answered, on an accepted request.
 * Errors: not_found, request_closed, state_invalid, not_yours, note_invalid.
 */
export const recordContactAttempt = defineRpc(
  'record_contact_attempt',
  { request_id: id, note: optionalNote },
  requestDetailSchema,
);

/**
 * close_request(request_id, outcome, note): closes an accepted request with an outcome
 * (`not_reachable` only after the settings' minimum of recorded calls). Errors: not_found,
 * request_closed, state_invalid, not_yours, outcome_invalid, attempts_too_few, note_invalid.
 */
export const closeRequest = defineRpc(
  'close_request',
  { request_id: id, outcome: z.enum(TEAM_OUTCOMES), note: optionalNote },
  requestDetailSchema,
);

/**
 * release_request(request_id, note): gives an accepted request back to the team's queue (with a
 * new acceptance deadline). Errors: not_found, request_closed, state_invalid, not_yours, note_invalid.
 */
export const releaseRequest = defineRpc('release_request', { request_id: id, note: optionalNote }, requestDetailSchema);

/** handover_suggestions(request_id): nearest other active teams, nearest first. Errors: not_found, request_closed. */
export const handoverSuggestions = defineRpc(
  'handover_suggestions',
  { request_id: id },
  z.array(handoverSuggestionSchema),
);

/**
 * hand_over_request(request_id, to_team_id, reason, note): hands an open request to another active
 * team, which gets the full acceptance time; the request then belongs to `team`. Errors: not_found,
 * request_closed, not_yours, reason_invalid, team_invalid, team_full, note_invalid.
 */
export const handOverRequest = defineRpc(
  'hand_over_request',
  { request_id: id, to_team_id: id, reason: z.enum(HANDOVER_REASONS), note: optionalNote },
  z.object({ id, status: z.literal('assigned'), team: teamRefSchema }),
);

// ---------------------------------------------------------------------------------------------
// Members (leaders: their own team; admins: any team, and the admins on no team)

/**
 * team_members(team_id): members of a team (leaders: theirs; admins: any, or the admins on no team
 * when `team_id` is null). Errors: forbidden.
 */
export const teamMembers = defineRpc('team_members', { team_id: z.optional(z.nullable(id)) }, z.array(memberSchema));

/**
 * add_team_member(email, team_id, role, name): adds a person by email (they sign in later with a
 * code sent there); role `member` by default. Leaders add members or leaders to their own team;
 * admins anyone anywhere. Errors: forbidden, role_invalid, email_invalid, name_invalid,
 * team_invalid, member_exists.
 */
export const addTeamMember = defineRpc(
  'add_team_member',
  {
    email: z.string(),
    team_id: z.optional(z.nullable(id)),
    role: z.optional(z.enum(MEMBER_ROLES)),
    name: z.optional(z.nullable(z.string())),
  },
  memberSchema,
);

/**
 * remove_team_member(member_id): removes a member; requests they had accepted go back to their
 * team (`released` counts them). Errors: not_found, forbidden, cannot_remove_self.
 */
export const removeTeamMember = defineRpc(
  'remove_team_member',
  { member_id: id },
  z.object({ removed: z.literal(true), released: z.int() }),
);
