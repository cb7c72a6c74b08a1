import { t } from '../../lib/i18n/team';
import type { RequestDetail } from '../../lib/api/team';
import { formatClock } from '../../lib/team/format';
import { eventText, NOTE_KIND_LABELS } from '../../lib/team/labels';

interface Props {
  detail: RequestDetail;
  now: Date;
  /** Opens the note form (when a note may be added now): one tap from the notes section. */
  onAddNote?: () => void;
}

/**
 * The team's notes (shown only to those who see the contact details; others see how many there
 * are), with a button to add one, and the request's history under its own heading.
 */
export default function NotesAndHistory({ detail, now, onAddNote }: Props) {
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
      {onAddNote && (
        <p>
          <button type="button" className="app-button app-button--secondary" onClick={onAddNote}>
            {t('team.detail.addNote')}
          </button>
        </p>
      )}

      <section className="app-team__history" aria-labelledby="tw-history-title">
        <h3 id="tw-history-title">{t('team.detail.history')}</h3>
        {detail.events.length > 0 ? (
          <ol>
            {detail.events.map((e, i) => (
              <li key={i}>
                <span className="app-team__muted">{formatClock(e.at, now)}</span> {eventText(e)}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('team.detail.historyEmpty')}</p>
        )}
      </section>
    </>
  );
}
