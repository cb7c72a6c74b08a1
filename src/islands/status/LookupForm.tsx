import { useState, type FormEvent } from 'react';
import { callRpc } from '../../lib/api/rpc';
import { foundOnly, requestStatus, type RequestStatusAnswer } from '../../lib/api/status';
import { t } from '../../lib/i18n/status';
import { checkCredentials, lookupErrorMessage } from '../../lib/status/lookup';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';

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
  const [errors, setErrors] = useState<{ code?: string; phone?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Counts failed look-ups, so the alert takes focus again for the same message. */
  const [failures, setFailures] = useState(0);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = checkCredentials(code, phone);
    setErrors(checked.ok ? {} : checked.errors);
    setMessage(null);
    if (!checked.ok) return;
    setBusy(true);
    const answer = foundOnly(await callRpc(requestStatus, { code: checked.code, phone: checked.phone }));
    setBusy(false);
    if (answer.ok) return onFound(answer.data, { code: checked.code, phone: checked.phone });
    setMessage(lookupErrorMessage(answer.code));
    setFailures((n) => n + 1);
  }

  return (
    <form onSubmit={lookUp} noValidate className="app-booking">
      <ErrorSummary title={null} message={message} focusKey={failures} />
      <Field id="lk-code" label={t('lookup.code.label')} hint={t('lookup.code.hint')} error={errors.code}>
        {(control) => (
          <input
            {...control}
            className="app-input"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        )}
      </Field>
      <Field id="lk-phone" label={t('lookup.phone.label')} hint={t('lookup.phone.hint')} error={errors.phone}>
        {(control) => (
          <input
            {...control}
            className="app-input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={30}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
          />
        )}
      </Field>
      <div className="app-booking__submit">
        <button type="submit" className="app-button" aria-disabled={busy || undefined}>
          {busy ? t('lookup.searching') : t('lookup.submit')}
        </button>
      </div>
    </form>
  );
}
