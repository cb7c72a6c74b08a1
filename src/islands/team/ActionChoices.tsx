import { t } from '../../lib/i18n/team';
import type { HandoverSuggestion, RequestDetail } from '../../lib/api/team';
import { TEAM_OUTCOMES, type HandoverReason, type TeamOutcome } from '../../lib/domain/team-vocabulary';
import { formatKm } from '../../lib/team/format';
import { OUTCOME_LABELS, REASON_LABELS } from '../../lib/team/labels';
import { handoverReasons, type PanelField } from '../../lib/team/request-actions';
import Field from '../shared/Field';

/** Ids of the radio buttons (the error summary links to the first of a group). */
export const CHOICE_IDS = {
  outcome: (outcome: TeamOutcome = TEAM_OUTCOMES[0]) => `tw-outcome-${outcome}`,
  team: (teamId: number) => `tw-team-${teamId}`,
  /** The group of teams, while it has no button yet. */
  teams: 'tw-team',
  reason: (status: RequestDetail['status'], reason: HandoverReason = handoverReasons(status)[0]) => `tw-reason-${reason}`,
};

interface OutcomeProps {
  value: TeamOutcome | null;
  onChange(outcome: TeamOutcome): void;
  /** Unanswered calls so far, and how many "could not reach" needs (a hint until then). */
  attempts: number;
  minAttempts: number;
  error?: string;
}

/** How the request ends (closing): one radio button per outcome. */
export function OutcomeChoices({ value, onChange, attempts, minAttempts, error }: OutcomeProps) {
  return (
    <Field id="tw-outcome" group label={t('team.close.legend')} error={error}>
      {TEAM_OUTCOMES.map((o) => (
        <div className="app-check" key={o}>
          <input id={CHOICE_IDS.outcome(o)} type="radio" name="outcome" checked={value === o} onChange={() => onChange(o)} />
          <label htmlFor={CHOICE_IDS.outcome(o)}>
            {t(OUTCOME_LABELS[o])}
            {o === 'not_reachable' && attempts < minAttempts && (
              <span className="app-team__hint">
                {' '}
                {t('team.close.attemptsHint', { n: minAttempts, count: attempts })}
              </span>
            )}
          </label>
        </div>
      ))}
    </Field>
  );
}

interface HandoverProps {
  status: RequestDetail['status'];
  /** Teams the server suggests (nearest first), null while they load. */
  suggestions: HandoverSuggestion[] | null;
  target: number | null;
  onTarget(teamId: number): void;
  reason: HandoverReason | null;
  onReason(reason: HandoverReason): void;
  errors: Partial<Record<PanelField, string>>;
}

/** Handing over: which team (distance, load, whether it covers the commune or had it), and why. */
export function HandoverChoices({ status, suggestions, target, onTarget, reason, onReason, errors }: HandoverProps) {
  return (
    <>
      <Field id={CHOICE_IDS.teams} group label={t('team.handover.legend')} error={errors.team}>
        {suggestions === null && <p>{t('team.handover.loading')}</p>}
        {suggestions?.length === 0 && <p>{t('team.handover.none')}</p>}
        {suggestions?.map((s) => (
          <div className="app-check" key={s.id}>
            <input id={CHOICE_IDS.team(s.id)} type="radio" name="team" checked={target === s.id} onChange={() => onTarget(s.id)} />
            <label htmlFor={CHOICE_IDS.team(s.id)}>
              <strong>{s.name}</strong>
              <span className="app-team__hint">
                {' '}
                {t('team.handover.distance', { km: formatKm(s.distance_m), open: s.open_count, capacity: s.capacity })}
                {s.covers_commune && <> · {t('team.handover.covers')}</>}
                {s.open_count >= s.capacity && <> · {t('team.handover.full')}</>}
                {s.had_it && <> · {t('team.handover.hadIt')}</>}
              </span>
            </label>
          </div>
        ))}
      </Field>
      <Field id="tw-reason" group label={t('team.handover.reason')} error={errors.reason}>
        {handoverReasons(status).map((r) => (
          <div className="app-check" key={r}>
            <input id={CHOICE_IDS.reason(status, r)} type="radio" name="reason" checked={reason === r} onChange={() => onReason(r)} />
            <label htmlFor={CHOICE_IDS.reason(status, r)}>{t(REASON_LABELS[r])}</label>
          </div>
        ))}
      </Field>
    </>
  );
}
