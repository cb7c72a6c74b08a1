/**
 * Help sessions in words, Vietnamese style: "Thứ Sáu, 04/12/2026, 14:00–17:00", "Hằng tuần vào Thứ
 * Ba, Thứ Năm, đến hết ngày 30/11/2027", and each occurrence as a calendar file. Shared by the
 * commune page script, the booking form and /doi/. Pure (the clock is an argument).
 */
import type { HelpSession, PublicSession } from '../api/sessions';
import { t, type MessageKey } from '../i18n/sessions';
import { upcomingOccurrences, type Occurrence } from '../domain/recurrence';
import { icsCalendar, icsDataUrl } from './ics';

/** "Thứ Sáu" for an ISO weekday. */
export function weekdayName(weekday: number): string {
  return t(`sessions.weekday.${weekday}` as MessageKey);
}

/** "04/12/2026" for 2026-12-04. */
export function dayText(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** "04/12" for 2026-12-04. */
export function shortDayText(day: string): string {
  return dayText(day).slice(0, 5);
}

/** "Thứ Sáu, 04/12/2026, 14:00–17:00". */
export function occurrenceText(session: Pick<HelpSession, 'starts_at' | 'ends_at'>, occurrence: Occurrence): string {
  return t('sessions.when', {
    weekday: weekdayName(occurrence.weekday),
    date: dayText(occurrence.day),
    from: session.starts_at,
    to: session.ends_at,
  });
}

/** "Hằng tuần vào Thứ Ba, Thứ Năm, đến hết ngày 30/11/2027", or "Một buổi". */
export function repeatText(session: Pick<HelpSession, 'weekdays' | 'until_day'>): string {
  if (session.weekdays.length === 0 || !session.until_day) return t('sessions.repeat.once');
  return t('sessions.repeat.weekly', {
    weekdays: [...session.weekdays].sort().map(weekdayName).join(', '),
    until: dayText(session.until_day),
  });
}

/**
 * A series' regular time and place in one line, for a team's entry and its poster: "Thứ Sáu hằng
 * tuần, 14:00–17:00: Nhà văn hoá khu 5, Khu 5" (a one-off names its day); null once it is over.
 */
export function sessionLine(session: HelpSession, now: Date): string | null {
  let when: string;
  if (session.weekdays.length > 0) {
    when = t('sessions.weekly', { weekdays: [...session.weekdays].sort().map(weekdayName).join(', ') });
  } else {
    const [next] = upcomingOccurrences(session, now, 1);
    if (!next) return null;
    when = `${weekdayName(next.weekday)} ${dayText(next.day)}`;
  }
  return `${when}, ${session.starts_at}–${session.ends_at}: ${t('sessions.where', { place: session.place_name, address: session.address })}`;
}

/** "Hoặc đến trực tiếp: Thứ Sáu 14:00 tại Nhà văn hoá khu 5". */
export function orComeText(session: Pick<HelpSession, 'starts_at' | 'place_name'>, occurrence: Occurrence): string {
  return t('sessions.booking.orCome', {
    weekday: weekdayName(occurrence.weekday),
    time: session.starts_at,
    place: session.place_name,
  });
}

/** The calendar file of one occurrence, as a link target, and the file name to save it under. */
export function calendarLink(
  session: PublicSession,
  occurrence: Occurrence,
  pageUrl: string,
  now: Date,
): { href: string; fileName: string } {
  const host = new URL(pageUrl).host || 'localhost';
  const ics = icsCalendar(
    [
      {
        uid: `buoi-${session.id}-${occurrence.day}@${host}`,
        start: occurrence.start,
        end: occurrence.end,
        summary: t('sessions.ics.summary', { place: session.place_name }),
        location: t('sessions.where', { place: session.place_name, address: session.address }),
        description: [t('sessions.ics.description', { team: session.team_name }), session.note ?? '', pageUrl]
          .filter(Boolean)
          .join('\n'),
        url: pageUrl,
      },
    ],
    now,
  );
  return { href: icsDataUrl(ics), fileName: `ho-tro-${occurrence.day}.ics` };
}

/** The first upcoming occurrence of each session, soonest first (the booking form's line). */
export function soonest<S extends HelpSession>(sessions: readonly S[], now: Date): { session: S; occurrence: Occurrence } | null {
  let best: { session: S; occurrence: Occurrence } | null = null;
  for (const session of sessions) {
    const [occurrence] = upcomingOccurrences(session, now, 1);
    if (occurrence && (!best || occurrence.start < best.occurrence.start)) best = { session, occurrence };
  }
  return best;
}
