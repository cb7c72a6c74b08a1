/**
 * Where the booking outbox (outbox.ts) lives in localStorage, alone in this module so that the
 * check every page makes (src/components/site/PendingRequest.astro) costs a few bytes.
 */
export const OUTBOX_KEY = 'tgs.booking.outbox.v1';

/** Where the last confirmation lives in sessionStorage (outbox.ts; read early by /dat-lich/ too). */
export const CONFIRMATION_KEY = 'tgs.booking.confirmation.v1';

/** Whether a booking waits in this device's outbox (read in full by outbox.ts when it does). */
export function hasPendingBooking(): boolean {
  try {
    return localStorage.getItem(OUTBOX_KEY) !== null;
  } catch {
    return false;
  }
}
