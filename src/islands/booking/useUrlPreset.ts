import { useEffect, useState } from 'react';
import type { CommuneChoice } from '../../lib/booking/communes';
import type { BookingValues } from '../../lib/booking/form-values';
import { hasPreset, presetFromUrl, type GuideChoice } from '../../lib/booking/presets';

/** What the address asks of the form: whether it presets a new booking, and the inputs it fills. */
interface UrlPreset {
  inUrl: boolean;
  values: Partial<BookingValues>;
}

/**
 * The form's preset from the address (?huong-dan=&buoc=, ?xa=, ?p=; src/lib/booking/presets.ts),
 * read once after hydration: the page is rendered at build time, without the query. Null until then.
 */
export function useUrlPreset(guides: readonly GuideChoice[], communes: readonly CommuneChoice[]): UrlPreset | null {
  const [preset, setPreset] = useState<UrlPreset | null>(null);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    setPreset({ inUrl: hasPreset(params), values: presetFromUrl(params, guides, communes) });
  }, [guides, communes]);
  return preset;
}
