import { useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { adminSaveTeam, type AdminTeam } from '../../lib/api/admin';
import { errorText } from '../../lib/admin/format';
import { TEAM_FORM_FIELDS, teamFormErrors, teamFormValues } from '../../lib/admin/team-form';
import type { TeamFields } from '../../lib/schemas/team-fields';
import type { MembersViewer } from '../../lib/team/members';
import ErrorSummary from '../shared/ErrorSummary';
import TextField from '../shared/TextField';
import { useProblems } from '../shared/useProblems';
import MembersPanel from '../team/MembersPanel';

interface Props {
  /** The team edited, or null for a new one. */
  team: AdminTeam | null;
  viewer: MembersViewer;
  onClose(): void;
  onSaved(team: AdminTeam): void;
}

/**
 * A new or edited team: its fields as text (the rules of a CSV row, checked by the database, whose
 * problems show at each field and in the error summary); for a team that exists, its members.
 * The form starts from `team` when it mounts: the list keys it on the team, so editing another
 * team (or the new one once saved) starts afresh.
 */
export default function TeamForm({ team, viewer, onClose, onSaved }: Props) {
  const [fields, setFields] = useState<TeamFields>(() => teamFormValues(team));
  // Problems by column (the database's check), and a failed call.
  const problems = useProblems<string>();
  const errors = problems.fields;
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await callRpc(adminSaveTeam, { team_id: team?.id ?? null, team: fields });
    setBusy(false);
    // A failed call leaves the problems of the last check at their fields.
    if (!answer.ok) return problems.fail({ fields: errors, message: errorText(answer.code) });
    if (!answer.data.ok) return problems.fail({ fields: teamFormErrors(answer.data.errors) });
    problems.clear();
    // The fields as the database keeps them (a commune typed by name shows as its code).
    setFields(teamFormValues(answer.data.team));
    onSaved(answer.data.team);
  }

  // Problems of a column the form has no field for (none today) are listed without a link.
  const fieldNames = new Set<string>(TEAM_FORM_FIELDS.map((f) => f.name));
  const summary = TEAM_FORM_FIELDS.filter((f) => errors[f.name]).map((f) => ({ id: `tf-${f.name}`, message: `${t(f.label)}: ${errors[f.name]}` }));
  const other = Object.entries(errors).filter(([column]) => !fieldNames.has(column)).map(([, text]) => text);
  return (
    <section className="app-panel app-admin__form" aria-labelledby="team-form-title">
      <h3 id="team-form-title">{team ? t('admin.form.titleEdit', { code: team.code }) : t('admin.form.titleNew')}</h3>
      <form onSubmit={save} noValidate>
        <ErrorSummary items={summary} message={[problems.message, ...other].filter(Boolean).join(' ') || null} headingLevel={4} focusKey={problems.focusKey} />
        {TEAM_FORM_FIELDS.map(({ name, label, hint }) => (
          <TextField
            key={name}
            id={`tf-${name}`}
            label={t(label)}
            hint={hint && t(hint)}
            error={errors[name]}
            readOnly={name === 'code' && !!team}
            value={fields[name] ?? ''}
            onChange={(value) => setFields({ ...fields, [name]: value })}
          />
        ))}
        <button className="app-button" type="submit" disabled={busy}>{busy ? t('admin.form.saving') : t('admin.form.save')}</button>{' '}
        <button className="app-button app-button--secondary" type="button" onClick={onClose}>{t('admin.form.cancel')}</button>
      </form>
      {team && <MembersPanel key={team.id} viewer={viewer} teamId={team.id} teamName={team.name} headingLevel={4} />}
    </section>
  );
}
