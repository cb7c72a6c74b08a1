/** Contracts of the QR posters (migration 20261128001000_poster_scans.sql). */
import * as z from 'zod/mini';
import { POSTER_ID_MAX_LENGTH, POSTER_ID_PATTERN } from '../domain/poster-id';
import { defineRpc } from './rpc';

/**
 * record_poster_scan(poster): adds one scan to a poster's count for today (Vietnam time). Anyone
 * (anon); nothing about the reader is stored. `poster` is a poster id (`g-vs4`, `x-ha-tu`).
 * Errors: poster_invalid (bad or unknown id), rate_limited (too many scans from one address, or the
 * poster's daily cap).
 */
export const recordPosterScan = defineRpc(
  'record_poster_scan',
  { poster: z.string().check(z.maxLength(POSTER_ID_MAX_LENGTH), z.regex(POSTER_ID_PATTERN)) },
  z.object({ counted: z.literal(true) }),
);
