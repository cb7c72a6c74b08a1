import { useCallback, useState } from 'react';
import type { ErrorSummaryItem } from './ErrorSummary';

/** What a form shows after a failed check or a refusal. */
interface Shown<F extends string> {
  /** The message of each field that has one (shown at the field, and linked from the summary). */
  fields: Partial<Record<F, string>>;
  /** A problem of the whole form, with no field to go to. */
  message: string | null;
}

interface Problems<F extends string> extends Shown<F> {
  /**
   * Changes with every fail(): pass it to ErrorSummary as `focusKey`, so that the summary takes
   * focus again when the same problems come back (a second failed submit).
   */
  focusKey: number;
  /** The field problems as the summary's links, in the order of `ids` (the form's order). */
  items(ids: Record<F, string>): ErrorSummaryItem[];
  /** Shows these problems instead of the last ones (what is left out is cleared). */
  fail(problems: { fields?: Partial<Record<F, string>>; message?: string | null }): void;
  /** Nothing to show (the form went through, or is being sent again). */
  clear(): void;
}

const NONE = { fields: {}, message: null, focusKey: 0 };

/**
 * The problems a form's error summary and fields show, with the key that moves focus to the
 * summary each time they are shown. `F` names the form's fields (none for a summary of one
 * message). fail() and clear() keep their identity, so hooks may depend on them.
 */
export function useProblems<F extends string = never>(): Problems<F> {
  const [shown, setShown] = useState<Shown<F> & { focusKey: number }>(NONE);
  const fail = useCallback(
    ({ fields = {}, message = null }: { fields?: Partial<Record<F, string>>; message?: string | null }) =>
      setShown((last) => ({ fields, message, focusKey: last.focusKey + 1 })),
    [],
  );
  const clear = useCallback(() => setShown((last) => ({ ...NONE, focusKey: last.focusKey })), []);
  const items = (ids: Record<F, string>) =>
    (Object.keys(ids) as F[]).flatMap((field) => {
      const message = shown.fields[field];
      return message ? [{ id: ids[field], message }] : [];
    });
  return { ...shown, items, fail, clear };
}
