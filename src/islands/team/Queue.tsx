import { useEffect, useRef } from 'react';
import { t } from '../../lib/i18n/team';
import { formatAge, formatClock, formatDeadline, isOverdue } from '../../lib/team/format';
import { QUEUE_PAGE_MAX, QUEUE_PAGE_SIZE } from '../../lib/domain/team-vocabulary';
import type { RequestSummary, TeamQueue } from '../../lib/api/team';
import type { PlatformLinks } from './types';

interface Props {
  queue: TeamQueue | null;
  /** How many requests the workspace asked for (it grows by QUEUE_PAGE_SIZE on "Xem thêm"). */
  pageSize: number;
  /** Time of the last successful refresh. */
  updatedAt: Date | null;
  now: Date;
  platforms: PlatformLinks;
  loading: boolean;
  error: string | null;
  onOpen(id: number): void;
  onRefresh(): void;
  /** Ask for QUEUE_PAGE_SIZE more requests. */
  onMore(): void;
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
        {t('team.queue.overdue', { time: formatDeadline(item.accept_by) })}
      </span>
    );
  }
  return (
    <span className="app-team__badge app-team__badge--waiting">
      {item.accept_by ? t('team.queue.acceptBy', { time: formatDeadline(item.accept_by) }) : t('team.queue.waiting')}
    </span>
  );
}

/**
 * The open requests, oldest first, as big buttons: commune, needs, age, deadline or who has it.
 * No personal data is ever in this list (the server sends none). The server sends the oldest
 * `pageSize` with the true counts; "Xem thêm" asks for QUEUE_PAGE_SIZE more, up to QUEUE_PAGE_MAX.
 */
export default function Queue({ queue, pageSize, updatedAt, now, platforms, loading, error, onOpen, onRefresh, onMore }: Props) {
  const title = queue?.pool ? t('team.queue.poolTitle') : t('team.queue.title', { team: queue?.team?.name ?? '' });
  const shown = queue?.items.length ?? 0;
  const total = Math.max(queue?.total ?? 0, shown);
  const partial = shown < total;
  const canMore = partial && shown < QUEUE_PAGE_MAX;
  const loadingMore = loading && canMore && pageSize > shown;
  const list = useRef<HTMLOListElement>(null);
  // After "Xem thêm", focus moves to the first request added, so keyboard and screen reader users
  // carry on where the list grew (the button may be gone once everything is shown).
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || shown <= from) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLButtonElement>('.app-team__item')[from]?.focus();
  }, [shown]);

  function more() {
    if (loadingMore) return;
    focusFrom.current = shown;
    onMore();
  }

  return (
    <section aria-labelledby="tw-queue-title">
      <h2 id="tw-queue-title">{title}</h2>
      <div className="app-team__status-line" role="status" aria-live="polite">
        {queue && (
          <p data-testid="queue-summary">
            {partial
              ? t('team.queue.summaryPartial', { shown, total, waiting: queue.waiting })
              : t('team.queue.summary', { waiting: queue.waiting, total })}
          </p>
        )}
        {error && <p className="app-team__error">{error}</p>}
      </div>
      {queue && queue.items.length === 0 && <p className="app-panel">{t('team.queue.empty')}</p>}
      {queue && queue.items.length > 0 && (
        <ol className="app-team__list" ref={list}>
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
                  {item.erase_requested && (
                    <span className="app-team__badge app-team__badge--erase">{t('team.queue.eraseRequested')}</span>
                  )}
                  {item.moves > 0 && <span className="app-team__muted">{t('team.queue.moved', { count: item.moves })}</span>}
                  <span className="app-team__muted app-team__ref">{item.reference_code}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {canMore && (
        <p>
          <button
            type="button"
            className="app-button app-button--secondary app-team__primary"
            onClick={more}
            aria-disabled={loadingMore || undefined}
          >
            {loadingMore
              ? t('team.queue.loadingMore')
              : t('team.queue.more', { count: Math.min(QUEUE_PAGE_SIZE, total - shown, QUEUE_PAGE_MAX - shown) })}
          </button>
        </p>
      )}
      {partial && !canMore && <p className="app-team__muted">{t('team.queue.limit', { max: QUEUE_PAGE_MAX })}</p>}
      <p className="app-team__refresh">
        {updatedAt && <span className="app-team__muted">{t('team.queue.updated', { time: formatClock(updatedAt, now) })} </span>}
        <button type="button" className="app-button app-button--secondary" onClick={onRefresh} aria-disabled={loading || undefined}>
          {loading ? t('team.queue.refreshing') : t('team.queue.refresh')}
        </button>
      </p>
    </section>
  );
}
