import { t } from '../../lib/i18n/team';
import { formatAge, formatClock, isOverdue } from '../../lib/team/format';
import type { RequestSummary, TeamQueue } from '../../lib/schemas/team';
import type { PlatformLinks } from './types';

interface Props {
  queue: TeamQueue | null;
  /** Time of the last successful refresh. */
  updatedAt: Date | null;
  now: Date;
  platforms: PlatformLinks;
  loading: boolean;
  error: string | null;
  onOpen(id: number): void;
  onRefresh(): void;
}

/** The state line of one request: who has it, or its acceptance deadline. */
function stateLine(item: RequestSummary, now: Date) {
  if (item.status === 'accepted' && item.accepted_by) {
    return (
      <span className="app-team__badge app-team__badge--accepted">
        {item.accepted_by.me ? t('team.queue.acceptedByMe') : t('team.queue.acceptedBy', { name: item.accepted_by.name })}
      </span>
    );
  }
  if (item.status === 'unassigned') return <span className="app-team__badge">{t('team.queue.inPool')}</span>;
  if (item.accept_by && isOverdue(item.accept_by, now)) {
    return (
      <span className="app-team__badge app-team__badge--overdue">
        {t('team.queue.overdue', { time: formatClock(item.accept_by, now) })}
      </span>
    );
  }
  return (
    <span className="app-team__badge app-team__badge--waiting">
      {item.accept_by ? t('team.queue.acceptBy', { time: formatClock(item.accept_by, now) }) : t('team.queue.waiting')}
    </span>
  );
}

/**
 * The open requests, oldest first, as big buttons: commune, needs, age, deadline or who has it.
 * No personal data is ever in this list (the server sends none).
 */
export default function Queue({ queue, updatedAt, now, platforms, loading, error, onOpen, onRefresh }: Props) {
  const title = queue?.pool ? t('team.queue.poolTitle') : t('team.queue.title', { team: queue?.team?.name ?? '' });
  return (
    <section aria-labelledby="tw-queue-title">
      <h2 id="tw-queue-title">{title}</h2>
      <div className="app-team__status-line" role="status" aria-live="polite">
        {queue && <p>{t('team.queue.summary', { waiting: queue.waiting, total: queue.items.length })}</p>}
        {error && <p className="app-team__error">{error}</p>}
      </div>
      {queue && queue.items.length === 0 && <p className="app-panel">{t('team.queue.empty')}</p>}
      {queue && queue.items.length > 0 && (
        <ol className="app-team__list">
          {queue.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="app-team__item"
                onClick={() => onOpen(item.id)}
                data-reference={item.reference_code}
              >
                <span className="app-team__item-top">
                  <strong>{item.commune.name}</strong>
                  <span className="app-team__muted">{t('team.queue.received', { age: formatAge(item.created_at, now) })}</span>
                </span>
                <span>
                  {item.needs.map((need) => platforms[need]?.name ?? t('booking.needs.other')).join(', ')}
                  {item.guide_step !== null && <> · {t('team.queue.step', { step: item.guide_step })}</>}
                </span>
                <span className="app-team__item-bottom">
                  {stateLine(item, now)}
                  {item.moves > 0 && <span className="app-team__muted">{t('team.queue.moved', { count: item.moves })}</span>}
                  <span className="app-team__muted app-team__ref">{item.reference_code}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="app-team__refresh">
        {updatedAt && <span className="app-team__muted">{t('team.queue.updated', { time: formatClock(updatedAt, now) })} </span>}
        <button type="button" className="app-button app-button--secondary" onClick={onRefresh} aria-disabled={loading || undefined}>
          {loading ? t('team.queue.refreshing') : t('team.queue.refresh')}
        </button>
      </p>
    </section>
  );
}
