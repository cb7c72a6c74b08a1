import { useCallback, useEffect, useRef, useState } from 'react';
import { callRpc } from '../../lib/api/rpc';
import { requestHelp } from '../../lib/api/booking';
import { portalStats } from '../../lib/api/portal';
import type { CommuneChoice } from '../../lib/booking/communes';
import { storeConfirmed } from '../../lib/booking/confirmed';
import { isRetryable } from '../../lib/booking/errors';
import {
  bookingStart,
  newIdempotencyKey,
  readConfirmation,
  readOutbox,
  retryDelay,
  writeConfirmation,
  writeOutbox,
  type ConfirmedBooking,
  type PendingBooking,
} from '../../lib/booking/outbox';
import type { HelpRequest } from '../../lib/schemas/help-request';

/** Where the booking is: being filled in, on its way, waiting to retry, confirmed. */
export type Phase = 'editing' | 'sending' | 'waiting' | 'done';

/** Resolves after `ms` with a network failure, so a hanging request is retried like a lost one. */
function timeout(ms: number) {
  return new Promise<{ ok: false; code: 'network'; message: string }>((resolve) =>
    setTimeout(() => resolve({ ok: false, code: 'network', message: 'timeout' }), ms),
  );
}

/** How long one attempt may take before it counts as lost. */
const ATTEMPT_TIMEOUT = 20_000;

/**
 * Sending a booking safely against double taps, reloads and flaky networks: the payload and its
 * idempotency key wait in the outbox (localStorage, src/lib/booking/outbox.ts) until the server
 * answers, and are re-sent with back-off meanwhile, at once when the phone comes back online.
 * `onRejected` gets the code of a rejection (nothing was stored; the citizen must fix something);
 * keep it stable (useCallback), as `communes`.
 */
export function useSubmission(communes: CommuneChoice[], onRejected: (code: string, payload: HelpRequest) => void) {
  // The form is drawn on the server and may be filled in before the start (begin) reads the outbox.
  const [phase, setPhase] = useState<Phase>('editing');
  const [confirmed, setConfirmed] = useState<ConfirmedBooking | null>(null);
  const [serverDown, setServerDown] = useState(false);
  const [resumed, setResumed] = useState(false);
  const keyRef = useRef('');
  const pendingRef = useRef<PendingBooking | null>(null);
  const busyRef = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Sends the pending request once; on a temporary failure schedules the next attempt. */
  const send = useCallback(
    async (pending: PendingBooking) => {
      clearTimeout(retryTimer.current);
      pendingRef.current = pending;
      setPhase('sending');
      const result = await Promise.race([callRpc(requestHelp, { request: pending.payload }), timeout(ATTEMPT_TIMEOUT)]);
      if (pendingRef.current !== pending) return;
      if (result.ok) {
        // Confirmation, remembered code, then the outbox emptied (src/lib/booking/confirmed.ts).
        const booking = storeConfirmed(
          { ...pending, communeName: pending.communeName ?? communes.find((c) => c.code === pending.payload.commune_code)?.name },
          result.data,
        );
        // Without the preset in the address, a reload shows this confirmation again.
        history.replaceState(history.state, '', window.location.pathname);
        pendingRef.current = null;
        busyRef.current = false;
        setConfirmed(booking);
        setServerDown(false);
        setPhase('done');
        return;
      }
      if (isRetryable(result.code)) {
        const next = { ...pending, attempts: pending.attempts + 1 };
        pendingRef.current = next;
        writeOutbox(next);
        // Online but failing twice: the server, not the network, is the problem.
        setServerDown(navigator.onLine !== false && next.attempts >= 2);
        setPhase('waiting');
        retryTimer.current = setTimeout(() => void send(next), retryDelay(next.attempts));
        return;
      }
      // A rejection: nothing was stored. The citizen fixes it and sends again with the same key,
      // except after a key clash, which needs a fresh key.
      writeOutbox(null);
      pendingRef.current = null;
      busyRef.current = false;
      if (result.code === 'idempotency_conflict') keyRef.current = newIdempotencyKey();
      setPhase('editing');
      onRejected(result.code, pending.payload);
    },
    [communes, onRejected],
  );

  /**
   * Starts once the page has loaded: shows a kept confirmation again, resumes a pending request
   * (returning its payload, to show the inputs), or opens a fresh form.
   */
  const begin = useCallback(
    (presetInUrl: boolean): { kind: 'confirmation' | 'fresh' } | { kind: 'resume'; payload: HelpRequest } => {
      const start = bookingStart(readConfirmation(), readOutbox(), presetInUrl);
      if (start.dropConfirmation) writeConfirmation(null);
      if (start.kind === 'confirmation') {
        setConfirmed(start.confirmed);
        setPhase('done');
        return start;
      }
      if (start.kind === 'resume') {
        keyRef.current = start.pending.payload.idempotency_key;
        busyRef.current = true;
        setResumed(true);
        void send(start.pending);
        return { kind: 'resume', payload: start.pending.payload };
      }
      keyRef.current = newIdempotencyKey();
      setPhase('editing');
      // Tell the citizen early when the booking service cannot be reached (they may still fill in);
      // the call also fetches supabase-js ahead of the first submit.
      // Offline, the call fails too, but the phone is to blame: the form says that instead (useOnline).
      void callRpc(portalStats, {}).then((answer) => {
        if (!answer.ok && navigator.onLine !== false) setServerDown(true);
      });
      return start;
    },
    [send],
  );

  /** Queues a checked payload and sends it. */
  const submit = useCallback(
    (payload: HelpRequest) => {
      busyRef.current = true;
      const communeName = communes.find((c) => c.code === payload.commune_code)?.name;
      const pending: PendingBooking = { payload, attempts: 0, queuedAt: Date.now(), communeName };
      writeOutbox(pending);
      void send(pending);
    },
    [send, communes],
  );

  const retryNow = useCallback(() => {
    if (pendingRef.current) void send(pendingRef.current);
  }, [send]);

  /** Forgets the confirmation for a new, empty booking with a new key. */
  const startAnother = useCallback(() => {
    writeConfirmation(null);
    keyRef.current = newIdempotencyKey();
    setConfirmed(null);
    setResumed(false);
    setPhase('editing');
  }, []);

  // While waiting, coming back online retries at once.
  useEffect(() => {
    if (phase !== 'waiting') return;
    window.addEventListener('online', retryNow);
    return () => window.removeEventListener('online', retryNow);
  }, [phase, retryNow]);

  useEffect(() => () => clearTimeout(retryTimer.current), []);

  return {
    phase,
    confirmed,
    serverDown,
    resumed,
    /** Double taps: one request at a time, whatever the button's state says. */
    isBusy: () => busyRef.current,
    /** The idempotency key the next submit uses. */
    key: () => keyRef.current,
    begin,
    submit,
    retryNow,
    startAnother,
  };
}
