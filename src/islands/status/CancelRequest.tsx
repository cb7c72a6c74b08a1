import { useState } from 'react';
import { callRpc } from '../../lib/api/rpc';
import { CANCEL_REASONS, cancelRequest, foundOnly, type CancelReason, type RequestStatusAnswer } from '../../lib/api/status';
import { t } from '../../lib/i18n/status';
import { REASON_LABELS, lookupErrorMessage } from '../../lib/status/lookup';
import type { Credentials } from './LookupForm';

interface Props {
  credentials: Credentials;
  /** The answer: the request's new status (null when it failed) and the sentence to announce. */
  onDone(result: RequestStatusAnswer | null, message: string): void;
}

/**
 * Cancelling a request: a reason (a closed list, so no personal data is stored), optionally erasing
 * the personal data at once, and a second tap to confirm, which says what will happen.
 */
export default function CancelRequest({ credentials, onDone }: Props) {
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [erase, setErase] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function cancel() {
    if (busy) return;
    setBusy(true);
    const answer = foundOnly(
      await callRpc(cancelRequest, { ...credentials, reason: reason ?? 'other', erase_personal_data: erase }),
    );
    setBusy(false);
    setConfirming(false);
    if (!answer.ok) return onDone(null, lookupErrorMessage(answer.code));
    onDone(answer.data, answer.data.personal_data_erased ? t('lookup.cancel.erased') : t('lookup.cancel.done'));
  }

  return (
    <section aria-labelledby="lk-cancel-title" className="app-field">
      <h3 id="lk-cancel-title">{t('lookup.cancel.title')}</h3>
      <fieldset className="app-field__group">
        <legend className="app-field__label">{t('lookup.cancel.legend')}</legend>
        {CANCEL_REASONS.map((r) => (
          <div className="app-check" key={r}>
            <input id={`lk-reason-${r}`} type="radio" name="reason" checked={reason === r} onChange={() => setReason(r)} />
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
        <div className="app-callout">
          <p>{erase ? t('lookup.cancel.confirmErase') : t('lookup.cancel.confirm')}</p>
          <div className="app-actions">
            <button type="button" className="app-button" onClick={cancel} disabled={busy}>
              {t('lookup.cancel.yes')}
            </button>
            <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(false)}>
              {t('lookup.cancel.no')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {!reason && (
            <p className="app-field__hint" id="lk-cancel-why">
              {t('lookup.cancel.needReason')}
            </p>
          )}
          <button
            type="button"
            className="app-button app-button--secondary"
            disabled={!reason}
            aria-describedby={reason ? undefined : 'lk-cancel-why'}
            onClick={() => setConfirming(true)}
          >
            {t('lookup.cancel.submit')}
          </button>
        </>
      )}
    </section>
  );
}
