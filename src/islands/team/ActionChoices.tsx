import { t } from '../../lib/i18n/team';
import type { HandoverSuggestion, RequestDetail } from '../../lib/api/team';
import { TEAM_OUTCOMES, type HandoverReason, type TeamOutcome } from '../../lib/domain/team-vocabulary';
import { formatKm } from '../../lib/team/format';
import { OUTCOME_LABELS, REASON_LABELS } from '../../lib/team/labels';
import { handoverReasons } from '../../lib/team/request-actions';

interface OutcomeProps {
  value: TeamOutcome | null;
  onChange(outcome: TeamOutcome): void;
  /** Unanswered calls so far, and how many "could not reach" needs (a hint until then). */
  attempts: number;
  minAttempts: number;
}

/** How the request ends (closing): one radio button per outcome. */
export function OutcomeChoices({ value, onChange, attempts, minAttempts }: OutcomeProps) {
  return (
    <fieldset className="app-team__choices">
      <legend>{t('team.close.legend')}</legend>
      {TEAM_OUTCOMES.map((o) => (
        <div className="app-team__choice" key={o}>
          <input id={`tw-outcome-${o}`} type="radio" name="outcome" checked={value === o} onChange={() => onChange(o)} />
          <label htmlFor={`tw-outcome-${o}`}>
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
    </fieldset>
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
}

/** Handing over: which team (distance, load, whether it covers the commune or had it), and why. */
export function HandoverChoices({ status, suggestions, target, onTarget, reason, onReason }: HandoverProps) {
  return (
    <>
      <fieldset className="app-team__choices">
        <legend>{t('team.handover.legend')}</legend>
        {suggestions === null && <p>{t('team.handover.loading')}</p>}
        {suggestions?.length === 0 && <p>{t('team.handover.none')}</p>}
        {suggestions?.map((s) => (
          <div className="app-team__choice" key={s.id}>
            <input id={`tw-team-${s.id}`} type="radio" name="team" checked={target === s.id} onChange={() => onTarget(s.id)} />
            <label htmlFor={`tw-team-${s.id}`}>
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
      </fieldset>
      <fieldset className="app-team__choices">
        <legend>{t('team.handover.reason')}</legend>
        {handoverReasons(status).map((r) => (
          <div className="app-team__choice" key={r}>
            <input id={`tw-reason-${r}`} type="radio" name="reason" checked={reason === r} onChange={() => onReason(r)} />
            <label htmlFor={`tw-reason-${r}`}>{t(REASON_LABELS[r])}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
