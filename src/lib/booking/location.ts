/**
 * What "Dùng vị trí của tôi" does with the phone's position: a point inside the province is kept
 * (rounded to about 100 m when sent) and, when no commune is chosen yet, the nearest one is
 * suggested; a point outside the province is dropped. Pure; the island's useGeolocation asks.
 */
import { isInProvince } from '../schemas/help-request';
import { nearestCommune, type CommuneChoice } from './communes';

/** What the location line under the button says. */
export type LocationState = 'idle' | 'locating' | 'got' | 'suggested' | 'outside' | 'failed';

/** The outcome of a position: what to keep, the commune to choose, and what to say. */
export interface LocatedPlace {
  state: 'got' | 'suggested' | 'outside';
  location: { lat: number; lon: number } | null;
  /** The commune suggested from the point (only when none was chosen). */
  commune?: CommuneChoice;
}

/** Decides what a position means for the form. */
export function placeOf(
  lat: number,
  lon: number,
  communes: CommuneChoice[],
  communeChosen: boolean,
): LocatedPlace {
  if (!isInProvince(lat, lon)) return { state: 'outside', location: null };
  const location = { lat, lon };
  const commune = communeChosen ? undefined : nearestCommune(communes, lat, lon);
  return commune ? { state: 'suggested', location, commune } : { state: 'got', location };
}
