import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The island's side of src/components/site/EarlySend.astro: a form rendered on the server can be
 * typed into and sent before React runs. React 19.3 keeps what was typed in the inputs while
 * hydrating but does not tell the island (replaying onChange, React PR #33129, is behind the
 * `enableHydrationChangeEvent` flag, off in the published react-dom), and the next render would
 * put the island's empty state back. So, in a layout effect on mount (before anything renders
 * again), the island reads the typed values from the DOM into its state and asks whether a send
 * was held for it.
 */

/** What happened to the form before hydration. */
export interface EarlyForm {
  /** The form is the server-rendered one (the script marked it), not one the island drew later. */
  early: boolean;
  /** The form was sent before hydration: send it now, exactly once. */
  sent: boolean;
}

/**
 * Whether the island has hydrated: false in the render that hydrates the server's HTML, true from
 * the re-render its layout effect causes (before any paint). Forms render it as `data-hydrated`, so
 * every form the island draws, then or later, carries it: the early-send script stops holding
 * sends, and the pages' "hidden until React runs" styles stop applying.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useLayoutEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * On mount: calls `read` with the form and whether a send was held, so the island can take the
 * typed values into its state in the same tick.
 */
export function useEarlySend(ref: RefObject<HTMLFormElement | null>, read: (form: HTMLFormElement, early: EarlyForm) => void) {
  useLayoutEffect(() => {
    const form = ref.current;
    if (!form) return;
    read(form, { early: form.hasAttribute('data-early'), sent: takeEarlySend(form) });
    // Only the first mount: a later form (another booking) is the island's from the start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** Whether a send was held for this form; clears the mark and the "sending" line (once). */
export function takeEarlySend(form: HTMLFormElement): boolean {
  if (form.getAttribute('data-early') !== 'sent') return false;
  form.setAttribute('data-early', 'taken');
  const line = document.getElementById(`${form.id}-early`);
  if (line) line.textContent = '';
  return true;
}

/** The value of a text input or textarea of the form, as typed ('' if absent). */
export function typedText(form: HTMLFormElement, id: string): string {
  const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
  return field?.value ?? '';
}

/** Whether a checkbox or radio of the form is ticked. */
export function ticked(form: HTMLFormElement, id: string): boolean {
  return form.querySelector<HTMLInputElement>(`#${id}`)?.checked ?? false;
}
