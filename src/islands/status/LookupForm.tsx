import { useEffect, useRef, useState, type FormEvent } from 'react';
import { callRpc } from '../../lib/api/rpc';
import { foundOnly, requestStatus, type RequestStatusAnswer } from '../../lib/api/status';
import { readConfirmation } from '../../lib/booking/outbox';
import { normalizeReferenceCode } from '../../lib/domain/reference-code';
import { t } from '../../lib/i18n/status';
import { checkCredentials, lookupErrorMessage } from '../../lib/status/lookup';
import ErrorSummary from '../shared/ErrorSummary';
import { typedText, useEarlySend, useHydrated } from '../shared/early-send';
import TextField from '../shared/TextField';
import { useProblems } from '../shared/useProblems';

/** The reference code and phone a request was found with (cancelling needs them again). */
export interface Credentials {
  code: string;
  phone: string;
}

/**
 * The code the form starts with: from a link (?ma=, from this device's list or the notice after a
 * resent booking), else of a booking just made in this tab (never the phone: it is not kept).
 */
export function codeToStart(): string {
  const fromLink = normalizeReferenceCode(new URLSearchParams(location.search).get('ma') ?? '');
  return fromLink || (readConfirmation()?.answer.reference_code ?? '');
}

interface Props {
  /**
   * The code to start with (from the link, or of a booking just made in this tab; never the phone):
   * fills the field unless the citizen typed a code already.
   */
  initialCode: string;
  /** A code tapped in this device's list: replaces the field's, and the phone is typed next. */
  picked?: { code: string } | null;
  onFound(result: RequestStatusAnswer, credentials: Credentials): void;
}

/**
 * The look-up form: reference code and phone, each checked before asking; the server's answer
 * (not found, too many tries, unreachable) in an alert box at the top that takes focus.
 */
export default function LookupForm({ initialCode, picked = null, onFound }: Props) {
  const [code, setCode] = useState(initialCode);
  const [phone, setPhone] = useState('');
  // What is wrong with the code or phone shows at the field; the server's answer in the alert.
  const problems = useProblems<'code' | 'phone'>();
  const [busy, setBusy] = useState(false);

  // The form may be filled in and sent before React runs (EarlySend.astro): take what was typed,
  // and send it now if it was sent.
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  useEarlySend(formRef, (form, { early, sent }) => {
    if (!early) return;
    const typed = { code: typedText(form, 'lk-code') || codeToStart(), phone: typedText(form, 'lk-phone') };
    setCode(typed.code);
    setPhone(typed.phone);
    if (sent) void lookUpWith(typed.code, typed.phone);
  });

  // The code from the link arrives after mount: it fills the field if nothing was typed there.
  const firstCode = useRef(initialCode);
  useEffect(() => {
    if (initialCode === firstCode.current) return;
    firstCode.current = initialCode;
    if (initialCode) setCode((current) => current || initialCode);
  }, [initialCode]);

  useEffect(() => {
    if (!picked) return;
    setCode(picked.code);
    document.getElementById('lk-phone')?.focus();
  }, [picked]);

  function lookUp(event: FormEvent) {
    event.preventDefault();
    void lookUpWith(code, phone);
  }

  async function lookUpWith(code: string, phone: string) {
    if (busy) return;
    const checked = checkCredentials(code, phone);
    if (!checked.ok) return problems.fail({ fields: checked.errors });
    problems.clear();
    setBusy(true);
    const answer = foundOnly(await callRpc(requestStatus, { code: checked.code, phone: checked.phone }));
    setBusy(false);
    if (answer.ok) return onFound(answer.data, { code: checked.code, phone: checked.phone });
    problems.fail({ message: lookupErrorMessage(answer.code) });
  }

  return (
    <form id="lk-form" ref={formRef} data-hydrated={hydrated ? '' : undefined} onSubmit={lookUp} noValidate>
      <ErrorSummary title={null} message={problems.message} focusKey={problems.focusKey} />
      <TextField
        id="lk-code"
        label={t('lookup.code.label')}
        hint={t('lookup.code.hint')}
        error={problems.fields.code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        value={code}
        onChange={setCode}
      />
      <TextField
        id="lk-phone"
        label={t('lookup.phone.label')}
        hint={t('lookup.phone.hint')}
        error={problems.fields.phone}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={30}
        value={phone}
        onChange={setPhone}
      />
      <div className="app-submit">
        <button type="submit" className="app-button" aria-disabled={busy || undefined}>
          {busy ? t('lookup.searching') : t('lookup.submit')}
        </button>
      </div>
    </form>
  );
}
