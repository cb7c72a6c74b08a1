import { useEffect, useRef, useState, type FormEvent } from 'react';
import { callRpc } from '../../lib/api/rpc';
import { foundOnly, requestStatus, type RequestStatusAnswer } from '../../lib/api/status';
import { t } from '../../lib/i18n/status';
import { checkCredentials, lookupErrorMessage } from '../../lib/status/lookup';
import ErrorSummary from '../shared/ErrorSummary';
import TextField from '../shared/TextField';
import { useProblems } from '../shared/useProblems';

/** The reference code and phone a request was found with (cancelling needs them again). */
export interface Credentials {
  code: string;
  phone: string;
}

interface Props {
  /** The code to start with (of a booking just made in this tab; never the phone). */
  initialCode: string;
  onFound(result: RequestStatusAnswer, credentials: Credentials): void;
}

/**
 * The look-up form: reference code and phone, each checked before asking; the server's answer
 * (not found, too many tries, unreachable) in an alert box at the top that takes focus.
 */
export default function LookupForm({ initialCode, onFound }: Props) {
  const [code, setCode] = useState(initialCode);
  const [phone, setPhone] = useState('');
  // What is wrong with the code or phone shows at the field; the server's answer in the alert.
  const problems = useProblems<'code' | 'phone'>();
  const [busy, setBusy] = useState(false);

  // A code tapped in this device's list (MyRequests) fills the field; the phone is typed next.
  const firstCode = useRef(initialCode);
  useEffect(() => {
    if (initialCode === firstCode.current) return;
    firstCode.current = initialCode;
    setCode(initialCode);
    document.getElementById('lk-phone')?.focus();
  }, [initialCode]);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
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
    <form onSubmit={lookUp} noValidate>
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
