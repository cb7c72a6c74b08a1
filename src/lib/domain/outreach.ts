/**
 * Vocabulary of the outreach log (migration 20261128002200_outreach_log.sql): the kinds of field
 * work, the counted figures, the limits the SQL checks and the error codes it raises. The keys are
 * stable ASCII, as stored; the Vietnamese labels are in src/lib/i18n/vi/outreach.json.
 */

/** Kinds of field work, in the order the form shows them. */
export const OUTREACH_KINDS = [
  'home_visit',
  'help_session',
  'training',
  'cashless_shops',
  'qr_labels',
  'flyers',
  'other',
] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

/** The figures an entry counts, with the largest value one entry may hold (as in the SQL). */
export const OUTREACH_COUNT_MAX = {
  people_helped: 1000,
  shops: 500,
  flyers: 20000,
  participants: 2000,
} as const;
export type OutreachCount = keyof typeof OUTREACH_COUNT_MAX;
export const OUTREACH_COUNTS = Object.keys(OUTREACH_COUNT_MAX) as OutreachCount[];

/** The longest note, in characters. */
export const OUTREACH_NOTE_MAX = 300;

/** Codes save_outreach_entry, delete_outreach_entry and outreach_entries may raise. */
export const OUTREACH_ERROR_CODES = [
  'not_member',
  'no_team',
  'forbidden',
  'rate_limited',
  'not_found',
  'not_yours',
  'edit_closed',
  'entry_invalid',
  'kind_invalid',
  'count_invalid',
  'counts_required',
  'commune_unknown',
  'day_invalid',
  'day_future',
  'day_too_old',
  'platforms_invalid',
  'note_invalid',
  'note_has_phone',
  'range_invalid',
  'network',
  'unexpected',
] as const;
export type OutreachErrorCode = (typeof OUTREACH_ERROR_CODES)[number];
