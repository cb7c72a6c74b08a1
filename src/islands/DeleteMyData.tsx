import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../lib/i18n/status';
import { normalizeReferenceCode } from '../lib/domain/reference-code';
import { normalizePhone } from '../lib/domain/phone';
import { callRpc } from '../lib/api/rpc';
import { requestDataErasure } from '../lib/api/status';

/**
 * /tra-cuu/: "Xoá thông tin cá nhân của tôi". The citizen gives the reference code and phone; the
 * server erases at once when no team is working on the request, else flags it for erasure at
 * closing (request_data_erasure, migration 20261128001300). Wrong code or phone get the same
 * "not found" as the status look-up; nothing personal comes back.
 */
export default function DeleteMyData() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The form is rendered on the server and hydrated when scrolled into view. Its fields are
  // uncontrolled, so what a citizen types before that survives hydration; the button stays
  // disabled until React has taken over (a click before would only reload the page).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const fields = new FormData(form);
    const cleanCode = normalizeReferenceCode(String(fields.get('code') ?? ''));
    const cleanPhone = normalizePhone(String(fields.get('phone') ?? ''));
    if (!cleanCode) return setError(t('lookup.error.code'));
    if (!cleanPhone) return setError(t('lookup.error.phone'));
    if (!fields.get('confirm')) return setError(t('erase.error.confirm'));
    setError(null);
    setBusy(true);
    const answer = await callRpc(requestDataErasure, { code: cleanCode, phone: cleanPhone });
    setBusy(false);
    if (!answer.ok) {
      setError(t(answer.code === 'rate_limited' ? 'lookup.error.rate_limited' : 'lookup.error.unavailable'));
      return;
    }
    if (!answer.data.found) {
      setError(t('lookup.error.not_found'));
      return;
    }
    setDone(
      answer.data.erased
        ? t(answer.data.status === 'cancelled' ? 'erase.doneCancelled' : 'erase.done')
        : t('erase.flagged'),
    );
    form.reset();
  }

  return (
    <section aria-labelledby="erase-title" className="app-panel app-erase">
      <h2 id="erase-title">{t('erase.title')}</h2>
      <p>{t('erase.lead')}</p>
      <div role="status" aria-live="polite">
        {done && <p className="app-erase__done">{done}</p>}
      </div>
      <form onSubmit={submit} noValidate>
        <p>
          <label htmlFor="erase-code">{t('erase.code')}</label>
          <br />
          <input id="erase-code" name="code" className="app-input" autoComplete="off" />
        </p>
        <p>
          <label htmlFor="erase-phone">{t('erase.phone')}</label>
          <br />
          <input id="erase-phone" name="phone" className="app-input" type="tel" inputMode="tel" autoComplete="tel" />
        </p>
        <p>
          <input id="erase-confirm" name="confirm" type="checkbox" />{' '}
          <label htmlFor="erase-confirm">{t('erase.confirm')}</label>
        </p>
        <div role="alert">{error && <p className="app-erase__error">{error}</p>}</div>
        <button className="app-button app-button--secondary" type="submit" disabled={busy || !hydrated}>
          {busy ? t('erase.working') : t('erase.submit')}
        </button>
      </form>
      <style>{`.app-erase { margin-top: 2.5rem; } .app-erase__error { color: var(--app-color-error); font-weight: 700; } .app-erase__done { border-left: 5px solid var(--app-color-success); padding-left: 0.75rem; }`}</style>
    </section>
  );
}
