/**
 * Whether supabase-js has a session stored on this device (its `sb-<project>-auth-token` key). Read
 * without supabase-js, so a signed-out visitor of /doi/ or /quan-tri/ gets the sign-in form as soon
 * as React runs instead of after supabase-js has arrived (issue 17: seconds on a slow network).
 * Unsure (no storage, blocked) counts as stored: the page then waits for supabase-js as before.
 */
export function hasStoredSession(): boolean {
  try {
    return Object.keys(localStorage).some((key) => /^sb-.+-auth-token$/.test(key));
  } catch {
    return true;
  }
}
