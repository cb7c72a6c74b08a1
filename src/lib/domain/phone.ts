/**
 * Vietnamese phone numbers as people type them: "+84 912 345 678", "0912.345.678", "84912345678",
 * "(0203) 3825 123", "912345678". The database has the same rules in `app.normalize_phone()`
 * (supabase/migrations/20261128000500_request_validation.sql); tests run one table of cases
 * through both, so change them together.
 */

/** Spaces, no-break spaces, dots, dashes, brackets and slashes people put between digits. */
const SEPARATORS = /[ .()/\u00a0-]/g;

/**
 * Normalises a Vietnamese mobile (10 digits, 03x/05x/07x/08x/09x) or landline (11 digits, 02x)
 * number to its national form `0XXXXXXXXX` / `02XXXXXXXXX`; returns null when it is not one.
 * Accepts the +84, 84 and 0084 country prefixes (also "+84 0…"), and a missing leading 0.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  // Code points, as PostgreSQL's char_length counts them.
  if (raw == null || [...raw].length > 30) return null;
  let d = raw.replace(SEPARATORS, '');
  if (!/^\+?[0-9]+$/.test(d)) return null;
  if (d.startsWith('+84')) d = `0${d.slice(3)}`;
  else if (d.startsWith('+')) return null;
  else if (d.startsWith('0084')) d = `0${d.slice(4)}`;
  else if (d.startsWith('84') && (d.length === 11 || d.length === 12)) d = `0${d.slice(2)}`;
  if (d.startsWith('00')) d = d.slice(1);
  if (/^[35789][0-9]{8}$/.test(d) || /^2[0-9]{9}$/.test(d)) d = `0${d}`;
  if (/^0[35789][0-9]{8}$/.test(d) || /^02[0-9]{9}$/.test(d)) return d;
  return null;
}

/** A normalised number grouped for reading: "0912 345 678", "0203 3825 123". */
export function formatPhone(phone: string): string {
  if (/^0[35789][0-9]{8}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  if (/^02[0-9]{9}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 8)} ${phone.slice(8)}`;
  return phone;
}
