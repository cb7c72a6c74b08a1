/**
 * The one place that downloads supabase-js (./supabase.ts) in the browser, on first use. A module
 * of its own, without zod: the sign-in forms of /doi/ and /quan-tri/ need the client but none of
 * the contracts (./rpc.ts, which re-exports these).
 */
import type { SupabaseClient } from '@supabase/supabase-js';

let loading: Promise<SupabaseClient> | undefined;
let announceLoaded: (client: SupabaseClient) => void;
const loaded = new Promise<SupabaseClient>((resolve) => (announceLoaded = resolve));

/**
 * The browser's supabase-js client (./supabase.ts), downloaded on first use. A failed download
 * (offline before it ever arrived) rejects, and the next call tries again.
 */
export function loadSupabase(): Promise<SupabaseClient> {
  loading ??= import('./supabase').then(
    (module) => {
      const client = module.getSupabase();
      announceLoaded(client);
      return client;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The browser's supabase-js client once something has loaded it (loadSupabase), without loading it:
 * a signed-out workspace listens for a sign-in this way, and leaves the download (200 kB of
 * JavaScript to run) to the sign-in form, when it is first used.
 */
export function supabaseLoaded(): Promise<SupabaseClient> {
  return loaded;
}
