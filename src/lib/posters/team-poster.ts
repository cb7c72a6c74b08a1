/**
 * A team's own poster (A4) and sticker (A6), printed from /doi/ at /in/to/?xa=<commune>&to=<team>
 * (&kieu=nhan for the sticker): the team's name, public phone and regular session times and places,
 * and a QR code to the commune page (/xa/<slug>/) carrying the poster id (`t-<team code>` for the
 * poster, `n-<team code>` for the sticker) so that scans are counted as for every poster. The page
 * reads the team from commune_public_info, so a poster prints exactly what citizens see; the QR
 * code's origin is the site's public origin (SITE_URL), passed in by the page. Pure.
 */
import type { CommunePublicInfo } from '../api/sessions';
import { communePath } from '../content/paths';
import { teamPosterId } from '../domain/poster-id';
import { formatPhone } from '../domain/phone';
import { t } from '../i18n/sessions';
import { displayUrl, qrPayload } from '../qr/payload';
import { qrSvg } from '../qr/qr-svg';
import { escapeHtml } from '../text/html';
import { sessionLine } from '../sessions/format';

export type TeamPosterKind = 'a4' | 'a6';

/** The printing page of a team's poster (a4) or sticker (a6). */
export function teamPosterPath(commune: string, team: string, kind: TeamPosterKind): string {
  const params = new URLSearchParams({ xa: commune, to: team });
  if (kind === 'a6') params.set('kieu', 'nhan');
  return `/in/to/?${params.toString()}`;
}

/** What the printing page's address asks for, or null when it is malformed. */
export function teamPosterRequest(search: string): { commune: string; team: string; kind: TeamPosterKind } | null {
  const params = new URLSearchParams(search);
  const commune = params.get('xa') ?? '';
  const team = params.get('to') ?? '';
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(commune) || !/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(team)) return null;
  return { commune, team, kind: params.get('kieu') === 'nhan' ? 'a6' : 'a4' };
}

/** The poster or sticker as HTML, or null when the team is not listed on the commune page. */
export function teamPosterHtml(
  info: CommunePublicInfo,
  teamCode: string,
  kind: TeamPosterKind,
  site: string,
  now: Date,
): string | null {
  const team = info.teams.find((candidate) => candidate.code === teamCode);
  if (!team?.phone) return null;
  const id = teamPosterId(team.code, kind);
  const url = qrPayload(`${communePath(info.commune.slug)}?p=${id}`, site);
  const qr = qrSvg(url, { errorCorrectionLevel: 'M', margin: 4, label: t('teamPoster.qrLabel', { commune: info.commune.name }) }).svg;
  const phone = `<a class="app-poster__phone" href="tel:${escapeHtml(team.phone)}">${escapeHtml(formatPhone(team.phone))}</a>`;
  const code = `<figure class="app-poster__qr app-poster__qr--team" data-qr="commune-page" data-qr-url="${escapeHtml(url)}">${qr}</figure>`;
  const typed = `<p class="app-poster__type"><span class="app-poster__url">${escapeHtml(displayUrl(url))}</span></p>`;
  if (kind === 'a6') {
    return (
      `<article class="app-poster app-poster--sticker" data-poster-id="${id}">` +
      `<h1 class="app-poster__sticker-title">${escapeHtml(t('teamPoster.sticker'))}</h1>${code}` +
      `<p class="app-poster__call">${escapeHtml(t('teamPoster.call'))}</p><p>${phone}</p>` +
      `<p class="app-poster__sticker-team">${escapeHtml(team.name)}</p></article>`
    );
  }
  const lines = info.sessions
    .filter((session) => session.team_code === team.code)
    .map((session) => sessionLine(session, now))
    .filter((line): line is string => line !== null)
    .slice(0, 4);
  const sessions = lines.length
    ? `<section><h2 class="app-poster__section-title">${escapeHtml(t('teamPoster.sessions'))}</h2>` +
      `<ul class="app-poster__sessions">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>`
    : '';
  return (
    `<article class="app-poster app-poster--team" data-poster-id="${id}">` +
    `<header class="app-poster__band"><span class="app-poster__platform">${escapeHtml(info.commune.name)}</span></header>` +
    `<h1 class="app-poster__title">${escapeHtml(t('teamPoster.title'))}</h1>` +
    `<p class="app-poster__subtitle">${escapeHtml(team.name)}</p>` +
    `<p class="app-poster__lead">${escapeHtml(t('teamPoster.lead'))}</p>` +
    `<p class="app-poster__call">${escapeHtml(t('teamPoster.call'))}: ${phone}</p>${sessions}` +
    `<div class="app-poster__codes">${code}<div><p class="app-poster__scan">${escapeHtml(t('teamPoster.scan'))}</p>${typed}</div></div>` +
    `</article>`
  );
}
