import { useState } from 'react';
import { t } from '../../lib/i18n/outreach';
import type { OutreachEntry } from '../../lib/api/outreach';
import { figuresText, kindText, platformText } from '../../lib/outreach/labels';
import { vietnamDateTime } from '../../lib/domain/vietnam-time';

interface Props {
  title: string;
  entries: OutreachEntry[] | null;
  /** Show who wrote each entry (the team's list). */
  showAuthor?: boolean;
  busy?: boolean;
  onEdit?(entry: OutreachEntry): void;
  onDelete?(entry: OutreachEntry): void;
}

/** A day `YYYY-MM-DD` the Vietnamese way: `29/11/2026`. */
export function dayText(day: string): string {
  return day.split('-').reverse().join('/');
}

/**
 * Entries newest day first: kind, day, commune, figures, platforms, note; the author for the
 * team's list; "Sửa" and "Xoá" (with a confirmation in place) on the caller's own while editable.
 */
export default function OutreachList({ title, entries, showAuthor, busy, onEdit, onDelete }: Props) {
  const [confirming, setConfirming] = useState<number | null>(null);
  return (
    <section className="app-team__panel" aria-label={title}>
      <h3>{title}</h3>
      {entries === null ? (
        <p>{t('outreach.loading')}</p>
      ) : entries.length === 0 ? (
        <p>{t('outreach.none')}</p>
      ) : (
        <ul className="app-outreach__list">
          {entries.map((e) => (
            <li key={e.id} className="app-outreach__entry" data-entry-id={e.id}>
              <p>
                <strong>{kindText(e.kind)}</strong> · {dayText(e.day)} · {e.commune_name}
              </p>
              <p>{figuresText(e)}</p>
              {e.platforms.length > 0 && <p className="app-team__muted">{e.platforms.map(platformText).join(', ')}</p>}
              {e.note && <p className="app-team__pre">{e.note}</p>}
              {showAuthor && <p className="app-team__muted">{t('outreach.by', { name: e.member_name })}</p>}
              {e.editable && onEdit && onDelete && (
                <>
                  <p className="app-team__muted">{t('outreach.editUntil', { time: vietnamDateTime(new Date(e.editable_until)) })}</p>
                  {confirming === e.id ? (
                    <div className="app-team__confirm" role="group" aria-label={t('outreach.confirmDelete', { day: dayText(e.day) })}>
                      <p>{t('outreach.confirmDelete', { day: dayText(e.day) })}</p>
                      <div className="app-team__row">
                        <button type="button" className="app-button" disabled={busy} onClick={() => { setConfirming(null); onDelete(e); }}>
                          {t('outreach.confirmYes')}
                        </button>
                        <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(null)}>
                          {t('outreach.confirmNo')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <div className="app-team__row">
                      <button type="button" className="app-button app-button--secondary" disabled={busy} onClick={() => onEdit(e)}>
                        {t('outreach.edit')}
                      </button>
                      <button type="button" className="app-button app-button--secondary" disabled={busy} onClick={() => setConfirming(e.id)}>
                        {t('outreach.delete')}
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
