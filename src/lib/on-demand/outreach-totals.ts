/**
 * The home page's outreach totals (src/components/home/OutreachTotals.astro), imported with
 * import() once the section scrolls into view, and then only the anonymous public read
 * (postgrest-js, no zod; src/lib/api/public-read.ts): the home page loads no zod and no supabase-js.
 */
import { outreachTotalsRead, readPublic } from '../api/public-read';

/** Province totals of people helped and shops supported, from the teams' outreach log. */
export function fetchOutreachTotals() {
  return readPublic(outreachTotalsRead, {});
}
