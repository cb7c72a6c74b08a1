/**
 * The live part of a commune page (/xa/<slug>/) as HTML, built in the browser from
 * commune_public_info: the published teams with a tap-to-call button, and the help sessions, each
 * with its next occurrence, "Thêm vào lịch", the following days and the days off. Pure string
 * functions (unit-tested); the page's script (src/components/commune/CommuneInfo.astro) puts them in
 * place.
 */
import type { CommunePublicInfo, PublicSession } from '../api/sessions';
import { formatPhone } from '../domain/phone';
import { upcomingOccurrences } from '../domain/recurrence';
import { t } from '../i18n/sessions';
import { escapeHtml } from '../text/html';
import { calendarLink, occurrenceText, repeatText, sessionLine, shortDayText } from './format';

/** Platform short names by id ("vneid" → "VNeID"), for a session's topics. */
export type TopicNames = Record<string, string>;

/** A tap-to-call link showing the number in groups ("Gọi 0900 000 001"). */
export function callLinkHtml(phone: string): string {
  return `<a class="app-button app-call" href="tel:${escapeHtml(phone)}">${escapeHtml(t('sessions.call', { phone: formatPhone(phone) }))}</a>`;
}

/** The published teams, each with its phone and where and when it helps, or what happens without one. */
export function teamsHtml(info: CommunePublicInfo, now: Date): string {
  const commune = info.commune.name;
  if (info.teams.length === 0) {
    return (
      `<p>${escapeHtml(t('communePage.teams.none', { commune }))}</p>` +
      `<p>${escapeHtml(t('communePage.teams.noneHow'))}</p>`
    );
  }
  const items = info.teams.map(
    (team) =>
      `<li class="app-commune__team"><h3>${escapeHtml(team.name)}</h3>` +
      (team.phone ? `<p>${callLinkHtml(team.phone)}</p>` : '') +
      info.sessions
        .filter((session) => session.team_code === team.code)
        .map((session) => sessionLine(session, now))
        .filter((line): line is string => line !== null)
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join('') +
      `</li>`,
  );
  return `<ul class="app-commune__teams">${items.join('')}</ul>`;
}

/** One series: its next occurrence with "Thêm vào lịch", place, repeat, team, topics, later days, days off. */
function sessionHtml(session: PublicSession, now: Date, pageUrl: string, topics: TopicNames): string {
  const [next, ...later] = upcomingOccurrences(session, now, 5);
  if (!next) return '';
  const link = calendarLink(session, next, pageUrl, now);
  const lines = [
    `<h3>${escapeHtml(occurrenceText(session, next))}</h3>`,
    `<p class="app-session__place">${escapeHtml(t('sessions.where', { place: session.place_name, address: session.address }))}</p>`,
    `<p>${escapeHtml(repeatText(session))}</p>`,
    `<p>${escapeHtml(t('sessions.by', { team: session.team_name }))}</p>`,
  ];
  if (session.topics.length > 0) {
    lines.push(`<p>${escapeHtml(t('sessions.topics', { topics: session.topics.map((id) => topics[id] ?? id).join(', ') }))}</p>`);
  }
  if (session.note) lines.push(`<p class="app-session__note">${escapeHtml(session.note)}</p>`);
  if (later.length > 0) {
    lines.push(`<p>${escapeHtml(t('sessions.list.next'))}: ${escapeHtml(later.map((o) => shortDayText(o.day)).join(', '))}</p>`);
  }
  // Days off from today on (the server sends no earlier ones), the usual day just skipped included.
  const off = session.cancelled_days;
  if (off.length > 0) lines.push(`<p class="app-session__off">${escapeHtml(t('sessions.cancelledDays', { days: off.map(shortDayText).join(', ') }))}</p>`);
  lines.push(
    `<p><a class="app-button app-button--secondary" download="${escapeHtml(link.fileName)}" href="${escapeHtml(link.href)}">` +
      `${escapeHtml(t('sessions.addToCalendarLabel', { date: shortDayText(next.day) }))}</a></p>`,
  );
  return `<li class="app-session" data-session-id="${session.id}">${lines.join('')}</li>`;
}

/** The sessions, soonest first, or a line saying there are none. */
export function sessionsHtml(info: CommunePublicInfo, now: Date, pageUrl: string, topics: TopicNames): string {
  const ordered = info.sessions
    .map((session) => ({ session, next: upcomingOccurrences(session, now, 1)[0] }))
    .filter((entry) => entry.next)
    .sort((a, b) => a.next.start.getTime() - b.next.start.getTime());
  if (ordered.length === 0) return `<p>${escapeHtml(t('communePage.sessions.none', { commune: info.commune.name }))}</p>`;
  return `<ul class="app-sessions">${ordered.map(({ session }) => sessionHtml(session, now, pageUrl, topics)).join('')}</ul>`;
}
