/**
 * The feedback form's call (src/components/guide/GuideFeedback.astro), imported with import() when
 * the citizen first answers: a guide page loads no zod and no supabase-js up front.
 */
import { sendGuideFeedback } from '../api/guides';
import { callRpc, type RpcArgs } from '../api/rpc';

/** What a citizen sends about a guide: a rating, or a report of an error. */
export type GuideFeedback = RpcArgs<typeof sendGuideFeedback>;

/** Stores anonymous feedback on a guide (errors: rate_limited, comment_too_long, …). */
export function sendFeedback(feedback: GuideFeedback) {
  return callRpc(sendGuideFeedback, feedback);
}
