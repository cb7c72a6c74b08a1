import { useState, type FormEvent, type ReactNode } from 'react';
import { t } from '../../lib/i18n/sessions';
import type { HelpSessionInput, TeamHelpSessions } from '../../lib/api/sessions';
import { PLATFORM_IDS } from '../../lib/domain/platform-ids';
import { vietnamDay } from '../../lib/domain/vietnam-time';
import { weekdayOf } from '../../lib/domain/recurrence';
import { sessionErrorText, sessionFieldOf, type SessionField } from '../../lib/sessions/errors';
import { weekdayName } from '../../lib/sessions/format';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import TextField from '../shared/TextField';
import { useProblems } from '../shared/useProblems';
import type { FlashState } from '../shared/Flash';
import type { HelpSessionsState } from './useHelpSessions';
import type { PlatformLinks } from './types';

interface Props {
  data: TeamHelpSessions;
  state: HelpSessionsState;
  flash: FlashState;
  platforms: PlatformLinks;
}

/** Ids of the form's controls, in its order (the error summary links to them). */
const ids: Record<SessionField, string> = {
  place: 'tw-session-place',
  address: 'tw-session-address',
  commune: 'tw-session-commune',
  day: 'tw-session-day',
  time: 'tw-session-start',
  weekdays: 'tw-session-weekdays',
  until: 'tw-session-until',
  topics: 'tw-session-topics',
  note: 'tw-session-note',
};

/** A fresh form: weekly from today on today's weekday, for four weeks, 14:00–17:00. */
function emptySession(commune: string): HelpSessionInput {
  const today = vietnamDay();
  return {
    place_name: '',
    address: '',
    commune_code: commune,
    first_day: today,
    starts_at: '14:00',
    ends_at: '17:00',
    weekdays: [weekdayOf(today)],
    until_day: vietnamDay(28),
    topics: [],
    note: null,
  };
}

/** Adds a help session: one day, or weekly on chosen weekdays until a day. The server checks it all. */
export default function SessionForm({ data, state, flash, platforms }: Props) {
  const [session, setSession] = useState<HelpSessionInput>(() => emptySession(data.team.commune.code));
  const [weekly, setWeekly] = useState(true);
  const problems = useProblems<SessionField>();
  const errors = problems.fields;
  const set = <K extends keyof HelpSessionInput>(key: K, value: HelpSessionInput[K]) => setSession((last) => ({ ...last, [key]: value }));
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const sent: HelpSessionInput = weekly ? session : { ...session, weekdays: [], until_day: null };
    const answer = await state.save(sent);
    if (!answer) return;
    if (!answer.ok) {
      const field = sessionFieldOf(answer.code);
      const text = sessionErrorText(answer.code);
      return problems.fail(field ? { fields: { [field]: text } } : { message: text });
    }
    problems.clear();
    setSession(emptySession(data.team.commune.code));
    flash.show(t('sessions.form.saved'));
  }

  const checkboxes = (id: string, legend: string, error: string | undefined, options: [string, string][], chosen: string[], onToggle: (value: string) => void): ReactNode => (
    <Field id={id} label={legend} group error={error}>
      <div className="app-sessions__checks">
        {options.map(([value, label]) => (
          <label key={value} className="app-sessions__check">
            <input type="checkbox" checked={chosen.includes(value)} onChange={() => onToggle(value)} /> {label}
          </label>
        ))}
      </div>
    </Field>
  );

  return (
    <form className="app-team__panel" onSubmit={submit} noValidate aria-labelledby="tw-session-title">
      <h3 id="tw-session-title">{t('sessions.form.title')}</h3>
      <ErrorSummary items={problems.items(ids)} message={problems.message} headingLevel={4} focusKey={problems.focusKey} />
      <TextField id={ids.place} label={t('sessions.form.place')} hint={t('sessions.form.placeHint')} error={errors.place} maxLength={120} value={session.place_name} onChange={(v) => set('place_name', v)} />
      <TextField id={ids.address} label={t('sessions.form.address')} hint={t('sessions.form.addressHint')} error={errors.address} maxLength={200} value={session.address} onChange={(v) => set('address', v)} />
      <Field id={ids.commune} label={t('sessions.form.commune')} error={errors.commune}>
        {(control) => (
          <select {...control} className="app-input" value={session.commune_code} onChange={(event) => set('commune_code', event.target.value)}>
            {data.team.communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField id={ids.day} label={t('sessions.form.day')} error={errors.day} type="date" value={session.first_day} onChange={(v) => set('first_day', v)} />
      <div className="app-team__row">
        <TextField id={ids.time} label={t('sessions.form.start')} error={errors.time} type="time" value={session.starts_at} onChange={(v) => set('starts_at', v)} />
        <TextField id="tw-session-end" label={t('sessions.form.end')} type="time" value={session.ends_at} onChange={(v) => set('ends_at', v)} />
      </div>
      <Field id="tw-session-repeat" label={t('sessions.form.repeat')} group>
        <div className="app-sessions__checks">
          <label className="app-sessions__check">
            <input type="radio" name="tw-session-repeat" checked={!weekly} onChange={() => setWeekly(false)} /> {t('sessions.form.once')}
          </label>
          <label className="app-sessions__check">
            <input type="radio" name="tw-session-repeat" checked={weekly} onChange={() => setWeekly(true)} /> {t('sessions.form.weekly')}
          </label>
        </div>
      </Field>
      {weekly && (
        <>
          {checkboxes(ids.weekdays, t('sessions.form.weekdays'), errors.weekdays, [1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), weekdayName(d)]), session.weekdays.map(String), (value) =>
            set('weekdays', toggle(session.weekdays, Number(value)).sort()),
          )}
          <TextField id={ids.until} label={t('sessions.form.until')} error={errors.until} type="date" value={session.until_day ?? ''} onChange={(v) => set('until_day', v || null)} />
        </>
      )}
      {checkboxes(ids.topics, t('sessions.form.topics'), errors.topics, PLATFORM_IDS.map((id) => [id, platforms[id]?.name ?? id]), session.topics, (value) => set('topics', toggle(session.topics, value)))}
      <Field id={ids.note} label={t('sessions.form.note')} hint={t('sessions.form.noteHint')} error={errors.note}>
        {(control) => (
          <textarea {...control} className="app-input" rows={3} maxLength={320} value={session.note ?? ''} onChange={(event) => set('note', event.target.value || null)} />
        )}
      </Field>
      <div className="app-team__row">
        <button type="submit" className="app-button" aria-disabled={state.busy || undefined}>
          {t('sessions.form.save')}
        </button>
      </div>
    </form>
  );
}
