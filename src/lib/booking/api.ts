import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RpcResult } from '../supabase/rpc';
import {
  dataErasureResultSchema,
  helpRequestAnswerSchema,
  notFoundSchema,
  requestStatusSchema,
  type CancelReason,
  type DataErasureResult,
  type HelpRequest,
  type HelpRequestAnswer,
  type RequestStatusAnswer,
} from '../schemas/help-request';

/**
 * The booking RPCs, each wrapped once: arguments in, the answer validated by its zod schema, or a
 * stable error code (src/lib/booking/errors.ts). Islands call these, never `rpc` directly.
 *
 * supabase-js (about half of the page's JavaScript) is imported on first use, so the form renders
 * without waiting for it; the form warms it up at once with checkService(). If it cannot be fetched
 * (offline before it ever loaded), the call fails as `network` and the outbox retries later.
 */
async function rpcModule() {
  return import('../supabase/rpc');
}

async function callRpc<T>(
  name: string,
  args: Record<string, unknown>,
  schema: $ZodType<T>,
  client?: SupabaseClient,
): Promise<RpcResult<T>> {
  try {
    return await (await rpcModule()).callRpc(name, args, schema, client);
  } catch (error) {
    return { ok: false, code: 'network', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether the backend answers (portal_stats); also loads supabase-js ahead of the first submit. */
export async function checkService(client?: SupabaseClient): Promise<boolean> {
  try {
    return (await (await rpcModule()).fetchPortalStats(client)).ok;
  } catch {
    return false;
  }
}

/** Books in-person help. The payload is the output of helpRequestSchema (clean, normalised). */
export function requestHelp(request: HelpRequest, client?: SupabaseClient): Promise<RpcResult<HelpRequestAnswer>> {
  return callRpc('request_help', { request }, helpRequestAnswerSchema, client);
}

const lookupAnswerSchema = z.union([requestStatusSchema, notFoundSchema]);

/** Turns the generic `{found: false}` answer into the error code `not_found`. */
function foundOnly(result: RpcResult<z.output<typeof lookupAnswerSchema>>): RpcResult<RequestStatusAnswer> {
  if (!result.ok) return result;
  if (!result.data.found) return { ok: false, code: 'not_found', message: 'not_found' };
  return { ok: true, data: result.data };
}

/** Status of a request by reference code and phone; `not_found` when either is wrong. */
export async function requestStatus(
  code: string,
  phone: string,
  client?: SupabaseClient,
): Promise<RpcResult<RequestStatusAnswer>> {
  return foundOnly(await callRpc('request_status', { code, phone }, lookupAnswerSchema, client));
}

/** Cancels a request (and erases its personal data at once when asked). */
export async function cancelRequest(
  code: string,
  phone: string,
  reason: CancelReason,
  erasePersonalData = false,
  client?: SupabaseClient,
): Promise<RpcResult<RequestStatusAnswer>> {
  return foundOnly(
    await callRpc(
      'cancel_request',
      { code, phone, reason, erase_personal_data: erasePersonalData },
      lookupAnswerSchema,
      client,
    ),
  );
}

/**
 * The citizen asks for their request's personal data to be erased. `{found: false}` when the code
 * or phone is wrong. Errors: rate_limited.
 */
export function requestDataErasure(code: string, phone: string, client?: SupabaseClient): Promise<RpcResult<DataErasureResult>> {
  return callRpc('request_data_erasure', { code, phone }, dataErasureResultSchema, client);
}
