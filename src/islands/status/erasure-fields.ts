/**
 * The erasure form's field ids and its pre-fill, in a module of their own: the status look-up
 * (loaded with the page) pre-fills the form without loading the erasure island, which is hydrated
 * only when scrolled into view.
 */

/** The fields a problem links to. */
export const ERASURE_IDS = { code: 'erase-code', phone: 'erase-phone', confirm: 'erase-confirm' };

/**
 * Fills the erasure form with the code and phone of the request just found above it, so
 * the citizen need not type them twice. The form's fields are uncontrolled (rendered on the server,
 * hydrated when scrolled into view), so their values can be set before or after hydration.
 */
export function prefillErasure(typed: { code: string; phone: string }) {
  for (const [id, value] of [
    [ERASURE_IDS.code, typed.code],
    [ERASURE_IDS.phone, typed.phone],
  ] as const) {
    const input = document.getElementById(id);
    if (input instanceof HTMLInputElement && !input.value) input.value = value;
  }
}
