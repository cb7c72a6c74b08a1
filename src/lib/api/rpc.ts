/**
 * The one way the site reaches its backend. Each RPC the site calls has a contract (defineRpc, in
 * the area modules beside this file: portal, guides, posters, booking, status, team, admin) and is
 * called with callRpc(contract, args). supabase-js comes from loadSupabase() (./load-supabase.ts),
 * the only place that downloads it, on the first call: contracts are names and zod/mini schemas,
 * cheap to import statically, and the heavy client (about half of a citizen page's JavaScript)
 * stays off the page until it is needed.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { safeParse, type $InferObjectOutput, type $ZodShape, type $ZodType, type output } from 'zod/v4/core';
import { loadSupabase } from './load-supabase';

// supabase-js is loaded by ./load-supabase.ts, a module of its own so that a page needing only the
// client (a sign-in form) does not bring zod with it; re-exported for the islands.
export { loadSupabase, supabaseLoaded } from './load-supabase';

/** The answer of an RPC: data validated by the contract's answer schema, or a stable error code. */
export type RpcResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** A function in schema `public` as the site calls it. */
export interface RpcContract<Args extends $ZodShape = $ZodShape, Answer extends $ZodType = $ZodType> {
  /** Its name in schema `public`. */
  readonly name: string;
  /**
   * Its arguments, keyed by SQL parameter name (PostgREST matches them by name; the keys are checked
   * against the database by tests/db/rpc-contracts.test.ts). They type callRpc's `args` and are
   * not parsed before sending: the SQL checks every argument and answers with its own stable codes.
   */
  readonly args: Args;
  /** Its answer; every answer is parsed with it, so callers only ever see valid data. */
  readonly answer: Answer;
}

/** The arguments of a contract's function, as callRpc takes them. */
export type RpcArgs<C extends RpcContract> = $InferObjectOutput<C['args'], {}>;
/** The validated answer of a contract's function. */
export type RpcAnswer<C extends RpcContract> = output<C['answer']>;

/** Declares an RPC: its name in `public`, its arguments by name, and its answer. */
export function defineRpc<const Args extends $ZodShape, const Answer extends $ZodType>(
  name: string,
  args: Args,
  answer: Answer,
): RpcContract<Args, Answer> {
  return Object.freeze({ name, args, answer });
}

/**
 * Calls a contract's function and validates the answer. Never throws: a failed download or request
 * is `network`, an answer that does not match the contract is `unexpected`, and an error the SQL
 * raised comes back as its stable code (`phone_invalid`, `forbidden`, …). `client` is for tests and
 * scripts; the browser's own client is used when it is left out.
 */
export async function callRpc<C extends RpcContract>(
  contract: C,
  args: RpcArgs<C>,
  client?: SupabaseClient,
): Promise<RpcResult<RpcAnswer<C>>> {
  try {
    const backend = client ?? (await loadSupabase());
    const { data, error } = await backend.rpc(contract.name, args);
    if (error) return failureOf(error);
    const parsed = safeParse(contract.answer, data);
    if (!parsed.success) return { ok: false, code: 'unexpected', message: parsed.error.message };
    return { ok: true, data: parsed.data as RpcAnswer<C> };
  } catch (error) {
    return { ok: false, code: 'network', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * PostgREST's error as a stable code: our SQL raises its codes as the message of errcode P0001
 * (e.g. "phone_invalid"); a request that never got an answer is `network`. readPublic
 * (./public-read.ts) keeps a copy, held equal by tests/unit/public-read.test.ts: sharing it through
 * a module of its own would add a chunk to every island page.
 */
export function failureOf(error: { code?: string; message: string }): { ok: false; code: string; message: string } {
  const isNetwork = !error.code && /fetch|network|Failed/i.test(error.message);
  return { ok: false, code: isNetwork ? 'network' : error.message, message: error.message };
}
