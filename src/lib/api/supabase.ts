/**
 * The browser's supabase-js client: the only module of the site that imports supabase-js at run
 * time. Nothing imports it directly; loadSupabase() in ./rpc.ts fetches it on first use.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { LOCAL_ANON_KEY } from './local-keys';

/**
 * Where the backend is: PUBLIC_SUPABASE_URL when the build sets it (a Supabase project), else the
 * page's own origin (the local stack serves /rest/v1 and /auth/v1 beside the site).
 */
function supabaseUrl(): string {
  const configured = import.meta.env.PUBLIC_SUPABASE_URL as string | undefined;
  if (configured) return configured.replace(/\/$/, '');
  return window.location.origin;
}

/** The public anon key: PUBLIC_SUPABASE_ANON_KEY when set, else the local stack's demo key. */
function supabaseAnonKey(): string {
  return (import.meta.env.PUBLIC_SUPABASE_ANON_KEY as string | undefined) || LOCAL_ANON_KEY;
}

let client: SupabaseClient | undefined;

/** The one supabase-js client of the browser (sessions of signed-in members persist in it). */
export function getSupabase(): SupabaseClient {
  client ??= createClient(supabaseUrl(), supabaseAnonKey(), {
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false },
  });
  return client;
}
