/**
 * URLs of the portal's pages. They are printed in QR codes, so they are short Vietnamese slugs
 * without diacritics and must never change once published.
 */

/** A guide page: /vssid/quen-mat-khau/ */
export function guidePath(platform: string, slug: string): string {
  return `/${platform}/${slug}/`;
}

/** The short link printed on posters: /g/vs4/ (redirects to the guide). */
export function shortPath(code: string): string {
  return `/g/${code}/`;
}

/** A platform hub: /vssid/ */
export function platformPath(platform: string): string {
  return `/${platform}/`;
}

export interface BookingPreset {
  /** Short code of the guide the citizen came from. */
  guide?: string;
  /** Number of the step where the citizen got stuck (1-based). */
  step?: number;
  /** Slug of the citizen's commune (from a commune poster). */
  commune?: string;
  /** Poster id, for anonymous scan counting. */
  poster?: string;
}

/** The booking form, optionally preselected: /dat-lich/?huong-dan=vs4&buoc=3 or /dat-lich/?xa=ha-tu */
export function bookingPath(preset: BookingPreset = {}): string {
  const params = new URLSearchParams();
  if (preset.guide) params.set('huong-dan', preset.guide);
  if (preset.step) params.set('buoc', String(preset.step));
  if (preset.commune) params.set('xa', preset.commune);
  if (preset.poster) params.set('p', preset.poster);
  const query = params.toString();
  return query ? `/dat-lich/?${query}` : '/dat-lich/';
}

/** Anchor of a guide step, announced with its number: #buoc-3 */
export function stepAnchor(step: number): string {
  return `buoc-${step}`;
}

/** A commune page (teams, phone, help sessions): /xa/ha-tu/ */
export function communePath(slug: string): string {
  return `/xa/${slug}/`;
}

/** "Bạn ở xã/phường nào sau sáp nhập?", the list of communes with their former units: /xa/ */
export const COMMUNE_INDEX_PATH = '/xa/';
