import { useState } from 'react';
import { t } from '../../lib/i18n/team';
import type { TeamListItem } from '../../lib/api/team';
import type { MembersViewer } from '../../lib/team/members';
import Field from '../shared/Field';
import Flash, { useFlash } from '../shared/Flash';
import { useMembers } from './useMembers';
import MemberList from './MemberList';
import AddMemberForm from './AddMemberForm';
import './base.css';

interface Props {
  /** Who is looking: marked "you" in the list; their role says what they may do. */
  viewer: MembersViewer;
  /**
   * The team shown first: null for the admins on no team. The panel keeps its own choice after
   * that; where the page shows another team in the same place, it keys the panel on the team.
   */
  teamId: number | null;
  /** Its name, for the heading, when the page knows it. */
  teamName?: string;
  /**
   * Admins pick the team from this list (team_list, null while it loads), the admins on no team
   * included: the team workspace, which reads the list once for its own choices too. Left out where
   * the page has chosen the team already (the admin workspace's team form).
   */
  choice?: { teams: TeamListItem[] | null };
  /** Level of the panel's heading: 2 as a section of the page, 4 inside the admin's team form. */
  headingLevel?: 2 | 4;
}

/**
 * Members of a team, the one panel for team leaders (their own team, in /doi/) and admins (any team,
 * or the admins on no team, in /doi/ and in the team form of /quan-tri/). Add by email (the person
 * signs in later with a code sent there), remove with a confirmation. The server checks every rule
 * again.
 */
export default function MembersPanel({ viewer, teamId: initialTeamId, teamName, choice, headingLevel = 2 }: Props) {
  const [teamId, setTeamId] = useState<number | null>(initialTeamId);
  const teams = choice?.teams;
  const flash = useFlash();
  const { members, busy, add, remove } = useMembers(teamId, flash);

  const Heading = headingLevel === 4 ? 'h4' : 'h2';
  const name = teams?.find((team) => team.id === teamId)?.name ?? teamName ?? '';
  return (
    <section aria-labelledby="tw-members-title">
      <Heading id="tw-members-title">{teamId === null ? t('team.members.admins') : t('team.members.ofTeam', { team: name })}</Heading>
      {choice && (
        <Field id="tw-members-team" label={t('team.members.choose')}>
          {(control) => (
            <select
              {...control}
              className="app-input"
              value={teamId ?? ''}
              onChange={(event) => setTeamId(event.target.value ? Number(event.target.value) : null)}
            >
              <option value="">{t('team.members.admins')}</option>
              {teams?.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name} ({team.member_count})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Flash state={flash} />
      {members && (
        <MemberList
          members={members}
          viewer={viewer}
          busy={busy}
          onRemove={(member) => remove(member, t('team.members.removed', { email: member.email }))}
        />
      )}
      {/* Keyed on the team, so what was typed for one team is not added to another. */}
      <AddMemberForm
        key={teamId ?? 'admins'}
        viewer={viewer}
        teamId={teamId}
        busy={busy}
        headingLevel={headingLevel === 4 ? 5 : 3}
        onAdd={add}
        onAdded={(email) => flash.show(t('team.members.added', { email }))}
      />
    </section>
  );
}
