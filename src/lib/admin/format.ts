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
export function fieldProblem(e: { column: string | null; code: string; first_line?: number }): string {
  const text = FIELD_ERRORS.has(e.code) ? t(`admin.error.${e.code}` as MessageKey, { first: e.first_line ?? '' }) : e.code;
  return e.column ? `${t('admin.import.errorColumn', { column: e.column })}: ${text}` : text;
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
