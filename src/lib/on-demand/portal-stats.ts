/**
 * The home page's live figures (src/components/home/PortalStats.astro), imported with import() once the
 * paragraph scrolls into view: the home page loads no zod and no supabase-js up front.
 */
import { portalStats } from '../api/portal';
import { callRpc } from '../api/rpc';

/** How many communes and active teams the portal serves. */
export function fetchPortalStats() {
  return callRpc(portalStats, {});
}
