import { useEffect, useRef, useState } from 'react';
import type { RequestStatusAnswer } from '../../lib/api/status';
import { STATUS_LABELS } from '../../lib/booking/request-labels';
import { formatPhone } from '../../lib/domain/phone';
import { t } from '../../lib/i18n/status';
import { outcomeText } from '../../lib/status/steps';
import CancelRequest from './CancelRequest';
import type { Credentials } from './LookupForm';
import RateHelp from './RateHelp';
import RequestSteps from './RequestSteps';

interface Props {
  result: RequestStatusAnswer;
  credentials: Credentials;
  /** A cancel changed the request: its new status. */
  onChange(result: RequestStatusAnswer): void;
  /** Back to an empty look-up form. */
  onAgain(): void;
}

/**
 * A request found by code and phone: its status (and outcome), the team and its phone, the
 * verification word (until the data is erased), every step, the anti-scam sentence, and
 * cancelling while no team has closed it. The heading takes focus when it appears.
 */
export default function StatusView({ result, credentials, onChange, onAgain }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [cancelMessage, setCancelMessage] = useState<string | null>(null);
  const outcome = outcomeText(result.outcome);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section aria-labelledby="lk-result-title">
      <h2 id="lk-result-title" ref={headingRef} tabIndex={-1}>
        <CodeIn text={t('lookup.result.title', { code: result.reference_code })} code={result.reference_code} />
      </h2>
      <p>
        {t('lookup.result.status')} <strong data-testid="status">{t(STATUS_LABELS[result.status])}</strong>
        {outcome && <> ({outcome})</>}
      </p>
      <div className="app-panel">
        <p>
          {t('lookup.result.team')} {result.team ? <strong>{result.team.name}</strong> : t('lookup.result.noTeam')}
        </p>
        {result.team?.phone && (
          <p>
            {t('booking.done.teamPhone')}{' '}
            <a className="app-team-phone" href={`tel:${result.team.phone}`}>
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
      {result.status === 'closed' && !result.personal_data_erased && <RateHelp credentials={credentials} />}
      <h3>{t('lookup.result.steps')}</h3>
      <RequestSteps result={result} />
      <p className="app-safety">
        <strong>{t('booking.done.safety')}</strong>
      </p>

      <div role="status" aria-live="polite">
        {cancelMessage && <p className="app-callout">{cancelMessage}</p>}
      </div>

      {result.can_cancel && (
        <CancelRequest
          credentials={credentials}
          onDone={(next, message) => {
            if (next) onChange(next);
            setCancelMessage(message);
            // The buttons just tapped are gone: the status heading takes the focus, above the message.
            requestAnimationFrame(() => headingRef.current?.focus());
          }}
        />
      )}
      <p>
        <button type="button" className="app-button app-button--secondary" onClick={onAgain}>
          {t('lookup.again')}
        </button>
      </p>
    </section>
  );
}

/** A sentence with a reference code that never breaks across lines (not at its hyphens either). */
function CodeIn({ text, code }: { text: string; code: string }) {
  const at = text.indexOf(code);
  if (at === -1) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="app-nowrap">{code}</span>
      {text.slice(at + code.length)}
    </>
  );
}
