import { durableStorage } from './outbox';

/**
 * "Yêu cầu của bạn trên máy này": the reference codes of the requests sent from this device, kept
 * in localStorage until the citizen removes them, so a closed tab never loses the code. Only the
 * code, the commune's name and the day are kept: never the name or the phone (a code alone opens
 * nothing; /tra-cuu/ also asks for the phone).
 */

/** One remembered request. */
export interface RememberedRequest {
  /** Reference code, QN-XXX-XXX-XXX. */
  code: string;
  /** Name of the commune, when known. */
  commune?: string;
  /** When it was sent (ISO timestamp, from the server's answer). */
  at: string;
}

const MINE_KEY = 'tgs.booking.mine.v1';
/** The newest codes kept; older ones drop off. */
export const MAX_REMEMBERED = 10;

function isRemembered(value: unknown): value is RememberedRequest {
  const entry = value as RememberedRequest | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.code === 'string' &&
    typeof entry.at === 'string' &&
    (entry.commune === undefined || typeof entry.commune === 'string')
  );
}

/** The remembered requests, newest first. */
export function readMyRequests(storage = durableStorage()): RememberedRequest[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(MINE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRemembered) : [];
  } catch {
    return [];
  }
}

function save(entries: RememberedRequest[], storage: Storage | undefined): void {
  try {
    if (entries.length === 0) storage?.removeItem(MINE_KEY);
    else storage?.setItem(MINE_KEY, JSON.stringify(entries));
  } catch {
    // Storage full or forbidden: the code is still on the screen.
  }
}

/** Remembers a request (once per code, newest first, at most MAX_REMEMBERED). */
export function rememberRequest(entry: RememberedRequest, storage = durableStorage()): RememberedRequest[] {
  const clean: RememberedRequest = { code: entry.code, at: entry.at, ...(entry.commune ? { commune: entry.commune } : {}) };
  const entries = [clean, ...readMyRequests(storage).filter((other) => other.code !== entry.code)].slice(0, MAX_REMEMBERED);
  save(entries, storage);
  return entries;
}

/** Forgets one code on this device (the request itself is untouched). */
export function forgetRequest(code: string, storage = durableStorage()): RememberedRequest[] {
  const entries = readMyRequests(storage).filter((entry) => entry.code !== code);
  save(entries, storage);
  return entries;
}
