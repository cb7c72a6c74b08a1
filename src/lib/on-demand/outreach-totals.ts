/**
 * The home page's outreach totals (src/components/home/OutreachTotals.astro), imported with
 * import() once the section scrolls into view: the home page loads no zod and no supabase-js up
 * front.
 */
import { outreachTotals } from '../api/outreach';
import { callRpc } from '../api/rpc';

/** Province totals of people helped and shops supported, from the teams' outreach log. */
export function fetchOutreachTotals() {
  return callRpc(outreachTotals, {});
}
