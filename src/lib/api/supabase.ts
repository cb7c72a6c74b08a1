/**
 * The browser's supabase-js client: the only module of the site that imports supabase-js at run
 * time. Nothing imports it directly; loadSupabase() in ./load-supabase.ts fetches it on first use.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from './backend';

let client: SupabaseClient | undefined;

/** The one supabase-js client of the browser (sessions of signed-in members persist in it). */
export function getSupabase(): SupabaseClient {
  client ??= createClient(supabaseUrl(), supabaseAnonKey(), {
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false },
  });
  return client;
}
