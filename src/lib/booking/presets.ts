/**
 * What a link to the booking form may fill in: `?huong-dan=<guide>&buoc=<step>` from a guide's
 * "Bị vướng ở bước này?" link, `?xa=<commune slug>` from a commune poster and `?p=<poster id>`
 * for the poster statistics. Pure; unknown or malformed values are ignored, never shown.
 */
import { NEED_IDS, type NeedId } from '../schemas/help-request';
import type { CommuneChoice } from './communes';
import type { BookingValues } from './form-values';

/** A guide the citizen may come from (`?huong-dan=<code>&buoc=<n>`). */
export interface GuideChoice {
  code: string;
  title: string;
  platform: string;
  /** Number of steps, to check `buoc`. */
  steps: number;
}

/** The query parameters that preset the form; any of them means a new booking. */
const PRESET_PARAMS = ['huong-dan', 'buoc', 'xa', 'p'] as const;

/** The highest step number a link may name, whatever the guide says. */
const MAX_STEP = 50;
const POSTER_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Whether the address presets the form (so it asks for a new booking, not the last confirmation). */
export function hasPreset(params: URLSearchParams): boolean {
  return PRESET_PARAMS.some((name) => params.has(name));
}

/**
 * The inputs a link fills in: the guide (and its platform as the need, and the step when the guide
 * has it), the commune and the poster.
 */
export function presetFromUrl(
  params: URLSearchParams,
  guides: readonly GuideChoice[],
  communes: readonly CommuneChoice[],
): Partial<BookingValues> {
  const preset: Partial<BookingValues> = {};
  const guide = guides.find((g) => g.code === params.get('huong-dan'));
  if (guide) {
    preset.guideCode = guide.code;
    if ((NEED_IDS as readonly string[]).includes(guide.platform)) preset.needs = [guide.platform as NeedId];
    const step = Number(params.get('buoc'));
    if (Number.isInteger(step) && step >= 1 && step <= Math.min(guide.steps, MAX_STEP)) preset.guideStep = step;
  }
  const commune = communes.find((c) => c.slug === params.get('xa'));
  if (commune) preset.communeCode = commune.code;
  const poster = params.get('p');
  if (poster && POSTER_ID.test(poster)) preset.poster = poster;
  return preset;
}
