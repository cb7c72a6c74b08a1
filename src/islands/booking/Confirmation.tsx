import { useEffect, useRef, useState } from 'react';
import './Confirmation.css';
import { t, type MessageKey } from '../../lib/i18n/booking';
import { formatPhone } from '../../lib/domain/phone';
import { STATUS_LABELS } from '../../lib/booking/request-labels';
import type { HelpRequestAnswer, NextStep } from '../../lib/api/booking';
import MyRequests from '../shared/MyRequests';

interface Props {
  answer: HelpRequestAnswer;
  communeName?: string;
  /** Starts a new, empty booking. */
  onAnother(): void;
}

const NEXT_STEP_TEXT: Record<NextStep, MessageKey> = {
  team_will_call: 'booking.done.next.team_will_call',
  team_accepted: 'booking.done.next.team_accepted',
  closed: 'booking.done.next.closed',
  cancelled: 'booking.done.next.cancelled',
  province_pool_no_team: 'booking.done.next.province_pool_no_team',
  province_pool_teams_full: 'booking.done.next.province_pool_teams_full',
};

/**
 * What the citizen sees once the request is stored: the code large (copy, print), the team and its
 * phone, what happens next, and the verification word with the anti-scam sentence. Printable as is.
 */
export default function Confirmation({ answer, communeName, onAnother }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(answer.reference_code);
      setCopied(true);
    } catch {
      // No clipboard (plain http, old browser): select the code so the citizen can copy it by hand.
      const code = document.getElementById('app-booking-code');
      const selection = window.getSelection();
      if (code && selection) {
        const range = document.createRange();
        range.selectNodeContents(code);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
  }

  return (
    <section className="app-booking__done" aria-labelledby="app-booking-done-title">
      <div className="app-booking__banner">
        <h2 id="app-booking-done-title" ref={headingRef} tabIndex={-1}>
          {t('booking.done.title')}
        </h2>
        <p className="app-booking__code-label">{t('booking.done.codeLabel')}</p>
        <p className="app-booking__code" id="app-booking-code" data-testid="reference-code">
          {answer.reference_code}
        </p>
        <p className="app-booking__status-word">{t(STATUS_LABELS[answer.status])}</p>
      </div>
      <p>{t('booking.done.codeHint')}</p>
      <div className="app-actions app-no-print">
        <button type="button" className="app-button app-button--secondary" onClick={copy}>
          {t('booking.done.copy')}
        </button>
        <button type="button" className="app-button app-button--secondary" onClick={() => window.print()}>
          {t('booking.done.print')}
        </button>
        <span role="status" className="app-booking__copied">
          {copied ? t('booking.done.copied') : ''}
        </span>
      </div>

      {answer.team && (
        <div className="app-panel">
          <h3>{t('booking.done.team')}</h3>
          <p className="app-booking__team-name">{answer.team.name}</p>
          {answer.team.phone && (
            <p>
              {t('booking.done.teamPhone')}{' '}
              <a href={`tel:${answer.team.phone}`} className="app-team-phone">
                {formatPhone(answer.team.phone)}
              </a>
            </p>
          )}
          {communeName && <p>{communeName}</p>}
        </div>
      )}

      <h3>{t('booking.done.next')}</h3>
      <p>{t(NEXT_STEP_TEXT[answer.next_step])}</p>
      {answer.gps_ignored && <p>{t('booking.done.gpsIgnored')}</p>}

      <div className="app-booking__word">
        <h3>{t('booking.done.wordLabel')}</h3>
        <p className="app-booking__word-value" data-testid="verification-word">
          {answer.verification_word}
        </p>
        <p>{t('booking.done.wordHint')}</p>
        <p className="app-safety">
          <strong>{t('booking.done.safety')}</strong>
        </p>
      </div>

      <p className="app-no-print">
        <a href="/tra-cuu/">{t('booking.done.statusLink')}</a>
      </p>
      <MyRequests />
      <p className="app-no-print">
        <button type="button" className="app-button app-button--secondary" onClick={onAnother}>
          {t('booking.done.another')}
        </button>
      </p>
    </section>
  );
}
