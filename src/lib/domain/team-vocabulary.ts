/**
 * The team workspace's vocabularies (roles, outcomes, reasons, actions, error codes): the same
 * closed lists the SQL checks. Plain lists, no zod: the contracts (src/lib/api/team.ts) build
 * their answer schemas from them and the screens label them (src/lib/team/labels.ts).
 */

/** Roles of a member: works requests; also manages the team's members; all teams and members. */
export const MEMBER_ROLES = ['member', 'leader', 'admin'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Outcomes a member may close a request with. */
export const TEAM_OUTCOMES = ['helped', 'not_reachable', 'citizen_cancelled', 'out_of_scope'] as const;
export type TeamOutcome = (typeof TEAM_OUTCOMES)[number];

/** Every outcome a closed request may carry (the team's, and two older ones). */
export const OUTCOMES = [...TEAM_OUTCOMES, 'partly_helped', 'not_needed'] as const;

/** Reasons for handing a request to another team (a closed list: codes, no personal data). */
export const HANDOVER_REASONS = ['too_far', 'team_full', 'needs_other_skills', 'citizen_request', 'pool_assignment', 'other'] as const;
export type HandoverReason = (typeof HANDOVER_REASONS)[number];

/** What a member may do with a request right now (the server decides; the RPCs check again). */
export const REQUEST_ACTIONS = ['accept', 'note', 'contact_attempt', 'close', 'release', 'hand_over'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Stable error codes of the team RPCs (besides `network` and `unexpected` from callRpc). */
export const TEAM_ERROR_CODES = [
  'not_member',
  'forbidden',
  'not_found',
  'request_closed',
  'state_invalid',
  'already_accepted',
  'not_yours',
  'note_invalid',
  'outcome_invalid',
  'reason_invalid',
  'team_invalid',
  'team_full',
  'attempts_too_few',
  'role_invalid',
  'email_invalid',
  'name_invalid',
  'member_exists',
  'cannot_remove_self',
] as const;

/** Longest note, in characters. */
export const NOTE_MAX_LENGTH = 1000;

/** Requests the queue (team_queue) sends by default and adds on "Xem thêm"; the most in one answer. */
export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_PAGE_MAX = 500;
