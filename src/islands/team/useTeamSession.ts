import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session, SupabaseClient } from '@supabase/supabase-js';
import { t } from '../../lib/i18n/team';
import { callRpc } from '../../lib/api/rpc';
import { teamSession, type TeamSession } from '../../lib/api/team';
import { renewWindowMs, sessionState, type SessionState } from '../../lib/team/format';
import { errorText } from '../../lib/team/labels';

/** How often the clock ticks (ages, deadlines and the session's expiry are read from it). */
const CLOCK_MS = 15_000;

export interface TeamSessionState {
  /** undefined while supabase-js reads its stored session; null when signed out. */
  session: Session | null | undefined;
  /** Whether this tab signed out (the sign-in form shows, whatever supabase-js still holds). */
  signedOut: boolean;
  /** The member's team and rights (team_session), null until it arrives. */
  membership: TeamSession | null;
  membershipError: string | null;
  /** A message for the person: signed out, session ended, sign-out failed. */
  notice: string | null;
  /** The clock of the workspace, ticking every 15 s. */
  now: Date;
  /** The session as the member should hear about it (expiring soon, with the minutes left). */
  state: SessionState;
  /** Renews the session now (the "Gia hạn phiên" button; also done by itself before expiry). */
  renew(): void;
  /** Signs out of this device ('local') or every device ('global'), then shows `message`. */
  signOut(scope: 'local' | 'global', message: string): Promise<void>;
}

/**
 * The signed-in person of the team workspace: their supabase-js session, their membership
 * (team_session), a clock, and the session's end. It renews the session a few minutes before it
 * ends (supabase-js would try only at the last minute); `state` warns if that did not work; once it
 * has ended, this device is signed out. Nothing personal is written to browser storage except the
 * tokens supabase-js keeps (removed on sign-out).
 */
export function useTeamSession(supabase: SupabaseClient): TeamSessionState {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [membership, setMembership] = useState<TeamSession | null>(null);
  const [membershipError, setMembershipError] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const renewing = useRef(false);

  useEffect(() => {
    // supabase-js reports the stored session first (INITIAL_SESSION), then every change. No other
    // supabase call may be awaited inside this callback, so it only records what happened.
    const { data } = supabase.auth.onAuthStateChange((event, next) => {
      setSession(next);
      if (event === 'SIGNED_IN') setSignedOut(false);
      if (event === 'SIGNED_OUT') setMembership(null);
    });
    const clock = setInterval(() => setNow(new Date()), CLOCK_MS);
    return () => {
      data.subscription.unsubscribe();
      clearInterval(clock);
    };
  }, [supabase]);

  const userId = session?.user.id ?? null;
  useEffect(() => {
    setMembership(null);
    setMembershipError(null);
    if (!userId) return;
    let live = true;
    void callRpc(teamSession, {}, supabase).then((answer) => {
      if (!live) return;
      if (answer.ok) setMembership(answer.data);
      else setMembershipError(errorText(answer.code));
    });
    return () => {
      live = false;
    };
  }, [userId, supabase]);

  const signOut = useCallback(
    async (scope: 'local' | 'global', message: string) => {
      const { error } = await supabase.auth.signOut({ scope });
      // Signing out of this device never fails; signing out everywhere needs the server.
      if (error && scope === 'global') {
        setNotice(t('team.session.signOutFailed'));
        return;
      }
      setMembership(null);
      setSignedOut(true);
      setNotice(message);
    },
    [supabase],
  );

  const expiresAt = session?.expires_at;
  const renewWindow = renewWindowMs(session?.expires_in);
  const renew = useCallback(() => {
    if (renewing.current) return;
    renewing.current = true;
    // Offline, supabase-js keeps retrying for a while; the token's expiry tells whether it worked.
    void supabase.auth.refreshSession().finally(() => {
      renewing.current = false;
    });
  }, [supabase]);
  useEffect(() => {
    if (!expiresAt || signedOut) return;
    const left = expiresAt * 1000 - now.getTime();
    if (left <= 0) void signOut('local', t('team.session.expired'));
    else if (left <= renewWindow) renew();
  }, [expiresAt, now, renew, renewWindow, signedOut, signOut]);

  return {
    session,
    signedOut,
    membership,
    membershipError,
    notice,
    now,
    state: sessionState(expiresAt, now, renewWindow),
    renew,
    signOut,
  };
}
