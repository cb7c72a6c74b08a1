/**
 * Clients the db tests use: supabase-js as anon or as a signed-in user (through the real OTP flow of
 * the auth stand-in), and a superuser SQL connection for preparing and inspecting data.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { StackInfo } from './backends.ts';

/** supabase-js with the anon key, like a citizen's browser. */
export function anonClient(stack: StackInfo): SupabaseClient {
  return createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/** Reads the newest code the auth stand-in "sent" to an email. */
export async function latestCode(stack: StackInfo, email: string): Promise<string> {
  const entries = (await fetch(stack.mailboxUrl).then((res) => res.json())) as {
    email: string;
    code: string;
  }[];
  const entry = entries.find((e) => e.email === email.toLowerCase());
  if (!entry) throw new Error(`No code was sent to ${email}`);
  return entry.code;
}

/** Signs a person in with an email code through supabase-js, exactly as the team workspace does. */
export async function signedInClient(stack: StackInfo, email: string): Promise<SupabaseClient> {
  const client = createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const sent = await client.auth.signInWithOtp({ email });
  if (sent.error) throw sent.error;
  const verified = await client.auth.verifyOtp({ email, token: await latestCode(stack, email), type: 'email' });
  if (verified.error) throw verified.error;
  return client;
}

/** Runs SQL as the database superuser (never how the app talks to the database). */
export async function withSql<T>(stack: StackInfo, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
