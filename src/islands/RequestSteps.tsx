import { t, type MessageKey } from '../lib/i18n/status';
import type { RequestStepEntry } from '../lib/api/status';

/** Outcomes in the citizen's words (the team's codes; older codes keep their booking texts). */
const OUTCOME_TEXTS: Record<string, MessageKey> = {
  helped: 'lookup.outcome.helped',
  partly_helped: 'lookup.outcome.partly_helped',
  not_reachable: 'lookup.outcome.not_reachable',
  not_needed: 'lookup.outcome.not_needed',
  citizen_cancelled: 'status.outcome.citizen_cancelled',
  out_of_scope: 'status.outcome.out_of_scope',
};

/** One step of a request in plain words. */
export function stepText(entry: RequestStepEntry): string {
  const team = entry.team ?? '';
  switch (entry.step) {
    case 'sent_to_team':
      return t('status.step.sent_to_team', { team });
    case 'accepted':
      return t('status.step.accepted', { team });
    case 'released':
      return t('status.step.released', { team });
    case 'closed':
      return entry.reason && OUTCOME_TEXTS[entry.reason]
        ? t('status.step.closed', { outcome: t(OUTCOME_TEXTS[entry.reason]) })
        : t('status.step.closedPlain');
    case 'received':
      return t('status.step.received');
    case 'province_pool':
      return t('status.step.province_pool');
    case 'cancelled':
      return t('status.step.cancelled');
  }
}

const dateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Every step of a help request so far, oldest first, as the status page (/tra-cuu/) shows it:
 * received, sent to team X, accepted, done (or another outcome). From `steps` of request_status.
 */
export default function RequestSteps({ steps }: { steps: RequestStepEntry[] }) {
  return (
    <ol className="app-status__steps" data-testid="request-steps">
      {steps.map((entry, index) => (
        <li key={index} data-done="true" data-step={entry.step}>
          {stepText(entry)} <time dateTime={entry.at}>{dateTime.format(new Date(entry.at))}</time>
        </li>
      ))}
    </ol>
  );
}
