import * as z from 'zod/mini';
import { safeParse, type $ZodType } from 'zod/v4/core';
import type { SupabaseClient } from '@supabase/supabase-js';
import { getSupabase } from './client';

/** The answer of an RPC: data validated by its schema, or a stable error code. */
export type RpcResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/**
 * Calls an RPC and validates the answer with a zod schema. Network failures and unknown answers
 * become `{ ok: false, code: 'network' | 'unexpected' }`, so islands never see raw errors.
 */
export async function callRpc<T>(
  name: string,
  args: Record<string, unknown>,
  schema: $ZodType<T>,
  client: SupabaseClient = getSupabase(),
): Promise<RpcResult<T>> {
  try {
    const { data, error } = await client.rpc(name, args);
    if (error) {
      // Our SQL raises stable codes as the message of errcode P0001 (e.g. "phone_invalid").
      const isNetwork = !error.code && /fetch|network|Failed/i.test(error.message);
      return { ok: false, code: isNetwork ? 'network' : error.message, message: error.message };
    }
    const parsed = safeParse(schema, data);
    if (!parsed.success) return { ok: false, code: 'unexpected', message: parsed.error.message };
    return { ok: true, data: parsed.data };
  } catch (error) {
    return { ok: false, code: 'network', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Counts shown on the home page. */
export const portalStatsSchema = z.object({
  communes: z.int().check(z.nonnegative()),
  teams: z.int().check(z.nonnegative()),
});
export type PortalStats = z.output<typeof portalStatsSchema>;

/** How many communes and active teams the portal serves (public, no personal data). */
export function fetchPortalStats(client?: SupabaseClient) {
  return callRpc('portal_stats', {}, portalStatsSchema, client);
}

/** What a citizen can send about a guide. */
export type GuideFeedback =
  | { kind: 'rating'; guideCode: string; helpful: boolean; comment?: string }
  | { kind: 'error_report'; guideCode: string; comment: string };

/** Stores anonymous feedback on a guide (rate-limited; errors: rate_limited, comment_too_long, …). */
export function sendGuideFeedback(feedback: GuideFeedback, client?: SupabaseClient) {
  return callRpc(
    'send_guide_feedback',
    {
      guide_code: feedback.guideCode,
      kind: feedback.kind,
      helpful: feedback.kind === 'rating' ? feedback.helpful : null,
      comment: feedback.comment ?? null,
    },
    z.object({ ok: z.literal(true) }),
    client,
  );
}
