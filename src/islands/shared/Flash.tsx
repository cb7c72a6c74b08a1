import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import ErrorSummary from './ErrorSummary';
import './flash.css';

/** The answer to the last thing done on a screen: a notice, or an error. */
interface FlashMessage {
  text: string;
  error?: boolean;
  /** An error found in the background (a refresh): shown in the live region, focus left alone. */
  quiet?: boolean;
  /** Counts the messages, so that the same error twice is announced and focused twice. */
  seq: number;
}

export interface FlashState {
  flash: FlashMessage | null;
  /** The live region of notices (Flash renders it; show() focuses it). */
  boxRef: RefObject<HTMLDivElement | null>;
  /** Shows a notice (focused and announced) or an error (the error box focuses itself). */
  show(text: string, error?: boolean): void;
  /** Shows an error of a background refresh without moving focus (announced politely). */
  showQuietly(text: string): void;
  clear(): void;
}

/**
 * The state behind <Flash>: one message at a time. The functions keep their identity from render
 * to render (they only set state), so hooks may list them as dependencies.
 */
export function useFlash(): FlashState {
  const [flash, setFlash] = useState<FlashMessage | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const show = useCallback((text: string, error = false) => {
    setFlash((last) => ({ text, error, seq: (last?.seq ?? 0) + 1 }));
    // Focus moves to the message, so it is read first after a button press; an error summary
    // takes focus by itself.
    if (!error) requestAnimationFrame(() => boxRef.current?.focus());
  }, []);
  const showQuietly = useCallback((text: string) => {
    setFlash((last) => ({ text, error: true, quiet: true, seq: (last?.seq ?? 0) + 1 }));
  }, []);
  const clear = useCallback(() => setFlash(null), []);
  return useMemo(() => ({ flash, boxRef, show, showQuietly, clear }), [flash, show, showQuietly, clear]);
}

/**
 * Where the outcome of an action shows (the team workspace's request and members, the admin's
 * teams): a notice in a polite live region that takes focus, or an error in the shared error box
 * (ErrorSummary without a heading), which takes focus itself; an error of a background refresh
 * shows in the live region without moving focus (the member may be typing a note).
 */
export default function Flash({ state }: { state: Pick<FlashState, 'flash' | 'boxRef'> }) {
  const { flash, boxRef } = state;
  return (
    <>
      <div ref={boxRef} tabIndex={-1} role="status" aria-live="polite" className="app-flash">
        {flash && (!flash.error || flash.quiet) && <p className={flash.error ? 'app-notice app-notice--error' : 'app-notice'}>{flash.text}</p>}
      </div>
      {flash?.error && !flash.quiet && <ErrorSummary title={null} message={flash.text} focusKey={flash.seq} />}
    </>
  );
}
