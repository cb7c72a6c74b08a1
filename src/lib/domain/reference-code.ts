/**
 * Reference codes of help requests: "QN-7K4-M9P-X2A". Nine characters from an alphabet without
 * the look-alikes 0/O, 1/I/L and U (about 44 random bits, made in SQL by `app.new_reference_code()`),
 * in groups of three so they are easy to read aloud over the phone.
 */

/** The 30 characters codes are made of. */
export const REFERENCE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A canonical reference code. */
export const REFERENCE_CODE_PATTERN = /^QN-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/;

/**
 * A code as typed ("qn 7k4 m9p x2a", "7K4M9PX2A") → "QN-7K4-M9P-X2A", or null when it cannot be one.
 * Mirrors `app.normalize_reference_code()`.
 */
export function normalizeReferenceCode(raw: string | null | undefined): string | null {
  if (raw == null || [...raw].length > 40) return null;
  let c = raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (c.length === 11 && c.startsWith('QN')) c = c.slice(2);
  if (!/^[2-9A-HJKMNP-TV-Z]{9}$/.test(c)) return null;
  return `QN-${c.slice(0, 3)}-${c.slice(3, 6)}-${c.slice(6, 9)}`;
}
