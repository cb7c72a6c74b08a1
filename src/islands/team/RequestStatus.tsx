import { t } from '../../lib/i18n/team';
import type { RequestDetail } from '../../lib/api/team';
import type { TeamOutcome } from '../../lib/domain/team-vocabulary';
import { formatAge, formatDeadline, isOverdue } from '../../lib/team/format';
import { OUTCOME_LABELS, STATUS_LABELS } from '../../lib/team/labels';

/** The request's status and outcome, reference code, age and acceptance deadline. */
export default function RequestStatus({ detail, now }: { detail: RequestDetail; now: Date }) {
  const outcome = detail.status === 'closed' && detail.outcome ? OUTCOME_LABELS[detail.outcome as TeamOutcome] : undefined;
  return (
    <p>
      {t('team.detail.status')} <strong data-testid="request-status">{t(STATUS_LABELS[detail.status])}</strong>
      {outcome && <> ({t(outcome)})</>}
      <br />
      <span className="app-team__muted">
        {t('team.detail.code', { code: detail.reference_code })} · {t('team.queue.received', { age: formatAge(detail.created_at, now) })}
      </span>
      {detail.status === 'assigned' && detail.accept_by && (
        <>
          <br />
          <span className={isOverdue(detail.accept_by, now) ? 'app-team__error' : undefined}>
            {t('team.detail.deadline', { time: formatDeadline(detail.accept_by) })}
          </span>
        </>
      )}
    </p>
  );
}
