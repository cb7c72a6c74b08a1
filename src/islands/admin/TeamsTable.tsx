import { useState } from 'react';
import { t } from '../../lib/i18n/admin';
import type { AdminTeam } from '../../lib/api/admin';

interface Props {
  teams: AdminTeam[];
  /** Commune names by code (the page's list; the server's name otherwise). */
  communeName: Map<string, string>;
  onEdit(team: AdminTeam): void;
  /** Deactivates (after a confirmation) or reactivates the team. */
  onToggle(team: AdminTeam): Promise<void>;
}

/** One page of teams: code, name, commune, load (red when full), status, and the row's actions. */
export default function TeamsTable({ teams, communeName, onEdit, onToggle }: Props) {
  const [confirming, setConfirming] = useState<number | null>(null);
  async function toggle(team: AdminTeam) {
    await onToggle(team);
    setConfirming(null);
  }
  return (
    <div className="app-admin__scroll">
      <table className="app-admin__table">
        <thead>
          <tr>
            <th scope="col">{t('admin.teams.col.code')}</th>
            <th scope="col">{t('admin.teams.col.name')}</th>
            <th scope="col">{t('admin.teams.col.commune')}</th>
            <th scope="col">{t('admin.teams.col.load')}</th>
            <th scope="col">{t('admin.teams.col.status')}</th>
            <th scope="col">{t('admin.teams.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id} data-team-code={team.code}>
              <td>{team.code}</td>
              <td>{team.name}</td>
              <td>{communeName.get(team.commune_code) ?? team.commune_name}</td>
              <td className={team.open_count >= team.capacity ? 'app-admin__full' : undefined}>
                {team.open_count} / {team.capacity}
              </td>
              <td>{team.active ? t('admin.teams.statusActive') : t('admin.teams.statusInactive')}</td>
              <td>
                <button type="button" className="app-admin__link" aria-label={t('admin.teams.editLabel', { code: team.code })} onClick={() => onEdit(team)}>
                  {t('admin.teams.edit')}
                </button>{' '}
                {confirming === team.id ? (
                  <span role="group" aria-label={t('admin.teams.deactivateLabel', { code: team.code })}>
                    <span className="app-admin__confirm">{t('admin.teams.confirmDeactivate', { code: team.code })}</span>{' '}
                    <button type="button" className="app-admin__link" onClick={() => void toggle(team)}>{t('admin.confirm.yes')}</button>{' '}
                    <button type="button" className="app-admin__link" onClick={() => setConfirming(null)}>{t('admin.confirm.no')}</button>
                  </span>
                ) : team.active ? (
                  <button type="button" className="app-admin__link" aria-label={t('admin.teams.deactivateLabel', { code: team.code })} onClick={() => setConfirming(team.id)}>
                    {t('admin.teams.deactivate')}
                  </button>
                ) : (
                  <button type="button" className="app-admin__link" aria-label={t('admin.teams.reactivateLabel', { code: team.code })} onClick={() => void toggle(team)}>
                    {t('admin.teams.reactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
