import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/team';
import type { RpcResult } from '../../lib/api/rpc';
import type { Member } from '../../lib/api/team';
import type { MemberRole } from '../../lib/domain/team-vocabulary';
import { errorText, ROLE_LABELS } from '../../lib/team/labels';
import { assignableRoles, memberFieldOf, newMemberProblem, type MemberField, type MembersViewer } from '../../lib/team/members';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import TextField from '../shared/TextField';
import { useProblems } from '../shared/useProblems';
import type { NewMember } from './useMembers';

interface Props {
  viewer: MembersViewer;
  /** The team the person joins (null: an admin on no team). */
  teamId: number | null;
  busy: boolean;
  /** Level of the form's heading (one below the panel's). */
  headingLevel: 3 | 5;
  /** Sends the person; null when another change is under way. */
  onAdd(person: NewMember): Promise<RpcResult<Member> | null>;
  /** The person was added (the panel says so). */
  onAdded(email: string): void;
}

/** Ids of the form's controls, in the order of the form (the error summary links to them). */
const ids: Record<MemberField, string> = { email: 'tw-add-email', name: 'tw-add-name', role: 'tw-add-role' };

/**
 * Adds a person by email, with an optional display name and a role the viewer may give. What is
 * wrong shows at its field and in the error summary above the form.
 */
export default function AddMemberForm({ viewer, teamId, busy, headingLevel, onAdd, onAdded }: Props) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const problems = useProblems<MemberField>();
  const roles = useMemo(() => assignableRoles(viewer.role, teamId), [viewer.role, teamId]);

  useEffect(() => {
    if (!roles.includes(role)) setRole(roles[0]);
  }, [roles, role]);

  /** Shows a problem at its field, or above the form when it is about no field. */
  function fail(code: string) {
    const field = memberFieldOf(code);
    problems.fail(field ? { fields: { [field]: errorText(code) } } : { message: errorText(code) });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problem = newMemberProblem(email);
    if (problem) return fail(problem);
    const answer = await onAdd({ email, name, role });
    if (!answer) return;
    if (!answer.ok) return fail(answer.code);
    problems.clear();
    setEmail('');
    setName('');
    onAdded(answer.data.email);
  }

  const Heading = headingLevel === 5 ? 'h5' : 'h3';
  const errors = problems.fields;
  return (
    <form className="app-team__panel" onSubmit={submit} noValidate aria-labelledby="tw-add-title">
      <Heading id="tw-add-title">{t('team.members.add')}</Heading>
      <p className="app-team__hint">{t('team.members.addHint')}</p>
      <ErrorSummary items={problems.items(ids)} message={problems.message} headingLevel={headingLevel === 5 ? 6 : 4} focusKey={problems.focusKey} />
      <TextField
        id={ids.email}
        label={t('team.members.email')}
        error={errors.email}
        type="email"
        inputMode="email"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={254}
        value={email}
        onChange={setEmail}
      />
      <TextField id={ids.name} label={t('team.members.name')} error={errors.name} autoComplete="off" maxLength={80} value={name} onChange={setName} />
      <Field id={ids.role} label={t('team.members.role')} error={errors.role}>
        {(control) => (
          <select {...control} className="app-input" value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABELS[r])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="app-team__row">
        <button type="submit" className="app-button" aria-disabled={busy || undefined}>
          {busy ? t('team.action.busy') : t('team.members.save')}
        </button>
      </div>
    </form>
  );
}
