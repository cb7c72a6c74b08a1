/**
 * Sends the booking still waiting in the device's outbox (src/lib/booking/outbox.ts) from any page
 * of the site: imported with import() by src/components/site/PendingRequest.astro only when the
 * outbox holds something, so a page without a waiting request loads no zod and no supabase-js.
 * One attempt per call, with the request's own idempotency key: the server stores it once
 * whatever number of tabs or visits send it.
 */
import { requestHelp } from '../api/booking';
import { callRpc } from '../api/rpc';
import { storeConfirmed } from '../booking/confirmed';
import { isRetryable } from '../booking/errors';
import { readOutbox, writeOutbox } from '../booking/outbox';

/** What became of the waiting request. */
export type ResendResult =
  /** Stored (now or earlier): its code and the word the volunteer will say when calling. */
  | { kind: 'sent'; code: string; word: string }
  /** Not reachable now; it stays in the outbox for the next visit or the network's return. */
  | { kind: 'waiting' }
  /** The server refused it: the citizen must fix it in the form (which resumes it and says why). */
  | { kind: 'rejected' }
  /** Nothing was waiting (another tab sent it meanwhile). */
  | { kind: 'none' };

/** How long the attempt may take before it counts as lost. */
const ATTEMPT_TIMEOUT = 20_000;

export async function resendPendingBooking(): Promise<ResendResult> {
  const pending = readOutbox();
  if (!pending) return { kind: 'none' };
  const lost = new Promise<{ ok: false; code: 'network' }>((resolve) =>
    setTimeout(() => resolve({ ok: false, code: 'network' }), ATTEMPT_TIMEOUT),
  );
  const result = await Promise.race([callRpc(requestHelp, { request: pending.payload }), lost]);
  if (result.ok) {
    storeConfirmed(pending, result.data);
    return { kind: 'sent', code: result.data.reference_code, word: result.data.verification_word };
  }
  if (isRetryable(result.code)) {
    // Another tab may have sent it meanwhile: count the attempt only on what is still waiting.
    const still = readOutbox();
    if (still?.payload.idempotency_key === pending.payload.idempotency_key) writeOutbox({ ...still, attempts: still.attempts + 1 });
    return { kind: 'waiting' };
  }
  return { kind: 'rejected' };
}
