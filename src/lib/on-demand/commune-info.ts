/**
 * The commune page's call (src/components/commune/CommuneInfo.astro), imported with import() when
 * the page has loaded: the page itself ships no zod and no supabase-js, and reads fine without them.
 */
import { callRpc } from '../api/rpc';
import { communePublicInfo } from '../api/sessions';
import { sessionsHtml, teamsHtml, type TopicNames } from '../sessions/commune-view';

/** The teams and sessions of a commune as HTML, or `ok: false` when they could not be read. */
export async function loadCommuneInfo(
  commune: string,
  pageUrl: string,
  topics: TopicNames,
): Promise<{ ok: true; teams: string; sessions: string } | { ok: false }> {
  const answer = await callRpc(communePublicInfo, { commune });
  if (!answer.ok) return { ok: false };
  const now = new Date();
  return { ok: true, teams: teamsHtml(answer.data, now), sessions: sessionsHtml(answer.data, now, pageUrl, topics) };
}
