/**
 * The commune page's call (src/components/commune/CommuneInfo.astro), imported with import() when
 * the page has loaded: the page itself ships no zod and no supabase-js, and reads fine without them;
 * after the load, only the anonymous public read (postgrest-js, no zod; src/lib/api/public-read.ts).
 */
import { communeInfoRead } from '../api/commune-info-read';
import { readPublic } from '../api/public-read';
import { sessionsHtml, teamsHtml, type TopicNames } from '../sessions/commune-view';

/** The teams and sessions of a commune as HTML, or `ok: false` when they could not be read. */
export async function loadCommuneInfo(
  commune: string,
  pageUrl: string,
  topics: TopicNames,
): Promise<{ ok: true; teams: string; sessions: string } | { ok: false }> {
  const answer = await readPublic(communeInfoRead, { commune });
  if (!answer.ok) return { ok: false };
  const now = new Date();
  return { ok: true, teams: teamsHtml(answer.data, now), sessions: sessionsHtml(answer.data, now, pageUrl, topics) };
}
