/**
 * Words and figures of the admin workspace (/quan-tri/): error messages, field problems of a team
 * or a CSV line, durations, weeks (days in Vietnam's time zone: src/lib/domain/vietnam-time.ts). Pure (the caller passes `now`), so they
 * are unit-tested directly (tests/unit/admin-format.test.ts). Texts live in src/lib/i18n/vi/admin.json.
 */
import { t, type MessageKey } from '../i18n/admin';

/** The message for an RPC error code of the admin contracts. */
export function errorText(code: string): string {
  return code === 'network' ? t('admin.error.network') : t('admin.error.generic', { code });
}

/** Field problem codes of admin_save_team and admin_import_teams that have words of their own. */
const FIELD_ERRORS: ReadonlySet<string> = new Set([
  'required', 'invalid', 'out_of_range', 'outside_province', 'unknown', 'exists', 'immutable', 'duplicate',
  'field_count', 'csv_malformed', 'column_unknown', 'column_missing', 'column_duplicate', 'file_empty', 'no_rows',
  'too_many_rows', 'file_too_large',
]);

/**
 * A field problem in words: "cột capacity: giá trị nằm ngoài khoảng cho phép" (the column is left
 * out when `column` is null, as beside the field of a form). Unknown codes are shown as they are.
 */
export function fieldProblem(e: { column: string | null; code: string; first_line?: number; value?: string }): string {
  let text = FIELD_ERRORS.has(e.code) ? t(`admin.error.${e.code}` as MessageKey, { first: e.first_line ?? '' }) : e.code;
  // What was written, and what the column expects: "đang ghi «12345», cần: số điện thoại …".
  if (e.value !== undefined) text += ` (${t('admin.import.youWrote', { value: e.value })})`;
  if (e.column && FORMAT_CODES.has(e.code) && Object.hasOwn(COLUMN_FORMATS, e.column)) {
    text += `. ${t('admin.import.expected', { format: t(COLUMN_FORMATS[e.column]!) })}`;
  }
  return e.column ? `${t('admin.import.errorColumn', { column: e.column })}: ${text}` : text;
}

/** Problems with a value whose fix is to write it in the expected format. */
const FORMAT_CODES: ReadonlySet<string> = new Set(['invalid', 'out_of_range', 'outside_province', 'unknown']);

/** The format each team column expects, in words with an example. */
const COLUMN_FORMATS: Record<string, MessageKey> = Object.fromEntries(
  ['code', 'name', 'commune', 'base_lat', 'base_lon', 'service_radius_m', 'capacity', 'public_phone', 'active', 'covers'].map(
    (column) => [column, `admin.format.${column}` as MessageKey],
  ),
);

/** A poster id of the scan counts (`g-vs4`) as its poster's name; the id itself when unknown. */
export function posterLabel(poster: string, names: Readonly<Record<string, string>>): string {
  return Object.hasOwn(names, poster) ? names[poster]! : poster;
}

/** A duration for people: minutes below 2 hours, hours (one decimal) below 2 days, then days. */
export function duration(minutes: number | null): string {
  if (minutes === null) return t('admin.stats.none');
  if (minutes < 120) return t('admin.stats.minutes', { value: Math.round(minutes) });
  if (minutes < 48 * 60) return t('admin.stats.hours', { value: Math.round(minutes / 6) / 10 });
  return t('admin.stats.days', { value: Math.round(minutes / 144) / 10 });
}

/** A week (its Monday, `YYYY-MM-DD`) the Vietnamese way: `03/03/2025`. */
export function weekLabel(week: string): string {
  return week.split('-').reverse().join('/');
}
