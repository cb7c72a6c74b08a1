/**
 * RPC wrappers for poster scan counting (migration 20261128030000_poster_scans.sql). Kept beside
 * rpc.ts rather than in it so the scan beacon loads only what it needs; both go through `callRpc`.
 */
import { z } from 'zod';
import type { SupabaseClient } from '@supabase/supabase-js';
import { callRpc } from './rpc';
import { POSTER_ID_MAX_LENGTH, POSTER_ID_PATTERN } from '../domain/poster-id';

/** A poster id (`g-vs4`, `x-ha-tu`), as the database accepts it. */
export const posterIdSchema = z.string().max(POSTER_ID_MAX_LENGTH).regex(POSTER_ID_PATTERN);

/** Answer of `record_poster_scan`. */
export const posterScanResultSchema = z.object({ counted: z.literal(true) });

/**
 * Adds one scan to a poster's count for today. Errors come back as codes: `poster_invalid` (bad or
 * unknown id), `rate_limited` (too many scans from one address, or the poster's daily cap),
 * `network`.
 */
export function recordPosterScan(poster: string, client?: SupabaseClient) {
  return callRpc('record_poster_scan', { poster }, posterScanResultSchema, client);
}

/** One row of the scan statistics: scans of one poster on one day (Vietnam time). */
export const posterScanRowSchema = z.object({
  poster: posterIdSchema,
  /** YYYY-MM-DD */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  scans: z.number().int().positive(),
});
export type PosterScanRow = z.output<typeof posterScanRowSchema>;

/**
 * Scan counts per poster and day for admins (`forbidden` for anyone else). Without dates: the last
 * 30 days. At most 367 days per call (`range_invalid`).
 */
export function fetchPosterScanStats(range: { from?: string; to?: string } = {}, client?: SupabaseClient) {
  return callRpc(
    'poster_scan_stats',
    { from_day: range.from ?? null, to_day: range.to ?? null },
    z.array(posterScanRowSchema),
    client,
  );
}
