/** Contracts of the guide pages (migration 20261128000900_guide_feedback.sql). */
import * as z from 'zod/mini';
import { defineRpc } from './rpc';

/**
 * send_guide_feedback(guide_code, kind, helpful, comment): stores anonymous feedback on a guide,
 * "Trang này có hữu ích không?" (kind `rating`, `helpful` required, comment optional) or "Báo nội
 * dung sai" (kind `error_report`, comment required). Anyone (anon), POST only; phone numbers and
 * emails in comments are masked before storing. Errors: guide_invalid, kind_invalid,
 * helpful_required, comment_required, comment_too_long (over 500 characters), rate_limited.
 */
export const sendGuideFeedback = defineRpc(
  'send_guide_feedback',
  {
    /** Short code of the guide (`vs4`). */
    guide_code: z.string(),
    kind: z.enum(['rating', 'error_report']),
    helpful: z.optional(z.nullable(z.boolean())),
    comment: z.optional(z.nullable(z.string())),
  },
  z.object({ ok: z.literal(true) }),
);
