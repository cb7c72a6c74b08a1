import { useEffect, useState, type FormEvent } from 'react';
import './status.css';
import { callRpc } from '../../lib/api/rpc';
import { requestDataErasure } from '../../lib/api/status';
import { t } from '../../lib/i18n/status';
import { checkCredentials, erasureDoneMessage, lookupErrorMessage } from '../../lib/status/lookup';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import { useProblems } from '../shared/useProblems';
import { ERASURE_IDS as IDS } from './erasure-fields';

export { prefillErasure } from './erasure-fields';

/**
 * /tra-cuu/: "Xoá thông tin cá nhân của tôi". The citizen gives the reference code and phone; the
 * server erases at once when no team is working on the request, else flags it for erasure at
 * closing (request_data_erasure, migration 20261128001300). Wrong code or phone get the same
 * "not found" as the status look-up; nothing personal comes back. One problem at a time shows in
 * an alert box at the top of the form, linking to its field.
 */
export default function DeleteMyData() {
  const [busy, setBusy] = useState(false);
  const problems = useProblems<keyof typeof IDS>();
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
    const checked = checkCredentials(String(fields.get('code') ?? ''), String(fields.get('phone') ?? ''));
    if (!checked.ok) {
      const { code, phone } = checked.errors;
      return problems.fail({ fields: code ? { code } : { phone } });
    }
    if (!fields.get('confirm')) return problems.fail({ fields: { confirm: t('erase.error.confirm') } });
    problems.clear();
    setBusy(true);
    const answer = await callRpc(requestDataErasure, { code: checked.code, phone: checked.phone });
    setBusy(false);
    if (!answer.ok) return problems.fail({ message: lookupErrorMessage(answer.code) });
    if (!answer.data.found) return problems.fail({ message: lookupErrorMessage('not_found') });
    setDone(erasureDoneMessage(answer.data));
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
        <ErrorSummary title={null} items={problems.items(IDS)} message={problems.message} focusKey={problems.focusKey} />
        <Field id={IDS.code} label={t('erase.code')}>
          {(control) => <input {...control} name="code" className="app-input" autoComplete="off" />}
        </Field>
        <Field id={IDS.phone} label={t('erase.phone')}>
          {(control) => (
            <input {...control} name="phone" className="app-input" type="tel" inputMode="tel" autoComplete="tel" />
          )}
        </Field>
        <div className="app-check">
          <input id={IDS.confirm} name="confirm" type="checkbox" />
          <label htmlFor={IDS.confirm}>{t('erase.confirm')}</label>
        </div>
        <button className="app-button app-button--secondary" type="submit" disabled={busy || !hydrated}>
          {busy ? t('erase.working') : t('erase.submit')}
        </button>
      </form>
    </section>
  );
}
