/**
 * The home page's live figures (src/components/home/PortalStats.astro), imported with import() once the
 * paragraph scrolls into view, and then only the anonymous public read (postgrest-js, no zod;
 * src/lib/api/public-read.ts): the home page loads no zod and no supabase-js.
 */
import { portalStatsRead, readPublic } from '../api/public-read';

/** How many communes and active teams the portal serves. */
export function fetchPortalStats() {
  return readPublic(portalStatsRead, {});
}
