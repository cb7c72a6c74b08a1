/**
 * The steps of a help request in the citizen's words, as the status page (/tra-cuu/) lists them:
 * from `steps` of request_status (src/lib/api/status.ts), or, for a request without recorded steps,
 * from its timestamps. Pure; the markup is src/islands/status/RequestSteps.tsx.
 */
import type { RequestStatusAnswer, RequestStepEntry } from '../api/status';
import type { OUTCOMES } from '../domain/team-vocabulary';
import { vietnamDateTime } from '../domain/vietnam-time';
import { t, type MessageKey } from '../i18n/status';

type Outcome = (typeof OUTCOMES)[number];

/** Every outcome of a closed request in the citizen's words (the team's, and two older ones). */
export const OUTCOME_TEXTS: Record<Outcome, MessageKey> = {
  helped: 'lookup.outcome.helped',
  partly_helped: 'lookup.outcome.partly_helped',
  not_reachable: 'lookup.outcome.not_reachable',
  not_needed: 'lookup.outcome.not_needed',
  citizen_cancelled: 'status.outcome.citizen_cancelled',
  out_of_scope: 'status.outcome.out_of_scope',
};

/** The outcome in plain words, or null for one this page does not know. */
export function outcomeText(outcome: string | null): string | null {
  return outcome && Object.hasOwn(OUTCOME_TEXTS, outcome) ? t(OUTCOME_TEXTS[outcome as Outcome]) : null;
}

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
    case 'closed': {
      const outcome = outcomeText(entry.reason);
      return outcome ? t('status.step.closed', { outcome }) : t('status.step.closedPlain');
    }
    case 'received':
      return t('status.step.received');
    case 'province_pool':
      return t('status.step.province_pool');
    case 'cancelled':
      return t('status.step.cancelled');
  }
}

/** A step's time in Vietnam, short: "29/11/26 15:30" (the separators follow the browser's ICU). */
export function formatStepTime(at: string): string {
  return vietnamDateTime(new Date(at));
}

/** A step from the request's timestamps: its text, and when it happened (null: not yet). */
interface TimedStep {
  key: MessageKey;
  at: string | null;
}

/**
 * The steps from the timestamps alone, for a request with no recorded steps: received, assigned,
 * accepted, closed (still to come are listed too), or received and cancelled (only the steps it
 * went through before).
 */
export function stepsFromTimes(result: RequestStatusAnswer): TimedStep[] {
  const cancelled = result.status === 'cancelled';
  const steps: (TimedStep & { show: boolean })[] = [
    { key: 'lookup.step.received', at: result.received_at, show: true },
    { key: 'lookup.step.assigned', at: result.assigned_at, show: !cancelled || !!result.assigned_at },
    { key: 'lookup.step.accepted', at: result.accepted_at, show: !cancelled || !!result.accepted_at },
    { key: 'lookup.step.closed', at: result.closed_at, show: !cancelled },
    { key: 'lookup.step.cancelled', at: result.cancelled_at, show: cancelled },
  ];
  return steps.filter((step) => step.show).map(({ key, at }) => ({ key, at }));
}
