import { useEffect, useLayoutEffect, useState } from 'react';
import { loadSupabase, supabaseLoaded } from '../../lib/api/load-supabase';
import { hasStoredSession } from './stored-session';

/**
 * Whether a workspace (/doi/, /quan-tri/) moves on from its sign-in form to its signed-in area.
 * False on the server and in the render that hydrates the server-rendered form; true from the
 * first layout effect (before any paint) when a session is stored, or once supabase-js announces
 * a sign-in. Signed out, it does not load supabase-js itself: the sign-in form does, when it is
 * first used, so a signed-out first view runs only React and the form (issue 17: Lighthouse's
 * blocking time on /doi/ and /quan-tri/).
 */
export function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(false);
  useLayoutEffect(() => {
    if (!hasStoredSession()) return;
    setSignedIn(true);
    // The signed-in area needs supabase-js at once: fetch it beside the area's own chunk.
    void loadSupabase().catch(() => {});
  }, []);
  useEffect(() => {
    if (signedIn) return;
    let live = true;
    let unsubscribe = () => {};
    void supabaseLoaded().then((supabase) => {
      if (!live) return;
      const { data } = supabase.auth.onAuthStateChange((_event, session) => {
        if (session) setSignedIn(true);
      });
      unsubscribe = () => data.subscription.unsubscribe();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [signedIn]);
  return signedIn;
}
