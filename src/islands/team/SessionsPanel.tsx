import { useState } from 'react';
import { t } from '../../lib/i18n/sessions';
import type { TeamListItem } from '../../lib/api/team';
import Field from '../shared/Field';
import Flash, { useFlash } from '../shared/Flash';
import { useHelpSessions } from './useHelpSessions';
import PublicInfoForm from './PublicInfoForm';
import SessionList from './SessionList';
import SessionForm from './SessionForm';
import type { PlatformLinks } from './types';
import './base.css';
import './SessionsPanel.css';

interface Props {
  /** The member's team; null for admins on no team, who choose one from `teams`. */
  teamId: number | null;
  teams: TeamListItem[] | null;
  platforms: PlatformLinks;
  now: Date;
}

/**
 * Help sessions and posters of a team in /doi/: the team's public phone and whether it is listed
 * on the commune pages, its sessions (cancel a day or the series), a form to add one, and the links
 * that print the team's poster and sticker. Leaders change their own team; admins choose a team.
 * The server checks every rule again.
 */
export default function SessionsPanel({ teamId: ownTeam, teams, platforms, now }: Props) {
  const [chosen, setTeamId] = useState<number | null>(null);
  // Admins (on no team) look at the team they choose, the first of the list until they do.
  const teamId = ownTeam ?? chosen ?? teams?.[0]?.id ?? null;
  const flash = useFlash();
  const state = useHelpSessions(teamId, flash);
  const data = state.data;
  return (
    <section aria-labelledby="tw-sessions-title">
      <h2 id="tw-sessions-title">{t('sessions.nav')}</h2>
      {ownTeam === null && (
        <Field id="tw-sessions-team" label={t('sessions.team')}>
          {(control) => (
            <select {...control} className="app-input" value={teamId ?? ''} onChange={(event) => setTeamId(Number(event.target.value) || null)}>
              {teams?.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Flash state={flash} />
      {!data ? (
        <p>{t('sessions.loading')}</p>
      ) : (
        <>
          <PublicInfoForm key={`public-${data.team.id}`} data={data} state={state} flash={flash} />
          <SessionList data={data} state={state} flash={flash} now={now} />
          {data.can_change && <SessionForm key={`form-${data.team.id}`} data={data} state={state} flash={flash} platforms={platforms} />}
        </>
      )}
    </section>
  );
}
