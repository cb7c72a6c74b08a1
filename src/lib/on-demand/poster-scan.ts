/**
 * The scan beacon's call (src/components/poster/ScanBeacon.astro). The beacon is on every page, so
 * it imports this module with import() only when a page was opened from a poster: zod, the
 * contract and supabase-js then arrive after the page has loaded, and a page opened any other way
 * carries none of them.
 */
import { recordPosterScan } from '../api/posters';
import { callRpc } from '../api/rpc';

/** Adds one scan of a poster (`g-vs4`, `x-ha-tu`) to today's count. */
export function sendPosterScan(poster: string) {
  return callRpc(recordPosterScan, { poster });
}
