import { useEffect, useState } from 'react';
import { forgetRequest, readMyRequests, type RememberedRequest } from '../../lib/booking/my-requests';
import { vietnamDate } from '../../lib/domain/vietnam-time';
import { t } from '../../lib/i18n/requests';

interface Props {
  /** On /tra-cuu/: tapping a code fills the look-up. Elsewhere each code links to /tra-cuu/?ma=<code>. */
  onPick?(code: string): void;
}

/** "29/11/2026", the day in Vietnam. */
const dayOf = (iso: string) => vietnamDate(new Date(iso));

/**
 * "Yêu cầu của bạn trên máy này": the codes of the requests sent from this device (code, commune,
 * day; never the name or phone), each removable. Shown on /tra-cuu/ and after booking; nothing
 * when the device remembers none. Refreshes when another script on the page sends a request.
 */
export default function MyRequests({ onPick }: Props) {
  const [entries, setEntries] = useState<RememberedRequest[]>([]);
  const [removed, setRemoved] = useState('');

  useEffect(() => {
    const refresh = () => setEntries(readMyRequests());
    refresh();
    window.addEventListener('app:request-sent', refresh);
    window.addEventListener('storage', refresh);
    return () => {
      window.removeEventListener('app:request-sent', refresh);
      window.removeEventListener('storage', refresh);
    };
  }, []);

  if (entries.length === 0 && !removed) return null;
  return (
    <section className="app-panel app-mine app-no-print" aria-labelledby="app-mine-title">
      <h2 id="app-mine-title">{t('mine.title')}</h2>
      <p>
        {t('mine.hint')} {onPick ? t('mine.hintPick') : ''}
      </p>
      <ul className="app-mine__list">
        {entries.map((entry) => (
          <li key={entry.code} className="app-mine__item">
            {onPick ? (
              <button type="button" className="app-button app-button--secondary app-mine__code" onClick={() => onPick(entry.code)}>
                {entry.code}
              </button>
            ) : (
              <a className="app-mine__code" href={`/tra-cuu/?ma=${encodeURIComponent(entry.code)}`}>
                {entry.code}
              </a>
            )}
            <span className="app-mine__when">
              {entry.commune
                ? t('mine.sentOn', { commune: entry.commune, date: dayOf(entry.at) })
                : t('mine.sentOnNoCommune', { date: dayOf(entry.at) })}
            </span>
            <button
              type="button"
              className="app-button app-button--secondary app-mine__remove"
              aria-label={t('mine.removeLabel', { code: entry.code })}
              onClick={() => {
                setEntries(forgetRequest(entry.code));
                setRemoved(entry.code);
              }}
            >
              {t('mine.remove')}
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{removed ? t('mine.removed', { code: removed }) : ''}</p>
    </section>
  );
}
