import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session, SupabaseClient } from '@supabase/supabase-js';
import './form.css';
import './TeamWorkspace.css';
import { t } from '../../lib/i18n/team';
import { callRpc, loadSupabase } from '../../lib/api/rpc';
import { teamList, teamQueue, teamSession, type TeamListItem, type TeamQueue, type TeamSession } from '../../lib/api/team';
import { renewWindowMs, sessionState, titleWithCount } from '../../lib/team/format';
import { QUEUE_PAGE_MAX, QUEUE_PAGE_SIZE } from '../../lib/domain/team-vocabulary';
import SignIn from './SignIn';
import Queue from './Queue';
import RequestView from './RequestView';
import MembersPanel from './MembersPanel';
import { errorText, ROLE_LABELS } from '../../lib/team/labels';
import type { GuideLinks, PlatformLinks } from './types';

/** How often the open queue is fetched again while the tab is visible. */
const REFRESH_MS = 30_000;
/** Focus and visibility events arrive together; one fetch is enough. */
const MIN_GAP_MS = 2_000;

interface Props {
  /** Guides by short code, for links from a request to the guide (built at build time). */
  guides: GuideLinks;
  /** Platforms by id: short name and hub path. */
  platforms: PlatformLinks;
}

type Scope = { pool: true } | { pool: false; teamId: number | null };

// supabase-js (over half of the page's JavaScript) is fetched as soon as this module runs, while
// React draws the first screen; a failed download (offline) is tried again on request.
void loadSupabase().catch(() => {});

/**
 * The team workspace (/doi/): waits for supabase-js, then signs in and shows the team's requests
 * (SignedInArea). Nothing personal is ever written to browser storage.
 */
export default function TeamWorkspace(props: Props) {
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
function SignedInArea({ supabase, guides, platforms }: Props & { supabase: SupabaseClient }) {
  // undefined while supabase-js reads its stored session.
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
    const clock = setInterval(() => setNow(new Date()), 15_000);
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

  // Renew the session a few minutes before it ends (supabase-js would try only at the last
  // minute); the warning below shows if that did not work; once it has ended, sign out here.
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

  if (session === undefined) return <p>{t('team.loading')}</p>;
  if (!session || signedOut) return <SignIn notice={notice} />;

  const email = session.user.email ?? '';
  const state = sessionState(expiresAt, now, renewWindow);
  const account = (
    <div className="app-team__account">
      <p className="app-team__muted">{t('team.header.signedInAs', { email })}</p>
      {notice && <p className="app-team__notice" role="status">{notice}</p>}
      <div className="app-team__row">
        <button type="button" className="app-button app-button--secondary" onClick={() => void signOut('local', t('team.session.signedOut'))}>
          {t('team.session.signOut')}
        </button>
        <button
          type="button"
          className="app-button app-button--secondary"
          onClick={() => void signOut('global', t('team.session.signedOutEverywhere'))}
        >
          {t('team.session.signOutEverywhere')}
        </button>
      </div>
    </div>
  );

  return (
    <div className="app-team">
      {state.kind === 'expiring' && (
        <div className="app-team__warning" role="alert">
          <p>{t('team.session.expiring', { minutes: state.minutesLeft })}</p>
          <button type="button" className="app-button" onClick={renew}>
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
        <Workspace membership={membership} now={now} guides={guides} platforms={platforms} />
      )}
      {account}
    </div>
  );
}

interface WorkspaceProps {
  membership: TeamSession;
  now: Date;
  guides: GuideLinks;
  platforms: PlatformLinks;
}

/** The signed-in member's workspace: queue (refreshed on an interval and on focus), one request, members. */
function Workspace({ membership, now, guides, platforms }: WorkspaceProps) {
  const me = membership.member!;
  const canManageMembers = me.role !== 'member';
  const [view, setView] = useState<'queue' | 'members'>('queue');
  const [openId, setOpenId] = useState<number | null>(null);
  const [scope, setScope] = useState<Scope>(me.team_id === null ? { pool: true } : { pool: false, teamId: me.team_id });
  const [teams, setTeams] = useState<TeamListItem[] | null>(null);
  const [queue, setQueue] = useState<TeamQueue | null>(null);
  // How many of the oldest requests to fetch: grows on "Xem thêm", kept across the refreshes,
  // back to one page when the admin switches team or pool.
  const [pageSize, setPageSize] = useState(QUEUE_PAGE_SIZE);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const lastLoad = useRef(0);
  // Only the latest fetch may set the list (an older answer may be for another team or size).
  const loadSeq = useRef(0);
  const baseTitle = useRef(document.title);

  const load = useCallback(async () => {
    lastLoad.current = Date.now();
    const seq = ++loadSeq.current;
    setLoading(true);
    const answer = await callRpc(
      teamQueue,
      scope.pool ? { pool: true, page_size: pageSize } : { team_id: scope.teamId, page_size: pageSize },
    );
    if (seq !== loadSeq.current) return;
    setLoading(false);
    if (answer.ok) {
      setQueue(answer.data);
      setUpdatedAt(new Date());
      setError(null);
    } else {
      setError(errorText(answer.code));
    }
    setTick((n) => n + 1);
  }, [scope, pageSize]);

  useEffect(() => {
    void load();
    const again = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastLoad.current > MIN_GAP_MS) void load();
    };
    const timer = setInterval(again, REFRESH_MS);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [load]);

  // The number of requests waiting for someone to accept them, in the tab's title.
  useEffect(() => {
    document.title = titleWithCount(baseTitle.current, queue?.waiting ?? 0);
  }, [queue]);
  useEffect(() => {
    const title = baseTitle.current;
    return () => {
      document.title = title;
    };
  }, []);

  useEffect(() => {
    if (me.role !== 'admin') return;
    void callRpc(teamList, {}).then((answer) => {
      if (answer.ok) setTeams(answer.data);
    });
  }, [me.role]);

  // The phone's back gesture closes a request: opening one adds a history entry (the id only).
  useEffect(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    const onPop = (event: PopStateEvent) => {
      const id = (event.state as { request?: number } | null)?.request;
      setOpenId(typeof id === 'number' ? id : null);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  function open(id: number) {
    history.pushState({ request: id }, '', `#yeu-cau-${id}`);
    setOpenId(id);
    window.scrollTo(0, 0);
  }

  function close() {
    if ((history.state as { request?: number } | null)?.request) history.back();
    else setOpenId(null);
  }

  return (
    <>
      <p className="app-team__who">
        <strong>{me.name ?? me.email}</strong>
        <br />
        {me.team
          ? t('team.header.team', { role: t(ROLE_LABELS[me.role]), team: me.team.name })
          : t('team.header.noTeam', { role: t(ROLE_LABELS[me.role]) })}
      </p>
      {canManageMembers && openId === null && (
        <nav className="app-team__tabs" aria-label={t('team.nav.label')}>
          <button
            type="button"
            className={`app-button ${view === 'queue' ? '' : 'app-button--secondary'}`}
            aria-current={view === 'queue' ? 'page' : undefined}
            onClick={() => setView('queue')}
          >
            {t('team.nav.queue')}
          </button>
          <button
            type="button"
            className={`app-button ${view === 'members' ? '' : 'app-button--secondary'}`}
            aria-current={view === 'members' ? 'page' : undefined}
            onClick={() => setView('members')}
          >
            {t('team.nav.members')}
          </button>
        </nav>
      )}
      {view === 'members' && openId === null ? (
        <MembersPanel me={me} />
      ) : openId !== null ? (
        <RequestView
          key={openId}
          requestId={openId}
          now={now}
          guides={guides}
          platforms={platforms}
          minContactAttempts={membership.settings?.min_contact_attempts ?? 3}
          refreshTick={tick}
          onBack={close}
          onChanged={() => void load()}
        />
      ) : (
        <>
          {me.role === 'admin' && (
            <p>
              <label className="app-team__label" htmlFor="tw-scope">
                {t('team.scope.label')}
              </label>
              <select
                id="tw-scope"
                className="app-input"
                value={scope.pool ? 'pool' : String(scope.teamId)}
                onChange={(event) => {
                  setScope(event.target.value === 'pool' ? { pool: true } : { pool: false, teamId: Number(event.target.value) });
                  setPageSize(QUEUE_PAGE_SIZE);
                  setQueue(null);
                }}
              >
                <option value="pool">{t('team.scope.pool')}</option>
                {teams?.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name} ({team.open_count})
                  </option>
                ))}
              </select>
            </p>
          )}
          <Queue
            queue={queue}
            pageSize={pageSize}
            updatedAt={updatedAt}
            now={now}
            platforms={platforms}
            loading={loading}
            error={error}
            onOpen={open}
            onRefresh={() => void load()}
            onMore={() => {
              const next = Math.min((queue?.items.length ?? 0) + QUEUE_PAGE_SIZE, QUEUE_PAGE_MAX);
              // After a failed fetch the size is already asked for: fetch again.
              if (next === pageSize) void load();
              else setPageSize(next);
            }}
          />
        </>
      )}
    </>
  );
}
