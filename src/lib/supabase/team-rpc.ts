/**
 * The team workspace's RPCs (supabase/migrations/20261128040000_team_members.sql and
 * 20261128040100_team_workspace.sql), each wrapped once: arguments in, the answer validated by its
 * zod schema (src/lib/schemas/team.ts), or a stable error code (TEAM_ERROR_CODES, `network`,
 * `unexpected`). All need a signed-in member; none is callable as anon. Every call is a POST, so no
 * argument (notes may hold personal data) ever travels in a URL.
 */
import { z } from 'zod';
import type { SupabaseClient } from '@supabase/supabase-js';
import { callRpc } from './rpc';
import {
  handOverResultSchema,
  handoverSuggestionSchema,
  memberSchema,
  QUEUE_PAGE_SIZE,
  removeMemberResultSchema,
  requestDetailSchema,
  teamListItemSchema,
  teamQueueSchema,
  teamSessionSchema,
  type HandoverReason,
  type MemberRole,
  type TeamOutcome,
} from '../schemas/team';

/** Who the caller is: their membership and team, or `member: null` when on no team. */
export function fetchTeamSession(client?: SupabaseClient) {
  return callRpc('team_session', {}, teamSessionSchema, client);
}

/** Teams the caller may look at (admins: all; others: their own). */
export function fetchTeamList(client?: SupabaseClient) {
  return callRpc('team_list', {}, z.array(teamListItemSchema), client);
}

/**
 * Open requests, oldest first: the caller's team, another team (admins), or the province pool
 * (admins); the `pageSize` oldest (default QUEUE_PAGE_SIZE, 1 to QUEUE_PAGE_MAX, else
 * `payload_invalid`), with the true `total` and `waiting` in scope.
 */
export function fetchTeamQueue(
  scope: { teamId?: number | null; pool?: boolean; pageSize?: number | null } = {},
  client?: SupabaseClient,
) {
  return callRpc(
    'team_queue',
    { team_id: scope.teamId ?? null, pool: scope.pool ?? false, page_size: scope.pageSize === undefined ? QUEUE_PAGE_SIZE : scope.pageSize },
    teamQueueSchema,
    client,
  );
}

/** One request with what the caller may see. */
export function fetchTeamRequest(requestId: number, client?: SupabaseClient) {
  return callRpc('team_request', { request_id: requestId }, requestDetailSchema, client);
}

/** "Tôi nhận": accept an assigned request; the answer carries the contact details. */
export function acceptRequest(requestId: number, client?: SupabaseClient) {
  return callRpc('accept_request', { request_id: requestId }, requestDetailSchema, client);
}

/** Adds a note to an open request. */
export function addRequestNote(requestId: number, note: string, client?: SupabaseClient) {
  return callRpc('add_request_note', { request_id: requestId, note }, requestDetailSchema, client);
}

/** Records a call that nobody answered (with an optional note). */
export function recordContactAttempt(requestId: number, note: string | null = null, client?: SupabaseClient) {
  return callRpc('record_contact_attempt', { request_id: requestId, note }, requestDetailSchema, client);
}

/** Closes an accepted request with an outcome (and an optional note). */
export function closeRequest(requestId: number, outcome: TeamOutcome, note: string | null = null, client?: SupabaseClient) {
  return callRpc('close_request', { request_id: requestId, outcome, note }, requestDetailSchema, client);
}

/** Gives an accepted request back to the team's queue. */
export function releaseRequest(requestId: number, note: string | null = null, client?: SupabaseClient) {
  return callRpc('release_request', { request_id: requestId, note }, requestDetailSchema, client);
}

/** Nearest other active teams, for handing a request over. */
export function fetchHandoverSuggestions(requestId: number, client?: SupabaseClient) {
  return callRpc('handover_suggestions', { request_id: requestId }, z.array(handoverSuggestionSchema), client);
}

/** Hands a request to another team with a reason (and an optional note). */
export function handOverRequest(
  requestId: number,
  toTeamId: number,
  reason: HandoverReason,
  note: string | null = null,
  client?: SupabaseClient,
) {
  return callRpc(
    'hand_over_request',
    { request_id: requestId, to_team_id: toTeamId, reason, note },
    handOverResultSchema,
    client,
  );
}

/** Members of a team (leaders: theirs; admins: any, or the admins on no team without a team id). */
export function fetchTeamMembers(teamId: number | null = null, client?: SupabaseClient) {
  return callRpc('team_members', { team_id: teamId }, z.array(memberSchema), client);
}

/** Adds a person by email (they sign in later with a code sent to that email). */
export function addTeamMember(
  member: { email: string; teamId?: number | null; role?: MemberRole; name?: string | null },
  client?: SupabaseClient,
) {
  return callRpc(
    'add_team_member',
    { email: member.email, team_id: member.teamId ?? null, role: member.role ?? 'member', name: member.name ?? null },
    memberSchema,
    client,
  );
}

/** Removes a member; requests they had accepted go back to their team. */
export function removeTeamMember(memberId: number, client?: SupabaseClient) {
  return callRpc('remove_team_member', { member_id: memberId }, removeMemberResultSchema, client);
}
