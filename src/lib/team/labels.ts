/**
 * Vietnamese labels of the workspace's codes (statuses, outcomes, reasons, roles, errors, event
 * kinds), in one place so that every screen says the same thing. Texts live in
 * src/lib/i18n/vi/team.json.
 */
import { t, type MessageKey } from '../i18n/team';
import type { RequestStatus } from '../domain/request-statuses';
import type { RequestEvent, RequestNote } from '../api/team';
import {
  HANDOVER_REASONS,
  OUTCOMES,
  TEAM_ERROR_CODES,
  type MemberRole,
  type RequestAction,
} from '../domain/team-vocabulary';

const keyed = <T extends string>(codes: readonly T[], prefix: string) =>
  Object.fromEntries(codes.map((code) => [code, `${prefix}${code}` as MessageKey])) as Record<T, MessageKey>;

export const STATUS_LABELS: Record<RequestStatus, MessageKey> = {
  unassigned: 'team.status.unassigned',
  assigned: 'team.status.assigned',
  accepted: 'team.status.accepted',
  closed: 'team.status.closed',
  cancelled: 'team.status.cancelled',
};

export const ROLE_LABELS: Record<MemberRole, MessageKey> = {
  member: 'team.role.member',
  leader: 'team.role.leader',
  admin: 'team.role.admin',
};

export const ACTION_LABELS: Record<RequestAction, MessageKey> = {
  accept: 'team.action.accept',
  note: 'team.action.note',
  contact_attempt: 'team.action.contact_attempt',
  close: 'team.action.close',
  release: 'team.action.release',
  hand_over: 'team.action.hand_over',
};

/** The button that confirms each action's form. */
export const SAVE_LABELS: Record<Exclude<RequestAction, 'accept'>, MessageKey> = {
  note: 'team.note.save',
  contact_attempt: 'team.attempt.save',
  close: 'team.close.save',
  release: 'team.release.save',
  hand_over: 'team.handover.save',
};

/** What kind of note it is, beside its author (plain notes say nothing). */
export const NOTE_KIND_LABELS: Record<RequestNote['kind'], MessageKey> = {
  note: 'team.noteKind.note',
  contact_attempt: 'team.noteKind.contact_attempt',
  close: 'team.noteKind.close',
  release: 'team.noteKind.release',
  handover: 'team.noteKind.handover',
};

export const OUTCOME_LABELS = keyed(OUTCOMES, 'team.outcome.');
export const REASON_LABELS = keyed(HANDOVER_REASONS, 'team.reason.');
const ERROR_LABELS = keyed(TEAM_ERROR_CODES, 'team.error.');

/** The message for an RPC error code; anything unknown is a network or unexpected failure. */
export function errorText(code: string): string {
  if (code in ERROR_LABELS) return t(ERROR_LABELS[code as keyof typeof ERROR_LABELS]);
  return t(code === 'network' ? 'team.error.network' : 'team.error.unexpected');
}

/** An outcome code in words (unknown codes as they are). */
export function outcomeText(outcome: string | null): string {
  return outcome && outcome in OUTCOME_LABELS ? t(OUTCOME_LABELS[outcome as keyof typeof OUTCOME_LABELS]) : (outcome ?? '');
}

/** One line of a request's history. */
export function eventText(event: RequestEvent): string {
  const by = event.by ?? t('team.event.someone');
  const team = event.team_name ?? '';
  switch (event.kind) {
    case 'received':
      return t('team.event.received');
    case 'unassigned':
      return t('team.event.unassigned');
    case 'cancelled':
      return t('team.event.cancelled');
    case 'assigned':
      return t('team.event.assigned', { team });
    case 'accepted':
      return t('team.event.accepted', { by });
    case 'released':
      return t('team.event.released', { by });
    case 'noted':
      return t('team.event.noted', { by });
    case 'contact_attempt':
      return t('team.event.contact_attempt', { by });
    case 'erasure_requested':
      return t('team.event.erasure_requested');
    case 'personal_data_erased':
      return t('team.event.personal_data_erased');
    case 'handed_over':
      return t('team.event.handed_over', { by, team });
    case 'closed':
      return t('team.event.closed', { outcome: outcomeText(event.reason) });
    case 'escalated':
      return event.status_after === 'assigned' ? t('team.event.escalatedTeam', { team }) : t('team.event.escalatedPool');
    default:
      return t('team.event.other', { kind: event.kind });
  }
}
