import { useEffect, useState } from 'react';
import type { CommuneChoice } from '../../lib/booking/communes';
import { communePath } from '../../lib/content/paths';
import { t } from '../../lib/i18n/booking';
import type { NextSession } from '../../lib/on-demand/commune-sessions';

/**
 * Under the chosen commune: a link to its page (teams, phones, sessions) and, when a team holds a
 * help session there, "Hoặc đến trực tiếp: Thứ Sáu 14:00 tại Nhà văn hoá khu 5" with "Thêm vào
 * lịch". The sessions are read with import() after the choice, so the form loads nothing more.
 */
export default function CommuneSessions({ commune }: { commune: CommuneChoice }) {
  const next = useNextSession(commune.slug);
  return (
    <div className="app-booking__nearby" data-commune-sessions={commune.slug}>
      {next && (
        <p role="status">
          <strong>{next.text}</strong>
          <br />
          {next.detail}{' '}
          <a download={next.calendar.fileName} href={next.calendar.href}>
            {next.calendar.label}
          </a>
        </p>
      )}
      <p>
        <a href={communePath(commune.slug)}>{t('booking.communePage', { commune: commune.name })}</a>
      </p>
    </div>
  );
}

/** The commune's soonest help session, null until read (or without one). */
function useNextSession(slug: string): NextSession | null {
  const [next, setNext] = useState<NextSession | null>(null);
  useEffect(() => {
    let live = true;
    setNext(null);
    void import('../../lib/on-demand/commune-sessions')
      .then(({ loadNextSession }) => loadNextSession(slug, window.location.origin))
      .catch(() => null)
      .then((found) => {
        if (live) setNext(found);
      });
    return () => {
      live = false;
    };
  }, [slug]);
  return next;
}
