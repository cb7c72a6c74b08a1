/**
 * Poster ids: the `?p=` value that every QR code on a printed poster carries, so that scans can be
 * counted per poster and per day without anything about the person who scanned.
 *
 * - guide poster:   `g-<guide code>`    (g-vs4)
 * - commune poster: `x-<commune slug>`  (x-ha-tu)
 * - team poster:    `t-<team code>`     (t-demo-honggai), A4, printed from /doi/
 * - team sticker:   `n-<team code>`     (n-demo-honggai), A6, printed from /doi/
 *
 * Ids are derived from stable identifiers (short codes and commune slugs never change once printed),
 * so a poster printed today is counted under the same id for years. This module has no
 * dependencies: the scan beacon loads it on every page.
 *
 * The same pattern is enforced in SQL by `public.record_poster_scan` (migration
 * 20261128001000_poster_scans.sql); a unit test keeps the two in step.
 */

/** Longest poster id accepted (the SQL function checks the same bound). */
export const POSTER_ID_MAX_LENGTH = 40;

/** Format of a poster id. */
export const POSTER_ID_PATTERN = /^(g-[a-z0-9]{2,8}|x-[a-z0-9]+(-[a-z0-9]+)*|[tn]-[a-z0-9][a-z0-9-]{1,31})$/;

/** Whether a value is a well-formed poster id. */
export function isPosterId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= POSTER_ID_MAX_LENGTH && POSTER_ID_PATTERN.test(value);
}

/** Poster id of a guide poster: `g-vs4`. */
export function guidePosterId(code: string): string {
  return checked(`g-${code}`);
}

/** Poster id of a commune poster: `x-ha-tu`. */
export function communePosterId(slug: string): string {
  return checked(`x-${slug}`);
}

/** Poster id of a team's A4 poster (`t-…`) or A6 sticker (`n-…`): the team code in lower case. */
export function teamPosterId(code: string, kind: 'a4' | 'a6'): string {
  return checked(`${kind === 'a4' ? 't' : 'n'}-${code.toLowerCase()}`);
}

function checked(id: string): string {
  if (!isPosterId(id)) throw new Error(`Invalid poster id "${id}"`);
  return id;
}
