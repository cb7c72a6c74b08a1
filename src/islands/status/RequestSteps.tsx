import type { RequestStatusAnswer } from '../../lib/api/status';
import { t } from '../../lib/i18n/status';
import { formatStepTime, stepText, stepsFromTimes } from '../../lib/status/steps';

/**
 * Every step of a help request so far, oldest first, as the status page (/tra-cuu/) shows it:
 * received, sent to team X, accepted, done (or another outcome). From `steps` of request_status;
 * a request with no recorded steps is told from its timestamps, steps still to come included.
 */
export default function RequestSteps({ result }: { result: RequestStatusAnswer }) {
  if (result.steps.length === 0) return <StepsFromTimes result={result} />;
  return (
    <ol className="app-status__steps" data-testid="request-steps">
      {result.steps.map((entry, index) => (
        <li key={index} data-done="true" data-step={entry.step}>
          {stepText(entry)} <time dateTime={entry.at}>{formatStepTime(entry.at)}</time>
        </li>
      ))}
    </ol>
  );
}

/** The steps from the request's timestamps; those still to come say "not yet". */
function StepsFromTimes({ result }: { result: RequestStatusAnswer }) {
  return (
    <ol className="app-status__steps">
      {stepsFromTimes(result).map((step) => (
        <li key={step.key} data-done={step.at ? 'true' : 'false'}>
          {t(step.key)}
          {step.at ? (
            <time dateTime={step.at}>{formatStepTime(step.at)}</time>
          ) : (
            <span className="app-status__pending">{t('lookup.step.pending')}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
