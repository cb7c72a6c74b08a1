/** Contracts of the portal as a whole (migration 20261128001600_statistics.sql). */
import * as z from 'zod/mini';
import { defineRpc } from './rpc';

/** Counts shown on the home page. */
const portalStatsSchema = z.object({
  communes: z.int().check(z.nonnegative()),
  teams: z.int().check(z.nonnegative()),
});

/**
 * portal_stats(): how many communes and active teams the portal serves. Anyone (anon); no personal
 * data. The booking form also calls it on opening, to learn whether the service answers and to
 * fetch supabase-js before the first submit. Errors: only `network`.
 */
export const portalStats = defineRpc('portal_stats', {}, portalStatsSchema);
