import { useState } from 'react';
import { callRpc } from '../../lib/api/rpc';
import { rateHelp } from '../../lib/api/status';
import { t } from '../../lib/i18n/status';
import { lookupErrorMessage } from '../../lib/status/lookup';
import type { Credentials } from './LookupForm';

/**
 * After a team closed the request ("Đã xong"): "Tổ đã giúp được bạn chưa?" answered with one tap
 * (rate_help, once per request; the first answer stays). Counted in the admin statistics.
 */
export default function RateHelp({ credentials }: { credentials: Credentials }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [answered, setAnswered] = useState(false);

  async function rate(helped: boolean) {
    if (busy) return;
    setBusy(true);
    const answer = await callRpc(rateHelp, { ...credentials, helped });
    setBusy(false);
    if (!answer.ok) return setMessage(lookupErrorMessage(answer.code));
    if (!answer.data.found) return setMessage(lookupErrorMessage('not_found'));
    setAnswered(true);
    setMessage(
      answer.data.already_rated
        ? t('lookup.rating.already', { answer: t(answer.data.helped ? 'lookup.rating.yes' : 'lookup.rating.no') })
        : t('lookup.rating.thanks'),
    );
  }

  return (
    <section aria-labelledby="lk-rating-title" className="app-panel">
      <h3 id="lk-rating-title">{t('lookup.rating.title')}</h3>
      {!answered && (
        <div className="app-actions">
          <button type="button" className="app-button" aria-disabled={busy || undefined} onClick={() => rate(true)}>
            {t('lookup.rating.yes')}
          </button>
          <button type="button" className="app-button app-button--secondary" aria-disabled={busy || undefined} onClick={() => rate(false)}>
            {t('lookup.rating.no')}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {message && <p>{message}</p>}
      </div>
    </section>
  );
}
