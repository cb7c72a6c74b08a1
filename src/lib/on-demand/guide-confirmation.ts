/**
 * The guide page's confirmation stamp (src/components/guide/GuideConfirmation.astro), imported with
 * import() once the page has loaded: a guide page loads no zod and no supabase-js up front.
 */
import { guideConfirmationStamp } from '../api/confirmations';
import { callRpc } from '../api/rpc';

/** The latest confirmation of a guide by a team, and whether a report of a changed step is open. */
export function fetchConfirmationStamp(guideCode: string) {
  return callRpc(guideConfirmationStamp, { guide_code: guideCode });
}
