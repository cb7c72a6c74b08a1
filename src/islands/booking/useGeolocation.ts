import { useState } from 'react';
import type { CommuneChoice } from '../../lib/booking/communes';
import { placeOf, type LocatedPlace, type LocationState } from '../../lib/booking/location';

/** Options of the one position asked for: coarse is enough (the payload is rounded to about 100 m). */
const POSITION_OPTIONS: PositionOptions = { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 };

/**
 * "Dùng vị trí của tôi": asks the browser for the position once per tap and hands the outcome
 * (src/lib/booking/location.ts) to `onPlace`; `state` and `suggested` feed the line that says what
 * happened. `communeChosen` is taken as it was at the tap.
 */
export function useGeolocation(
  communes: CommuneChoice[],
  communeChosen: boolean,
  onPlace: (place: LocatedPlace) => void,
) {
  const [state, setState] = useState<LocationState>('idle');
  const [suggested, setSuggested] = useState('');

  function locate() {
    if (!('geolocation' in navigator)) {
      setState('failed');
      return;
    }
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const place = placeOf(position.coords.latitude, position.coords.longitude, communes, communeChosen);
        onPlace(place);
        if (place.commune) setSuggested(place.commune.name);
        setState(place.state);
      },
      () => setState('failed'),
      POSITION_OPTIONS,
    );
  }

  return { state, suggested, locate, reset: () => setState('idle') };
}
