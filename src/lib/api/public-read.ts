/**
 * Anonymous public reads from static pages: the guide page's confirmation stamp, the home page's
 * live figures and outreach totals here, the commune page's teams and sessions in
 * ./commune-info-read.ts (apart, so that a guide view does not download its checks). Each is a
 * function granted to `anon` that returns no personal data, already declared by its contract in
 * an area module (its name, arguments and documented zod/mini answer, checked against the database
 * by tests/db/rpc-contracts.test.ts), and called here the way callRpc (./rpc.ts) calls it, with
 * the same answers (`{ ok: true, data }` or a stable code), but with less to download:
 *
 * - through @supabase/postgrest-js alone. postgrest-js is the query client inside supabase-js:
 *   supabase-js makes every `.rpc()` call with it (its `rest` client, same package and version,
 *   pinned alike in package.json, one chunk shared by both). So the browser still talks to
 *   Supabase through supabase-js's own code, without the auth, realtime, storage and functions
 *   clients that a guide page never uses: about 5 kB compressed instead of 55 kB.
 * - with a plain check of the answer instead of the contract's zod schema, which would bring zod
 *   (about 9 kB more). tests/unit/public-read.test.ts holds each check to the contract's schema
 *   on arbitrary answers, so the two cannot drift.
 *
 * It sends the anon key, never a member's session: only public reads belong here. Writes,
 * sign-in, member and admin calls go through callRpc. Imported only by src/lib/on-demand/ (itself
 * loaded with import()), and importing neither zod nor ./rpc.ts at run time
 * (tests/unit/import-directions.test.ts), so a guide view loads none of that.
 */
import { PostgrestClient } from '@supabase/postgrest-js';
import { supabaseAnonKey, supabaseUrl } from './backend';
import type { GuideConfirmationStamp, guideConfirmationStamp } from './confirmations';
import type { outreachTotals } from './outreach';
import type { portalStats } from './portal';
import type { RpcAnswer, RpcArgs, RpcContract, RpcResult } from './rpc';

/** A public read of a contract's function: its name and a check of its answer that needs no zod. */
export interface PublicRead<C extends RpcContract> {
  readonly name: string;
  isAnswer(value: unknown): value is RpcAnswer<C>;
}

/** Checks of answers' values, as zod's z.object (no array), z.string, z.nullable, z.int (a safe integer). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isText = (value: unknown) => typeof value === 'string';
export const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';
export const isInt = (value: unknown) => Number.isSafeInteger(value);
const isCount = (value: unknown) => isInt(value) && (value as number) >= 0;

/** guide_confirmation_stamp (./confirmations.ts): the guide page's stamp and open-report notice. */
export const guideStampRead: PublicRead<typeof guideConfirmationStamp> = {
  name: 'guide_confirmation_stamp',
  isAnswer: (value): value is GuideConfirmationStamp =>
    isRecord(value) &&
    isText(value.guide_code) &&
    isTextOrNull(value.confirmed_on) &&
    isTextOrNull(value.app_name) &&
    isTextOrNull(value.app_version) &&
    isTextOrNull(value.team_name) &&
    typeof value.open_report === 'boolean',
};

/** callRpc's failureOf (./rpc.ts), copied so that a guide view loads no zod. */
export function failureOf(error: { code?: string; message: string }): Extract<RpcResult<never>, { ok: false }> {
  const isNetwork = !error.code && /fetch|network|Failed/i.test(error.message);
  return { ok: false, code: isNetwork ? 'network' : error.message, message: error.message };
}

/** portal_stats (./portal.ts): the home page's counts of communes and active teams. */
export const portalStatsRead: PublicRead<typeof portalStats> = {
  name: 'portal_stats',
  isAnswer: (value): value is RpcAnswer<typeof portalStats> =>
    isRecord(value) && isCount(value.communes) && isCount(value.teams),
};

/** outreach_totals (./outreach.ts): the home page's province totals of the teams' outreach. */
export const outreachTotalsRead: PublicRead<typeof outreachTotals> = {
  name: 'outreach_totals',
  isAnswer: (value): value is RpcAnswer<typeof outreachTotals> =>
    isRecord(value) && isCount(value.people_helped) && isCount(value.shops),
};

let client: PostgrestClient | undefined;

/** What supabase-js sends for the anon role: the key as `apikey` and as the bearer token. */
function anonClient(): PostgrestClient {
  const key = supabaseAnonKey();
  client ??= new PostgrestClient(`${supabaseUrl()}/rest/v1`, { headers: { apikey: key, Authorization: `Bearer ${key}` } });
  return client;
}

/** Calls a public function as `anon` and checks the answer. Never throws (see callRpc). */
export async function readPublic<C extends RpcContract>(read: PublicRead<C>, args: RpcArgs<C>): Promise<RpcResult<RpcAnswer<C>>> {
  try {
    const { data, error } = await anonClient().rpc(read.name, args);
    if (error) return failureOf(error);
    if (!read.isAnswer(data)) return { ok: false, code: 'unexpected', message: `${read.name}: the answer does not match its contract` };
    return { ok: true, data };
  } catch (error) {
    return { ok: false, code: 'network', message: error instanceof Error ? error.message : String(error) };
  }
}
