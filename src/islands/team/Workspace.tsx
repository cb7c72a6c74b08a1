import { lazy, Suspense, useState } from 'react';
import { t } from '../../lib/i18n/team';
import { t as tn } from '../../lib/i18n/team-notifications';
import type { TeamListItem, TeamSession } from '../../lib/api/team';
import { ROLE_LABELS } from '../../lib/team/labels';
import Queue from './Queue';
import RequestView from './RequestView';
import MembersPanel from './MembersPanel';
import SessionsPanel from './SessionsPanel';
import { t as sessionsT } from '../../lib/i18n/sessions';
import NotificationsPanel from './NotificationsPanel';
import Field from '../shared/Field';
import Flash, { useFlash } from '../shared/Flash';
import { useQueue, type QueueScope } from './useQueue';
import { useOpenRequest } from './useOpenRequest';
import { useTeamList } from './useTeamList';
import type { GuideLinks, PlatformLinks } from './types';

interface Props {
  membership: TeamSession;
  now: Date;
  guides: GuideLinks;
  platforms: PlatformLinks;
  /** Every commune (code, name), for the outreach log's commune picker. */
  communes?: { code: string; name: string }[];
}

type View = 'queue' | 'members' | 'sessions' | 'outreach' | 'notifications';

// The outreach log is fetched when its tab is first opened: the queue, which every member opens
// first, does not wait for it.
const OutreachPanel = lazy(() => import('./OutreachPanel'));

/**
 * The signed-in member's workspace: the queue (refreshed on an interval and on focus), one request,
 * and for leaders and admins the members. Admins choose whose queue: the province pool or a team's.
 */
export default function Workspace({ membership, now, guides, platforms, communes = [] }: Props) {
  const me = membership.member!;
  const canManageMembers = me.role !== 'member';
  const [view, setView] = useState<View>('queue');
  const queue = useQueue(me.team_id === null ? { pool: true } : { pool: false, teamId: me.team_id });
  const { openId, open, close } = useOpenRequest();
  const teams = useTeamList(me.role === 'admin');
  // News for the queue view (a request handed over from the team).
  const queueFlash = useFlash();
  const handedOver = (message: string) => {
    close();
    queueFlash.show(message);
  };

  return (
    <>
      <p className="app-team__who">
        <strong>{me.name ?? me.email}</strong>
        <br />
        {me.team
          ? t('team.header.team', { role: t(ROLE_LABELS[me.role]), team: me.team.name })
          : t('team.header.noTeam', { role: t(ROLE_LABELS[me.role]) })}
      </p>
      {openId === null && <ViewTabs view={view} onChange={setView} members={canManageMembers} />}
      {view === 'sessions' && openId === null ? (
        <SessionsPanel teamId={me.team_id} teams={teams} platforms={platforms} now={now} />
      ) : view === 'notifications' && openId === null ? (
        <NotificationsPanel />
      ) : view === 'members' && openId === null ? (
        <MembersPanel viewer={me} teamId={me.team_id} teamName={me.team?.name} choice={me.role === 'admin' ? { teams } : undefined} />
      ) : view === 'outreach' && openId === null ? (
        <Suspense fallback={<p>{t('team.loading')}</p>}>
          <OutreachPanel me={me} communes={communes} now={now} />
        </Suspense>
      ) : openId !== null ? (
        <RequestView
          key={openId}
          requestId={openId}
          now={now}
          guides={guides}
          platforms={platforms}
          minContactAttempts={membership.settings?.min_contact_attempts ?? 3}
          refreshTick={queue.tick}
          onBack={close}
          onChanged={queue.refresh}
          onHandedOver={me.role === 'admin' ? undefined : handedOver}
        />
      ) : (
        <>
          <Flash state={queueFlash} />
          {me.role === 'admin' && <ScopePicker scope={queue.scope} teams={teams} onChange={queue.chooseScope} />}
          <Queue
            queue={queue.queue}
            pageSize={queue.pageSize}
            updatedAt={queue.updatedAt}
            now={now}
            platforms={platforms}
            loading={queue.loading}
            error={queue.error}
            onOpen={(id) => {
              queueFlash.clear();
              open(id);
            }}
            onRefresh={queue.refresh}
            onMore={queue.more}
          />
        </>
      )}
    </>
  );
}

/** Queue, members and help sessions (leaders and admins), the outreach log, notifications. */
function ViewTabs({ view, onChange, members }: { view: View; onChange(view: View): void; members: boolean }) {
  const tab = (id: View, label: string) => (
    <button
      type="button"
      className={`app-button ${view === id ? '' : 'app-button--secondary'}`}
      aria-current={view === id ? 'page' : undefined}
      onClick={() => onChange(id)}
    >
      {label}
    </button>
  );
  return (
    <nav className="app-team__tabs" aria-label={t('team.nav.label')}>
      {tab('queue', t('team.nav.queue'))}
      {members && tab('members', t('team.nav.members'))}
      {members && tab('sessions', sessionsT('sessions.nav'))}
      {tab('outreach', t('team.nav.outreach'))}
      {tab('notifications', tn('notifySettings.nav'))}
    </nav>
  );
}

interface ScopePickerProps {
  scope: QueueScope;
  teams: TeamListItem[] | null;
  onChange(scope: QueueScope): void;
}

/** Admins: the province pool or one team's queue (with its open count). */
function ScopePicker({ scope, teams, onChange }: ScopePickerProps) {
  return (
    <Field id="tw-scope" label={t('team.scope.label')}>
      {(control) => (
        <select
          {...control}
          className="app-input"
          value={scope.pool ? 'pool' : String(scope.teamId)}
          onChange={(event) =>
            onChange(event.target.value === 'pool' ? { pool: true } : { pool: false, teamId: Number(event.target.value) })
          }
        >
          <option value="pool">{t('team.scope.pool')}</option>
          {teams?.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name} ({team.open_count})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
