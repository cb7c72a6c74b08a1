import { t } from '../../lib/i18n/team';
import type { RequestDetail } from '../../lib/api/team';
import { formatClock } from '../../lib/team/format';
import { eventText, NOTE_KIND_LABELS } from '../../lib/team/labels';

/**
 * The team's notes (shown only to those who see the contact details; others see how many there
 * are) and the request's history, folded away.
 */
export default function NotesAndHistory({ detail, now }: { detail: RequestDetail; now: Date }) {
  return (
    <>
      <h3>{t('team.detail.notes')}</h3>
      {detail.contact ? (
        detail.notes.length > 0 ? (
          <ul className="app-team__notes">
            {detail.notes.map((n) => (
              <li key={n.id}>
                <span className="app-team__muted">
                  {formatClock(n.at, now)} · {n.author}
                  {n.kind !== 'note' && <> · {t(NOTE_KIND_LABELS[n.kind])}</>}
                </span>
                <p className="app-team__pre">{n.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('team.detail.notesEmpty')}</p>
        )
      ) : (
        <p>{detail.notes_count > 0 ? t('team.detail.notesHidden', { count: detail.notes_count }) : t('team.detail.notesEmpty')}</p>
      )}

      <details className="app-team__history">
        <summary>{t('team.detail.history')}</summary>
        <ol>
          {detail.events.map((e, i) => (
            <li key={i}>
              <span className="app-team__muted">{formatClock(e.at, now)}</span> {eventText(e)}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
