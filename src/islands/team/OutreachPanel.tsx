import { useState } from 'react';
import './outreach.css';
import { t } from '../../lib/i18n/outreach';
import type { TeamSession } from '../../lib/api/team';
import type { OutreachEntry } from '../../lib/api/outreach';
import { emptyValues, toInput, valuesOf } from '../../lib/outreach/form';
import { outreachErrorText } from '../../lib/outreach/labels';
import { vietnamDay } from '../../lib/domain/vietnam-time';
import Flash, { useFlash } from '../shared/Flash';
import OutreachForm from './OutreachForm';
import OutreachList from './OutreachList';
import { useOutreach } from './useOutreach';

type Me = NonNullable<TeamSession['member']>;

interface Props {
  me: Me;
  /** Every commune (code and name), for the commune picker. */
  communes: { code: string; name: string }[];
  now: Date;
}

/**
 * The outreach log in the team workspace: the form (new entry, or one of the member's own being
 * edited), the member's recent entries with "Sửa" and "Xoá" for 7 days, and for leaders (and
 * admins on a team) the team's entries.
 */
export default function OutreachPanel({ me, communes, now }: Props) {
  const seesTeam = me.role !== 'member' && me.team_id !== null;
  const log = useOutreach(seesTeam);
  const flash = useFlash();
  const [editing, setEditing] = useState<OutreachEntry | null>(null);
  const [formKey, setFormKey] = useState(0);
  const limits = { editDays: log.mine?.edit_days ?? 7, maxAgeDays: log.mine?.max_age_days ?? 60 };
  const teamCommune = communes.find((c) => c.name === me.team?.commune_name)?.code ?? communes[0]?.code ?? '';

  if (me.team_id === null) return <p className="app-panel">{t('outreach.noTeam')}</p>;

  function done(text: string) {
    setEditing(null);
    setFormKey((k) => k + 1);
    flash.show(text);
  }

  async function remove(entry: OutreachEntry) {
    const answer = await log.remove(entry.id);
    if (answer.ok) {
      if (editing?.id === entry.id) setEditing(null);
      flash.show(t('outreach.deleted'));
    } else flash.show(outreachErrorText(answer.code, limits), true);
  }

  return (
    <section aria-labelledby="ol-title">
      <h2 id="ol-title">{t('outreach.title')}</h2>
      <p className="app-team__hint">{t('outreach.lead')}</p>
      <Flash state={flash} />
      <OutreachForm
        key={editing ? `edit-${editing.id}` : `new-${formKey}`}
        initial={editing ? valuesOf(editing) : emptyValues(teamCommune, vietnamDay(0, now))}
        editingId={editing?.id ?? null}
        communes={communes}
        limits={limits}
        now={now}
        busy={log.busy}
        onSave={(values) => log.save(editing?.id ?? null, toInput(values))}
        onSaved={() => done(editing ? t('outreach.updated') : t('outreach.saved'))}
        onCancel={() => setEditing(null)}
      />
      {log.error && <p className="app-team__error" role="alert">{outreachErrorText(log.error, limits)}</p>}
      <OutreachList
        title={t('outreach.mine')}
        entries={log.mine?.entries ?? null}
        busy={log.busy}
        onEdit={(entry) => {
          setEditing(entry);
          requestAnimationFrame(() => document.getElementById('ol-form-title')?.scrollIntoView());
        }}
        onDelete={(entry) => void remove(entry)}
      />
      {seesTeam && <OutreachList title={t('outreach.team')} entries={log.team} showAuthor />}
    </section>
  );
}
