import { useEffect, useRef, useState, type FormEvent } from 'react';
import './booking/booking.css';
import './shared/form.css';
import './status/status.css';
import { t, type MessageKey } from '../lib/i18n/status';
import { normalizeReferenceCode } from '../lib/domain/reference-code';
import { formatPhone, normalizePhone } from '../lib/domain/phone';
import { callRpc } from '../lib/api/rpc';
import { readConfirmation } from '../lib/booking/outbox';
import {
  CANCEL_REASONS,
  cancelRequest,
  foundOnly,
  requestStatus,
  type CancelReason,
  type RequestStatusAnswer,
} from '../lib/api/status';
import { STATUS_LABELS } from '../lib/booking/request-labels';
import RequestSteps from './RequestSteps';

const REASON_LABELS: Record<CancelReason, MessageKey> = {
  solved_myself: 'lookup.cancel.reason.solved_myself',
  no_longer_needed: 'lookup.cancel.reason.no_longer_needed',
  booked_by_mistake: 'lookup.cancel.reason.booked_by_mistake',
  other: 'lookup.cancel.reason.other',
};

const OUTCOME_LABELS: Record<string, MessageKey> = {
  helped: 'lookup.outcome.helped',
  partly_helped: 'lookup.outcome.partly_helped',
  not_reachable: 'lookup.outcome.not_reachable',
  not_needed: 'lookup.outcome.not_needed',
};

/** Messages for the look-up's error codes; anything else means the server could not be reached. */
const LOOKUP_MESSAGES: Record<string, MessageKey> = {
  not_found: 'lookup.error.not_found',
  rate_limited: 'lookup.error.rate_limited',
  not_cancellable: 'lookup.error.not_cancellable',
  reason_invalid: 'lookup.error.reason_invalid',
};

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/**
 * /tra-cuu/: the status of a request by reference code and phone, and cancelling it with a reason
 * (optionally erasing the personal data at once). The server answers the same "not found" whatever
 * is wrong, and rate-limits look-ups; no personal data ever comes back.
 */
export default function StatusLookup() {
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phone?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RequestStatusAnswer | null>(null);
  const [credentials, setCredentials] = useState<{ code: string; phone: string } | null>(null);
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [erase, setErase] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [cancelMessage, setCancelMessage] = useState<string | null>(null);
  const [mounted, setMounted] = useState(false);
  /** Bumped by each successful look-up; focus then moves to the result's heading. */
  const [shown, setShown] = useState(0);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The code of a booking just made in this tab (never the phone: it is not kept).
    const confirmed = readConfirmation();
    if (confirmed) setCode(confirmed.answer.reference_code);
    setMounted(true);
  }, []);

  useEffect(() => {
    if (shown) resultRef.current?.focus();
  }, [shown]);

  function failure(code: string): string {
    return t(LOOKUP_MESSAGES[code] ?? 'lookup.error.unavailable');
  }

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const cleanCode = normalizeReferenceCode(code);
    const cleanPhone = normalizePhone(phone);
    const problems = {
      code: cleanCode ? undefined : t('lookup.error.code'),
      phone: cleanPhone ? undefined : t('lookup.error.phone'),
    };
    setErrors(problems);
    setMessage(null);
    if (!cleanCode || !cleanPhone) return;
    setBusy(true);
    const answer = foundOnly(await callRpc(requestStatus, { code: cleanCode, phone: cleanPhone }));
    setBusy(false);
    if (answer.ok) {
      setResult(answer.data);
      setCredentials({ code: cleanCode, phone: cleanPhone });
      setCancelMessage(null);
      setShown((n) => n + 1);
    } else {
      setMessage(failure(answer.code));
      requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  async function cancel() {
    if (!credentials || !result || busy) return;
    const cancelReason = reason ?? 'other';
    setBusy(true);
    const answer = foundOnly(
      await callRpc(cancelRequest, { ...credentials, reason: cancelReason, erase_personal_data: erase }),
    );
    setBusy(false);
    setConfirming(false);
    if (answer.ok) {
      setResult(answer.data);
      setCancelMessage(answer.data.personal_data_erased ? t('lookup.cancel.erased') : t('lookup.cancel.done'));
    } else {
      setCancelMessage(failure(answer.code));
    }
  }

  function again() {
    setResult(null);
    setCredentials(null);
    setReason(null);
    setErase(false);
    setConfirming(false);
    setCancelMessage(null);
    setCode('');
    setPhone('');
  }

  if (!mounted) return <p className="app-booking__loading app-booking__loading--lookup">{t('booking.loading')}</p>;

  if (result) {
    const steps: { key: MessageKey; at: string | null; show: boolean }[] = [
      { key: 'lookup.step.received', at: result.received_at, show: true },
      { key: 'lookup.step.assigned', at: result.assigned_at, show: result.status !== 'cancelled' || !!result.assigned_at },
      { key: 'lookup.step.accepted', at: result.accepted_at, show: result.status !== 'cancelled' || !!result.accepted_at },
      { key: 'lookup.step.closed', at: result.closed_at, show: result.status !== 'cancelled' },
      { key: 'lookup.step.cancelled', at: result.cancelled_at, show: result.status === 'cancelled' },
    ];
    return (
      <section aria-labelledby="lk-result-title">
        <h2 id="lk-result-title" ref={resultRef} tabIndex={-1}>
          {t('lookup.result.title', { code: result.reference_code })}
        </h2>
        <p>
          {t('lookup.result.status')} <strong data-testid="status">{t(STATUS_LABELS[result.status])}</strong>
          {result.outcome && OUTCOME_LABELS[result.outcome] && <> ({t(OUTCOME_LABELS[result.outcome])})</>}
        </p>
        <div className="app-panel">
          <p>
            {t('lookup.result.team')}{' '}
            {result.team ? <strong>{result.team.name}</strong> : t('lookup.result.noTeam')}
          </p>
          {result.team?.phone && (
            <p>
              {t('booking.done.teamPhone')}{' '}
              <a className="app-booking__phone" href={`tel:${result.team.phone}`}>
                {formatPhone(result.team.phone)}
              </a>
            </p>
          )}
          {!result.personal_data_erased && (
            <p>
              {t('lookup.result.word')} <strong>{result.verification_word}</strong>
            </p>
          )}
        </div>
        <h3>{t('lookup.result.steps')}</h3>
        {/* Every step in plain words (team names, outcome); older servers send no steps. */}
        {result.steps.length > 0 ? (
          <RequestSteps steps={result.steps} />
        ) : (
          <ol className="app-status__steps">
            {steps
              .filter((s) => s.show)
              .map((s) => (
                <li key={s.key} data-done={s.at ? 'true' : 'false'}>
                  {t(s.key)}
                  {s.at ? (
                    <time dateTime={s.at}>{dateTime.format(new Date(s.at))}</time>
                  ) : (
                    <span className="app-status__pending">{t('lookup.step.pending')}</span>
                  )}
                </li>
              ))}
          </ol>
        )}
        <p className="app-booking__safety">
          <strong>{t('booking.done.safety')}</strong>
        </p>

        <div role="status" aria-live="polite">
          {cancelMessage && <p className="app-booking__notice">{cancelMessage}</p>}
        </div>

        {result.can_cancel && (
          <section aria-labelledby="lk-cancel-title" className="app-field">
            <h3 id="lk-cancel-title">{t('lookup.cancel.title')}</h3>
            <fieldset className="app-field__group">
              <legend className="app-field__label">{t('lookup.cancel.legend')}</legend>
              {CANCEL_REASONS.map((r) => (
                <div className="app-check" key={r}>
                  <input
                    id={`lk-reason-${r}`}
                    type="radio"
                    name="reason"
                    checked={reason === r}
                    onChange={() => setReason(r)}
                  />
                  <label htmlFor={`lk-reason-${r}`}>{t(REASON_LABELS[r])}</label>
                </div>
              ))}
            </fieldset>
            <div className="app-check">
              <input
                id="lk-erase"
                type="checkbox"
                checked={erase}
                onChange={(event) => setErase(event.target.checked)}
                aria-describedby="lk-erase-hint"
              />
              <label htmlFor="lk-erase">{t('lookup.cancel.erase')}</label>
              <p className="app-field__hint" id="lk-erase-hint">
                {t('lookup.cancel.eraseHint')}
              </p>
            </div>
            {confirming ? (
              <div className="app-booking__notice">
                <p>{erase ? t('lookup.cancel.confirmErase') : t('lookup.cancel.confirm')}</p>
                <div className="app-booking__actions">
                  <button type="button" className="app-button" onClick={cancel} disabled={busy}>
                    {t('lookup.cancel.yes')}
                  </button>
                  <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(false)}>
                    {t('lookup.cancel.no')}
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                className="app-button app-button--secondary"
                disabled={!reason}
                onClick={() => setConfirming(true)}
              >
                {t('lookup.cancel.submit')}
              </button>
            )}
          </section>
        )}
        <p>
          <button type="button" className="app-button app-button--secondary" onClick={again}>
            {t('lookup.again')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <form onSubmit={lookUp} noValidate className="app-booking">
      {message && (
        <div className="app-error-summary" ref={messageRef} tabIndex={-1}>
          <p role="alert">{message}</p>
        </div>
      )}
      <div className={`app-field${errors.code ? ' app-field--error' : ''}`}>
        <label className="app-field__label" htmlFor="lk-code">
          {t('lookup.code.label')}
        </label>
        <p className="app-field__hint" id="lk-code-hint">
          {t('lookup.code.hint')}
        </p>
        {errors.code && (
          <p className="app-field__error" id="lk-code-error">
            {errors.code}
          </p>
        )}
        <input
          id="lk-code"
          className="app-input"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-describedby={errors.code ? 'lk-code-hint lk-code-error' : 'lk-code-hint'}
          aria-invalid={errors.code ? true : undefined}
        />
      </div>
      <div className={`app-field${errors.phone ? ' app-field--error' : ''}`}>
        <label className="app-field__label" htmlFor="lk-phone">
          {t('lookup.phone.label')}
        </label>
        <p className="app-field__hint" id="lk-phone-hint">
          {t('lookup.phone.hint')}
        </p>
        {errors.phone && (
          <p className="app-field__error" id="lk-phone-error">
            {errors.phone}
          </p>
        )}
        <input
          id="lk-phone"
          className="app-input"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={30}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          aria-describedby={errors.phone ? 'lk-phone-hint lk-phone-error' : 'lk-phone-hint'}
          aria-invalid={errors.phone ? true : undefined}
        />
      </div>
      <div className="app-booking__submit">
        <button type="submit" className="app-button" aria-disabled={busy || undefined}>
          {busy ? t('lookup.searching') : t('lookup.submit')}
        </button>
      </div>
    </form>
  );
}
