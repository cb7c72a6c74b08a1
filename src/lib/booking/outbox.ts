import type { HelpRequestAnswer } from '../api/booking';
import type { HelpRequest } from '../schemas/help-request';
import { CONFIRMATION_KEY, OUTBOX_KEY } from './outbox-key';

/**
 * The booking outbox: a submitted request waits here, with its idempotency key, until the server
 * has answered, so that a lost network, a reload or a double tap never loses or duplicates it
 * (the server returns the first answer for a repeated key). It lives in localStorage, so closing
 * the tab (or the browser) loses nothing: the form resumes it on /dat-lich/, and every other page of
 * the site sends it on the next visit (src/components/site/PendingRequest.astro). It holds personal
 * data only until the answer arrives. The confirmation stays in sessionStorage (a reload of the tab
 * shows it again); the codes the device remembers for longer are my-requests.ts (no name, no phone).
 */

/** A request waiting to be sent. */
export interface PendingBooking {
  /** The payload, including its idempotency key; re-sent unchanged. */
  payload: HelpRequest;
  /** Failed attempts so far (drives the back-off). */
  attempts: number;
  /** When the citizen pressed "Gửi yêu cầu" (ms since epoch). */
  queuedAt: number;
  /** Name of the chosen commune, remembered with the code once it is sent (pages other than the form have no list). */
  communeName?: string;
}

/** A confirmed booking, kept so that a reload shows the confirmation again (no personal data). */
export interface ConfirmedBooking {
  answer: HelpRequestAnswer;
  /** Name of the commune, for the printed confirmation. */
  communeName?: string;
}


/** sessionStorage when the browser allows it (private modes and old browsers may not). */
export function bookingStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** localStorage when the browser allows it: what must outlive the tab (the outbox, remembered codes). */
export function durableStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function read<T>(storage: Storage | undefined, key: string): T | null {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or forbidden: the request still goes out from memory; only reload-safety is lost.
  }
}

/** The request waiting to be sent, if any. */
export function readOutbox(storage = durableStorage()): PendingBooking | null {
  const pending = read<PendingBooking>(storage, OUTBOX_KEY);
  return pending && typeof pending.payload?.idempotency_key === 'string' ? pending : null;
}

export function writeOutbox(pending: PendingBooking | null, storage = durableStorage()): void {
  write(storage, OUTBOX_KEY, pending);
}

export function readConfirmation(storage = bookingStorage()): ConfirmedBooking | null {
  const confirmed = read<ConfirmedBooking>(storage, CONFIRMATION_KEY);
  return confirmed && typeof confirmed.answer?.reference_code === 'string' ? confirmed : null;
}

export function writeConfirmation(confirmed: ConfirmedBooking | null, storage = bookingStorage()): void {
  write(storage, CONFIRMATION_KEY, confirmed);
}

/**
 * Milliseconds to wait before attempt number `attempt` + 1: 2 s, 4 s, 8 s, 16 s, then every 30 s,
 * with ±20 % jitter so that many phones coming back online do not all retry at once.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A new idempotency key (UUID v4), also where crypto.randomUUID is missing (plain http). */
export function newIdempotencyKey(source: Crypto | undefined = globalThis.crypto): string {
  if (source && typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = new Uint8Array(16);
  if (source) source.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** How the form starts when the page loads. */
type BookingStart =
  /** Show the confirmation of the booking just made again (a reload after it). */
  | { kind: 'confirmation'; confirmed: ConfirmedBooking }
  /** Send the request still waiting in the outbox (a reload while waiting), its inputs shown. */
  | { kind: 'resume'; pending: PendingBooking }
  /** A new, empty (or preset) form. */
  | { kind: 'fresh' };

/**
 * Decides how the form starts from what the tab kept: a pending request is always resumed; a
 * confirmation is shown again unless the address presets a new booking (a link with any of the
 * preset parameters, ?huong-dan=, ?buoc=, ?xa= or ?p=, always means a new one: hasPreset() in
 * presets.ts). `dropConfirmation` says when the kept confirmation is done with.
 */
export function bookingStart(
  confirmed: ConfirmedBooking | null,
  pending: PendingBooking | null,
  presetInUrl: boolean,
): BookingStart & { dropConfirmation: boolean } {
  if (confirmed && !pending && !presetInUrl) return { kind: 'confirmation', confirmed, dropConfirmation: false };
  const dropConfirmation = confirmed !== null;
  return pending ? { kind: 'resume', pending, dropConfirmation } : { kind: 'fresh', dropConfirmation };
}
