/**
 * Where the browser finds the backend and the public key it sends: shared by the supabase-js client
 * (./supabase.ts) and the anonymous public reads (./public-read.ts), so both reach the same project.
 */
import { LOCAL_ANON_KEY } from './local-keys';

/**
 * PUBLIC_SUPABASE_URL when the build sets it (a Supabase project), else the page's own origin (the
 * local stack serves /rest/v1 and /auth/v1 beside the site).
 */
export function supabaseUrl(): string {
  const configured = import.meta.env.PUBLIC_SUPABASE_URL as string | undefined;
  if (configured) return configured.replace(/\/$/, '');
  return window.location.origin;
}

/** The public anon key: PUBLIC_SUPABASE_ANON_KEY when set, else the local stack's demo key. */
export function supabaseAnonKey(): string {
  return (import.meta.env.PUBLIC_SUPABASE_ANON_KEY as string | undefined) || LOCAL_ANON_KEY;
}
