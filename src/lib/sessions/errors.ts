/**
 * The Vietnamese message for each error code of the help-session and public-information RPCs
 * (src/lib/i18n/vi/sessions.json), and which form field each one is about. Codes the workspace
 * shares with the rest of /doi/ (not_member, network …) fall back to its messages.
 */
import sessions from '../i18n/vi/sessions.json';
import { t, type MessageKey } from '../i18n/sessions';
import { errorText as teamErrorText } from '../team/labels';

/** Fields of the session form, in its order (the error summary links to them). */
export const SESSION_FIELDS = ['place', 'address', 'commune', 'day', 'time', 'weekdays', 'until', 'topics', 'note'] as const;
export type SessionField = (typeof SESSION_FIELDS)[number];

const FIELD_OF: Record<string, SessionField> = {
  place_invalid: 'place',
  address_invalid: 'address',
  commune_invalid: 'commune',
  day_invalid: 'day',
  time_invalid: 'time',
  weekdays_invalid: 'weekdays',
  until_invalid: 'until',
  topics_invalid: 'topics',
  note_invalid: 'note',
};

/** The form field an error code is about, or null for the form as a whole. */
export function sessionFieldOf(code: string): SessionField | null {
  return FIELD_OF[code] ?? null;
}

/** The message for an RPC error code of sessions and public information. */
export function sessionErrorText(code: string): string {
  const key = `sessions.error.${code}`;
  return key in sessions ? t(key as MessageKey) : teamErrorText(code);
}
