/**
 * The team poster page's call (src/pages/in/to/index.astro), imported with import(): it reads the
 * commune's published teams and sessions and builds the poster (QR code included) in the browser.
 */
import { communeInfoRead } from '../api/commune-info-read';
import { readPublic } from '../api/public-read';
import { teamPosterHtml, teamPosterRequest } from '../posters/team-poster';

/** The poster for the page's address, or null (bad address, team not listed, network). */
export async function loadTeamPoster(search: string, site: string): Promise<string | null> {
  const request = teamPosterRequest(search);
  if (!request) return null;
  const answer = await readPublic(communeInfoRead, { commune: request.commune });
  if (!answer.ok) return null;
  return teamPosterHtml(answer.data, request.team, request.kind, site, new Date());
}
