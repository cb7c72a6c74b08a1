/**
 * The booking form's "Hoặc đến trực tiếp" line (src/islands/booking/CommuneSessions.tsx), imported
 * with import() once a commune is chosen, so the form's own bundle carries neither the sessions'
 * strings nor the recurrence and calendar code.
 */
import { callRpc } from '../api/rpc';
import { communePublicInfo } from '../api/sessions';
import { communePath } from '../content/paths';
import { t } from '../i18n/sessions';
import { calendarLink, occurrenceText, orComeText, soonest } from '../sessions/format';

/** The next help session of a commune in words, with its calendar file; null when there is none. */
export interface NextSession {
  /** "Hoặc đến trực tiếp: Thứ Sáu 14:00 tại Nhà văn hoá khu 5" */
  text: string;
  /** "Thứ Sáu, 04/12/2026, 14:00–17:00 · Khu 5, phường Hồng Gai" */
  detail: string;
  calendar: { href: string; fileName: string; label: string };
}

/** Reads the commune's sessions and returns the soonest one (null without one, or on failure). */
export async function loadNextSession(commune: string, origin: string): Promise<NextSession | null> {
  const answer = await callRpc(communePublicInfo, { commune });
  if (!answer.ok) return null;
  const now = new Date();
  const best = soonest(answer.data.sessions, now);
  if (!best) return null;
  const link = calendarLink(best.session, best.occurrence, `${origin}${communePath(answer.data.commune.slug)}`, now);
  return {
    text: orComeText(best.session, best.occurrence),
    detail: `${occurrenceText(best.session, best.occurrence)} · ${best.session.address}`,
    calendar: { ...link, label: t('sessions.addToCalendar') },
  };
}
