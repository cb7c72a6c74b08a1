import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import './base.css';
import './TeamWorkspace.css';
import '../shared/flash.css';
import { t } from '../../lib/i18n/team';
import { loadSupabase } from '../../lib/api/rpc';
import SignIn from '../shared/SignIn';
import { hasStoredSession } from '../shared/stored-session';
// The workspace's panels load once a member has signed in: the sign-in form, all a signed-out
// visitor needs, comes without them (issue 17: /doi/ sign-in usable sooner on a slow network).
const Workspace = lazy(() => import('./Workspace'));
const GuideConfirmPanel = lazy(() => import('./GuideConfirmPanel'));
import { useTeamSession, type TeamSessionState } from './useTeamSession';
import type { GuideLinks, PlatformLinks } from './types';

interface Props {
  /** Guides by short code, for links from a request to the guide (built at build time). */
  guides: GuideLinks;
  /** Platforms by id: short name and hub path. */
  platforms: PlatformLinks;
  /** Every commune (code, name), for the outreach log. */
  communes?: { code: string; name: string }[];
}

// supabase-js (over half of the page's JavaScript) is fetched as soon as this module runs in the
// browser, while React hydrates the first screen; a failed download (offline) is tried again on request.
if (typeof window !== 'undefined') void loadSupabase().catch(() => {});

/**
 * The team workspace (/doi/): the sign-in form at once when no session is stored, else waits for
 * supabase-js; then shows the team's requests (SignedInArea). Nothing personal is ever written to
 * browser storage. The sign-in form is rendered on the server, so it can be filled in and sent
 * before React runs (EarlySend.astro); with a session stored the page hides it until then
 * (src/pages/doi/index.astro) and the first layout effect, before any paint, moves on.
 */
export default function TeamWorkspace(props: Props) {
  const [supabase, setSupabase] = useState<SupabaseClient | null>(null);
  const [failed, setFailed] = useState(false);
  // Signed out on the server and in the render that hydrates it; the stored session is read next.
  const [signedIn, setSignedIn] = useState(false);
  useLayoutEffect(() => {
    if (hasStoredSession()) setSignedIn(true);
  }, []);
  const load = useCallback(() => {
    setFailed(false);
    loadSupabase().then(setSupabase, () => setFailed(true));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    // Signed out: SignIn (below) signs in through supabase-js, which announces the new session.
    if (!supabase || signedIn) return;
    const { data } = supabase.auth.onAuthStateChange((_event, session) => {
      if (session) setSignedIn(true);
    });
    return () => data.subscription.unsubscribe();
  }, [supabase, signedIn]);
  if (!signedIn) return <SignIn />;
  if (supabase) return <SignedInArea supabase={supabase} {...props} />;
  if (!failed) return <p>{t('team.loading')}</p>;
  return (
    <div role="alert">
      <p className="app-team__error">{t('team.error.network')}</p>
      <button type="button" className="app-button" onClick={load}>
        {t('team.queue.refresh')}
      </button>
    </div>
  );
}

/**
 * Sign-in with an emailed code, then the team's requests. Everything personal lives in this
 * component's memory only: nothing is written to localStorage or sessionStorage except the tokens
 * supabase-js keeps (removed on sign-out); the address bar holds at most a request id.
 */
function SignedInArea({ supabase, guides, platforms, communes }: Props & { supabase: SupabaseClient }) {
  const auth = useTeamSession(supabase);
  const { session, membership, membershipError, state } = auth;

  if (session === undefined) return <p>{t('team.loading')}</p>;
  if (!session || auth.signedOut) return <SignIn notice={auth.notice} />;

  const email = session.user.email ?? '';
  return (
    <div className="app-team">
      {state.kind === 'expiring' && (
        <div className="app-team__warning" role="alert">
          <p>{t('team.session.expiring', { minutes: state.minutesLeft })}</p>
          <button type="button" className="app-button" onClick={auth.renew}>
            {t('team.session.renew')}
          </button>
        </div>
      )}
      {membershipError && <p className="app-team__error" role="alert">{membershipError}</p>}
      {!membership && !membershipError && <p>{t('team.loading')}</p>}
      {membership && !membership.member && (
        <section className="app-panel" aria-labelledby="tw-nomember-title">
          <h2 id="tw-nomember-title">{t('team.notMember.title')}</h2>
          <p>{t('team.notMember.body', { email })}</p>
        </section>
      )}
      {membership?.member && (
        <Suspense fallback={<p>{t('team.loading')}</p>}>
          <Workspace membership={membership} now={auth.now} guides={guides} platforms={platforms} communes={communes} />
          <GuideConfirmPanel guides={guides} platforms={platforms} />
        </Suspense>
      )}
      <Account email={email} auth={auth} />
    </div>
  );
}

/** Who is signed in, the last notice, and the two ways to sign out. */
function Account({ email, auth }: { email: string; auth: TeamSessionState }) {
  return (
    <div className="app-team__account">
      <p className="app-team__muted">{t('team.header.signedInAs', { email })}</p>
      {auth.notice && <p className="app-notice" role="status">{auth.notice}</p>}
      <div className="app-team__row">
        <button type="button" className="app-button app-button--secondary" onClick={() => void auth.signOut('local', t('team.session.signedOut'))}>
          {t('team.session.signOut')}
        </button>
        <button
          type="button"
          className="app-button app-button--secondary"
          onClick={() => void auth.signOut('global', t('team.session.signedOutEverywhere'))}
        >
          {t('team.session.signOutEverywhere')}
        </button>
      </div>
    </div>
  );
}
