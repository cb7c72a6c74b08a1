import { useEffect, useState } from 'react';
import type { Session, SupabaseClient } from '@supabase/supabase-js';
import { callRpc, loadSupabase } from '../../lib/api/rpc';
import { hasStoredSession } from '../shared/stored-session';
import { adminTeams } from '../../lib/api/admin';

interface AdminSession {
  /** undefined while supabase-js reads its stored session; null when signed out. */
  session: Session | null | undefined;
  /** Whether the database sees an admin: null until it has answered (or when it could not). */
  allowed: boolean | null;
  signOut(): void;
}

/**
 * The person signed in to /quan-tri/ and whether they are an admin. supabase-js arrives after the
 * first screen; offline, the session is null and the sign-in form reports the failure.
 */
export function useAdminSession(): AdminSession {
  const [supabase, setSupabase] = useState<SupabaseClient | null>(null);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [allowed, setAllowed] = useState<boolean | null>(null);

  useEffect(() => {
    // Nothing stored: signed out, so the sign-in form shows now, not once supabase-js has arrived.
    if (!hasStoredSession()) setSession((current) => (current === undefined ? null : current));
    let unsubscribe = () => {};
    let live = true;
    loadSupabase().then(
      (client) => {
        if (!live) return;
        setSupabase(client);
        client.auth.getSession().then(({ data }) => setSession(data.session));
        const { data } = client.auth.onAuthStateChange((_event, next) => setSession(next));
        unsubscribe = () => data.subscription.unsubscribe();
      },
      () => setSession(null),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  useEffect(() => {
    if (!session) return setAllowed(null);
    // Asking for one team is the cheapest way to learn whether the database sees an admin.
    callRpc(adminTeams, { page_size: 1 }).then((answer) => setAllowed(answer.ok ? true : answer.code === 'forbidden' ? false : null));
  }, [session]);

  return { session, allowed, signOut: () => void supabase?.auth.signOut() };
}
