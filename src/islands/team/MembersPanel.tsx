import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/team';
import { isEmail } from '../../lib/team/format';
import { callRpc } from '../../lib/api/rpc';
import {
  addTeamMember,
  removeTeamMember,
  teamList,
  teamMembers,
  type Member,
  type TeamListItem,
  type TeamSession,
} from '../../lib/api/team';
import { MEMBER_ROLES, type MemberRole } from '../../lib/domain/team-vocabulary';
import { errorText, ROLE_LABELS } from '../../lib/team/labels';

type Me = NonNullable<TeamSession['member']>;

interface Props {
  me: Me;
}

/**
 * Members of a team: leaders see and manage their own team; admins choose any team (or the admins
 * on no team). Add by email (the person signs in later with a code sent there), remove with a
 * confirmation. The server checks every rule again.
 */
export default function MembersPanel({ me }: Props) {
  const isAdmin = me.role === 'admin';
  const [teams, setTeams] = useState<TeamListItem[] | null>(null);
  const [teamId, setTeamId] = useState<number | null>(me.team_id);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const [confirming, setConfirming] = useState<Member | null>(null);
  const [flash, setFlash] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const flashRef = useRef<HTMLDivElement>(null);

  // Leaders add members and leaders; admins anyone to a team, and admins to no team.
  const roles = useMemo(
    () => MEMBER_ROLES.filter((r) => (isAdmin ? teamId !== null || r === 'admin' : r !== 'admin')),
    [isAdmin, teamId],
  );

  const load = useCallback(async () => {
    const answer = await callRpc(teamMembers, { team_id: teamId });
    if (answer.ok) setMembers(answer.data);
    else setFlash({ text: errorText(answer.code), error: true });
  }, [teamId]);

  useEffect(() => {
    setMembers(null);
    void load();
  }, [load]);

  useEffect(() => {
    if (!isAdmin) return;
    void callRpc(teamList, {}).then((answer) => {
      if (answer.ok) setTeams(answer.data);
    });
  }, [isAdmin]);

  useEffect(() => {
    if (!roles.includes(role)) setRole(roles[0]);
  }, [roles, role]);

  function show(text: string, error = false) {
    setFlash({ text, error });
    requestAnimationFrame(() => flashRef.current?.focus());
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!isEmail(email)) return show(errorText('email_invalid'), true);
    setBusy(true);
    const answer = await callRpc(addTeamMember, { email, name: name.trim() || null, role, team_id: teamId });
    setBusy(false);
    if (!answer.ok) return show(errorText(answer.code), true);
    setEmail('');
    setName('');
    show(t('team.members.added', { email: answer.data.email }));
    void load();
  }

  async function remove(member: Member) {
    if (busy) return;
    setBusy(true);
    const answer = await callRpc(removeTeamMember, { member_id: member.id });
    setBusy(false);
    setConfirming(null);
    if (!answer.ok) return show(errorText(answer.code), true);
    show(t('team.members.removed', { email: member.email }));
    void load();
  }

  const teamName = teams?.find((team) => team.id === teamId)?.name;
  return (
    <section aria-labelledby="tw-members-title">
      <h2 id="tw-members-title">
        {teamId === null ? t('team.members.admins') : t('team.members.ofTeam', { team: teamName ?? me.team?.name ?? '' })}
      </h2>
      {isAdmin && (
        <p>
          <label className="app-team__label" htmlFor="tw-members-team">
            {t('team.members.choose')}
          </label>
          <select
            id="tw-members-team"
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
        </p>
      )}
      <div ref={flashRef} tabIndex={-1} role="status" aria-live="polite" className="app-team__flash-box">
        {flash && <p className={flash.error ? 'app-team__error' : 'app-team__notice'}>{flash.text}</p>}
      </div>
      {members && members.length === 0 && <p>{t('team.members.empty')}</p>}
      {members && members.length > 0 && (
        <ul className="app-team__members">
          {members.map((member) => (
            <li key={member.id}>
              <span>
                <strong>{member.name ?? member.email}</strong> {member.id === me.id && t('team.members.you')}
                <br />
                <span className="app-team__muted">
                  {member.name && <>{member.email} · </>}
                  {t(ROLE_LABELS[member.role])} · {member.signed_in ? t('team.members.signedIn') : t('team.members.notYet')}
                </span>
              </span>
              {member.id !== me.id && (isAdmin || member.role !== 'admin') && (
                <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(member)}>
                  {t('team.members.remove')}
                  <span className="app-visually-hidden"> {member.email}</span>
                </button>
              )}
              {confirming?.id === member.id && (
                <div className="app-team__confirm">
                  <p>{t('team.members.removeConfirm', { email: member.email })}</p>
                  <div className="app-team__row">
                    <button type="button" className="app-button" onClick={() => void remove(member)} aria-disabled={busy || undefined}>
                      {t('team.members.removeYes')}
                    </button>
                    <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(null)}>
                      {t('team.action.cancel')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <form className="app-team__panel" onSubmit={add} noValidate aria-labelledby="tw-add-title">
        <h3 id="tw-add-title">{t('team.members.add')}</h3>
        <p className="app-team__hint">{t('team.members.addHint')}</p>
        <label className="app-team__label" htmlFor="tw-add-email">
          {t('team.members.email')}
        </label>
        <input
          id="tw-add-email"
          className="app-input"
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label className="app-team__label" htmlFor="tw-add-name">
          {t('team.members.name')}
        </label>
        <input
          id="tw-add-name"
          className="app-input"
          type="text"
          autoComplete="off"
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label className="app-team__label" htmlFor="tw-add-role">
          {t('team.members.role')}
        </label>
        <select id="tw-add-role" className="app-input" value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_LABELS[r])}
            </option>
          ))}
        </select>
        <div className="app-team__row">
          <button type="submit" className="app-button" aria-disabled={busy || undefined}>
            {busy ? t('team.action.busy') : t('team.members.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
