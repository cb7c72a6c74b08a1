import { useCallback, useEffect, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { t } from '../../lib/i18n/team';
import { loadSupabase } from '../../lib/api/rpc';
import SignIn from '../shared/SignIn';
import GuideConfirmPanel from './GuideConfirmPanel';
import Workspace from './Workspace';
import type { TeamWorkspaceProps } from './TeamWorkspace';
import { useTeamSession, type TeamSessionState } from './useTeamSession';

/**
 * /doi/ once a session is stored or a member has signed in (loaded lazily by TeamWorkspace): waits
 * for supabase-js (a failed download can be tried again), then the team's requests.
 */
export default function SignedInWorkspace(props: TeamWorkspaceProps) {
  const [supabase, setSupabase] = useState<SupabaseClient | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    setFailed(false);
    loadSupabase().then(setSupabase, () => setFailed(true));
  }, []);
  useEffect(load, [load]);
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
function SignedInArea({ supabase, guides, platforms, communes }: TeamWorkspaceProps & { supabase: SupabaseClient }) {
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
        <>
          <Workspace membership={membership} now={auth.now} guides={guides} platforms={platforms} communes={communes} />
          <GuideConfirmPanel guides={guides} platforms={platforms} />
        </>
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
