import { useMemo, useState } from 'react';
import { t } from '../../lib/i18n/admin';
import type { AdminTeam } from '../../lib/api/admin';
import type { AdminCommune } from '../../lib/admin/team-form';
import type { MembersViewer } from '../../lib/team/members';
import Flash from '../shared/Flash';
import TeamFilters from './TeamFilters';
import TeamsTable from './TeamsTable';
import TeamForm from './TeamForm';
import { useAdminTeams } from './useAdminTeams';

interface Props {
  communes: AdminCommune[];
  /** The admin signed in (for the members panel of the team form). */
  viewer: MembersViewer;
}

/** Teams: filters, one page of the list, the form of a new or edited team (with its members). */
export default function TeamsPanel({ communes, viewer }: Props) {
  const teams = useAdminTeams();
  const { data, page, pages } = teams;
  const [editing, setEditing] = useState<AdminTeam | 'new' | null>(null);
  const communeName = useMemo(() => new Map(communes.map((c) => [c.code, c.name])), [communes]);

  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">{t('admin.teams.title')}</h2>
      <TeamFilters communes={communes} filter={teams.filter} onChange={teams.setFilter} onApply={() => teams.goTo(1)} onNew={() => setEditing('new')} />
      <Flash state={teams.flash} />

      {editing && (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.id}
          team={editing === 'new' ? null : editing}
          viewer={viewer}
          onClose={() => setEditing(null)}
          onSaved={(team) => {
            teams.flash.show(t('admin.form.saved', { code: team.code }));
            setEditing(team);
            teams.reload();
          }}
        />
      )}

      {data && (
        <>
          <p>{t('admin.teams.count', { total: data.total })}</p>
          {data.teams.length === 0 ? (
            <p>{t('admin.teams.none')}</p>
          ) : (
            <TeamsTable teams={data.teams} communeName={communeName} onEdit={setEditing} onToggle={teams.toggle} />
          )}
          {pages > 1 && (
            <p className="app-admin__pager">
              <button type="button" className="app-button app-button--secondary" disabled={page <= 1} onClick={() => teams.goTo(page - 1)}>
                {t('admin.teams.prev')}
              </button>{' '}
              {t('admin.teams.page', { page, pages })}{' '}
              <button type="button" className="app-button app-button--secondary" disabled={page >= pages} onClick={() => teams.goTo(page + 1)}>
                {t('admin.teams.next')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
