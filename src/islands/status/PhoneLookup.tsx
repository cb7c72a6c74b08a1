import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RequestStatusAnswer } from '../../lib/api/status';
import { STATUS_LABELS } from '../../lib/booking/request-labels';
import { formatPhone } from '../../lib/domain/phone';
import { vietnamDate } from '../../lib/domain/vietnam-time';
import { t } from '../../lib/i18n/phone-lookup';
import ErrorSummary from '../shared/ErrorSummary';
import TextField from '../shared/TextField';
import type { Credentials } from './LookupForm';
import { usePhoneLookup } from './usePhoneLookup';

interface Props {
  onFound(result: RequestStatusAnswer, credentials: Credentials): void;
}

/** "29/11/2026", the day in Vietnam. */
const dayOf = (iso: string) => vietnamDate(new Date(iso));

/**
 * "Quên mã? Tìm bằng số điện thoại" under the look-up form: a button that opens three short steps
 * (phone, code from the message, the phone's requests); choosing a request shows its status.
 */
export default function PhoneLookup({ onFound }: Props) {
  const [opened, setOpened] = useState(false);
  const lookup = usePhoneLookup(onFound);
  const { step, problems } = lookup;
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each step's first field (or the list's heading) takes focus when it appears.
  useEffect(() => {
    if (!opened) return;
    if (step === 'list') headingRef.current?.focus();
    else document.getElementById(step === 'phone' ? 'pl-phone' : 'pl-code')?.focus();
  }, [opened, step]);

  if (!opened) {
    return (
      <p className="app-no-print">
        <button type="button" className="app-button app-button--secondary" aria-expanded="false" onClick={() => setOpened(true)}>
          {t('phoneLookup.open')}
        </button>
      </p>
    );
  }

  const submit = (action: () => unknown) => (event: FormEvent) => {
    event.preventDefault();
    void action();
  };
  const sentence = t('phoneLookup.sent', { phone: formatPhone(lookup.sentTo) });
  return (
    <section className="app-panel app-no-print" aria-labelledby="pl-title">
      <h2 id="pl-title">{t('phoneLookup.title')}</h2>
      <ErrorSummary title={null} message={problems.message} focusKey={problems.focusKey} />
      {step === 'phone' && (
        <form onSubmit={submit(lookup.sendCode)} noValidate>
          <p>{t('phoneLookup.lead')}</p>
          <TextField
            id="pl-phone"
            label={t('phoneLookup.phone.label')}
            hint={t('phoneLookup.phone.hint')}
            error={problems.fields.phone}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={30}
            value={lookup.phone}
            onChange={lookup.setPhone}
          />
          <button type="submit" className="app-button" aria-disabled={lookup.busy || undefined}>
            {lookup.busy ? t('phoneLookup.sending') : t('phoneLookup.send')}
          </button>
        </form>
      )}
      {step === 'code' && (
        <form onSubmit={submit(lookup.showRequests)} noValidate>
          <p role="status">{sentence}</p>
          <TextField
            id="pl-code"
            label={t('phoneLookup.code.label')}
            hint={t('phoneLookup.code.hint')}
            error={problems.fields.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            value={lookup.code}
            onChange={lookup.setCode}
          />
          <div className="app-actions">
            <button type="submit" className="app-button" aria-disabled={lookup.busy || undefined}>
              {lookup.busy ? t('phoneLookup.searching') : t('phoneLookup.show')}
            </button>
            <button type="button" className="app-button app-button--secondary" onClick={() => void lookup.sendCode()}>
              {t('phoneLookup.again')}
            </button>
            <button type="button" className="app-button app-button--secondary" onClick={lookup.restart}>
              {t('phoneLookup.otherPhone')}
            </button>
          </div>
        </form>
      )}
      {step === 'list' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            {t('phoneLookup.list.title', { phone: formatPhone(lookup.sentTo) })}
          </h3>
          <p>{t('phoneLookup.list.hint')}</p>
          <ul className="app-mine__list">
            {lookup.requests.map((request) => (
              <li key={request.reference_code} className="app-mine__item">
                <button type="button" className="app-button app-button--secondary app-mine__code" onClick={() => void lookup.open(request.reference_code)}>
                  {request.reference_code}
                </button>
                <span className="app-mine__when">
                  {t(STATUS_LABELS[request.status])}
                  <br />
                  {t('phoneLookup.list.item', { commune: request.commune_name, date: dayOf(request.created_at) })}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="app-button app-button--secondary" onClick={lookup.restart}>
            {t('phoneLookup.otherPhone')}
          </button>
        </>
      )}
    </section>
  );
}
