import { useState } from 'react';
import { t, type MessageKey } from '../../lib/i18n/admin';
import SignIn from '../shared/SignIn';
import TeamsPanel from './TeamsPanel';
import ImportPanel from './ImportPanel';
import StatsPanel from './StatsPanel';
import OutreachStatsPanel from './OutreachStatsPanel';
import GuideReviewPanel from './GuideReviewPanel';
import DeadNotificationsPanel from './DeadNotificationsPanel';
import type { AdminWorkspaceProps } from './AdminWorkspace';
import { useAdminSession } from './useAdminSession';

type Tab = 'teams' | 'import' | 'stats' | 'outreach' | 'guides' | 'notifications';

const TABS: [Tab, MessageKey][] = [
  ['teams', 'admin.tabs.teams'],
  ['import', 'admin.tabs.import'],
  ['stats', 'admin.tabs.stats'],
  ['outreach', 'admin.tabs.outreach'],
  ['guides', 'confirm.queue.title'],
  ['notifications', 'admin.tabs.notifications'],
];

/**
 * /quan-tri/ once a session is stored or someone has signed in (loaded lazily by AdminWorkspace);
 * non-admins are told so. Teams (search, filters, create, edit, deactivate, members), CSV import
 * and export, statistics, each panel in its own file. Every call goes through the contracts of
 * src/lib/api/admin.ts; the database checks the admin role.
 */
export default function SignedInAdmin({ communes, guides, posterNames }: AdminWorkspaceProps) {
  const { session, allowed, signOut } = useAdminSession();
  const [tab, setTab] = useState<Tab>('teams');

  if (session === undefined) return <p>{t('admin.loading')}</p>;
  if (!session) return <SignIn lead={t('admin.signIn.lead')} />;

  const email = session.user.email ?? '';
  const header = (
    <p className="app-admin__who">
      {t('admin.signedInAs', { email })}{' '}
      <button className="app-button app-button--secondary" type="button" onClick={signOut}>
        {t('admin.signOut')}
      </button>
    </p>
  );
  if (allowed === null) return <>{header}<p>{t('admin.loading')}</p></>;
  if (!allowed) return <>{header}<p className="app-panel" role="alert">{t('admin.notAdmin', { email })}</p></>;

  return (
    <div className="app-admin">
      {header}
      <nav aria-label={t('admin.tabs.label')} className="app-admin__tabs">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" className="app-admin__tab" aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
            {t(label)}
          </button>
        ))}
      </nav>
      {tab === 'teams' && <TeamsPanel communes={communes} viewer={{ email, role: 'admin' }} />}
      {tab === 'import' && <ImportPanel />}
      {tab === 'stats' && <StatsPanel posterNames={posterNames} />}
      {tab === 'outreach' && <OutreachStatsPanel />}
      {tab === 'guides' && <GuideReviewPanel guides={guides} />}
      {tab === 'notifications' && <DeadNotificationsPanel />}
    </div>
  );
}
